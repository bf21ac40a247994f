/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { prerenderOverview } from './src/prerender/vite-plugin.ts';

/**
 * The API runs inside MSW in the demo (mocks/handlers.ts), with server/auth's session and throttle
 * rules, which import node:crypto and node:net. In the browser's build and dev server only, those
 * resolve to small stand-ins (mocks/node-*-shim.ts); server-side rendering and the tests run on Node
 * and keep Node's modules. Argon2 is never imported there (the demo hashes with PBKDF2).
 */
function browserNodeShims(): Plugin {
  const shims: Record<string, string> = {
    'node:crypto': fileURLToPath(new URL('./mocks/node-crypto-shim.ts', import.meta.url)),
    'node:net': fileURLToPath(new URL('./mocks/node-net-shim.ts', import.meta.url)),
  };
  return {
    name: 'jindu-browser-node-shims',
    enforce: 'pre',
    apply: () => process.env.VITEST === undefined,
    resolveId(source, _importer, options) {
      if (options.ssr === true) return null;
      return shims[source] ?? null;
    },
  };
}

export default defineConfig({
  plugins: [react(), prerenderOverview(), browserNodeShims()],
  // See mocks/public-suffix-shim.ts: MSW's cookie jar without the public suffix list.
  resolve: { alias: [{ find: /^tldts$/, replacement: fileURLToPath(new URL('./mocks/public-suffix-shim.ts', import.meta.url)) }] },
  server: { fs: { allow: ['..'] } },
  build: {
    // One stylesheet, loaded with the page, and the code every view shares in one chunk: opening a view
    // then asks for two files, not a dozen <link>s added while the router starts (README, Performance).
    // The charts stay apart: recharts is for the domain page only. So do the 填报 form's preview and the
    // before → after of a status: only /updates and /review use them, and they bring the tracking rules along.
    cssCodeSplit: false,
    rollupOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'shared', test: /\/src\/(components(?!\/(charts|status-change))|progress|format|report-data(?!\/figure-preview)|pinned|export)\// }],
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
          // Room for the 5 s waits of setup-tests.ts (findBy/waitFor) under load.
          testTimeout: 15_000,
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
