import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer, type Plugin, type ResolvedConfig, type Rolldown } from 'vite';
import { withPrerenderedOverview } from './index-html.ts';
import { MOCK_API_ENTRY, OVERVIEW_ROUTE_ENTRY, SERVER_CHOOSER_FILE, type ServerPrerenderChooser } from './markers.ts';

// Node only: the build's side of the prerendered overview. The rest of the unit is in this folder
// (markers.ts, the names every part shares; README "The API" tells the whole story).

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * index.html's inline script, bundled and minified from view-chooser-inline.ts. Its text is the same
 * in every build (what it needs comes from data attributes), so a server's Content-Security-Policy
 * can allow it by hash (cspHash) without 'unsafe-inline'.
 */
export async function viewChooserScript(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: here,
    build: {
      write: false,
      copyPublicDir: false,
      minify: true,
      lib: { entry: path.join(here, 'view-chooser-inline.ts'), formats: ['iife'], name: 'jinduViewChooser' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((file) => file.type === 'chunk');
  if (chunk === undefined || chunk.type !== 'chunk') throw new Error('the view chooser did not build');
  const script = chunk.code.trim();
  if (/<\/script/i.test(script)) throw new Error('the view chooser contains "</script" and cannot be inlined');
  return script;
}

/** The CSP source expression that allows an inline script or style with exactly this text. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** prerender-demo.ts's shape, restated: that module is typed with the app's settings (DOM), this one with Node's. */
type PrerenderDemoModule = { prerenderDemo: (basePath: string) => Promise<{ html: string; state: { path: string } }> };

/**
 * The demo build's index.html carries the overview already drawn, with the figures of the mocked API:
 * a phone paints the report from the HTML instead of after downloading, starting and asking the app.
 * On any other URL the inline script hides that markup before it is painted and the plain frame shows.
 * A build against a real API is not prerendered: its figures are not known when it is built. The
 * server draws it per data version instead, and this writes what it needs for that (SERVER_CHOOSER_FILE).
 */
export function prerenderOverview(): Plugin {
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
      const mockApi = path.resolve(config.root, MOCK_API_ENTRY);
      const overview = path.resolve(config.root, OVERVIEW_ROUTE_ENTRY);
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk' || !output.facadeModuleId) continue;
        if (path.resolve(output.facadeModuleId) === mockApi) mockApiFile = output.fileName;
        if (path.resolve(output.facadeModuleId) === overview) overviewFile = output.fileName;
      }
    },
    async closeBundle() {
      if (config.env.VITE_API_BASE_URL) {
        if (overviewFile === undefined) return;
        // The server draws the overview from live data at request time (server/node/overview-page.ts):
        // it needs the same inline script and the overview's chunk to preload, known only here.
        const chooser: ServerPrerenderChooser = { script: await viewChooserScript(), overview: `${config.base}${overviewFile}` };
        const file = path.resolve(config.root, config.build.outDir, SERVER_CHOOSER_FILE);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(chooser));
        return;
      }
      if (mockApiFile === undefined || overviewFile === undefined) return;
      const server = await createServer({
        configFile: config.configFile,
        mode: config.mode,
        base: config.base,
        logLevel: 'error',
        appType: 'custom',
        server: { middlewareMode: true, hmr: false, ws: false },
      });
      try {
        const demo = path.relative(config.root, path.join(here, 'prerender-demo.ts')).split(path.sep).join('/');
        const { prerenderDemo } = (await server.ssrLoadModule(`/${demo}`)) as PrerenderDemoModule;
        const rendered = await prerenderDemo(config.base);
        const file = path.resolve(config.root, config.build.outDir, 'index.html');
        const html = withPrerenderedOverview(readFileSync(file, 'utf8'), rendered, {
          script: await viewChooserScript(),
          data: { prerenderedPath: rendered.state.path, overview: `${config.base}${overviewFile}`, mockApi: `${config.base}${mockApiFile}` },
        });
        writeFileSync(file, html);
      } finally {
        await server.close();
      }
    },
  };
}
