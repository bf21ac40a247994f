// npm run bench: builds for production and measures what our users feel, printing a table and writing
// bench-results/bench.json. Figures, in order:
//   1. first-load JS per route (gzip and brotli), split into app code and mock (MSW + report data) code
//   2. time to a fully rendered overview in headless Chromium on localhost (≥10 cold loads)
//   3. time to change a meeting slide (median of 50)
//   4. the wall's JS heap about every 100 rotations, on the same slide (full collections, heap snapshot)
//   5. Lighthouse 12.2.3 (mobile): performance, accessibility, best practices for / and /wall of the
//      demo build (mocked API), and for / of a build against a real API (VITE_API_BASE_URL), served
//      with the same answers from one origin by scripts/real-api-server.mjs
//   6. the built server (`npm start`, on a temporary embedded database): first-load JS of its app,
//      time to a fully rendered overview, Lighthouse on its /, and its API under 50 concurrent readers
//      (autocannon) beside the same server sending a small static file
//   7. the server on a meeting day (scripts/bench/server-bench.mjs): walls, dashboards and departments at
//      once on the embedded database and on PostgreSQL, approval → wall with one and two servers, the
//      wall for a week with its event stream, the server's memory over a polling run
// `--quick` skips Lighthouse and shortens the soak, for trying things out; budgets use the full run.
// `--long` runs part 7 at full length (the README's figures); CI runs it short.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { runnerImport } from 'vite';
import autocannon from 'autocannon';
import { ensureServerBuild } from './server-build.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { serveWithApi, snapshotApi } from './real-api-server.mjs';
import { printServerBench, serverBench, serverBenchSettings } from './bench/server-bench.mjs';
import { startServer } from './bench/server.mjs';
import { sampleRotations, settledHeap, slidesOnWall } from './bench/wall-heap.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'bench-results');
const distDir = path.join(outDir, 'dist');
const quick = process.argv.includes('--quick');
/** `--long` (or BENCH_LONG=1): the server's parts at full length, for the README's figures (minutes, not CI's seconds). */
const long = process.argv.includes('--long') || process.env.BENCH_LONG === '1';
/**
 * Lighthouse runs on the demo's / and the server's /, of which the median gates CI. Five, as Lighthouse's
 * own notes on variability advise: on CI's 2-core machine single runs of the same build scored 88 and 95
 * (TBT 0.4 s against 0.1 s), and the median of three still fell either side of 90.
 */
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);
const SERVER_LIGHTHOUSE_RUNS = Number(process.env.BENCH_SERVER_LIGHTHOUSE_RUNS ?? LIGHTHOUSE_RUNS);
const PORT = Number(process.env.BENCH_PORT ?? 4380);
const origin = `http://127.0.0.1:${PORT}`;
const SERVER_PORT = Number(process.env.BENCH_SERVER_PORT ?? PORT + 20);
const serverOrigin = `http://127.0.0.1:${SERVER_PORT}`;


mkdirSync(outDir, { recursive: true });

// ── 1. build and bundle sizes ────────────────────────────────────────────────────────────────────────
const build = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', distDir, '--emptyOutDir', '--manifest', '--sourcemap', 'hidden', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// The same app built against a real backend: what a deployment with its own API ships.
const realApiDistDir = path.join(outDir, 'dist-real-api');
const realApiBuild = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', realApiDistDir, '--emptyOutDir', '--manifest', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, VITE_API_BASE_URL: '/api/v1' } });
if (realApiBuild.status !== 0) process.exit(realApiBuild.status ?? 1);

