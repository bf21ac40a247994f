// Fails (exit 1) when bench-results/bench.json breaks a budget, so a regression fails CI.
// Where issue 8's ceiling is met with room, the budget is what we reach plus about 10%.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = JSON.parse(readFileSync(path.join(root, 'bench-results/bench.json'), 'utf8'));

const BUDGETS = {
  /** Issue 8: at most 200 KiB gzip; we measure 131.3 KiB, so 131.3 + 10% ≈ 145. */
  overviewAppGzipKiB: 145,
  /** Issue 8: 100, on every page Lighthouse visits. */
  lighthouseAccessibility: 100,
  /**
   * Issue 8: at least 90 on /, Lighthouse mobile (simulated slow 4G, 4× CPU), the median of several
   * runs (five since 2026-12-02: three fell either side of 90 on CI's machine). We measure 94–96
   * here (FCP 2.0 s, LCP 2.1 s, TBT 0.1 s): the demo build prerenders the overview.
   */
  lighthousePerformance: 90,
  /**
   * A build against a real API cannot be prerendered (its figures are not known when it is built), so
   * / draws after its data arrives: we measure 82 there (LCP 2.4 s, TBT 0.6 s). A floor some 15
   * points under that (one run, not a median), stated as such: not issue 8's target.
   */
  realApiLighthousePerformanceFloor: 65,
  /** Issue 5: under 10% growth of the live JS heap after warm-up over the demo wall's soak. */
  wallHeapGrowthPct: 10,
  /**
   * Issue 14: the server's API under 50 concurrent readers, against the same server sending a small
   * static file in the same run (a ratio, so a loaded machine slows both). Measured 2026-12-01 on a
   * loaded 2-core machine: the report 11.4×, a domain 5.0×, its 304 4.1× the static file's p95 (30 ms).
   * 30× leaves room for the machine's noise and still catches a per-request cost that grows.
   */
  serverApiP95VsStatic: 30,
  /**
   * Issue 17, the meeting-day mix (walls, dashboards and departments at once): the p95 of each API
   * group against the static file's, in the same run. On the embedded database every request waits
   * for the one event loop, so the ratio is about 1 (0.1–0.9 measured); on PostgreSQL the static file
   * needs no database and stays fast, so the API's p95 is 3.6–15× its p95 (2026-12-02, a 2-core
   * machine at load average 8–20). 50× catches an API that costs several times what it does now.
   */
  meetingDayP95VsStatic: 50,
  /** Issue 17: the server's JS heap after a full GC, before → after the mixed load (measured +0.8 and +1.4 MiB). */
  meetingDayServerHeapGrowthMiB: 5,
  /** Issue 17: approval → the new figure on an open wall, p95 (measured 0.17–0.29 s; up to 1.0 s at load average 20), one server or two. */
  approvalToWallP95Ms: 3000,
  /**
   * Issue 17, the wall for a week on the server's build, from the warm-up to the end on the same slide:
   * the JS objects a heap snapshot counts (the app's data, closures, strings; not compiled code).
   */
  wallWeekJsObjectGrowthPct: 5,
  /**
   * The whole live JS heap over the same stretch (heap snapshot after full collections). The long run
   * (`--long`: 1,008 rotations after a warm-up of 400, scripts/bench/wall-week.mjs says why) is held
   * to issue 17's 5%: measured 2026-12-02 +3.4% and +1.1% (rotation 400 → 1,408). The CI run is short
   * (rotation 208 → 400), while V8 still compiles the wall's functions into faster tiers (+1.3% and
   * +3.7% there in the same runs, all of it code): issue 5's 10%, which a leak of 2 KiB a rotation
   * would break (the JS objects' 5% one of 0.5 KiB).
   */
  wallWeekLongHeapGrowthPct: 5,
  wallWeekHeapGrowthPct: 10,
  /** Issue 17: the server's JS heap over a polling run, from its first stretch to its end. */
  pollingHeapGrowthPct: 10,
};
const failures = [];
const notes = [];
const overview = results.firstLoadJs['/'];
if (overview.appGzipKiB > BUDGETS.overviewAppGzipKiB) failures.push(`overview first-load app JS ${overview.appGzipKiB} KiB gzip > ${BUDGETS.overviewAppGzipKiB} KiB`);
if (results.mswInEntryChunk) failures.push('MSW is in the entry chunk');

