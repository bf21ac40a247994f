/** A row as the drivers return it: column name → value (text, number, boolean, parsed JSON, null). */
export type Row = Record<string, unknown>;

/** What runs SQL: the database itself, or one transaction of it. */
export interface Queryable {
  /** One statement with $1…$n parameters. */
  query<R extends object = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** A script of several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * The little the server needs of PostgreSQL, with one driver for the embedded database (PGlite) and
 * one for a PostgreSQL server (pg): the same SQL runs on both.
 */
export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` with the payload of every NOTIFY on `channel` (server push across app servers).
   * Resolves to the function that stops listening.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** For logs and /readyz: which kind of database this is, never its credentials. */
  readonly kind: 'pglite' | 'postgres';
}

/** A LISTEN channel name, quoted: channel names are identifiers, not parameters. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