// The chunks the prerendered page preloads, named where the prerender names them.
const { module: prerender } = await runnerImport('/src/prerender/markers.ts', { configFile: false, root, logLevel: 'error' });
const manifest = JSON.parse(readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8'));
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const mockKey = prerender.MOCK_API_ENTRY;
if (!manifest[mockKey]) throw new Error(`${mockKey} is not a chunk of the build`);
const routeKeys = {
  '/': prerender.OVERVIEW_ROUTE_ENTRY,
  '/domains/:domainId': 'src/features/domain/domain-route.tsx',
  '/wall': 'src/features/wall/wall-route.tsx',
  '/meeting': 'src/features/meeting/meeting-route.tsx',
  '/source': 'src/features/source/source-route.tsx',
};

/** A chunk and everything it imports statically: what the browser must fetch before it runs. */
function closure(key, seen = new Set(), from = manifest) {
  if (!key || seen.has(key)) return seen;
  seen.add(key);
  for (const dep of from[key]?.imports ?? []) closure(dep, seen, from);
  return seen;
}

const sizeCache = new Map();
function sizes(file, dir = distDir) {
  const cacheKey = path.join(dir, file);
  if (!sizeCache.has(cacheKey)) {
    const bytes = readFileSync(cacheKey);
    sizeCache.set(cacheKey, {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return sizeCache.get(cacheKey);
}
function total(keys, from = manifest, dir = distDir) {
  const sum = { raw: 0, gzip: 0, brotli: 0, files: [] };
  for (const key of keys) {
    const s = sizes(from[key].file, dir);
    sum.raw += s.raw;
    sum.gzip += s.gzip;
    sum.brotli += s.brotli;
    sum.files.push(from[key].file);
  }
  return sum;
}

// The demo's index.html carries the prerendered overview and the answers it was drawn from.
const indexHtml = sizes('index.html');
const entryChunks = closure(entryKey);
const mockChunks = [...closure(mockKey)].filter((k) => !entryChunks.has(k));
const routes = {};
for (const [route, key] of Object.entries(routeKeys)) {
  const app = new Set([...entryChunks, ...closure(key)]);
  for (const k of mockChunks) app.delete(k);
  routes[route] = { app: total(app), mock: total(mockChunks) };
}
// Which source files went into the entry chunks, from their source maps: MSW and the report data
// must load only through the dynamic import in src/app/mock-api.ts.
// Rolldown's runtime helper chunk (module loading glue, under 1 KiB) comes without a map.
const entrySources = [...entryChunks].flatMap((k) => {
  const map = path.join(distDir, `${manifest[k].file}.map`);
  if (existsSync(map)) return JSON.parse(readFileSync(map, 'utf8')).sources;
  if (/^assets\/rolldown-runtime-[\w-]+\.js$/.test(manifest[k].file) && sizes(manifest[k].file).raw < 2048) return [manifest[k].file];
  throw new Error(`no source map for entry chunk ${manifest[k].file}: cannot tell what is in it`);
});
// The server's app is the real-API build (the same VITE_API_BASE_URL, the same sources, so the same
// chunks): its first load per route, measured the same way, without mock code to leave out.
const realApiManifest = JSON.parse(readFileSync(path.join(realApiDistDir, '.vite/manifest.json'), 'utf8'));
const realApiEntry = Object.keys(realApiManifest).find((k) => realApiManifest[k].isEntry);
const serverRoutes = {};
for (const [route, key] of Object.entries(routeKeys)) {
  if (!realApiManifest[key]) throw new Error(`${key} is not a chunk of the real-API build`);
  serverRoutes[route] = total(new Set([...closure(realApiEntry, new Set(), realApiManifest), ...closure(key, new Set(), realApiManifest)]), realApiManifest, realApiDistDir);
}
const mswInEntry = entrySources.some((src) => /node_modules\/(msw|@mswjs)\/|(^|\/)mocks\//.test(src));
if (entrySources.length === 0) throw new Error('no source maps for the entry chunks: cannot tell what is in them');

// ── servers and browser ──────────────────────────────────────────────────────────────────────────────
const server = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--outDir', distDir, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { cwd: root, stdio: 'ignore' });
process.on('exit', () => server.kill());
for (let i = 0; ; i += 1) {
  try {
    if ((await fetch(`${origin}/`)).ok) break;
  } catch {
    if (i > 100) throw new Error('preview server did not start');
  }
  await new Promise((r) => setTimeout(r, 100));
}

// The built server, as `npm start` runs it (built here when stale), on an embedded database of its own.
ensureServerBuild();
const serverEntryChunk = realApiManifest[realApiEntry].file;
const serverServesMeasuredBuild = existsSync(path.join(root, 'dist-server', 'public', serverEntryChunk));
const jindu = await startServer({ port: SERVER_PORT });

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))];
  return { n: s.length, median: q(0.5), min: s[0], max: s[s.length - 1], p25: q(0.25), p75: q(0.75) };
};

// ── 2. time to a fully rendered overview ────────────────────────────────────────────────────────────
// "Fully rendered": every domain's name is on the page, gauges are drawn, no skeleton is left, and the
// app answers input (the prerendered overview is drawn before its code has taken it over).
// Every answer of the mocked API, read once: the domain names here, and later the real-API build's
// server answers with the same.
const apiAnswers = await (async () => {
  const page = await browser.newPage();
  const answers = await snapshotApi(page, origin);
  await page.close();
  return answers;
})();
const domainNames = apiAnswers['/reports/erqi-2017-h1'].domains.map((d) => d.name);

async function overviewLoad(at = origin) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${at}/`, { waitUntil: 'commit' });
  const ms = await page.evaluate(
    (names) =>
      new Promise((resolve, reject) => {
        setTimeout(() => reject(new Error('the overview did not finish rendering within 30 s')), 30_000);
        const done = () => {
          // textContent: innerText leaves out panels that content-visibility has not laid out yet.
          const text = document.getElementById('root')?.textContent ?? '';
          return (
            document.documentElement?.hasAttribute('data-app-ready') === true &&
            names.every((n) => text.includes(n)) &&
            document.querySelectorAll('[role="meter"]').length > 0 &&
            document.querySelectorAll('[aria-busy="true"]').length === 0
          );
        };
        const check = () => (done() ? resolve(performance.now()) : requestAnimationFrame(check));
        check();
      }),
    domainNames,
  );
  await context.close();
  return ms;
}
// Ten cold loads each (the ≥10 the header promises; twelve cost CI seconds a load, and no budget reads them).
const OVERVIEW_LOADS = 10;
const overviewTimes = [];
for (let i = 0; i < OVERVIEW_LOADS; i += 1) overviewTimes.push(await overviewLoad());
// The same from the built server: the app asks its /api/v1 (the database) for the figures.
const serverOverviewTimes = [];
for (let i = 0; i < OVERVIEW_LOADS; i += 1) serverOverviewTimes.push(await overviewLoad(serverOrigin));

// ── 3. meeting slide change ─────────────────────────────────────────────────────────────────────────
// From the key press to the next slide painted (the frame after its index is in the DOM).
async function slideChanges(count) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(`${origin}/meeting`);
  await page.waitForSelector('[data-slide-index]');
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
  const times = [];
  for (let i = 0; i < count; i += 1) {
    const key = i % 16 < 15 ? 'ArrowRight' : 'Home';
    times.push(
      await page.evaluate(
        (k) =>
          new Promise((resolve) => {
            const before = document.querySelector('[data-slide-index]')?.getAttribute('data-slide-index');
            const t0 = performance.now();
            document.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
            const wait = () => {
              const now = document.querySelector('[data-slide-index]')?.getAttribute('data-slide-index');
              if (now !== before) requestAnimationFrame(() => resolve(performance.now() - t0));
              else requestAnimationFrame(wait);
            };
            wait();
          }),
        key,
      ),
    );
  }
  await context.close();
  return times;
}
const slideTimes = await slideChanges(50);

// ── 4. wall heap over rotations ─────────────────────────────────────────────────────────────────────
// The demo wall, sampled as the wall for a week is (scripts/bench/wall-heap.mjs): the same slide each
// time, full collections, a heap snapshot's live bytes; from the first whole cycle after 200 rotations.
const WALL_SOAK_WARM_UP = 200;
async function wallSoak(rotations, every) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(`${origin}/wall?interval=5`);
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0 && /\d+ \/ \d+/.test(document.body.innerText));
  const cdp = await context.newCDPSession(page);
  const slides = await slidesOnWall(page);
  const { warmAt, endAt, at } = sampleRotations({ rotations, slides, every, warmUp: WALL_SOAK_WARM_UP });
  const samples = [await settledHeap(page, cdp, 0)];
  for (let r = 1; r <= endAt; r += 1) {
    await page.clock.runFor(5000);
    if (at.has(r)) samples.push(await settledHeap(page, cdp, r));
  }
  await context.close();
  return { rotations: endAt, slides, warmAt, endAt, samples };
}
const heap = await wallSoak(quick ? 200 : 600, 100);

// ── 5. Lighthouse ───────────────────────────────────────────────────────────────────────────────────
// Run as a child process without blocking this one: the real-API server answers from this process.
async function lighthouse(route, at = origin, name = route) {
  const file = path.join(outDir, `lighthouse${name.replace(/\W+/g, '-')}.json`);
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules/lighthouse/cli/index.js'),
      `${at}${route}`,
      '--quiet',
      '--output=json',
      `--output-path=${file}`,
      '--only-categories=performance,accessibility,best-practices',
      `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
    ],
    { cwd: root, env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, stdio: 'inherit' },
  );
  const timer = setTimeout(() => child.kill(), 180_000);
  const status = await new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  clearTimeout(timer);
  if (status !== 0) return { error: `lighthouse exited ${status}` };
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return {
    performance: Math.round(r.categories.performance.score * 100),
    accessibility: Math.round(r.categories.accessibility.score * 100),
    bestPractices: Math.round(r.categories['best-practices'].score * 100),
    fcpMs: Math.round(r.audits['first-contentful-paint'].numericValue),
    lcpMs: Math.round(r.audits['largest-contentful-paint'].numericValue),
    tbtMs: Math.round(r.audits['total-blocking-time'].numericValue),
    cls: +r.audits['cumulative-layout-shift'].numericValue.toFixed(3),
    siMs: Math.round(r.audits['speed-index'].numericValue),
    // What a low score is made of, for the log: when the page was first painted in the unthrottled
    // load, and the longest main-thread tasks of the simulated one (what counts towards TBT).
    observedFcpMs: r.audits.metrics?.details?.items?.[0]?.observedFirstContentfulPaint,
    longTasks: (r.audits['long-tasks']?.details?.items ?? [])
      .slice(0, 4)
      .map((t) => `${Math.round(t.duration)} ms at ${Math.round(t.startTime)} (${String(t.url).split('/').pop() || 'document'})`),
  };
}
/**
 * Lighthouse's own advice for a score that gates anything: the median of several runs, since one run
 * swings by several points with the machine's load. All runs' scores are kept in the results.
 */
