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
    // Two entries: the server, and the overview it draws on `/` (src/prerender/server-entry.ts, the
    // app's React views). main.js loads render-overview.js with a dynamic import of the built file,
    // so the server's source imports nothing from src/features (README: the server and the app
    // share only src/api) while the page it sends is drawn by the very components the browser runs.
    ssr: true,
    outDir: 'dist-server/server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      input: { main: 'server/node/main.ts', users: 'server/node/users.ts', backup: 'server/node/backup.ts', 'render-overview': 'src/prerender/server-entry.ts' },
      output: { entryFileNames: '[name].js' },
    },
  },
});
