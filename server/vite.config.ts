import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The server's bundle (npm run build:server): server/node/main.ts and what it imports (the API, the
// database code, the migrations' SQL, the zod schemas and the report dataset) in one ES module that
// Node runs as it is, with no TypeScript at run time. Packages stay in node_modules (Vite's SSR
// build leaves them external): PGlite's WebAssembly and pg load from there.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: 'server/node/main.ts',
    outDir: 'dist-server/server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'main.js' } },
  },
});
