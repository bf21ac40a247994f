import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { domains, report, reportSource } from '../../mocks/data/erqi-2017-h1';
import type { Database } from '../db/database';
import { migrate } from '../db/migrate';
import { openPglite, type PgliteImage } from '../db/pglite';
import { openPostgres } from '../db/postgres';
import { seedIfEmpty } from '../db/seed';

/** A database for one test, and how to get rid of it. */
export interface TestDatabase {
  db: Database;
  /** The postgres:// URL of it, for a server started as a child process (PostgreSQL only). */
  url?: string;
  drop(): Promise<void>;
}

export interface DatabaseKind {
  name: string;
  /** An empty database. */
  create(): Promise<TestDatabase>;
  /** A database migrated and seeded from the report, as a first start leaves it. */
  createSeeded(): Promise<TestDatabase>;
}

async function migratedAndSeeded(test: TestDatabase): Promise<TestDatabase> {
  await migrate(test.db);
  await seedIfEmpty(test.db, [{ report, domains, source: reportSource }]);
  return test;
}

// Migrations and the seed cost seconds more on top of a cluster: the seeded PGlite databases start
// from one image made once per test worker (db.test.ts checks migrating and seeding themselves).
let seededImage: Promise<PgliteImage> | undefined;
function seededPgliteImage(): Promise<PgliteImage> {
  seededImage ??= (async () => {
    const db = await openPglite(undefined, { loadDataDir: await emptyClusterDump() });
    try {
      await migratedAndSeeded({ db, drop: () => db.close() });
      return await db.image();
    } finally {
      await db.close();
    }
  })();
  return seededImage;
}

/**
 * Where the server's tests run: the embedded database always, and a PostgreSQL server when
 * JINDU_TEST_DATABASE_URL names one (a role allowed to create databases; .ci/run sets it up).
 */
export const testDatabaseUrl = process.env.JINDU_TEST_DATABASE_URL?.trim() || undefined;

/**
 * A new PGlite cluster runs initdb (seconds of CPU, the bulk of a PGlite test's cost); every test
 * database starts from the dump of one instead, made once per PGlite version and kept in
 * node_modules/.cache (a tarball of ~40 MB).
 */
let emptyCluster: Promise<Blob> | undefined;
function emptyClusterDump(): Promise<Blob> {
  emptyCluster ??= (async () => {
    const packageJson = fileURLToPath(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url));
    const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
    const file = fileURLToPath(new URL(`../../node_modules/.cache/jindu-pglite-empty-${version}.tar`, import.meta.url));
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create();
    const dump = await db.dumpDataDir('none');
    await db.close();
    mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed: test files in parallel workers may make it at the same time.
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    return dump;
  })();
  return emptyCluster;
}

export const pgliteKind: DatabaseKind = {
  name: 'PGlite',
  async create() {
    const db = await openPglite(undefined, { loadDataDir: await emptyClusterDump() });
    return { db, drop: () => db.close() };
  },
  async createSeeded() {
    const db = await openPglite(undefined, { loadDataDir: await seededPgliteImage() });
    return { db, drop: () => db.close() };
  },
};

/** A new, empty database on the PostgreSQL server, with a name of its own, dropped afterwards. */
export async function createPostgresDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `jindu_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export const postgresKind: DatabaseKind | undefined =
  testDatabaseUrl === undefined
    ? undefined
    : {
        name: 'PostgreSQL',
        async create() {
          const created = await createPostgresDatabase(testDatabaseUrl);
          const db = await openPostgres(created.url);
          return {
            db,
            url: created.url,
            async drop() {
              await db.close();
              await created.drop();
            },
          };
        },
        async createSeeded() {
          return migratedAndSeeded(await this.create());
        },
      };

export const databaseKinds: DatabaseKind[] = [pgliteKind, ...(postgresKind ? [postgresKind] : [])];
