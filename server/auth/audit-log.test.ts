// @vitest-environment node
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const schema = readFileSync(new URL('./audit-log.sql', import.meta.url), 'utf8');

describe('the audit log in PostgreSQL (PGlite)', () => {
  let db: PGlite;

  beforeAll(async () => {
    db = new PGlite();
    await db.exec(schema);
    await db.query(
      `INSERT INTO audit_log (actor_id, actor_username, action, target_kind, target_id, domain_id, before, after, address, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      ['u-admin', 'admin', 'user-changed', 'user', 'u-7', null, { role: 'viewer' }, { role: 'updater' }, '192.0.2.7', 'req-1'],
    );
    // PGlite starts PostgreSQL in WebAssembly: ~0.4 s alone, far more on a machine shared with other work.
  }, 120_000);

  afterAll(async () => {
    await db.close();
  });

  it('takes new entries', async () => {
    await db.query(`INSERT INTO audit_log (action, request_id) VALUES ('sign-in-failed', 'req-2')`);
    const { rows } = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM audit_log');
    expect(rows[0]?.count).toBe(2);
  });

  it.each([
    ['UPDATE', `UPDATE audit_log SET after = '{"role":"admin"}' WHERE request_id = 'req-1'`],
    ['DELETE', `DELETE FROM audit_log WHERE request_id = 'req-1'`],
    ['TRUNCATE', 'TRUNCATE audit_log'],
  ])('refuses %s', async (operation, sql) => {
    await expect(db.exec(sql)).rejects.toThrow(`audit_log is append-only: ${operation} is not allowed`);
    const { rows } = await db.query<{ after: unknown }>(`SELECT after FROM audit_log WHERE request_id = 'req-1'`);
    expect(rows).toEqual([{ after: { role: 'updater' } }]);
  });
});
