import type { AuditEntry, JsonValue } from '../auth/audit';
import type { Role } from '../auth/permissions';
import type { AccountRecord, AccountStore, AuditFilter, DisplayTokenRecord, StoredAuditEntry } from '../core/account-store';

/** Every time is kept as milliseconds, so the whole state is plain JSON (see `persist`). */
interface UserRow {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  domainIds: string[];
  active: boolean;
  createdAt: number;
}
interface SessionRow {
  idHash: string;
  userId: string;
  createdAt: number;
  lastSeenAt: number;
}
interface TokenRow {
  id: string;
  label: string;
  linkSecretHash: string | null;
  cookieSecretHash: string | null;
  issuedAt: number;
  issuedBy: { id: string; username: string } | null;
  openedAt: number | null;
  lastUsedAt: number | null;
  revokedAt: number | null;
}
interface AuditRow {
  id: string;
  at: number;
  who: { id: string; username: string } | null;
  action: AuditEntry['action'];
  target: AuditEntry['target'];
  before: JsonValue | null;
  after: JsonValue | null;
  address: string | null;
  requestId: string;
}
interface State {
  nextId: number;
  users: UserRow[];
  sessions: SessionRow[];
  failures: { account: string; address: string | null; at: number }[];
  tokens: TokenRow[];
  audit: AuditRow[];
}

/**
 * The audit log in memory, on its own so the in-memory tracking store (issue 16) appends to the same
 * log: `append` is the memory equivalent of server/db/sql-audit.ts's appendAudit. Entries are never
 * changed or removed.
 */
export interface MemoryAuditLog {
  append(entry: AuditEntry): void;
  list(filter: AuditFilter): StoredAuditEntry[];
}

export interface MemoryAccountsOptions {
  /**
   * Keeps the state across page loads in the browser's demo (sessionStorage), where a reload would
   * otherwise start a new store and sign everybody out. Called after every write.
   */
  persist?: { load(): string | null; save(state: string): void };
}

const copy = <T>(value: T): T => structuredClone(value);
const date = (ms: number | null) => (ms === null ? null : new Date(ms));

function toUser(row: UserRow): AccountRecord {
  return { ...copy(row), createdAt: new Date(row.createdAt).toISOString() };
}
function toToken(row: TokenRow): DisplayTokenRecord {
  return {
    id: row.id,
    label: row.label,
    linkSecretHash: row.linkSecretHash,
    cookieSecretHash: row.cookieSecretHash,
    issuedAt: new Date(row.issuedAt),
    issuedBy: row.issuedBy === null ? null : { ...row.issuedBy },
    openedAt: date(row.openedAt),
    lastUsedAt: date(row.lastUsedAt),
    revokedAt: date(row.revokedAt),
  };
}

function emptyState(): State {
  return { nextId: 1, users: [], sessions: [], failures: [], tokens: [], audit: [] };
}

