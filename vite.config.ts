/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { prerenderOverview } from './src/prerender/vite-plugin.ts';

export default defineConfig({
  plugins: [react(), prerenderOverview()],
  // See mocks/public-suffix-shim.ts: MSW's cookie jar without the public suffix list.
  resolve: { alias: [{ find: /^tldts$/, replacement: fileURLToPath(new URL('./mocks/public-suffix-shim.ts', import.meta.url)) }] },
  server: { fs: { allow: ['..'] } },
  build: {
    // One stylesheet, loaded with the page, and the code every view shares in one chunk: opening a view
    // then asks for two files, not a dozen <link>s added while the router starts (README, Performance).
    // The charts stay apart: recharts is for the domain page only.
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
