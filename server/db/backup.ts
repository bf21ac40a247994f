import { createHash } from 'node:crypto';
import type { Database, Queryable } from './database';
import { quoteIdentifier } from './database';
import { MIGRATIONS, SCHEMA_VERSION, migrateWithin, schemaVersion, type Migration } from './migrate';

// `npm run backup` / `npm run restore` (README, "Backup and restore"): one logical format for the
// embedded database and PostgreSQL, so a backup of either restores into either. JSON lines:
//
//   {"format":"jindu-backup","formatVersion":1,"schemaVersion":3,"createdAt":"…","database":"pglite"}
//   {"table":"reports","columns":["id",…],"rows":1}
//   {…one row, as PostgreSQL's row_to_json wrote it…}
//   …
//   {"sequences":{"user_ids":{"lastValue":"4","isCalled":true},…}}
//   {"end":true,"tables":18,"rows":1234,"sha256":"…"}
//
// Rows are PostgreSQL's own JSON text, written and loaded without JavaScript parsing their values:
// a numeric keeps every digit and a bigint every bit. The trailer's SHA-256 covers every line before
// it, so a truncated or edited file is refused before anything is loaded.

export const BACKUP_FORMAT = 'jindu-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** What the person restoring is told: why nothing was done. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
}

/** The application's tables (schema_migrations is the header's schemaVersion), with columns in order. */
async function listTables(q: Queryable): Promise<TableInfo[]> {
  const tables = await q.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> 'schema_migrations' ORDER BY c.relname`,
  );
  const out: TableInfo[] = [];
  for (const { name } of tables) {
    const columns = await q.query<{ name: string }>(
      `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
      [quoteIdentifier(name)],
    );
    const key = await q.query<{ name: string }>(
      `SELECT a.attname AS name FROM pg_index i
         JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON true
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY k.n`,
      [quoteIdentifier(name)],
    );
    out.push({ name, columns: columns.map((c) => c.name), primaryKey: key.map((k) => k.name) });
  }
  return out;
}

/** Tables in an order where each comes after those its foreign keys point to (a table's references to itself aside). */
async function loadOrder(q: Queryable, names: readonly string[]): Promise<string[]> {
  const edges = await q.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c
      JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  const unquote = (text: string) => (text.startsWith('"') ? text.slice(1, -1).replaceAll('""', '"') : text);
  const parents = new Map<string, Set<string>>(names.map((name) => [name, new Set<string>()]));
  for (const { child, parent } of edges) {
    const [c, p] = [unquote(child), unquote(parent)];
    if (c !== p && parents.has(c) && parents.has(p)) parents.get(c)?.add(p);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const next = names.find((name) => !placed.has(name) && [...(parents.get(name) ?? [])].every((p) => placed.has(p)));
    if (next === undefined) throw new BackupError('The tables\' foreign keys form a cycle: no order to load them in.');
    ordered.push(next);
    placed.add(next);
  }
  return ordered;
}

async function listSequences(q: Queryable): Promise<Record<string, { lastValue: string | null; isCalled: boolean }>> {
  const names = await q.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'S' ORDER BY c.relname`,
  );
  const out: Record<string, { lastValue: string | null; isCalled: boolean }> = {};
  for (const { name } of names) {
    const [row] = await q.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text AS last_value, is_called FROM ${quoteIdentifier(name)}`);
    out[name] = { lastValue: row?.last_value ?? null, isCalled: row?.is_called ?? false };
  }
  return out;
}

/**
 * Writes everything the database holds, as one consistent snapshot (a repeatable-read, read-only
 * transaction: the server may keep running on PostgreSQL), one line at a time to `writeLine`.
 * Resolves to the counts.
 */
