// Runs the browser tests: serves the production builds with `vite preview` (dist/ at the site root,
// dist-subpath/ under /jindu/), then runs every e2e/*.test.mjs with node's test runner in Chromium.
// Build first: `npm run build && npm run build:subpath` (scripts/test-all.sh does).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vite = path.join(root, 'node_modules/vite/bin/vite.js');

for (const dir of ['dist', 'dist-subpath']) {
  if (!existsSync(path.join(root, dir, 'index.html'))) {
    console.error(`e2e: ${dir}/ is missing; run "npm run build && npm run build:subpath" first.`);
    process.exit(2);
  }
}

function serve(args) {
  return spawn(process.execPath, [vite, 'preview', '--strictPort', '--host', '127.0.0.1', ...args], { cwd: root, stdio: 'ignore' });
}

async function waitFor(url) {
  for (let i = 0; i < 100; i += 1) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

const servers = [
  serve(['--port', '4173', '--outDir', 'dist']),
  serve(['--port', '4174', '--outDir', 'dist-subpath', '--base', '/jindu/']),
];
const stopAll = () => servers.forEach((s) => s.kill());
process.on('exit', stopAll);

await Promise.all([waitFor('http://127.0.0.1:4173/'), waitFor('http://127.0.0.1:4174/jindu/')]);

const only = process.argv.slice(2);
const files = (only.length ? only : readdirSync(path.join(root, 'e2e')).filter((f) => f.endsWith('.test.mjs')).map((f) => path.join('e2e', f))).sort();

const reporterArgs = process.env.E2E_TAP_FILE
  ? ['--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${process.env.E2E_TAP_FILE}`]
  : [];
const child = spawn(process.execPath, ['--test', '--test-concurrency=1', ...reporterArgs, ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, E2E_BASE_URL: 'http://127.0.0.1:4173', E2E_SUBPATH_URL: 'http://127.0.0.1:4174/jindu/' },
});
const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
stopAll();
process.exit(code);
