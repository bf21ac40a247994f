// The long crash run (issue 17, point 3; README "Reliability"): server/test/crash.test.ts with many
// kills instead of CI's few, on the embedded database and, when JINDU_TEST_DATABASE_URL names a
// PostgreSQL server, on it too. Prints the counts the README quotes.
//
//   node scripts/crash-proof.mjs --kills 100 [--seed 12345] [--database pglite|postgres]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
const kills = Number(option('kills', '100'));
const seed = Number(option('seed', String(Math.floor(Math.random() * 2 ** 31))));
const database = option('database', '');
if (!Number.isInteger(kills) || kills < 1 || !Number.isInteger(seed) || !['', 'pglite', 'postgres'].includes(database)) {
  console.error('Usage: node scripts/crash-proof.mjs [--kills N] [--seed S] [--database pglite|postgres]');
  process.exit(2);
}
const folder = mkdtempSync(path.join(tmpdir(), 'jindu-crash-proof-'));
const report = path.join(folder, 'counts.json');
console.log(`Crash proof: ${kills} kills per database, seed ${seed}${process.env.JINDU_TEST_DATABASE_URL ? '' : ' (embedded database only: JINDU_TEST_DATABASE_URL is not set)'}`);
const started = performance.now();
const run = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'server', 'server/test/crash.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, JINDU_CRASH_KILLS: String(kills), JINDU_CRASH_SEED: String(seed), JINDU_CRASH_REPORT: report, ...(database === '' ? {} : { JINDU_CRASH_DATABASE: database }) },
});
let counts = [];
try {
  counts = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  // No counts: the run failed before its end; vitest said why.
}
rmSync(folder, { recursive: true, force: true });
console.log(`\nseed ${seed}, ${Math.round((performance.now() - started) / 1000)} s, ${new Date().toISOString().slice(0, 10)}`);
console.log('| database | kills | clean starts | updates sent | answered 201 | found complete | lost | stored unanswered (complete) | half stored |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const c of counts) {
  console.log(`| ${c.database} | ${c.kills} | ${c.startsClean} | ${c.submitted} | ${c.answered201} | ${c.foundComplete} | ${c.lost} | ${c.storedUnanswered} | ${c.incomplete} |`);
}
process.exit(run.status ?? 1);
