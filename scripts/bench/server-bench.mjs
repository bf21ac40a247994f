// The server's part of `npm run bench` (issue 17): the built server under a meeting-day load, the
// time from an approval to the new figure on an open wall, the wall for a week with its event stream
// and approvals, and the server's memory over a long polling run; on the embedded database and, when
// a PostgreSQL server is at hand (JINDU_TEST_DATABASE_URL or DATABASE_URL), on a database of its own
// there, with a second server on it for the approvals that must cross from one server to the other.
//
// Run on its own: `node scripts/bench/server-bench.mjs [--long]` (writes bench-results/server-bench.json);
// `npm run bench` runs it too and keeps its figures in bench.json under `server`.
// The CI run is short (seconds per part); `--long` (or BENCH_LONG=1) gives the README's figures.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { ensureServerBuild } from '../server-build.mjs';
import { approvalToWall } from './approval-to-wall.mjs';
import { mixedLoad, pollingSoak } from './load.mjs';
import { createPostgresDatabase, postgresAdminUrl, startServer } from './server.mjs';
import { wallWeek } from './wall-week.mjs';

export function serverBenchSettings(long) {
  return long
    ? // The wall: 1,000 rotations after a warm-up of 400 (why 400: scripts/bench/wall-week.mjs).
      { long, loadS: 20, approvals: 20, wallRotations: 1400, wallWarmUp: 400, soakChunks: 6, soakChunkS: 20 }
    : { long, loadS: 5, warmUpS: 1, approvals: 10, wallRotations: 400, wallWarmUp: 200, soakChunks: 3, soakChunkS: 3 };
}

const seconds = (since) => +((performance.now() - since) / 1000).toFixed(1);

/**
 * Every part, one after the other (nothing else running on the server meanwhile). `embedded` is a
 * started server on the embedded database (the bench's own); `basePort` and the next two are free.
 */
export async function serverBench({ embedded, basePort, settings, log = (text) => console.log(text) }) {
  const started = performance.now();
  const timings = {};
  const results = { settings, embedded: {}, postgres: null, timingsS: timings };
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });
  try {
    let t = performance.now();
    log(`server bench: mixed load on the embedded database (${settings.loadS} s)`);
    results.embedded.load = await mixedLoad(embedded, { durationS: settings.loadS, warmUpS: settings.warmUpS });
    timings.embeddedLoad = seconds(t);

    t = performance.now();
    log(`server bench: approval → wall, one server, embedded database (${settings.approvals} approvals)`);
    results.embedded.approvalToWall = await approvalToWall(browser, { wallOrigin: embedded.origin, approvals: settings.approvals });
    timings.embeddedApprovalToWall = seconds(t);

    t = performance.now();
    log(`server bench: the wall for a week (${settings.wallRotations} rotations, approvals on the way)`);
    results.wallWeek = await wallWeek(browser, embedded, { rotations: settings.wallRotations, warmUp: settings.wallWarmUp });
    timings.wallWeek = seconds(t);

    t = performance.now();
    log(`server bench: polling run, embedded database (${settings.soakChunks * settings.soakChunkS} s)`);
    results.embedded.pollingSoak = await pollingSoak(embedded, { chunks: settings.soakChunks, chunkS: settings.soakChunkS });
    timings.embeddedPollingSoak = seconds(t);

    const adminUrl = postgresAdminUrl();
    if (adminUrl === undefined) {
      log('server bench: no PostgreSQL (JINDU_TEST_DATABASE_URL or DATABASE_URL unset): embedded database only');
    } else {
      t = performance.now();
      const database = await createPostgresDatabase(adminUrl);
      const servers = [];
      try {
        // One after the other: the first applies the migrations and seeds, the second finds them done.
        const a = await startServer({ port: basePort, databaseUrl: database.url });
        servers.push(a);
        const b = await startServer({ port: basePort + 1, databaseUrl: database.url });
        servers.push(b);
        timings.postgresStart = seconds(t);
        results.postgres = {};

        t = performance.now();
        log(`server bench: mixed load on PostgreSQL (${settings.loadS} s)`);
        results.postgres.load = await mixedLoad(a, { durationS: settings.loadS, warmUpS: settings.warmUpS });
        timings.postgresLoad = seconds(t);

        t = performance.now();
        log(`server bench: approval → wall on PostgreSQL${settings.long ? ', one server, then' : ':'} two servers (wall on A, approval on B)`);
        // One server on PostgreSQL in the long run only: CI's minutes go to the two servers, which only
        // LISTEN/NOTIFY connects (one server is measured on the embedded database above).
        if (settings.long) results.postgres.approvalToWall = await approvalToWall(browser, { wallOrigin: a.origin, approvals: settings.approvals });
        results.postgres.approvalToWallTwoServers = await approvalToWall(browser, {
          wallOrigin: a.origin,
          apiOrigin: b.origin,
          approvals: settings.approvals,
          firstValue: 30 + settings.approvals,
        });
        timings.postgresApprovalToWall = seconds(t);

        if (settings.long) {
          t = performance.now();
          log(`server bench: polling run, PostgreSQL (${settings.soakChunks * settings.soakChunkS} s)`);
          results.postgres.pollingSoak = await pollingSoak(a, { chunks: settings.soakChunks, chunkS: settings.soakChunkS });
          timings.postgresPollingSoak = seconds(t);
        }
      } finally {
        for (const server of servers) await server.stop();
        await database.drop();
      }
    }
  } finally {
    await browser.close();
  }
  timings.total = seconds(started);
  return results;
}

