// Runs the browser tests: serves the production builds with `vite preview` (dist/ at the site root,
// dist-subpath/ under /jindu/), then runs every e2e/*.test.mjs with node's test runner in Chromium.
// Build first: `npm run build && npm run build:subpath` (scripts/test-all.sh does).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vite = path.join(root, 'node_modules/vite/bin/vite.js');

// Overridable so that several builds can be tested side by side on one machine.
const distDir = process.env.E2E_DIST_DIR ?? 'dist';
const subpathDistDir = process.env.E2E_SUBPATH_DIST_DIR ?? 'dist-subpath';
const port = Number(process.env.E2E_PORT ?? 4173);
const subpathPort = port + 1;

for (const dir of [distDir, subpathDistDir]) {
  if (!existsSync(path.resolve(root, dir, 'index.html'))) {
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
  serve(['--port', String(port), '--outDir', distDir]),
  serve(['--port', String(subpathPort), '--outDir', subpathDistDir, '--base', '/jindu/']),
];
const stopAll = () => servers.forEach((s) => s.kill());
process.on('exit', stopAll);

const baseUrl = `http://127.0.0.1:${port}`;
const subpathUrl = `http://127.0.0.1:${subpathPort}/jindu/`;
await Promise.all([waitFor(`${baseUrl}/`), waitFor(subpathUrl)]);

const only = process.argv.slice(2);
const files = (only.length ? only : readdirSync(path.join(root, 'e2e')).filter((f) => f.endsWith('.test.mjs')).map((f) => path.join('e2e', f))).sort();

const reporterArgs = process.env.E2E_TAP_FILE
  ? ['--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${process.env.E2E_TAP_FILE}`]
  : [];
const child = spawn(process.execPath, ['--test', '--test-concurrency=1', ...reporterArgs, ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, E2E_BASE_URL: baseUrl, E2E_SUBPATH_URL: subpathUrl },
});
const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
stopAll();
process.exit(code);
