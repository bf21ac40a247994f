import type { AuditEntry } from '../auth/audit';
import type { Role } from '../auth/permissions';
import type { Session } from '../auth/sessions';
import type { AccountRecord, AccountStore, DisplayTokenRecord } from '../core/account-store';
import type { Database, Queryable } from './database';
import { appendAudit, listAudit } from './sql-audit';

const INSTANT = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const USER_COLUMNS = `u.id, u.username, u.password_hash, u.role, u.active, ${INSTANT('u.created_at')} AS created_at,
  coalesce((SELECT array_agg(d.domain_id ORDER BY d.domain_id) FROM user_domains d WHERE d.user_id = u.id), '{}') AS domain_ids`;
interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  role: Role;
  active: boolean;
  created_at: string;
  domain_ids: string[];
}
function toUser(row: UserRow): AccountRecord {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    role: row.role,
    domainIds: row.domain_ids,
    active: row.active,
    createdAt: row.created_at,
  };
}

const TOKEN_COLUMNS = `t.id, t.label, t.link_secret_hash, t.cookie_secret_hash, ${INSTANT('t.issued_at')} AS issued_at, t.issued_by,
  u.username AS issued_by_username, ${INSTANT('t.opened_at')} AS opened_at, ${INSTANT('t.last_used_at')} AS last_used_at,
  ${INSTANT('t.revoked_at')} AS revoked_at`;
const TOKEN_FROM = 'display_tokens t LEFT JOIN users u ON u.id = t.issued_by';
interface TokenRow {
  id: string;
  label: string;
  link_secret_hash: string | null;
  cookie_secret_hash: string | null;
  issued_at: string;
  issued_by: string | null;
  issued_by_username: string | null;
  opened_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}
const dateOrNull = (text: string | null) => (text === null ? null : new Date(text));
function toToken(row: TokenRow): DisplayTokenRecord {
  return {
    id: row.id,
    label: row.label,
    linkSecretHash: row.link_secret_hash,
    cookieSecretHash: row.cookie_secret_hash,
    issuedAt: new Date(row.issued_at),
    issuedBy: row.issued_by === null ? null : { id: row.issued_by, username: row.issued_by_username ?? '' },
    openedAt: dateOrNull(row.opened_at),
    lastUsedAt: dateOrNull(row.last_used_at),
    revokedAt: dateOrNull(row.revoked_at),
  };
}

type InTransaction = <T>(work: (tx: Queryable) => Promise<T>) => Promise<T>;

async function getUserOn(q: Queryable, id: string): Promise<AccountRecord | undefined> {
  const [row] = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
  return row === undefined ? undefined : toUser(row);
}

async function setDomains(q: Queryable, userId: string, domainIds: readonly string[]): Promise<void> {
  await q.query('DELETE FROM user_domains WHERE user_id = $1', [userId]);
  for (const domainId of new Set(domainIds)) {
    await q.query('INSERT INTO user_domains (user_id, domain_id) VALUES ($1, $2)', [userId, domainId]);
  }
}

/** The AccountStore on PostgreSQL or PGlite. Inside `transaction`, everything runs on that one transaction. */
export function createSqlAccounts(db: Database): AccountStore {
  return accountsOn(db, (work) => db.transaction(work));
}