for (const [page, lh] of Object.entries(results.lighthouse)) {
  if (!lh || lh.error) {
    failures.push(`Lighthouse on ${page} did not run: ${lh?.error ?? 'missing'}`);
    continue;
  }
  if (lh.accessibility < BUDGETS.lighthouseAccessibility) failures.push(`Lighthouse accessibility on ${page} is ${lh.accessibility} < ${BUDGETS.lighthouseAccessibility}`);
  if (page === '/' && lh.performance < BUDGETS.lighthousePerformance) failures.push(`Lighthouse mobile performance on / is ${lh.performance} < ${BUDGETS.lighthousePerformance} (runs: ${lh.runs?.join(', ')})`);
  if (page === '/ (real API)') {
    if (lh.performance < BUDGETS.realApiLighthousePerformanceFloor) failures.push(`Lighthouse mobile performance on ${page} is ${lh.performance} < ${BUDGETS.realApiLighthousePerformanceFloor}`);
    notes.push(`Lighthouse mobile performance on ${page} is ${lh.performance}: not prerendered, so not held to issue 8's 90`);
  }
}
if (!results.lighthouse['/']) failures.push('Lighthouse did not measure /');
if (Object.keys(results.lighthouse).length === 0) failures.push('Lighthouse did not run (was the bench run with --quick?)');

// The demo wall from the first whole cycle after rotation 200 (V8 is still compiling its functions
// into faster tiers then: growth in compiled code, not in objects) to the last, on the same slide.
const wallSoak = results.wallHeap;
const [warm, last] = [wallSoak.samples.find((s) => s.rotation === wallSoak.warmAt), wallSoak.samples.find((s) => s.rotation === wallSoak.endAt)];
if (!warm || !last || last.rotation <= warm.rotation) failures.push(`the wall soak did not run past its warm-up (rotation ${wallSoak.warmAt})`);
else {
  const growth = ((last.liveMiB - warm.liveMiB) / warm.liveMiB) * 100;
  notes.push(`wall live JS heap ${warm.liveMiB} → ${last.liveMiB} MiB from rotation ${warm.rotation} to ${last.rotation} (${growth.toFixed(1)}%)`);
  if (!(growth < BUDGETS.wallHeapGrowthPct)) failures.push(`wall live JS heap grew ${growth.toFixed(1)}% from rotation ${warm.rotation} to ${last.rotation}`);
}

// The built server: every request under load answered, with the status asked for (200, or 304 for
// If-None-Match), and the API's p95 within its budget of the static file's.
const server = results.server;
if (!server?.load?.targets) failures.push('the bench did not measure the built server');
else {
  for (const [name, t] of Object.entries(server.load.targets)) {
    if (t.requests === 0) failures.push(`${name}: no request answered under load`);
    if (t.errors + t.timeouts > 0) failures.push(`${name}: ${t.errors} errors and ${t.timeouts} timeouts under load`);
    if (t.unexpectedStatus > 0) failures.push(`${name}: ${t.unexpectedStatus} responses other than ${t.expect} under load (${JSON.stringify(t.statuses)})`);
    if (name.startsWith('API') && t.p95VsStatic > BUDGETS.serverApiP95VsStatic) {
      failures.push(`${name}: p95 ${t.p95Ms} ms is ${t.p95VsStatic}× the static file's, over ${BUDGETS.serverApiP95VsStatic}×`);
    }
  }
  if (!server.servesMeasuredBuild) failures.push('the first-load figures of the server are not of the build dist-server serves');
  const lh = results.lighthouse['/ (server)'];
  // Issue 14: the server's / is held to the bar the demo's / is held to (issue 8's 90). "At least the
  // demo's score" is reported beside it, not failed on: the same page measured twice in a row differs
  // by several points on one machine (the medians of three still swing by 2-3).
  if (lh && !lh.error) {
    const demo = results.lighthouse['/'];
    if (lh.performance < BUDGETS.lighthousePerformance) failures.push(`Lighthouse mobile performance on the server's / is ${lh.performance} < ${BUDGETS.lighthousePerformance} (runs: ${lh.runs?.join(', ')})`);
    notes.push(`Lighthouse mobile performance on the server's / is ${lh.performance} (runs: ${lh.runs?.join(', ')}; TBT ${lh.tbtMs} ms), the demo's ${demo?.performance} (runs: ${demo?.runs?.join(', ')}; TBT ${demo?.tbtMs} ms)`);
  }
  if (!results.lighthouse['/ (server)'] && Object.keys(results.lighthouse).length > 0) failures.push("Lighthouse did not measure the server's /");
}

