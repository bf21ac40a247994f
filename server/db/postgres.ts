import type { ClientBase, Pool } from 'pg';
import type { Database, Queryable, Row } from './database';
import { quoteIdentifier } from './database';

function queryable(client: Pool | ClientBase): Queryable {
  return {
    async query<R extends object = Row>(sql: string, params: readonly unknown[] = []) {
      // The caller names the row's shape; pg types rows loosely (any), this is where it is stated.
      const result = await client.query(sql, [...params]);
      return result.rows as R[];
    },
    async exec(sql: string) {
      // Without parameters pg sends the simple query protocol, which runs several statements.
      await client.query(sql);
    },
  };
}

/** A PostgreSQL server through a pool of connections (`pg`), from a postgres:// URL. */
export async function openPostgres(connectionString: string): Promise<Database> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString, max: Number(process.env.JINDU_DB_POOL ?? 10) });
  // An idle connection that the server drops (restart, failover) is an error event on the pool;
  // without a listener it would end the process. The next query opens a fresh one.
  pool.on('error', () => undefined);
  return {
    kind: 'postgres',
    ...queryable(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotify) {
      // LISTEN belongs to a session: one connection of its own, outside the pool.
      const client = new pg.Client({ connectionString });
      await client.connect();
      client.on('error', () => undefined);
      client.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      });
      await client.query(`LISTEN ${quoteIdentifier(channel)}`);
      return () => client.end();
    },
    close: () => pool.end(),
  };
}