const pad = (value, width) => String(value ?? '–').padStart(width);

function printLoad(load) {
  const m = load.mix;
  console.log(
    `  ${load.database}, ${load.durationS} s, all at once, requests offered a second: walls ${m.walls.perS} and dashboards ${m.dashboards.perS} ` +
      `(If-None-Match), ${m.updaters.connections} departments' updaters ${m.updaters.perS / m.updaters.connections} each (POST), the static file ${m.staticFile.perS}`,
  );
  console.log('    endpoint                              req/s   p50 ms   p95 ms   p99 ms  errors  unexpected  p95 vs static');
  for (const [name, t] of Object.entries(load.targets)) {
    console.log(`    ${name.padEnd(36)} ${pad(t.requestsPerS, 6)} ${pad(t.p50Ms, 8)} ${pad(t.p95Ms, 8)} ${pad(t.p99Ms, 8)} ${pad(t.errors + t.timeouts, 7)} ${pad(t.unexpectedStatus, 11)} ${pad(t.p95VsStatic, 13)}×`);
  }
  const b = load.memoryBefore;
  const a = load.memoryAfter;
  console.log(`    server memory after GC, before → after: RSS ${b.rssMiB} → ${a.rssMiB} MiB, JS heap ${b.heapUsedMiB} → ${a.heapUsedMiB} MiB`);
}

function printApprovals(name, r) {
  console.log(`  ${name}: ${r.approvals} approvals, p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms, max ${r.maxMs} ms`);
}

function printSoak(s) {
  const first = s.samples[0];
  const last = s.samples.at(-1);
  console.log(`  polling run, ${s.database}, ${s.durationS} s, ${s.requests} requests (${JSON.stringify(s.statuses)}), ${s.errors + s.timeouts} errors:`);
  console.log(`    RSS ${s.samples.map((x) => x.rssMiB).join(' → ')} MiB; JS heap ${s.samples.map((x) => x.heapUsedMiB).join(' → ')} MiB (${first.heapUsedMiB} → ${last.heapUsedMiB})`);
}

export function printServerBench(r) {
  console.log(`\nThe server under load (${r.settings.long ? 'long run' : 'short CI run; --long for the README figures'})`);
  printLoad(r.embedded.load);
  if (r.postgres) printLoad(r.postgres.load);
  console.log('Approval → the new figure on an open wall (Chromium, the server build)');
  printApprovals('one server, embedded database', r.embedded.approvalToWall);
  if (r.postgres) {
    if (r.postgres.approvalToWall) printApprovals('one server, PostgreSQL', r.postgres.approvalToWall);
    printApprovals('two servers on one PostgreSQL (wall on A, approval on B)', r.postgres.approvalToWallTwoServers);
  }
  const w = r.wallWeek;
  console.log(`The wall for a week: ${w.rotations} rotations at 5 s, ${w.approvals} approvals on the way, event stream ${w.streamOpen ? 'open' : 'CLOSED'} at the end, ${w.freshAnswersAfterStart} fresh answers fetched`);
  const [warm, end] = [w.samples.find((s) => s.rotation === w.warmAt), w.samples.find((s) => s.rotation === w.endAt)];
  const g = w.growth;
  console.log(
    `  the same slide (${w.slides} a cycle) at rotations ${w.warmAt} and ${w.endAt} (${w.endAt - w.warmAt} rotations after the warm-up): ` +
      `live JS heap ${warm.liveMiB} → ${end.liveMiB} MiB (${g.livePct}%; its highest after the warm-up ${g.liveMaxPct}%), ` +
      `JS objects ${warm.jsObjectsMiB} → ${end.jsObjectsMiB} MiB (${g.jsObjectsPct}%), code ${warm.codeMiB} → ${end.codeMiB} MiB (${g.codePct}%), ` +
      `V8 Code objects ${warm.codeObjects} → ${end.codeObjects}; used heap ${warm.usedMiB} → ${end.usedMiB} MiB (${g.usedPct}%)`,
  );
  console.log('  rotation  live MiB  JS objects  code   shapes  Code objects  used MiB  DOM nodes  server RSS  server heap');
  for (const s of w.samples) {
    console.log(
      `  ${pad(s.rotation, 8)} ${pad(s.liveMiB, 9)} ${pad(s.jsObjectsMiB, 11)} ${pad(s.codeMiB, 6)} ${pad(s.shapesMiB, 7)} ${pad(s.codeObjects, 13)} ${pad(s.usedMiB, 9)} ${pad(s.domNodes, 10)} ${pad(s.server.rssMiB, 11)} ${pad(s.server.heapUsedMiB, 12)}`,
    );
  }
  printSoak(r.embedded.pollingSoak);
  if (r.postgres?.pollingSoak) printSoak(r.postgres.pollingSoak);
  console.log(`Time taken (s): ${JSON.stringify(r.timingsS)}`);
}

// Run on its own: the bench's server sections only, on a server of their own.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const long = process.argv.includes('--long') || process.env.BENCH_LONG === '1';
  const basePort = Number(process.env.BENCH_PORT ?? 4380) + 30;
  ensureServerBuild();
  const embedded = await startServer({ port: basePort });
  try {
    const results = await serverBench({ embedded, basePort: basePort + 1, settings: serverBenchSettings(long) });
    const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bench-results');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, 'server-bench.json'), `${JSON.stringify({ date: new Date().toISOString(), ...results }, null, 2)}\n`);
    printServerBench(results);
  } finally {
    await embedded.stop();
  }
  process.exit(0);
}
