/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The mocked API's code is a dynamic import of the entry chunk, so the browser would only ask for it
 * once the entry had downloaded and run: two downloads in a row before the first request for data.
 * A modulepreload link lets both download at once. Builds against a real API have no such chunk.
 */
function preloadMockApi(): Plugin {
  let base = '/';
  return {
    name: 'jindu:preload-mock-api',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const mockApi = Object.values(bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.facadeModuleId?.endsWith('/mocks/browser.ts'),
        );
        if (!mockApi) return [];
        return [
          { tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${mockApi.fileName}` }, injectTo: 'head' },
        ];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), preloadMockApi()],
  // See mocks/public-suffix-shim.ts: MSW's cookie jar without the public suffix list.
  resolve: { alias: [{ find: /^tldts$/, replacement: fileURLToPath(new URL('./mocks/public-suffix-shim.ts', import.meta.url)) }] },
  server: { fs: { allow: ['..'] } },
  // The only chunk past Vite's 500 kB warning is the mocked API (MSW and the report data), loaded by a
  // dynamic import and absent from a build against a real API; `npm run bench` budgets the app's code.
  build: {
    chunkSizeWarningLimit: 600,
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
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts'],
    restoreMocks: true,
  },
});