export async function writeBackup(db: Database, writeLine: (line: string) => void | Promise<void>, now: () => Date = () => new Date()): Promise<{ schemaVersion: number; tables: number; rows: number }> {
  const version = await schemaVersion(db);
  if (version === 0) throw new BackupError('This database has no Jindu schema: there is nothing to back up.');
  return db.transaction(async (tx) => {
    await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    // Times as UTC whatever the server's zone: the same database gives the same file.
    await tx.exec("SET LOCAL TimeZone = 'UTC'");
    const hash = createHash('sha256');
    const emit = async (line: string) => {
      hash.update(`${line}\n`);
      await writeLine(line);
    };
    await emit(JSON.stringify({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: version, createdAt: now().toISOString(), database: db.kind }));
    let rows = 0;
    const tables = await listTables(tx);
    for (const table of tables) {
      const order = table.primaryKey.length > 0 ? ` ORDER BY ${table.primaryKey.map(quoteIdentifier).join(', ')}` : '';
      const found = await tx.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${quoteIdentifier(table.name)} t${order}`);
      await emit(JSON.stringify({ table: table.name, columns: table.columns, rows: found.length }));
      for (const { row } of found) await emit(row);
      rows += found.length;
    }
    await emit(JSON.stringify({ sequences: await listSequences(tx) }));
    await writeLine(JSON.stringify({ end: true, tables: tables.length, rows, sha256: hash.digest('hex') }));
    return { schemaVersion: version, tables: tables.length, rows };
  });
}

export interface ParsedBackup {
  schemaVersion: number;
  createdAt: string;
  tables: { name: string; columns: string[]; rows: string[] }[];
  sequences: Record<string, { lastValue: string | null; isCalled: boolean }>;
  rowCount: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Reads a backup file and checks all of it (its checksum, every line, every count) before anything
 * is loaded: a truncated, edited or foreign file is refused with a BackupError saying what is wrong.
 */
export function parseBackup(text: string): ParsedBackup {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const parse = (line: string, index: number): unknown => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new BackupError(`Line ${index + 1} of the backup is not JSON: the file is damaged. Nothing was restored.`);
    }
  };
  const header = lines.length > 0 ? parse(lines[0] ?? '', 0) : undefined;
  if (!isRecord(header) || header.format !== BACKUP_FORMAT) throw new BackupError('This is not a Jindu backup (its first line does not say "jindu-backup"). Nothing was restored.');
  if (header.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(`The backup's format is version ${String(header.formatVersion)}; this Jindu reads version ${BACKUP_FORMAT_VERSION}. Nothing was restored.`);
  }
  const version = header.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new BackupError('The backup names no schema version. Nothing was restored.');
  if (version > SCHEMA_VERSION) {
    throw new BackupError(
      `The backup's schema is version ${version}, newer than this Jindu's (${SCHEMA_VERSION}): it was made by a newer version. Restore it with that version. Nothing was restored.`,
    );
  }
  const trailer = lines.length > 1 ? parse(lines.at(-1) ?? '', lines.length - 1) : undefined;
  if (!isRecord(trailer) || trailer.end !== true) throw new BackupError('The backup has no end line: the file is incomplete (cut off while it was written or copied). Nothing was restored.');
  const hash = createHash('sha256');
  for (const line of lines.slice(0, -1)) hash.update(`${line}\n`);
  if (trailer.sha256 !== hash.digest('hex')) throw new BackupError("The backup's checksum does not match its contents: the file is damaged or was edited. Nothing was restored.");

  const tables: ParsedBackup['tables'] = [];
  let sequences: ParsedBackup['sequences'] | undefined;
  let rowCount = 0;
  let index = 1;
  while (index < lines.length - 1) {
    const entry = parse(lines[index] ?? '', index);
    if (isRecord(entry) && typeof entry.table === 'string') {
      const { table, columns, rows } = entry;
      if (!NAME.test(table) || !Array.isArray(columns) || !columns.every((c): c is string => typeof c === 'string' && NAME.test(c))) {
        throw new BackupError(`Line ${index + 1} of the backup is not a table's heading. Nothing was restored.`);
      }
      if (typeof rows !== 'number' || !Number.isInteger(rows) || rows < 0 || index + rows >= lines.length - 1) {
        throw new BackupError(`The table ${table} of the backup does not have the rows it announces. Nothing was restored.`);
      }
      const texts = lines.slice(index + 1, index + 1 + rows);
      texts.forEach((row, i) => {
        if (!isRecord(parse(row, index + 1 + i))) throw new BackupError(`Line ${index + 2 + i} of the backup is not a row of ${table}. Nothing was restored.`);
      });
      tables.push({ name: table, columns, rows: texts });
      rowCount += rows;
      index += rows + 1;
    } else if (isRecord(entry) && isRecord(entry.sequences) && sequences === undefined) {
      sequences = {};
      for (const [name, value] of Object.entries(entry.sequences)) {
        if (!NAME.test(name) || !isRecord(value) || typeof value.isCalled !== 'boolean' || !(value.lastValue === null || (typeof value.lastValue === 'string' && /^-?\d{1,19}$/.test(value.lastValue)))) {
          throw new BackupError(`The sequence ${name} of the backup is malformed. Nothing was restored.`);
        }
        sequences[name] = { lastValue: value.lastValue, isCalled: value.isCalled };
      }
      index += 1;
    } else {
      throw new BackupError(`Line ${index + 1} of the backup is neither a table's heading nor its sequences. Nothing was restored.`);
    }
  }
  if (trailer.tables !== tables.length || trailer.rows !== rowCount) throw new BackupError("The backup's counts do not match its end line. Nothing was restored.");
  return { schemaVersion: version, createdAt: typeof header.createdAt === 'string' ? header.createdAt : '', tables, sequences: sequences ?? {}, rowCount };
}

/** Tables that migrations fill as they create them (a row of settings, the data version): not "data" yet. */
const MIGRATION_ROWS = new Set(['data_version', 'settings']);

/**
 * Loads a checked backup into an empty database in one transaction: migrations up to the backup's
 * schema, its rows (each table in one statement, so a table's references to itself hold at its end),
 * its sequences, then the migrations since. Refuses a database that holds data or whose schema is
 * another version than the backup's; on any error nothing stays.
 */
export async function restoreBackup(db: Database, backup: ParsedBackup, migrations: readonly Migration[] = MIGRATIONS): Promise<{ schemaVersion: number; rows: number }> {
  const existing = await schemaVersion(db);
  if (existing > 0 && existing !== backup.schemaVersion) {
    throw new BackupError(
      `The database already has a Jindu schema (version ${existing}); the backup is version ${backup.schemaVersion}. Restore into a new, empty database. Nothing was restored.`,
    );
  }
  return db.transaction(async (tx) => {
    await tx.exec("SET LOCAL TimeZone = 'UTC'");
    await migrateWithin(
      tx,
      migrations.filter((m) => m.version <= backup.schemaVersion),
    );
    const present = new Map((await listTables(tx)).map((t) => [t.name, t]));
    for (const table of present.values()) {
      if (MIGRATION_ROWS.has(table.name)) continue;
      const [row] = await tx.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quoteIdentifier(table.name)}) AS any`);
      if (row?.any === true) {
        throw new BackupError(`The database is not empty (its table ${table.name} holds rows): restore only into a new, empty database. Nothing was restored.`);
      }
    }
    for (const table of backup.tables) {
      const known = present.get(table.name);
      if (known === undefined) throw new BackupError(`The backup has a table ${table.name} that schema version ${backup.schemaVersion} does not have. Nothing was restored.`);
      const unknown = table.columns.filter((c) => !known.columns.includes(c));
      if (unknown.length > 0) throw new BackupError(`The backup's table ${table.name} has columns its schema does not have (${unknown.join(', ')}). Nothing was restored.`);
    }
    const byName = new Map(backup.tables.map((t) => [t.name, t]));
    for (const name of await loadOrder(tx, [...byName.keys()])) {
      const table = byName.get(name);
      if (table === undefined) continue;
      const target = quoteIdentifier(name);
      if (MIGRATION_ROWS.has(name)) await tx.query(`DELETE FROM ${target}`);
      if (table.rows.length === 0) continue;
      const columns = table.columns.map(quoteIdentifier).join(', ');
      // OVERRIDING SYSTEM VALUE: identity columns take the backup's ids, so references between rows hold.
      await tx.query(`INSERT INTO ${target} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM json_populate_recordset(NULL::${target}, $1::json)`, [
        `[${table.rows.join(',')}]`,
      ]);
    }
    const sequences = new Set((await tx.query<{ name: string }>(`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'S'`)).map((s) => s.name));
    for (const [name, { lastValue, isCalled }] of Object.entries(backup.sequences)) {
      if (!sequences.has(name)) throw new BackupError(`The backup has a sequence ${name} that its schema does not have. Nothing was restored.`);
      if (lastValue !== null) await tx.query('SELECT setval($1::regclass, $2::bigint, $3)', [quoteIdentifier(name), lastValue, isCalled]);
    }
    const { version } = await migrateWithin(tx, migrations);
    return { schemaVersion: version, rows: backup.rowCount };
  });
}
