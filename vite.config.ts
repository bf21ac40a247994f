/// <reference types="vitest/config" />
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, defineConfig, type Plugin, type ResolvedConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The demo build's index.html carries the overview already drawn, with the figures of the mocked API
 * (src/app/prerender.tsx renders it in Node after the bundle is written): a phone paints the report
 * from the HTML instead of after downloading, starting and asking the app. On any other URL an inline
 * script hides that markup before it is painted and the plain frame shows instead.
 * A build against a real API is not prerendered: its figures are not known when it is built.
 */
function prerenderOverview(): Plugin {
  let config: ResolvedConfig;
  let mockApiFile: string | undefined;
  let overviewFile: string | undefined;
  return {
    name: 'jindu:prerender-overview',
    apply: (_config, env) => env.command === 'build' && env.isSsrBuild !== true,
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        if (output.facadeModuleId?.endsWith('/mocks/browser.ts')) mockApiFile = output.fileName;
        if (output.facadeModuleId?.endsWith('/src/features/overview/overview-route.tsx')) overviewFile = output.fileName;
      }
    },
    async closeBundle() {
      if (config.env.VITE_API_BASE_URL || mockApiFile === undefined || overviewFile === undefined) return;
      const server = await createServer({
        configFile: config.configFile,
        mode: config.mode,
        base: config.base,
        logLevel: 'error',
        appType: 'custom',
        server: { middlewareMode: true, hmr: false, ws: false },
      });
      try {
        // The module's own type lives in src (built with the app's JSX settings): this is its shape.
        type PrerenderModule = { prerenderOverview: () => Promise<{ markup: string; state: { path: string } }> };
        const { prerenderOverview: render } = (await server.ssrLoadModule('/src/app/prerender.tsx')) as PrerenderModule;
        const { markup, state } = await render();
        const file = path.resolve(config.root, config.build.outDir, 'index.html');
        const html = withPrerenderedOverview(readFileSync(file, 'utf8'), markup, JSON.stringify(state), {
          path: state.path,
          mockApi: `${config.base}${mockApiFile}`,
          overview: `${config.base}${overviewFile}`,
        });
        writeFileSync(file, html);
      } finally {
        await server.close();
      }
    },
  };
}

/** index.html with the overview's markup in #root, its state beside it, and the plain frame apart. */
function withPrerenderedOverview(html: string, markup: string, state: string, urls: { path: string; mockApi: string; overview: string }): string {
  const frame = /<div id="root">\s*<!-- frame -->([\s\S]*?)<!-- \/frame -->\s*<\/div>/;
  const found = frame.exec(html);
  if (found === null) throw new Error('index.html: no <!-- frame --> block in #root to prerender into');
  const here = JSON.stringify(urls.path.replace(/\/+$/, '') || '/');
  // Runs before the body is parsed, so the wrong content is never painted. The mocked API's code is
  // fetched at once where a view will ask for data right away; the overview needs only its own code.
  const chooser = `<script>(function(){var d=document,l=d.createElement('link'),p=location.pathname.replace(/\\/+$/,'')||'/';l.rel='modulepreload';l.crossOrigin='';if(p!==${here}||location.search){d.documentElement.classList.add('jindu-elsewhere');l.href=${JSON.stringify(urls.mockApi)}}else{l.href=${JSON.stringify(urls.overview)}}d.head.appendChild(l)})()</script>
    <style>.jindu-elsewhere #root,html:not(.jindu-elsewhere) #jindu-frame{display:none}</style>`;
  // JSON inside <script> ends at the first "</script": no "<" may appear raw.
  const safeState = state.replace(/</g, '\\u003c');
  return html
    .replace('</head>', `  ${chooser}\n  </head>`)
    .replace(
      found[0],
      `<div id="jindu-frame">${found[1] ?? ''}</div>\n    <div id="root">${markup}</div>\n    <script type="application/json" id="jindu-prerendered">${safeState}</script>`,
    );
}

export default defineConfig({
  plugins: [react(), prerenderOverview()],
  // See mocks/public-suffix-shim.ts: MSW's cookie jar without the public suffix list.
  resolve: { alias: [{ find: /^tldts$/, replacement: fileURLToPath(new URL('./mocks/public-suffix-shim.ts', import.meta.url)) }] },
  server: { fs: { allow: ['..'] } },
  build: {
    // One stylesheet, loaded with the page (~9 KiB gzip in all), and the code every view shares in one
    // chunk: opening a view then asks for two files, not a dozen. Each file a lazy view waits for is a
    // <link> that Vite's loader adds while the router starts, and those additions held a phone's main
    // thread for ~130 ms (4× CPU throttle). The charts stay apart: recharts is for the domain page only.
    cssCodeSplit: false,
    rollupOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'shared', test: /\/src\/(components(?!\/charts)|progress|format|report-data|pinned|export)\// }],
        },
      },
    },
  },
  test: {
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          globals: true,
          environment: 'jsdom',
          setupFiles: ['./src/testing/setup-tests.ts'],
          include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      // The server's tests (README, "How the code is laid out"): Node, no DOM, no global MSW server.
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts'],
          globalSetup: ['./server/test/global-setup.ts'],
          // After the app's tests, not beside them: PGlite and the servers these start take whole
          // cores, and the component tests' timeouts do not allow for that on a 2-core machine.
          sequence: { groupOrder: 1 },
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
