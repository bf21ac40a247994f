// What `npm start` needs built, and building it when it is missing or older than its sources: the
// app built for the server (its API at /api/v1, not mocked) and the server's bundle.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const appDir = path.join(root, 'dist-server', 'public');
export const serverEntry = path.join(root, 'dist-server', 'server', 'main.js');

/** The newest modification time among files and folders (walked), 0 when none exists. */
function newest(paths) {
  let latest = 0;
  const visit = (file) => {
    if (!existsSync(file)) return;
    const stat = statSync(file);
    if (stat.isDirectory()) {
      for (const name of readdirSync(file)) if (name !== 'node_modules' && !name.endsWith('.test.ts') && !name.endsWith('.test.tsx')) visit(path.join(file, name));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  for (const p of paths) visit(path.join(root, p));
  return latest;
}

const APP_SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json', 'tsconfig.app.json'];
// src as a whole: the server's bundle holds the overview it draws (src/prerender/server-entry.ts).
const SERVER_SOURCES = ['server', 'src', 'mocks/data', 'package-lock.json'];

const outdated = (output, sources) => !existsSync(output) || statSync(output).mtimeMs < newest(sources);

function run(args, env = {}) {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error(`vite ${args.join(' ')} failed (exit ${result.status})`);
}

/**
 * Writes FILE.br and FILE.gz beside each text file of the app, at the best compression: done once
 * here, so the server starts without compressing and sends the smallest files.
 */
function precompress(dir) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      precompress(file);
      continue;
    }
    if (!/\.(html|js|mjs|css|svg|json|txt|webmanifest)$/.test(name)) continue;
    const body = readFileSync(file);
    if (body.length < 1024) continue;
    writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
    writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  }
}

/** Builds what is missing or stale; `app: false` builds only the server's bundle (the tests). */
export function ensureServerBuild({ app = true, log = (line) => console.error(line) } = {}) {
  if (app && outdated(path.join(appDir, 'index.html'), APP_SOURCES)) {
    log('Building the app for the server (dist-server/public)…');
    run(['build', '--logLevel', 'warn', '--outDir', appDir, '--emptyOutDir'], { VITE_API_BASE_URL: '/api/v1' });
    precompress(appDir);
  }
  if (outdated(serverEntry, SERVER_SOURCES)) {
    log('Building the server (dist-server/server)…');
    run(['build', '--config', path.join(root, 'server', 'vite.config.ts')]);
  }
}

// `npm run build:server`: the same, as a command.
// --server-only: the bundle alone (the server's tests serve an app of their own).
if (process.argv[1] === fileURLToPath(import.meta.url)) ensureServerBuild({ app: !process.argv.includes('--server-only') });