async function lighthouseMedian(route, runs, at = origin, name = route) {
  const results = [];
  for (let i = 0; i < runs; i += 1) results.push(await lighthouse(route, at, `${name} run ${i + 1}`));
  const scored = results.filter((r) => !r.error).sort((a, b) => a.performance - b.performance);
  if (scored.length === 0) return results[0];
  return {
    ...scored[Math.floor((scored.length - 1) / 2)],
    runs: results.map((r) => r.performance ?? r.error),
    runDetails: results.map((r) => (r.error ? r.error : `${r.performance}: FCP ${r.fcpMs}, SI ${r.siMs}, LCP ${r.lcpMs}, TBT ${r.tbtMs} ms; first paint seen at ${r.observedFcpMs} ms; longest tasks ${r.longTasks.join(', ')}`)),
  };
}

await browser.close();
let lighthouseScores = {};
if (!quick) {
  const realApi = await serveWithApi(realApiDistDir, apiAnswers, PORT + 1);
  lighthouseScores = {
    '/': await lighthouseMedian('/', LIGHTHOUSE_RUNS),
    '/wall': await lighthouse('/wall'),
    '/ (real API)': await lighthouse('/', realApi.origin, '/ real API'),
    '/ (server)': await lighthouseMedian('/', SERVER_LIGHTHOUSE_RUNS, serverOrigin, '/ server'),
  };
  await realApi.close();
}
server.kill();

