import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './database';
import { lockDataDir } from './data-dir-lock';
import { quoteIdentifier } from './database';

function queryable(db: PGlite | Transaction): Queryable {
  return {
    async query<R extends object = Row>(sql: string, params: readonly unknown[] = []) {
      const result = await db.query<R>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  };
}

/** PGlite's own copy of a whole database (a tarball of its data folder), to open another from. */
export type PgliteImage = Blob;

/**
 * The embedded PostgreSQL (PGlite, WebAssembly): data in `dataDir`, or in memory without one. One
 * connection, which PGlite serialises: a transaction holds it, other queries wait their turn.
 * `loadDataDir`: start from a dump (PGlite's dumpDataDir) instead of a new cluster; the tests use it
 * to skip initdb, which costs seconds of CPU per database.
 */
export async function openPglite(dataDir?: string, { loadDataDir }: { loadDataDir?: PgliteImage } = {}): Promise<Database & { image(): Promise<PgliteImage> }> {
  const { PGlite } = await import('@electric-sql/pglite');
  const unlock = dataDir === undefined ? () => undefined : lockDataDir(dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create({ ...(dataDir === undefined ? {} : { dataDir }), ...(loadDataDir === undefined ? {} : { loadDataDir }) });
  } catch (error) {
    unlock();
    throw error;
  }
  return {
    kind: 'pglite',
    ...queryable(db),
    transaction: (work) => db.transaction((tx) => work(queryable(tx))),
    async listen(channel, onNotify) {
      const unlisten = await db.listen(quoteIdentifier(channel), onNotify);
      return () => unlisten();
    },
    image: () => db.dumpDataDir('none'),
    async close() {
      await db.close();
      unlock();
    },
  };
}