// Issue 17: the server on a meeting day (scripts/bench/server-bench.mjs).
const day = results.serverUnderLoad;
if (!day) failures.push('the bench did not run the server under load (serverUnderLoad is missing)');
else {
  const loads = [day.embedded?.load, day.postgres?.load].filter(Boolean);
  if (!day.postgres) notes.push('PostgreSQL was not measured (no JINDU_TEST_DATABASE_URL or DATABASE_URL)');
  for (const load of loads) {
    for (const [name, t] of Object.entries(load.targets)) {
      const where = `${load.database}, ${name}`;
      // The static file is the yardstick, not a subject: without answers it only takes the ratio away (noted below).
      if (t.requests === 0 && name !== 'static file') failures.push(`${where}: no request answered under the mixed load`);
      if (t.errors + t.timeouts > 0) failures.push(`${where}: ${t.errors} errors and ${t.timeouts} timeouts under the mixed load`);
      if (t.unexpectedStatus > 0) failures.push(`${where}: ${t.unexpectedStatus} answers other than ${t.expected.join('/')} (${JSON.stringify(t.statuses)})`);
      if (name !== 'static file' && load.targets['static file'].requests >= 20 && !(t.p95VsStatic <= BUDGETS.meetingDayP95VsStatic)) failures.push(`${where}: p95 ${t.p95Ms} ms is ${t.p95VsStatic}× the static file's, over ${BUDGETS.meetingDayP95VsStatic}×`);
    }
    // A machine loaded by other work can leave the yardstick with next to no answers: then there is no ratio to hold.
    if (load.targets['static file'].requests < 20) notes.push(`${load.database}: the static file got ${load.targets['static file'].requests} answers under the mixed load, too few for a ratio`);
    const growth = load.memoryAfter.heapUsedMiB - load.memoryBefore.heapUsedMiB;
    if (!(growth < BUDGETS.meetingDayServerHeapGrowthMiB)) failures.push(`${load.database}: the server's JS heap grew ${growth.toFixed(1)} MiB over the mixed load`);
  }
  const approvals = { 'one server, embedded': day.embedded?.approvalToWall, 'one server, PostgreSQL': day.postgres?.approvalToWall, 'two servers, PostgreSQL': day.postgres?.approvalToWallTwoServers };
  for (const [name, a] of Object.entries(approvals)) {
    if (a === undefined) continue;
    if (!(a.approvals >= 10)) failures.push(`approval → wall (${name}): ${a.approvals} approvals measured, fewer than 10`);
    if (!(a.p95Ms < BUDGETS.approvalToWallP95Ms)) failures.push(`approval → wall (${name}): p95 ${a.p95Ms} ms, not under ${BUDGETS.approvalToWallP95Ms}`);
  }
  const week = day.wallWeek;
  const at = (r) => week?.samples.find((x) => x.rotation === r);
  // Compared on the same slide: the first whole cycle after the warm-up and the last of the run.
  const [warm, end] = [at(week?.warmAt), at(week?.endAt)];
  if (!week || warm?.liveMiB === undefined || end?.liveMiB === undefined || end.rotation <= warm.rotation) failures.push('the wall for a week did not run past its warm-up');
  else {
    if (!week.streamOpen) failures.push('the wall for a week: its event stream was closed at the end');
    if (!(week.approvals > 0 && week.freshAnswersAfterStart > 0)) failures.push(`the wall for a week: ${week.approvals} approvals, ${week.freshAnswersAfterStart} fresh answers fetched`);
    const g = week.growth;
    const heapBudget = day.settings?.long ? BUDGETS.wallWeekLongHeapGrowthPct : BUDGETS.wallWeekHeapGrowthPct;
    notes.push(
      `the wall for a week (server build, ${week.approvals} approvals): live JS heap ${warm.liveMiB} → ${end.liveMiB} MiB from rotation ${warm.rotation} to ${end.rotation} ` +
        `(${g.livePct}%, budget ${heapBudget}%), JS objects ${g.jsObjectsPct}%, compiled code ${g.codePct}%`,
    );
    if (!(g.jsObjectsPct < BUDGETS.wallWeekJsObjectGrowthPct)) failures.push(`the wall for a week: JS objects grew ${g.jsObjectsPct}% from rotation ${warm.rotation} to ${end.rotation}`);
    if (!(g.livePct < heapBudget)) failures.push(`the wall for a week: the live JS heap grew ${g.livePct}% from rotation ${warm.rotation} to ${end.rotation}`);
  }
  for (const soak of [day.embedded?.pollingSoak, day.postgres?.pollingSoak].filter(Boolean)) {
    if (soak.errors + soak.timeouts > 0) failures.push(`polling run (${soak.database}): ${soak.errors} errors, ${soak.timeouts} timeouts`);
    const [first, last] = [soak.samples[1], soak.samples.at(-1)];
    const growth = ((last.heapUsedMiB - first.heapUsedMiB) / first.heapUsedMiB) * 100;
    if (!(growth < BUDGETS.pollingHeapGrowthPct)) failures.push(`polling run (${soak.database}): the server's JS heap grew ${growth.toFixed(1)}% (${first.heapUsedMiB} → ${last.heapUsedMiB} MiB)`);
  }
}

for (const note of notes) console.log(`note: ${note}`);
if (failures.length) {
  console.error(`Budgets broken:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log(`Budgets hold: overview app JS ${overview.appGzipKiB}/${BUDGETS.overviewAppGzipKiB} KiB gzip, MSW not in the entry, accessibility 100, performance on / ${results.lighthouse['/'].performance} ≥ ${BUDGETS.lighthousePerformance}.`);