// ── 6. the server's API under load ─────────────────────────────────────────────────────────────────
// autocannon: 50 connections for 5 s per target, one target after the other, against the one server
// process. The static file is the yardstick: the same server sending a small file from disk, so the
// ratio says what the API (routing, the database, JSON, ETags) costs over plain serving on this
// machine, whatever else the machine is doing. Latencies are every response's, from autocannon's
// response events (its summary has p97.5, not p95). No Accept-Encoding: bodies go uncompressed.
// 5 s a target is some thousands of responses each on a 2-core machine, plenty for a p95 and the ratio
// the budget reads (10 s gave the same ratios and cost CI 20 s more).
const LOAD = { connections: 50, durationS: quick ? 3 : 5 };
const etag = (await fetch(`${serverOrigin}/api/v1/reports/erqi-2017-h1/domains/air-pollution`)).headers.get('etag');
if (!etag) throw new Error('the server sent no ETag for a domain');
const loadTargets = [
  { name: 'API report', path: '/api/v1/reports/erqi-2017-h1', expect: 200 },
  { name: 'API domain', path: '/api/v1/reports/erqi-2017-h1/domains/air-pollution', expect: 200 },
  { name: 'API domain 304', path: '/api/v1/reports/erqi-2017-h1/domains/air-pollution', expect: 304, headers: { 'if-none-match': etag } },
  { name: 'static file', path: '/favicon.svg', expect: 200 },
];
async function load({ path: urlPath, headers = {}, expect }) {
  const times = [];
  const instance = autocannon({ url: `${serverOrigin}${urlPath}`, connections: LOAD.connections, duration: LOAD.durationS, headers });
  instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  const r = await instance;
  const q = stats(times);
  const pct = (p) => {
    const sorted = [...times].sort((a, b) => a - b);
    return +sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))].toFixed(2);
  };
  const statuses = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, { count }]) => [code, count]));
  return {
    requestsPerS: Math.round(r.requests.average),
    requests: r.requests.total,
    p50Ms: pct(0.5),
    p95Ms: pct(0.95),
    p99Ms: pct(0.99),
    maxMs: q.max,
    errors: r.errors,
    timeouts: r.timeouts,
    unexpectedStatus: Object.entries(statuses).reduce((n, [code, count]) => (Number(code) === expect ? n : n + count), 0),
    statuses,
    kBPerS: Math.round(r.throughput.average / 1000),
  };
}
const serverLoad = { connections: LOAD.connections, durationS: LOAD.durationS, targets: {} };
for (const target of loadTargets) serverLoad.targets[target.name] = { path: target.path, expect: target.expect, ...(await load(target)) };
const staticP95 = serverLoad.targets['static file'].p95Ms;
for (const target of Object.values(serverLoad.targets)) target.p95VsStatic = +(target.p95Ms / staticP95).toFixed(2);