function accountsOn(q: Queryable, inTransaction: InTransaction): AccountStore {
  const getToken = async (where: string, value: string) => {
    const [row] = await q.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM ${TOKEN_FROM} WHERE ${where} = $1`, [value]);
    return row === undefined ? undefined : toToken(row);
  };
  const getUser = (id: string) => getUserOn(q, id);

  const store: AccountStore = {
    transaction: (work) => inTransaction((tx) => work(accountsOn(tx, (inner) => inner(tx)))),

    async countUsers() {
      const [row] = await q.query<{ count: number }>('SELECT count(*)::integer AS count FROM users');
      return row?.count ?? 0;
    },
    async listUsers() {
      const rows = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.username`);
      return rows.map(toUser);
    },
    getUser,
    async findUser(username) {
      const [row] = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.username = $1`, [username]);
      return row === undefined ? undefined : toUser(row);
    },
    createUser(account) {
      return inTransaction(async (tx) => {
        const [row] = await tx.query<{ id: string }>(
          `INSERT INTO users (username, password_hash, role, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (username) DO NOTHING RETURNING id`,
          [account.username, account.passwordHash, account.role, account.createdAt.toISOString()],
        );
        if (row === undefined) return undefined;
        await setDomains(tx, row.id, account.domainIds);
        return getUserOn(tx, row.id);
      });
    },
    updateUser(id, change) {
      return inTransaction(async (tx) => {
        const [row] = await tx.query<{ id: string }>(
          `UPDATE users SET password_hash = coalesce($2, password_hash), role = coalesce($3, role), active = coalesce($4, active)
            WHERE id = $1 RETURNING id`,
          [id, change.passwordHash ?? null, change.role ?? null, change.active ?? null],
        );
        if (row === undefined) return undefined;
        if (change.domainIds !== undefined) await setDomains(tx, id, change.domainIds);
        return getUserOn(tx, id);
      });
    },

    async findSession(idHash) {
      const [row] = await q.query<{ user_id: string; created_at: string; last_seen_at: string }>(
        `SELECT user_id, ${INSTANT('created_at')} AS created_at, ${INSTANT('last_seen_at')} AS last_seen_at FROM sessions WHERE id_hash = $1`,
        [idHash],
      );
      if (row === undefined) return undefined;
      const user = await getUser(row.user_id);
      if (user === undefined) return undefined;
      const session: Session = { idHash, userId: row.user_id, createdAt: new Date(row.created_at), lastSeenAt: new Date(row.last_seen_at) };
      return { session, user };
    },
    startSession(session, endIdHash) {
      return inTransaction(async (tx) => {
        if (endIdHash !== null) await tx.query('DELETE FROM sessions WHERE id_hash = $1', [endIdHash]);
        await tx.query('INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $4)', [
          session.idHash,
          session.userId,
          session.createdAt.toISOString(),
          session.lastSeenAt.toISOString(),
        ]);
      });
    },
    async touchSession(idHash, lastSeenAt) {
      await q.query('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1', [idHash, lastSeenAt.toISOString()]);
    },
    async endSession(idHash) {
      const rows = await q.query('DELETE FROM sessions WHERE id_hash = $1 RETURNING id_hash', [idHash]);
      return rows.length > 0;
    },
    async endUserSessions(userId) {
      const rows = await q.query('DELETE FROM sessions WHERE user_id = $1 RETURNING id_hash', [userId]);
      return rows.length;
    },

    async recordSignInFailure(account, address, at) {
      await q.query('INSERT INTO sign_in_failures (account, address, at) VALUES ($1, $2, $3)', [account, address, at.toISOString()]);
    },
    async recentSignInFailures(account, address, since) {
      const rows = await q.query<{ kind: 'account' | 'address'; at: string }>(
        `SELECT 'account' AS kind, ${INSTANT('at')} AS at FROM sign_in_failures WHERE account = $1 AND at > $3
         UNION ALL
         SELECT 'address' AS kind, ${INSTANT('at')} AS at FROM sign_in_failures WHERE $2::text IS NOT NULL AND address = $2 AND at > $3`,
        [account, address, since.toISOString()],
      );
      return {
        account: rows.filter((row) => row.kind === 'account').map((row) => new Date(row.at)),
        address: rows.filter((row) => row.kind === 'address').map((row) => new Date(row.at)),
      };
    },
    async forgetSignInFailures(before) {
      await q.query('DELETE FROM sign_in_failures WHERE at <= $1', [before.toISOString()]);
    },

    async createDisplayToken(token) {
      const [row] = await q.query<{ id: string }>(
        `INSERT INTO display_tokens (label, link_secret_hash, cookie_secret_hash, issued_at, issued_by, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [token.label, token.linkSecretHash, token.cookieSecretHash, token.issuedAt.toISOString(), token.issuedBy?.id ?? null, token.revokedAt?.toISOString() ?? null],
      );
      const created = row === undefined ? undefined : await getToken('t.id', row.id);
      if (created === undefined) throw new Error('the display token was not stored');
      return created;
    },
    async listDisplayTokens() {
      const rows = await q.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM ${TOKEN_FROM} ORDER BY t.issued_at DESC, t.id DESC`);
      return rows.map(toToken);
    },
    getDisplayToken: (id) => getToken('t.id', id),
    findDisplayTokenByLink: (hash) => getToken('t.link_secret_hash', hash),
    findDisplayTokenByCookie: (hash) => getToken('t.cookie_secret_hash', hash),
    async exchangeDisplayLink(id, linkSecretHash, cookieSecretHash, at) {
      const rows = await q.query(
        `UPDATE display_tokens SET link_secret_hash = NULL, cookie_secret_hash = $3, opened_at = $4, last_used_at = $4
          WHERE id = $1 AND link_secret_hash = $2 AND revoked_at IS NULL RETURNING id`,
        [id, linkSecretHash, cookieSecretHash, at.toISOString()],
      );
      return rows.length > 0;
    },
    async markDisplayTokenUsed(id, at) {
      await q.query('UPDATE display_tokens SET last_used_at = $2 WHERE id = $1', [id, at.toISOString()]);
    },
    async revokeDisplayToken(id, at) {
      await q.query('UPDATE display_tokens SET revoked_at = coalesce(revoked_at, $2), link_secret_hash = NULL WHERE id = $1', [id, at.toISOString()]);
      return getToken('t.id', id);
    },

    appendAudit: (entry: AuditEntry) => appendAudit(q, entry),
    listAudit: (filter) => listAudit(q, filter),
  };
  return store;
}

