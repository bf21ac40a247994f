// Runs the browser tests: serves the production builds with `vite preview` (dist/ at the site root,
// dist-subpath/ under /jindu/), then runs every e2e/*.test.mjs with node's test runner in Chromium.
// Beside them, the same user-visible checks against what `npm start` serves: the built server
// (dist-server/, built here when stale) on a database of its own in a temporary folder, running
// SERVER_FILES with E2E_BASE_URL pointing at it. One run after the other by default: on a 2-core machine
// side by side was no faster (one Chromium already keeps both cores busy: the demo's run took 851 s and
// the server's 791 s side by side, against 524 s and 273 s one after the other). E2E_PARALLEL=1 runs them
// side by side (and two demo files at a time) on a machine with cores to spare; the server run's report
// is then printed after the demo's, not interleaved with it.
// Build first: `npm run build && npm run build:subpath` (scripts/test-all.sh does).
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureServerBuild, serverEntry } from '../scripts/server-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vite = path.join(root, 'node_modules/vite/bin/vite.js');

// Overridable so that several builds can be tested side by side on one machine.
const distDir = process.env.E2E_DIST_DIR ?? 'dist';
const subpathDistDir = process.env.E2E_SUBPATH_DIST_DIR ?? 'dist-subpath';
const port = Number(process.env.E2E_PORT ?? 4173);
const subpathPort = port + 1;
// +5 is the real-API test's backend (e2e/real-api.test.mjs).
const serverPort = Number(process.env.E2E_SERVER_PORT ?? port + 7);

/**
 * The files that run against the server too: those whose checks need no mocked API (no window.msw
 * overrides, no service worker). server.test.mjs runs there alone: the wall, and that nothing of MSW loads.
 */
const SERVER_FILES = [
  'e2e/overview.test.mjs',
  'e2e/domain.test.mjs',
  'e2e/meeting.test.mjs',
  'e2e/server.test.mjs',
  'e2e/login.test.mjs',
  'e2e/admin.test.mjs',
  'e2e/updates.test.mjs',
  'e2e/live.test.mjs',
];
/** The server's first admin (server/node/first-admin.ts), for the sign-in tests there. */
const SERVER_ADMIN_PASSWORD = 'e2e-admin-password-2017';
const SERVER_ONLY = new Set(['e2e/server.test.mjs']);

for (const dir of [distDir, subpathDistDir]) {
  if (!existsSync(path.resolve(root, dir, 'index.html'))) {
    console.error(`e2e: ${dir}/ is missing; run "npm run build && npm run build:subpath" first.`);
    process.exit(2);
  }
}

function serve(args) {
  return spawn(process.execPath, [vite, 'preview', '--strictPort', '--host', '127.0.0.1', ...args], { cwd: root, stdio: 'ignore' });
}