/** The AccountStore in memory: MSW in the browser and the unit tests. No database code (it ships in the demo). */
export function createMemoryAccounts({ persist }: MemoryAccountsOptions = {}): AccountStore & { audit: MemoryAuditLog } {
  let state = emptyState();
  const saved = persist?.load();
  if (saved) {
    try {
      state = { ...emptyState(), ...(JSON.parse(saved) as Partial<State>) };
    } catch {
      state = emptyState();
    }
  }
  const save = () => persist?.save(JSON.stringify(state));
  const mintId = () => String(state.nextId++);
  const userRow = (id: string) => state.users.find((user) => user.id === id);

  const audit: MemoryAuditLog = {
    append(entry) {
      state.audit.push({ ...copy({ ...entry, at: 0 }), id: mintId(), at: entry.at.getTime() });
      save();
    },
    list(filter) {
      const rows = state.audit
        .filter(
          (row) =>
            (filter.domainId === undefined || row.target?.domainId === filter.domainId) &&
            (filter.userId === undefined || row.who?.id === filter.userId || (row.target?.kind === 'user' && row.target.id === filter.userId)) &&
            (filter.since === undefined || row.at >= filter.since.getTime()) &&
            (filter.until === undefined || row.at < filter.until.getTime()),
        )
        .sort((a, b) => b.at - a.at || Number(b.id) - Number(a.id));
      return rows.slice(0, filter.limit ?? rows.length).map((row) => ({ ...copy(row), at: new Date(row.at) }));
    },
  };

  const store: AccountStore & { audit: MemoryAuditLog } = {
    audit,
    // One thread and no awaits between a transaction's writes here: the writes of `work` cannot
    // interleave with another request's, so running it as it is keeps them together.
    transaction: (work) => work(store),

    countUsers: async () => state.users.length,
    listUsers: async () => [...state.users].sort((a, b) => a.username.localeCompare(b.username)).map(toUser),
    getUser: async (id) => {
      const row = userRow(id);
      return row === undefined ? undefined : toUser(row);
    },
    findUser: async (username) => {
      const row = state.users.find((user) => user.username === username);
      return row === undefined ? undefined : toUser(row);
    },
    createUser: async (account) => {
      if (state.users.some((user) => user.username === account.username)) return undefined;
      const row: UserRow = {
        id: mintId(),
        username: account.username,
        passwordHash: account.passwordHash,
        role: account.role,
        domainIds: [...new Set(account.domainIds)].sort(),
        active: true,
        createdAt: account.createdAt.getTime(),
      };
      state.users.push(row);
      save();
      return toUser(row);
    },
    updateUser: async (id, change) => {
      const row = userRow(id);
      if (row === undefined) return undefined;
      if (change.passwordHash !== undefined) row.passwordHash = change.passwordHash;
      if (change.role !== undefined) row.role = change.role;
      if (change.active !== undefined) row.active = change.active;
      if (change.domainIds !== undefined) row.domainIds = [...new Set(change.domainIds)].sort();
      save();
      return toUser(row);
    },

    findSession: async (idHash) => {
      const row = state.sessions.find((session) => session.idHash === idHash);
      const user = row === undefined ? undefined : userRow(row.userId);
      if (row === undefined || user === undefined) return undefined;
      return {
        session: { idHash, userId: row.userId, createdAt: new Date(row.createdAt), lastSeenAt: new Date(row.lastSeenAt) },
        user: toUser(user),
      };
    },
    startSession: async (session, endIdHash) => {
      state.sessions = state.sessions.filter((row) => row.idHash !== endIdHash);
      state.sessions.push({
        idHash: session.idHash,
        userId: session.userId,
        createdAt: session.createdAt.getTime(),
        lastSeenAt: session.lastSeenAt.getTime(),
      });
      save();
    },
    touchSession: async (idHash, lastSeenAt) => {
      const row = state.sessions.find((session) => session.idHash === idHash);
      if (row !== undefined) row.lastSeenAt = lastSeenAt.getTime();
      save();
    },
    endSession: async (idHash) => {
      const before = state.sessions.length;
      state.sessions = state.sessions.filter((row) => row.idHash !== idHash);
      save();
      return state.sessions.length < before;
    },
    endUserSessions: async (userId) => {
      const before = state.sessions.length;
      state.sessions = state.sessions.filter((row) => row.userId !== userId);
      save();
      return before - state.sessions.length;
    },

    recordSignInFailure: async (account, address, at) => {
      state.failures.push({ account, address, at: at.getTime() });
      save();
    },
    recentSignInFailures: async (account, address, since) => {
      const recent = state.failures.filter((failure) => failure.at > since.getTime());
      return {
        account: recent.filter((failure) => failure.account === account).map((failure) => new Date(failure.at)),
        address: address === null ? [] : recent.filter((failure) => failure.address === address).map((failure) => new Date(failure.at)),
      };
    },
    forgetSignInFailures: async (before) => {
      state.failures = state.failures.filter((failure) => failure.at > before.getTime());
      save();
    },

    createDisplayToken: async (token) => {
      const row: TokenRow = {
        id: mintId(),
        label: token.label,
        linkSecretHash: token.linkSecretHash,
        cookieSecretHash: token.cookieSecretHash,
        issuedAt: token.issuedAt.getTime(),
        issuedBy: token.issuedBy === null ? null : { ...token.issuedBy },
        openedAt: null,
        lastUsedAt: null,
        revokedAt: token.revokedAt?.getTime() ?? null,
      };
      state.tokens.push(row);
      save();
      return toToken(row);
    },
    listDisplayTokens: async () => [...state.tokens].sort((a, b) => b.issuedAt - a.issuedAt || Number(b.id) - Number(a.id)).map(toToken),
    getDisplayToken: async (id) => {
      const row = state.tokens.find((token) => token.id === id);
      return row === undefined ? undefined : toToken(row);
    },
    findDisplayTokenByLink: async (hash) => {
      const row = state.tokens.find((token) => token.linkSecretHash === hash);
      return row === undefined ? undefined : toToken(row);
    },
    findDisplayTokenByCookie: async (hash) => {
      const row = state.tokens.find((token) => token.cookieSecretHash === hash);
      return row === undefined ? undefined : toToken(row);
    },
    exchangeDisplayLink: async (id, linkSecretHash, cookieSecretHash, at) => {
      const row = state.tokens.find((token) => token.id === id && token.linkSecretHash === linkSecretHash && token.revokedAt === null);
      if (row === undefined) return false;
      row.linkSecretHash = null;
      row.cookieSecretHash = cookieSecretHash;
      row.openedAt = at.getTime();
      row.lastUsedAt = at.getTime();
      save();
      return true;
    },
    markDisplayTokenUsed: async (id, at) => {
      const row = state.tokens.find((token) => token.id === id);
      if (row !== undefined) row.lastUsedAt = at.getTime();
      save();
    },
    revokeDisplayToken: async (id, at) => {
      const row = state.tokens.find((token) => token.id === id);
      if (row === undefined) return undefined;
      row.revokedAt ??= at.getTime();
      row.linkSecretHash = null;
      save();
      return toToken(row);
    },

    appendAudit: async (entry) => audit.append(entry),
    listAudit: async (filter) => audit.list(filter),
  };
  return store;
}
