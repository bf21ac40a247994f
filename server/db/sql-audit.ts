import type { AuditEntry } from '../auth/audit';
import type { AuditFilter, StoredAuditEntry } from '../core/account-store';
import type { Queryable } from './database';

const INSTANT = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Appends one audit entry on `tx`: the database, or a transaction in which the change it records is
 * written too (an update's observations and its entry commit together or not at all). Build the entry
 * with server/auth's auditEntry, which redacts secrets.
 */
export async function appendAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (at, actor_id, actor_username, action, target_kind, target_id, domain_id, before, after, address, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      entry.at.toISOString(),
      entry.who?.id ?? null,
      entry.who?.username ?? null,
      entry.action,
      entry.target?.kind ?? null,
      entry.target?.id ?? null,
      entry.target?.domainId ?? null,
      // As JSON text: both drivers then store exactly this (pg would turn a top-level array into a PostgreSQL array).
      entry.before === null ? null : JSON.stringify(entry.before),
      entry.after === null ? null : JSON.stringify(entry.after),
      entry.address,
      entry.requestId,
    ],
  );
}

interface AuditRow {
  id: string;
  at: string;
  actor_id: string | null;
  actor_username: string | null;
  action: AuditEntry['action'];
  target_kind: NonNullable<AuditEntry['target']>['kind'] | null;
  target_id: string | null;
  domain_id: string | null;
  before: AuditEntry['before'];
  after: AuditEntry['after'];
  address: string | null;
  request_id: string;
}

/** The entries matching the filter, newest first. */
export async function listAudit(db: Queryable, filter: AuditFilter): Promise<StoredAuditEntry[]> {
  const rows = await db.query<AuditRow>(
    `SELECT id::text AS id, ${INSTANT('at')} AS at, actor_id, actor_username, action, target_kind, target_id, domain_id,
            before, after, address, request_id
       FROM audit_log
      WHERE ($1::text IS NULL OR domain_id = $1)
        AND ($2::text IS NULL OR actor_id = $2 OR (target_kind = 'user' AND target_id = $2))
        AND ($3::timestamptz IS NULL OR at >= $3)
        AND ($4::timestamptz IS NULL OR at < $4)
      ORDER BY at DESC, id DESC
      LIMIT $5`,
    [filter.domainId ?? null, filter.userId ?? null, filter.since?.toISOString() ?? null, filter.until?.toISOString() ?? null, filter.limit ?? null],
  );
  return rows.map((row) => ({
    id: row.id,
    at: new Date(row.at),
    who: row.actor_id === null ? null : { id: row.actor_id, username: row.actor_username ?? '' },
    action: row.action,
    target: row.target_kind === null ? null : { kind: row.target_kind, id: row.target_id ?? '', domainId: row.domain_id },
    before: row.before,
    after: row.after,
    address: row.address,
    requestId: row.request_id,
  }));
}
