import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { domainSchema } from '../../src/api/schemas';
import { updateSchema } from '../../src/api/tracking-schemas';
import { instantAt } from '../../src/tracking';
import { domains, report, reportSource } from '../../mocks/data/erqi-2017-h1';
import { BackupError, parseBackup, restoreBackup, writeBackup } from '../db/backup';
import type { Database } from '../db/database';
import { MIGRATIONS, SCHEMA_VERSION, migrate, schemaVersion } from '../db/migrate';
import { seedIfEmpty } from '../db/seed';
import { API, backends, startApi, type Backend } from './auth-harness';
import { databaseKinds, pgliteKind, type DatabaseKind } from './databases';

// `npm run backup` / `npm run restore` (server/db/backup.ts): a database with everything in it
// (the report, accounts, sessions, updates approved and returned, reviews, milestones, display tokens,
// the audit log) backed up and restored into a new database of either kind gives back every table
// row by row and every sequence where it was.

const PASSWORD = 'correct horse battery';
const AIR = `${API}/reports/${report.id}/domains/air-pollution`;

/** Every table's rows as PostgreSQL prints them (times in UTC), sorted, and every sequence's position. */
async function snapshot(db: Database): Promise<Record<string, string[]>> {
  return db.transaction(async (tx) => {
    await tx.exec("SET LOCAL TimeZone = 'UTC'");
    const tables = await tx.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    const out: Record<string, string[]> = {};
    for (const { name } of tables) {
      // When a migration ran is the one thing a restore changes; which ran is compared.
      const select = name === 'schema_migrations' ? 'version::text || name' : 't::text';
      out[name] = (await tx.query<{ row: string }>(`SELECT ${select} AS row FROM "${name}" t ORDER BY 1`)).map((r) => r.row);
    }
    const sequences = await tx.query<{ name: string; at: string | null }>('SELECT sequencename AS name, last_value::text AS at FROM pg_sequences WHERE schemaname = current_schema() ORDER BY 1');
    out['(sequences)'] = sequences.map((s) => `${s.name}=${s.at ?? 'unused'}`);
    return out;
  });
}

/** A database the way a district uses it: accounts, sign-ins, updates submitted, approved and returned. */
async function populated(backend: Backend) {
  const api = await startApi(backend);
  api.clock.now = new Date(instantAt('2017-07-05', '10:00'));
  await api.addUser('admin', PASSWORD, 'admin');
  await api.addUser('air-updater', PASSWORD, 'updater', ['air-pollution']);
  await api.addUser('reviewer', PASSWORD, 'reviewer');
  const admin = await api.signIn('admin', PASSWORD);
  const updater = await api.signIn('air-updater', PASSWORD);
  const reviewer = await api.signIn('reviewer', PASSWORD);
  expect((await api.send('POST', `${API}/session`, { body: { username: 'admin', password: 'not the password' } })).status).toBe(401);
  expect((await api.send('POST', `${API}/display-tokens`, { body: { label: '大厅' }, cookie: admin })).status).toBe(201);
  const current = async () => (domainSchema.parse(await (await api.send('GET', AIR)).json()).metrics.find((m) => m.id === 'good-air-days')?.observationId ?? null);
  const submit = async (value: number) => {
    const body = {
      observations: [{ metricId: 'good-air-days', value, asOf: '2017-07-02', basis: '环保局7月通报', note: '含沙尘天气 0.5 天', supersedes: await current() }],
      milestones: [{ milestoneId: 'assigned-issues-closed', state: 'in-progress', note: '已整改 12 件' }],
      narrative: { progress: '优良天数稳步增加', problems: '扬尘管控仍有反弹', nextSteps: '加密巡查' },
    };
    const response = await api.send('POST', `${AIR}/updates`, { body, cookie: updater });
    expect(response.status).toBe(201);
    return updateSchema.parse(await response.json()).id;
  };
  const approved = await submit(90.5);
  expect((await api.send('POST', `${API}/updates/${approved}/review`, { body: { decision: 'approve', comment: '核实无误' }, cookie: reviewer })).status).toBe(200);
  const returned = await submit(91);
  expect((await api.send('POST', `${API}/updates/${returned}/review`, { body: { decision: 'return', comment: '请附通报' }, cookie: reviewer })).status).toBe(200);
  await submit(92);
  const db = api.db;
  if (db === undefined) throw new Error('a database backend');
  return { db, close: () => api.close() };
}

