import type { Database, Queryable } from './database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// The SQL files are part of the server bundle (Vite inlines them), so a build runs without its source.
const files = import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true });

/** server/db/migrations/NNNN_name.sql, in order; their numbers must run 1, 2, 3… without a gap. */
export const MIGRATIONS: readonly Migration[] = Object.entries(files)
  .map(([file, sql]) => {
    const found = /\/(\d{4})_([a-z0-9_-]+)\.sql$/.exec(file);
    if (found === null) throw new Error(`migration file name must be NNNN_name.sql: ${file}`);
    return { version: Number(found[1]), name: found[2] ?? '', sql };
  })
  .sort((a, b) => a.version - b.version);
MIGRATIONS.forEach((migration, index) => {
  if (migration.version !== index + 1) throw new Error(`migrations must be numbered 1, 2, 3…: found ${migration.version} at ${index + 1}`);
});

/** The schema version this code was written for. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** Any 64-bit number of our own: held while migrating, so two servers starting at once take turns. */
const MIGRATION_LOCK = 7_465_736_001;

export class SchemaTooNewError extends Error {
  constructor(readonly databaseVersion: number, readonly codeVersion: number) {
    super(
      `The database's schema is version ${databaseVersion}, newer than this Jindu's (${codeVersion}): it was written by a newer version. ` +
        'Run that version, or point JINDU_DATA_DIR / DATABASE_URL at another database. Nothing was changed.',
    );
    this.name = 'SchemaTooNewError';
  }
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/**
 * Brings the schema up to date: every pending migration in one transaction (all or none) and each
 * recorded in schema_migrations. Refuses a database whose schema is newer than the code.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<{ applied: number[]; version: number }> {
  return db.transaction((tx) => migrateWithin(tx, migrations));
}

/** What migrate does, inside a transaction of the caller's (a restore migrates, loads and migrates again in one). */
export async function migrateWithin(tx: Queryable, migrations: readonly Migration[] = MIGRATIONS): Promise<{ applied: number[]; version: number }> {
  const latest = migrations.at(-1)?.version ?? 0;
  await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK]);
  await tx.exec(CREATE_TABLE);
  const [row] = await tx.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  const current = row?.version ?? 0;
  if (current > latest) throw new SchemaTooNewError(current, latest);
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    await tx.exec(migration.sql);
    await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    applied.push(migration.version);
  }
  return { applied, version: Math.max(current, latest) };
}

/** The recorded schema version, or 0 for a database never migrated (for /readyz). */
export async function schemaVersion(db: Database): Promise<number> {
  const [table] = await db.query<{ name: string | null }>("SELECT to_regclass('schema_migrations')::text AS name");
  if (!table?.name) return 0;
  const [row] = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return row?.version ?? 0;
}