async function waitFor(url, tries = 100, process = undefined) {
  for (let i = 0; i < tries; i += 1) {
    if (process && process.exitCode !== null) throw new Error(`the server for ${url} exited (${process.exitCode})`);
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
let jindu;
let dataDir;
const stopAll = () => {
  servers.forEach((s) => s.kill());
  // By its own pid; its database folder goes with it.
  if (jindu && jindu.exitCode === null) jindu.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
};
process.on('exit', stopAll);

const baseUrl = `http://127.0.0.1:${port}`;
const subpathUrl = `http://127.0.0.1:${subpathPort}/jindu/`;
await Promise.all([waitFor(`${baseUrl}/`), waitFor(subpathUrl)]);

const normalise = (f) => path.relative(root, path.resolve(root, f)).split(path.sep).join('/');
const only = process.argv.slice(2).map(normalise);
const files = (only.length ? only : readdirSync(path.join(root, 'e2e')).filter((f) => f.endsWith('.test.mjs')).map((f) => `e2e/${f}`)).sort();
const mockFiles = files.filter((f) => !SERVER_ONLY.has(f));
const serverFiles = files.filter((f) => SERVER_FILES.includes(f));

/**
 * One run of node's test runner; its TAP goes to `tap` (a file of its own) when asked for, its readable
 * report to stdout or, when `spec` names a file, there.
 */
async function runTests(list, env, tap, spec, concurrency = 1) {
  const specArgs = ['--test-reporter=spec', `--test-reporter-destination=${spec ?? 'stdout'}`];
  const reporterArgs = tap || spec ? [...specArgs, ...(tap ? ['--test-reporter=tap', `--test-reporter-destination=${tap}`] : [])] : [];
  const child = spawn(process.execPath, ['--test', `--test-concurrency=${concurrency}`, ...reporterArgs, ...list], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
}

const tapFile = process.env.E2E_TAP_FILE;
const serial = process.env.E2E_PARALLEL !== '1';
// The demo's files share only static servers, so two of them may run at once; the server's files
// share one database whose accounts and figures they change, so they run one at a time.
const demoConcurrency = serial ? 1 : Number(process.env.E2E_DEMO_CONCURRENCY ?? 2);
// Each run writes its own TAP; E2E_TAP_FILE gets both, one after the other, each with its summary
// (scripts/test-all.sh adds the summaries up).
const taps = [];

async function runDemo() {
  if (mockFiles.length === 0) return 0;
  const tap = tapFile && `${tapFile}.demo`;
  const code = await runTests(mockFiles, { E2E_BASE_URL: baseUrl, E2E_SUBPATH_URL: subpathUrl }, tap, undefined, demoConcurrency);
  if (tap) taps.push(tap);
  return code;
}

// Side by side, the server run's report waits in a file of its own until the demo's is printed.
const serverReport = serial ? undefined : path.join(mkdtempSync(path.join(os.tmpdir(), 'jindu-e2e-report-')), 'server.txt');
async function runServer() {
  if (serverFiles.length === 0) return 0;
  ensureServerBuild();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'jindu-e2e-'));
  jindu = spawn(process.execPath, [serverEntry], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(serverPort),
      HOST: '127.0.0.1',
      JINDU_DATA_DIR: dataDir,
      DATABASE_URL: '',
      JINDU_ADMIN_PASSWORD: SERVER_ADMIN_PASSWORD,
    },
  });
  const serverUrl = `http://127.0.0.1:${serverPort}`;
  // First start: migrations and the seed, seconds, but a minute and more on a loaded 2-core machine.
  await waitFor(`${serverUrl}/readyz`, 3000, jindu);
  const tap = tapFile && `${tapFile}.server`;
  // The sub-path tests among them still use the demo's sub-path build: the server serves the root only.
  const env = { E2E_BASE_URL: serverUrl, E2E_SUBPATH_URL: subpathUrl, E2E_SERVER: '1', E2E_ADMIN_PASSWORD: SERVER_ADMIN_PASSWORD };
  const code = await runTests(serverFiles, env, tap, serverReport);
  if (tap) taps.push(tap);
  return code;
}

const serverHeading = `\n── the same views from the built server (npm start), port ${serverPort}: ${serverFiles.join(', ')}`;
let codes;
if (serial) {
  const demo = await runDemo();
  if (serverFiles.length > 0) console.log(serverHeading);
  codes = [demo, await runServer().catch(failed)];
} else {
  codes = await Promise.all([runDemo(), runServer().catch(failed)]);
  if (serverFiles.length > 0) {
    console.log(serverHeading);
    if (serverReport && existsSync(serverReport)) console.log(readFileSync(serverReport, 'utf8'));
  }
}
if (serverReport) rmSync(path.dirname(serverReport), { recursive: true, force: true });
const code = codes.find((c) => c !== 0) ?? 0;

/** The server did not start (or its build failed): a failure of the run, said plainly. */
function failed(error) {
  console.error(`e2e: the server run failed before its tests: ${error instanceof Error ? error.message : error}`);
  return 1;
}

if (jindu && jindu.exitCode === null) {
  // SIGTERM: the server finishes, closes its database, and only then is its folder removed.
  const exited = new Promise((resolve) => jindu.once('exit', resolve));
  jindu.kill('SIGTERM');
  await exited;
}

if (tapFile) {
  rmSync(tapFile, { force: true });
  for (const tap of taps) {
    if (existsSync(tap)) appendFileSync(tapFile, readFileSync(tap));
    rmSync(tap, { force: true });
  }
}
stopAll();
process.exit(code);
