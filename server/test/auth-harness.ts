import type { Hono } from 'hono';
import { domains, report, reportSource } from '../../mocks/data/erqi-2017-h1';
import { createApiWithAuth, type ApiOptions } from '../api/app';
import type { Auth } from '../api/auth-routes';
import type { ApiEnv } from '../api/actor';
import type { Role } from '../auth/permissions';
import type { AccountRecord, AccountStore } from '../core/account-store';
import type { PasswordHasher } from '../core/password-hasher';
import type { Store } from '../core/store';
import type { Database } from '../db/database';
import { createSqlAccounts } from '../db/sql-accounts';
import { createSqlStore } from '../db/sql-store';
import { createSqlTrackingStore } from '../db/sql-tracking';
import type { TrackingStore } from '../core/tracking-store';
import { createMemoryAccounts } from '../memory/memory-accounts';
import { createMemoryData, createMemoryStore } from '../memory/memory-store';
import { createMemoryTrackingStore } from '../memory/memory-tracking';
import { pbkdf2Hasher } from '../memory/pbkdf2-hasher';
import { argon2Hasher } from '../node/argon2-hasher';
import { databaseKinds } from './databases';

/** The origin the tests' requests are addressed to; writes send it as their Origin (the guard wants it). */
export const ORIGIN = 'http://jindu.test';
export const API = '/api/v1';

/** Where accounts are kept in a test: in memory (MSW's store) or in a migrated, seeded database. */
export interface Backend {
  name: string;
  open(): Promise<{ store: Store; accounts: AccountStore; tracking: TrackingStore; hasher: PasswordHasher; db?: Database; close(): Promise<void> }>;
}

export const backends: Backend[] = [
  {
    name: 'the in-memory store',
    async open() {
      const data = createMemoryData([{ report, domains, source: reportSource }]);
      const accounts = createMemoryAccounts();
      const tracking = createMemoryTrackingStore(data, accounts.audit);
      return { store: createMemoryStore(data), accounts, tracking, hasher: pbkdf2Hasher, close: () => tracking.close() };
    },
  },
  ...databaseKinds.map(
    (kind): Backend => ({
      name: kind.name,
      async open() {
        const test = await kind.createSeeded();
        const tracking = createSqlTrackingStore(test.db);
        return {
          store: createSqlStore(test.db),
          accounts: createSqlAccounts(test.db),
          tracking,
          hasher: argon2Hasher,
          db: test.db,
          async close() {
            await tracking.close();
            await test.drop();
          },
        };
      },
    }),
  ),
];

export interface SendOptions {
  body?: unknown;
  /** A Cookie header (e.g. what signIn returned). */
  cookie?: string;
  /** The Origin header of a write; `null` sends none. */
  origin?: string | null;
  headers?: Record<string, string>;
  /** A raw body instead of JSON. */
  raw?: string;
}

/** A running API with a clock the test moves. */
export interface TestApi {
  app: Hono<ApiEnv>;
  auth: Auth;
  accounts: AccountStore;
  /** Weekly updates (issue 16), as the API was given them. */
  tracking: TrackingStore;
  hasher: PasswordHasher;
  db?: Database;
  clock: { now: Date };
  send(method: string, path: string, options?: SendOptions): Promise<Response>;
  /** Creates an account straight in the store. */
  addUser(username: string, password: string, role: Role, domainIds?: string[]): Promise<AccountRecord>;
  /** Signs in through the API: the Cookie header to send afterwards. */
  signIn(username: string, password: string, cookie?: string): Promise<string>;
  close(): Promise<void>;
}

/** The cookie pair (name=value) a Set-Cookie header sets. */
export function cookiePair(setCookie: string | null): string {
  if (setCookie === null) throw new Error('no Set-Cookie');
  return setCookie.split(';')[0] ?? '';
}

/**
 * `wrapTracking` stands in front of the backend's tracking store (a test makes its audit append fail).
 * The clock starts on Monday 2017-07-03, 10:00 in the district.
 */
export async function startApi(
  backend: Backend,
  options: Partial<ApiOptions> = {},
  wrapTracking: (tracking: TrackingStore) => TrackingStore = (tracking) => tracking,
): Promise<TestApi> {
  const opened = await backend.open();
  const clock = { now: new Date('2017-07-03T02:00:00Z') };
  const tracking = wrapTracking(opened.tracking);
  const { app, auth } = createApiWithAuth({
    store: opened.store,
    accounts: opened.accounts,
    hasher: opened.hasher,
    tracking,
    heartbeatMs: 200,
    now: () => clock.now,
    socketAddress: () => '192.0.2.10',
    ...options,
  });
  const send: TestApi['send'] = async (method, path, { body, cookie, origin = ORIGIN, headers = {}, raw } = {}) => {
    const all: Record<string, string> = { ...headers };
    if (cookie !== undefined) all.cookie = cookie;
    if (origin !== null && method !== 'GET' && method !== 'HEAD') all.origin = origin;
    const text = raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (text !== undefined && all['content-type'] === undefined) all['content-type'] = 'application/json';
    return app.fetch(new Request(`${ORIGIN}${path}`, { method, headers: all, ...(text === undefined ? {} : { body: text }) }));
  };
  const api: TestApi = {
    app,
    auth,
    accounts: opened.accounts,
    tracking,
    hasher: opened.hasher,
    ...(opened.db === undefined ? {} : { db: opened.db }),
    clock,
    send,
    async addUser(username, password, role, domainIds = []) {
      const user = await opened.accounts.createUser({ username, passwordHash: await opened.hasher.hash(password), role, domainIds, createdAt: clock.now });
      if (user === undefined) throw new Error(`${username} exists`);
      return user;
    },
    async signIn(username, password, cookie) {
      const response = await send('POST', `${API}/session`, { body: { username, password }, ...(cookie === undefined ? {} : { cookie }) });
      if (response.status !== 200) throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`);
      return cookiePair(response.headers.get('set-cookie'));
    },
    close: opened.close,
  };
  return api;
}
