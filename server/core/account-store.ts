import type { AuditEntry, DisplayToken, Role, Session } from '../auth';

/** An account as storage keeps it: the hash never leaves the server (the API answers without it). */
export interface AccountRecord {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  /** Updaters' domains, sorted; [] for everyone else. */
  domainIds: string[];
  active: boolean;
  createdAt: string;
}

export interface NewAccount {
  username: string;
  passwordHash: string;
  role: Role;
  domainIds: readonly string[];
  createdAt: Date;
}

export interface AccountChange {
  passwordHash?: string;
  role?: Role;
  domainIds?: readonly string[];
  active?: boolean;
}

export interface DisplayTokenRecord extends DisplayToken {
  id: string;
  label: string;
  issuedBy: { id: string; username: string } | null;
  openedAt: Date | null;
  lastUsedAt: Date | null;
}

/** The audit view's filters: dates are instants here (the API turns days in +08:00 into them). */
export interface AuditFilter {
  domainId?: string;
  userId?: string;
  since?: Date;
  /** Exclusive. */
  until?: Date;
  limit?: number;
}

export interface StoredAuditEntry extends AuditEntry {
  id: string;
}

/**
 * Storage for accounts, sessions, sign-in failures, display tokens and the audit log: rows in, rows
 * out. The rules (expiry, throttling, permissions, redaction) are server/auth's and run in the API;
 * two implementations, server/db/sql-accounts.ts and server/memory/memory-accounts.ts.
 */
export interface AccountStore {
  /** Runs `work` with a store whose writes commit together or not at all. */
  transaction<T>(work: (accounts: AccountStore) => Promise<T>): Promise<T>;

  countUsers(): Promise<number>;
  listUsers(): Promise<AccountRecord[]>;
  getUser(id: string): Promise<AccountRecord | undefined>;
  /** By username as stored (lower case). */
  findUser(username: string): Promise<AccountRecord | undefined>;
  /** Undefined when the username is taken. */
  createUser(account: NewAccount): Promise<AccountRecord | undefined>;
  updateUser(id: string, change: AccountChange): Promise<AccountRecord | undefined>;

  /** The session and its account, whatever their state (the caller checks expiry and `active`). */
  findSession(idHash: string): Promise<{ session: Session; user: AccountRecord } | undefined>;
  /** Stores `session`, first deleting the one `endIdHash` names (the id presented at sign-in). */
  startSession(session: Session, endIdHash: string | null): Promise<void>;
  touchSession(idHash: string, lastSeenAt: Date): Promise<void>;
  endSession(idHash: string): Promise<boolean>;
  /** Ends every session of the account; resolves to how many there were. */
  endUserSessions(userId: string): Promise<number>;

  recordSignInFailure(account: string, address: string | null, at: Date): Promise<void>;
  /** Failures after `since` under this account key and (if known) this address key. */
  recentSignInFailures(account: string, address: string | null, since: Date): Promise<{ account: Date[]; address: Date[] }>;
  forgetSignInFailures(before: Date): Promise<void>;

  createDisplayToken(token: DisplayToken & { label: string; issuedBy: { id: string; username: string } | null }): Promise<DisplayTokenRecord>;
  listDisplayTokens(): Promise<DisplayTokenRecord[]>;
  getDisplayToken(id: string): Promise<DisplayTokenRecord | undefined>;
  findDisplayTokenByLink(linkSecretHash: string): Promise<DisplayTokenRecord | undefined>;
  findDisplayTokenByCookie(cookieSecretHash: string): Promise<DisplayTokenRecord | undefined>;
  /** Spends the link, only if it is still unspent (two walls opening one link get one cookie): whether it did. */
  exchangeDisplayLink(id: string, linkSecretHash: string, cookieSecretHash: string, at: Date): Promise<boolean>;
  markDisplayTokenUsed(id: string, at: Date): Promise<void>;
  revokeDisplayToken(id: string, at: Date): Promise<DisplayTokenRecord | undefined>;

  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  listAudit(filter: AuditFilter): Promise<StoredAuditEntry[]>;
}