async function backupOf(db: Database): Promise<string> {
  const lines: string[] = [];
  await writeBackup(db, (line) => {
    lines.push(line);
  });
  return `${lines.join('\n')}\n`;
}

/** A backup edited and signed again, as a file damaged in a way the checksum cannot see would be. */
function resigned(text: string, edit: (lines: string[]) => void): string {
  const lines = text.trimEnd().split('\n');
  const trailer = JSON.parse(lines.pop() ?? '') as Record<string, unknown>;
  edit(lines);
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`);
  return `${[...lines, JSON.stringify({ ...trailer, sha256: hash.digest('hex') })].join('\n')}\n`;
}

const sqlBackends = backends.filter((b) => b.name !== 'the in-memory store');
const opened: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of opened) await close();
});

async function emptyDatabase(kind: DatabaseKind) {
  const created = await kind.create();
  opened.push(() => created.drop());
  return created.db;
}

describe.each(sqlBackends)('a backup of $name', (backend) => {
  let source: Awaited<ReturnType<typeof populated>>;
  let text = '';
  let expected: Record<string, string[]> = {};

  it('holds every table, checks out whole, and restores into a new database of each kind row by row', { timeout: 180_000 }, async () => {
    source = await populated(backend);
    opened.push(() => source.close());
    expected = await snapshot(source.db);
    expect(expected.audit_log?.length).toBeGreaterThanOrEqual(10);
    expect(expected.updates).toHaveLength(3);
    text = await backupOf(source.db);
    const parsed = parseBackup(text);
    expect(parsed.schemaVersion).toBe(SCHEMA_VERSION);
    expect(parsed.tables.map((t) => t.name).sort()).toEqual(Object.keys(expected).filter((name) => name !== 'schema_migrations' && name !== '(sequences)').sort());
    // The same database gives the same file, whatever it is (the header's time aside).
    expect((await backupOf(source.db)).split('\n').slice(1, -2)).toEqual(text.split('\n').slice(1, -2));

    for (const kind of databaseKinds) {
      const target = await emptyDatabase(kind);
      expect(await restoreBackup(target, parsed)).toEqual({ schemaVersion: SCHEMA_VERSION, rows: parsed.rowCount });
      expect(await snapshot(target), `restored into ${kind.name}`).toEqual(expected);
    }
  });

  it('refuses a non-empty database, a backup from a newer schema, and a damaged file, leaving the database as it was', { timeout: 180_000 }, async () => {
    await expect(restoreBackup(source.db, parseBackup(text))).rejects.toThrow(/not empty \(its table \w+ holds rows\)/);
    expect(await snapshot(source.db)).toEqual(expected);

    const newer = text.replace(`"schemaVersion":${SCHEMA_VERSION},`, `"schemaVersion":${SCHEMA_VERSION + 1},`);
    expect(() => parseBackup(newer)).toThrow(`The backup's schema is version ${SCHEMA_VERSION + 1}, newer than this Jindu's (${SCHEMA_VERSION})`);
    const lines = text.trimEnd().split('\n');
    expect(() => parseBackup(`${lines.slice(0, -5).join('\n')}\n`)).toThrow(/no end line: the file is incomplete/);
    expect(() => parseBackup(text.replace('优良天数稳步增加', '优良天数大幅增加'))).toThrow(/checksum does not match/);
    expect(() => parseBackup('name,value\n')).toThrow(BackupError);
    expect(() => parseBackup('')).toThrow(/not a Jindu backup/);

    // Consistent to the checksum, yet a row that cannot be (an observation of a metric that does not
    // exist): the load fails at the database and nothing of it stays, not even the schema.
    const broken = resigned(text, (all) => {
      const index = all.findIndex((line) => line.includes('"metric_id":"good-air-days"') && line.includes('"update_id"'));
      all[index] = (all[index] ?? '').replace('"metric_id":"good-air-days"', '"metric_id":"no-such-metric"');
    });
    const kind = databaseKinds.find((k) => k.name === backend.name) ?? pgliteKind;
    const target = await emptyDatabase(kind);
    await expect(restoreBackup(target, parseBackup(broken))).rejects.toThrow(/foreign key/);
    expect(await schemaVersion(target)).toBe(0);
    expect(Object.keys(await snapshot(target))).toEqual(['(sequences)']);
    // The same database then takes the good backup.
    await restoreBackup(target, parseBackup(text));
    expect(await snapshot(target)).toEqual(expected);
  });
});

describe('restoring an older backup', () => {
  it('loads it at its own schema version, then migrates to the current one', { timeout: 180_000 }, async () => {
    const older = MIGRATIONS.filter((m) => m.version < SCHEMA_VERSION);
    const db = await emptyDatabase(pgliteKind);
    await migrate(db, older);
    await seedIfEmpty(db, [{ report, domains, source: reportSource }]);
    const before = await snapshot(db);
    const text = await backupOf(db);
    expect(parseBackup(text).schemaVersion).toBe(SCHEMA_VERSION - 1);

    const target = await emptyDatabase(pgliteKind);
    expect((await restoreBackup(target, parseBackup(text))).schemaVersion).toBe(SCHEMA_VERSION);
    expect(await schemaVersion(target)).toBe(SCHEMA_VERSION);
    const after = await snapshot(target);
    for (const table of ['reports', 'metrics', 'observations', 'milestone_states', 'report_paragraphs']) {
      // The newer schema's columns are added (NULL) at the end of each row's text.
      expect(after[table]?.map((row) => row.replace(/(,)*\)$/, ')'))).toEqual(before[table]?.map((row) => row.replace(/(,)*\)$/, ')')));
    }
  });
});

describe('npm run backup / npm run restore (the built commands)', () => {
  const entry = fileURLToPath(new URL('../../dist-server/server/backup.js', import.meta.url));
  const folder = mkdtempSync(path.join(tmpdir(), 'jindu-backup-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [entry, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', cwd: folder, timeout: 120_000 });

  it('restores a backup into an embedded database folder and backs that up again to the same rows; refuses a damaged file', { timeout: 180_000 }, async () => {
    const db = await emptyDatabase(pgliteKind);
    await migrate(db);
    await seedIfEmpty(db, [{ report, domains, source: reportSource }]);
    const file = path.join(folder, 'jindu.backup.jsonl');
    writeFileSync(file, await backupOf(db));

    const dataDir = path.join(folder, 'data');
    const restored = run(['restore', 'jindu.backup.jsonl'], { JINDU_DATA_DIR: dataDir });
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(/^Restored \d+ rows from .*jindu\.backup\.jsonl \(backed up .*, schema version \d+; the database is now at version \d+\)\.\n$/);
    const backedUp = run(['backup', 'again.jsonl'], { JINDU_DATA_DIR: dataDir });
    expect(backedUp.stderr).toBe('');
    expect(backedUp.stdout).toMatch(/^Backed up \d+ rows of \d+ tables \(schema version \d+\) to .*again\.jsonl\.\n$/);
    // Header (its time and database kind) and trailer (its checksum of them) aside, the same lines.
    const lines = (text: string) => text.split('\n').slice(1, -2);
    expect(lines(readFileSync(path.join(folder, 'again.jsonl'), 'utf8'))).toEqual(lines(readFileSync(file, 'utf8')));

    const damaged = path.join(folder, 'damaged.jsonl');
    writeFileSync(damaged, readFileSync(file, 'utf8').slice(0, 5_000));
    const refused = run(['restore', damaged], { JINDU_DATA_DIR: path.join(folder, 'other') });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/incomplete|damaged/);
    expect(run(['restore'], {}).stderr).toMatch(/^Usage/);
  });
});
