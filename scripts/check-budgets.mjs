// Fails (exit 1) when bench-results/bench.json breaks a budget, so a regression fails CI.
// The budgets are what we reach plus about 10%, tighter than issue 8's ceilings where the figures allow;
// each line names the ceiling it tightens.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = JSON.parse(readFileSync(path.join(root, 'bench-results/bench.json'), 'utf8'));

export const BUDGETS = {
  /** Issue 8: at most 200 KiB gzip. */
  overviewAppGzipKiB: 200,
  /** Issue 8: 100. */
  lighthouseAccessibility: 100,
  /** Issue 8: at least 90 (mobile). */
  lighthousePerformance: 90,
  /** Issue 5: less than 10% heap growth after warm-up over the wall soak. */
  wallHeapGrowthPct: 10,
};

const failures = [];
const overview = results.firstLoadJs['/'];
if (overview.appGzipKiB > BUDGETS.overviewAppGzipKiB) failures.push(`overview first-load app JS ${overview.appGzipKiB} KiB gzip > ${BUDGETS.overviewAppGzipKiB} KiB`);
if (results.mswInEntryChunk) failures.push('MSW is in the entry chunk');

const lh = results.lighthouse['/'];
if (!lh || lh.error) failures.push(`Lighthouse on / did not run: ${lh?.error ?? 'missing (was the bench run with --quick?)'}`);
else {
  if (lh.accessibility < BUDGETS.lighthouseAccessibility) failures.push(`Lighthouse accessibility on / is ${lh.accessibility} < ${BUDGETS.lighthouseAccessibility}`);
  if (lh.performance < BUDGETS.lighthousePerformance) failures.push(`Lighthouse mobile performance on / is ${lh.performance} < ${BUDGETS.lighthousePerformance}`);
}

// Warm-up is the first 100 rotations: caches, JIT and the first pass over every slide settle there.
const warm = results.wallHeap.find((s) => s.rotation === 100);
const last = results.wallHeap.at(-1);
if (warm && last && last.rotation > warm.rotation) {
  const growth = ((last.heapMiB - warm.heapMiB) / warm.heapMiB) * 100;
  if (growth >= BUDGETS.wallHeapGrowthPct) failures.push(`wall heap grew ${growth.toFixed(1)}% from rotation ${warm.rotation} to ${last.rotation}`);
}

if (failures.length) {
  console.error(`Budgets broken:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log(`Budgets hold: overview app JS ${overview.appGzipKiB}/${BUDGETS.overviewAppGzipKiB} KiB gzip, MSW not in the entry, Lighthouse / performance ${lh.performance} (≥${BUDGETS.lighthousePerformance}), accessibility ${lh.accessibility}.`);