// ── 7. the server on a meeting day (issue 17): mixed load on both databases, approval → wall with one
// and two servers, the wall for a week, a long polling run (scripts/bench/server-bench.mjs) ──────────
const serverUnderLoad = await serverBench({ embedded: jindu, basePort: SERVER_PORT + 1, settings: serverBenchSettings(long) });
await jindu.stop();

// ── report ──────────────────────────────────────────────────────────────────────────────────────────
const kib = (b) => (b / 1024).toFixed(1);
const results = {
  date: new Date().toISOString(),
  quick,
  firstLoadJs: Object.fromEntries(
    Object.entries(routes).map(([r, v]) => [
      r,
      {
        appGzipKiB: +kib(v.app.gzip),
        appBrotliKiB: +kib(v.app.brotli),
        mockGzipKiB: +kib(v.mock.gzip),
        mockBrotliKiB: +kib(v.mock.brotli),
        appFiles: v.app.files,
      },
    ]),
  ),
  indexHtml: { rawKiB: +kib(indexHtml.raw), gzipKiB: +kib(indexHtml.gzip), brotliKiB: +kib(indexHtml.brotli) },
  mswInEntryChunk: mswInEntry,
  overviewRenderMs: stats(overviewTimes.map((t) => Math.round(t))),
  meetingSlideChangeMs: stats(slideTimes.map((t) => +t.toFixed(1))),
  wallHeap: heap,
  lighthouse: lighthouseScores,
  server: {
    firstLoadJs: Object.fromEntries(
      Object.entries(serverRoutes).map(([r, v]) => [r, { appGzipKiB: +kib(v.gzip), appBrotliKiB: +kib(v.brotli), appFiles: v.files }]),
    ),
    servesMeasuredBuild: serverServesMeasuredBuild,
    overviewRenderMs: stats(serverOverviewTimes.map((t) => Math.round(t))),
    load: serverLoad,
  },
  serverUnderLoad,
};
writeFileSync(path.join(outDir, 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);

console.log('\nFirst-load JS per route (KiB)          app gzip  app br   mock gzip  mock br');
for (const [r, v] of Object.entries(results.firstLoadJs)) {
  console.log(`  ${r.padEnd(36)} ${String(v.appGzipKiB).padStart(8)} ${String(v.appBrotliKiB).padStart(7)} ${String(v.mockGzipKiB).padStart(10)} ${String(v.mockBrotliKiB).padStart(8)}`);
}
console.log(`  MSW in the entry chunk: ${mswInEntry ? 'YES' : 'no'}; on / the mock code loads only when the app first asks for data`);
console.log(`index.html with the prerendered overview: ${results.indexHtml.gzipKiB} KiB gzip (${results.indexHtml.brotliKiB} brotli, ${results.indexHtml.rawKiB} raw)`);
const o = results.overviewRenderMs;
console.log(`Overview fully rendered (${o.n} cold loads): median ${o.median} ms, min ${o.min}, p25 ${o.p25}, p75 ${o.p75}, max ${o.max}`);
const m = results.meetingSlideChangeMs;
console.log(`Meeting slide change (${m.n}): median ${m.median} ms, p75 ${m.p75}, max ${m.max}`);
console.log(`Wall JS heap after full collections (the same slide, ${heap.slides} a cycle; live: heap snapshot, used: the heap's used size):`);
for (const s of heap.samples) {
  console.log(`  after ${String(s.rotation).padStart(4)} rotations: live ${s.liveMiB} MiB (JS objects ${s.jsObjectsMiB}, code ${s.codeMiB}, ${s.codeObjects} Code objects), used ${s.usedMiB} MiB, ${s.domNodes} DOM nodes`);
}
for (const [r, l] of Object.entries(lighthouseScores)) {
  console.log(`Lighthouse ${r}${l.runs ? ` (median of ${l.runs.length} runs: ${l.runs.join(', ')})` : ''}: ${l.error ?? `performance ${l.performance}, accessibility ${l.accessibility}, best practices ${l.bestPractices} (FCP ${l.fcpMs} ms, LCP ${l.lcpMs} ms, TBT ${l.tbtMs} ms, CLS ${l.cls})`}`);
  for (const [i, d] of (l.runDetails ?? []).entries()) console.log(`    run ${i + 1}: ${d}`);
}
console.log('\nThe built server (npm start, embedded database)');
console.log(`First-load JS per route (KiB)          app gzip  app br${results.server.servesMeasuredBuild ? '' : '   (NOT the build dist-server serves: stale?)'}`);
for (const [r, v] of Object.entries(results.server.firstLoadJs)) console.log(`  ${r.padEnd(36)} ${String(v.appGzipKiB).padStart(8)} ${String(v.appBrotliKiB).padStart(7)}`);
const so = results.server.overviewRenderMs;
console.log(`Overview fully rendered from the server (${so.n} cold loads): median ${so.median} ms, min ${so.min}, p25 ${so.p25}, p75 ${so.p75}, max ${so.max}`);
console.log(`Under load: ${serverLoad.connections} connections, ${serverLoad.durationS} s per target (autocannon)`);
console.log('  target            req/s    p50 ms   p95 ms   p99 ms  errors  unexpected status  p95 vs static');
for (const [name, t] of Object.entries(serverLoad.targets)) {
  console.log(`  ${name.padEnd(16)} ${String(t.requestsPerS).padStart(6)} ${String(t.p50Ms).padStart(8)} ${String(t.p95Ms).padStart(8)} ${String(t.p99Ms).padStart(8)} ${String(t.errors + t.timeouts).padStart(7)} ${String(t.unexpectedStatus).padStart(18)} ${String(t.p95VsStatic).padStart(13)}×`);
}
printServerBench(serverUnderLoad);
console.log(`\nWritten: ${path.relative(root, path.join(outDir, 'bench.json'))}`);
process.exit(0);
