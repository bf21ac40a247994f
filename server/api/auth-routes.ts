import type { Context, Hono } from 'hono';
import type * as z from 'zod/mini';
import {
  displayTokenCreateBodySchema,
  signInBodySchema,
  userCreateBodySchema,
  userPatchBodySchema,
  type AuditEntry as ServedAuditEntry,
  type DisplayTokenInfo,
  type SessionUser,
  type UserAccount,
} from '../../src/api/tracking-schemas';
import type { Problem } from '../../src/api/schemas';
import { auditEntry, type AuditEntry } from '../auth/audit';
import { clientAddress, isHttps, publicOrigin, type AuthConfig, type RequestView } from '../auth/config';
import { SIGN_IN_REFUSED, passwordProblem } from '../auth/password-policy';
import { decide, type Action } from '../auth/permissions';
import { problem as authProblem } from '../auth/problem';
import { guardRequest, readJsonBody } from '../auth/request-guard';
import {
  canExchangeDisplayLink,
  clearDisplayCookie,
  clearSessionCookie,
  displayLink,
  displayLinkInRequest,
  exchangeDisplayLink,
  hashSecret,
  isDisplayTokenValid,
  isSessionValid,
  issueDisplayToken,
  readDisplaySecret,
  readSessionId,
  sessionAtSignIn,
  sessionCookie,
  touch,
  SESSION_TOUCH_INTERVAL_MS,
} from '../auth/sessions';
import { accountKey, addressKey, signInThrottle, throttleWindowStart } from '../auth/throttle';
import type { AccountRecord, AccountStore, AuditFilter, DisplayTokenRecord, StoredAuditEntry } from '../core/account-store';
import type { PasswordHasher } from '../core/password-hasher';
import type { Store } from '../core/store';
import { actorOf, type Actor, type ApiEnv } from './actor';
import { auditCsv } from './audit-csv';

/** 16 random bytes in hex (crypto.randomUUID exists only in secure contexts, and the demo may be served over plain HTTP). */
function newRequestId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export type ReadAccess = 'public' | 'signed-in';

export interface AuthDeps {
  store: Store;
  accounts: AccountStore;
  hasher: PasswordHasher;
  config: AuthConfig;
  read: ReadAccess;
  now: () => Date;
  /** The peer address of the request's connection (the Node server knows it; MSW does not). */
  socketAddress: (request: Request) => string | null;
  requestId: (request: Request) => string | undefined;
  /**
   * The header cookies are set with. `set-cookie`, except inside MSW in the browser, where a Response
   * built by script cannot carry Set-Cookie: mocks/handlers.ts passes another name and hands the value
   * to MSW's cookie store itself.
   */
  setCookieHeader: string;
  /**
   * The request as the rules read it (method, URL, headers): the request itself, except inside MSW in
   * the browser, where Cookie and Sec-Fetch-Site cannot be on a script-built Request (mocks/handlers.ts).
   */
  view: (request: Request) => RequestView;
  /** Where the app lives on this origin ("/" or "/jindu/"), for the display link. */
  appBase: string;
}

const API = '/api/v1';
const NO_STORE = { 'cache-control': 'no-store' };

function answer(body: Problem & { field?: string }, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'content-type': 'application/problem+json', ...NO_STORE, ...headers },
  });
}

function json(value: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json', ...NO_STORE, ...headers } });
}

/** A problem that names the field it is about (400 and 422), in `field` and in the detail. */
function fieldProblem(status: 400 | 422, field: string, detail: string): Problem & { field: string } {
  return { ...authProblem(status, status === 400 ? '请求无效' : '输入有误', field === '' ? detail : `${field}:${detail}`), field };
}

/**
 * A body checked against its schema: 400 when it is not the right shape (not an object, a field of
 * the wrong type, a field nobody asked for), 422 when a field is there but out of bounds.
 */
async function parseBody<S extends z.ZodMiniType>(request: Request, schema: S): Promise<{ ok: true; value: z.infer<S> } | { ok: false; response: Response }> {
  const body = await readJsonBody(request);
  if (!body.ok) return { ok: false, response: answer(body.problem) };
  const result = schema.safeParse(body.value);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues;
  const malformed = issues.find((issue) => issue.code === 'unrecognized_keys' || issue.code === 'invalid_type');
  const issue = malformed ?? issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  if (malformed !== undefined) {
    const field = malformed.code === 'unrecognized_keys' ? malformed.keys.join(', ') : path;
    const detail = malformed.code === 'unrecognized_keys' ? '不认识的字段。' : '类型不对或缺少这个字段。';
    return { ok: false, response: answer(fieldProblem(400, field, detail)) };
  }
  return { ok: false, response: answer(fieldProblem(422, path, issue?.message ?? '不符合要求。')) };
}

export function toSessionUser(user: AccountRecord): SessionUser {
  return { id: user.id, username: user.username, role: user.role, domainIds: user.role === 'updater' ? user.domainIds : [] };
}

function toUserAccount(user: AccountRecord): UserAccount {
  return { ...toSessionUser(user), active: user.active, createdAt: user.createdAt };
}

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

function toTokenInfo(token: DisplayTokenRecord): DisplayTokenInfo {
  return {
    id: token.id,
    label: token.label,
    issuedAt: token.issuedAt.toISOString(),
    issuedBy: token.issuedBy,
    openedAt: iso(token.openedAt),
    lastUsedAt: iso(token.lastUsedAt),
    revokedAt: iso(token.revokedAt),
  };
}

export function toServedAuditEntry(entry: StoredAuditEntry): ServedAuditEntry {
  return { ...entry, at: entry.at.toISOString() };
}

const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The start of a day in the district (+08:00), or null when the text is not a real date. */
function dayStart(text: string): Date | null {
  const found = DAY.exec(text);
  if (found === null) return null;
  const at = new Date(`${text}T00:00:00+08:00`);
  const check = new Date(at.getTime() + 8 * 60 * 60 * 1000);
  return check.getUTCFullYear() === Number(found[1]) && check.getUTCMonth() + 1 === Number(found[2]) && check.getUTCDate() === Number(found[3]) ? at : null;
}

/** The audit view's query: `domainId`, `userId`, `since`/`until` (days, both included), `limit`. */
function auditFilter(url: URL, withLimit: boolean): { ok: true; filter: AuditFilter } | { ok: false; response: Response } {
  const filter: AuditFilter = {};
  const refuse = (field: string, detail: string) => ({ ok: false as const, response: answer(fieldProblem(400, field, detail)) });
  const known = new Set(['domainId', 'userId', 'since', 'until', 'limit']);
  for (const key of url.searchParams.keys()) if (!known.has(key)) return refuse(key, '不认识的查询参数。');
  const domainId = url.searchParams.get('domainId');
  if (domainId !== null && domainId !== '') {
    if (!KEBAB_ID.test(domainId) || domainId.length > 100) return refuse('domainId', '不是领域编号。');
    filter.domainId = domainId;
  }
  const userId = url.searchParams.get('userId');
  if (userId !== null && userId !== '') {
    if (!RECORD_ID.test(userId)) return refuse('userId', '不是账号编号。');
    filter.userId = userId;
  }
  const since = url.searchParams.get('since');
  if (since !== null && since !== '') {
    const at = dayStart(since);
    if (at === null) return refuse('since', '应为 YYYY-MM-DD 格式的日期。');
    filter.since = at;
  }
  const until = url.searchParams.get('until');
  if (until !== null && until !== '') {
    const at = dayStart(until);
    if (at === null) return refuse('until', '应为 YYYY-MM-DD 格式的日期。');
    filter.until = new Date(at.getTime() + 24 * 60 * 60 * 1000);
  }
  if (withLimit) {
    const limit = url.searchParams.get('limit');
    if (limit !== null && limit !== '') {
      if (!/^\d{1,4}$/.test(limit) || Number(limit) < 1 || Number(limit) > 1000) return refuse('limit', '应为 1 到 1000 之间的整数。');
      filter.limit = Number(limit);
    } else filter.limit = 200;
  }
  return { ok: true, filter };
}

export interface Auth {
  /** The guard and the session middleware, then the endpoints of api-15.md. */
  install(app: Hono<ApiEnv>): void;
  /** Whether the request may read the report (JINDU_READ), after the middleware has run. */
  readRefusal(c: Context<ApiEnv>): Response | null;
  /** The server's pages: whether a request may see data drawn into the HTML. */
  mayRead(request: Request): Promise<boolean>;
  /** A GET of an app page carrying ?display-token=: the 303 that swaps it for the wall's cookie, else null. */
  openDisplayLink(request: Request): Promise<Response | null>;
}

export function createAuth(deps: AuthDeps): Auth {
  const { accounts, hasher, config, now } = deps;
  // Cookies the session middleware clears (an expired session, a revoked wall) unless a route set its own.
  const clears = new WeakMap<Request, string[]>();

  async function resolveActor(request: Request): Promise<{ actor: Actor; clear: string[]; sessionHash: string | null }> {
    const at = now();
    const secure = isHttps(deps.view(request), config);
    const actor: Actor = {
      user: null,
      display: false,
      address: clientAddress(deps.view(request), deps.socketAddress(request), config),
      requestId: deps.requestId(request) ?? newRequestId(),
    };
    const clear: string[] = [];
    let sessionHash: string | null = null;
    const cookies = deps.view(request);
    const sessionId = readSessionId(cookies, secure);
    if (sessionId !== null) {
      const idHash = hashSecret(sessionId);
      const found = await accounts.findSession(idHash);
      if (found !== undefined && found.user.active && isSessionValid(found.session, at)) {
        actor.user = toSessionUser(found.user);
        sessionHash = idHash;
        const touched = touch(found.session, at);
        if (touched !== null) await accounts.touchSession(idHash, touched);
      } else {
        if (found !== undefined) await accounts.endSession(idHash);
        clear.push(clearSessionCookie(secure));
      }
    }
    const displaySecret = readDisplaySecret(cookies, secure);
    if (displaySecret !== null) {
      const token = await accounts.findDisplayTokenByCookie(hashSecret(displaySecret));
      if (token !== undefined && isDisplayTokenValid(token)) {
        actor.display = true;
        if (token.lastUsedAt === null || at.getTime() - token.lastUsedAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) {
          await accounts.markDisplayTokenUsed(token.id, at);
        }
      } else clear.push(clearDisplayCookie(secure));
    }
    return { actor, clear, sessionHash };
  }

  const audit = (actor: Actor, entry: Omit<Parameters<typeof auditEntry>[0], 'at' | 'address' | 'requestId'>, at: Date): AuditEntry =>
    auditEntry({ ...entry, at, address: actor.address, requestId: actor.requestId });
  const who = (actor: Actor) => (actor.user === null ? null : { id: actor.user.id, username: actor.user.username });
  const allowed = (c: Context<ApiEnv>, action: Action): Response | null => {
    const decision = decide(actorOf(c).user, action);
    return decision.allowed ? null : answer(decision.problem);
  };
  const withCookie = (request: Request, response: Response, cookie: string): Response => {
    clears.delete(request);
    response.headers.append(deps.setCookieHeader, cookie);
    return response;
  };

  async function knownDomainIds(): Promise<Set<string>> {
    const ids = new Set<string>();
    for (const report of await deps.store.listReports()) for (const domain of await deps.store.listDomains(report.id)) ids.add(domain.id);
    return ids;
  }
  async function domainsProblem(domainIds: readonly string[]): Promise<Response | null> {
    if (domainIds.length === 0) return null;
    const known = await knownDomainIds();
    const unknown = domainIds.filter((id) => !known.has(id));
    return unknown.length === 0 ? null : answer(fieldProblem(422, 'domainIds', `报告中没有这些领域:${unknown.join('、')}。`));
  }

  function install(app: Hono<ApiEnv>): void {
    // 1. The guard (CSRF, JSON only, 64 KiB), then 2. who is asking: on every request, 304s included.
    app.use('*', async (c, next) => {
      const refused = guardRequest(deps.view(c.req.raw), config);
      if (refused !== null) return answer(refused);
      const { actor, clear } = await resolveActor(c.req.raw);
      c.set('actor', actor);
      clears.set(c.req.raw, clear);
      await next();
      for (const cookie of clears.get(c.req.raw) ?? []) c.res.headers.append(deps.setCookieHeader, cookie);
    });

    app.get(`${API}/session`, (c) => {
      const { user } = actorOf(c);
      return user === null ? answer(authProblem(401, '未登录', '当前没有登录。')) : json({ user });
    });

    app.post(`${API}/session`, async (c) => {
      const request = c.req.raw;
      const actor = actorOf(c);
      const body = await parseBody(request, signInBodySchema);
      if (!body.ok) return body.response;
      const at = now();
      const account = accountKey(body.value.username);
      const address = actor.address === null ? null : addressKey(actor.address);
      const throttle = signInThrottle(await accounts.recentSignInFailures(account, address, throttleWindowStart(at)), at);
      if (!throttle.allowed) return answer(throttle.problem, { 'retry-after': String(throttle.retryAfterSeconds) });

      const user = await accounts.findUser(account);
      const good = await hasher.verify(user?.active === true ? user.passwordHash : null, body.value.password);
      if (!good || user === undefined) {
        await accounts.transaction(async (tx) => {
          await tx.recordSignInFailure(account, address, at);
          // An unknown name is not stored: it may be a password typed into the wrong box.
          await tx.appendAudit(
            audit(actor, { who: null, action: 'sign-in-failed', target: user === undefined ? null : { kind: 'user', id: user.id, domainId: null } }, at),
          );
        });
        return answer(SIGN_IN_REFUSED);
      }

      const secure = isHttps(deps.view(request), config);
      const { id, session, endIdHash } = sessionAtSignIn(user.id, at, readSessionId(deps.view(request), secure));
      const rehashed = hasher.needsRehash(user.passwordHash) ? await hasher.hash(body.value.password) : null;
      await accounts.transaction(async (tx) => {
        await tx.startSession(session, endIdHash);
        if (rehashed !== null) await tx.updateUser(user.id, { passwordHash: rehashed });
        await tx.appendAudit(audit(actor, { who: { id: user.id, username: user.username }, action: 'sign-in', target: null }, at));
      });
      await accounts.forgetSignInFailures(throttleWindowStart(at));
      return withCookie(request, json({ user: toSessionUser(user) }), sessionCookie(id, secure));
    });

    app.delete(`${API}/session`, async (c) => {
      const request = c.req.raw;
      const actor = actorOf(c);
      const secure = isHttps(deps.view(request), config);
      const sessionId = readSessionId(deps.view(request), secure);
      if (sessionId !== null && (await accounts.endSession(hashSecret(sessionId))) && actor.user !== null) {
        await accounts.appendAudit(audit(actor, { who: who(actor), action: 'sign-out', target: null }, now()));
      }
      return withCookie(request, new Response(null, { status: 204, headers: NO_STORE }), clearSessionCookie(secure));
    });

    app.get(`${API}/users`, async (c) => {
      const refused = allowed(c, { action: 'manage-users' });
      if (refused !== null) return refused;
      return json({ users: (await accounts.listUsers()).map(toUserAccount) });
    });

    app.post(`${API}/users`, async (c) => {
      const refused = allowed(c, { action: 'manage-users' });
      if (refused !== null) return refused;
      const actor = actorOf(c);
      const body = await parseBody(c.req.raw, userCreateBodySchema);
      if (!body.ok) return body.response;
      const { username, password, role, domainIds } = body.value;
      const weak = passwordProblem(password, username);
      if (weak !== null) return answer(fieldProblem(422, weak.field, weak.detail));
      const badDomains = await domainsProblem(domainIds);
      if (badDomains !== null) return badDomains;
      const at = now();
      const passwordHash = await hasher.hash(password);
      const created = await accounts.transaction(async (tx) => {
        const user = await tx.createUser({ username, passwordHash, role, domainIds: role === 'updater' ? domainIds : [], createdAt: at });
        if (user === undefined) return undefined;
        await tx.appendAudit(
          audit(actor, { who: who(actor), action: 'user-created', target: { kind: 'user', id: user.id, domainId: null }, after: toUserAccount(user) }, at),
        );
        return user;
      });
      if (created === undefined) return answer({ ...authProblem(409, '用户名已存在', `已有名为“${username}”的账号。`), field: 'username' });
      return json(toUserAccount(created), 201);
    });

    app.patch(`${API}/users/:id`, async (c) => {
      const refused = allowed(c, { action: 'manage-users' });
      if (refused !== null) return refused;
      const actor = actorOf(c);
      const id = c.req.param('id');
      const body = await parseBody(c.req.raw, userPatchBodySchema);
      if (!body.ok) return body.response;
      const user = RECORD_ID.test(id) ? await accounts.getUser(id) : undefined;
      if (user === undefined) return answer(authProblem(404, '账号不存在', `没有编号为“${id.slice(0, 64)}”的账号。`));
      const patch = body.value;
      const role = patch.role ?? user.role;
      if (role !== 'updater' && (patch.domainIds ?? []).length > 0) return answer(fieldProblem(422, 'domainIds', '只有填报员有负责的领域。'));
      const domainIds = role === 'updater' ? (patch.domainIds ?? user.domainIds) : [];
      const badDomains = await domainsProblem(patch.domainIds ?? []);
      if (badDomains !== null) return badDomains;
      if (patch.password !== undefined) {
        const weak = passwordProblem(patch.password, user.username);
        if (weak !== null) return answer(fieldProblem(422, weak.field, weak.detail));
      }
      const active = patch.active ?? user.active;
      if (user.role === 'admin' && user.active && (role !== 'admin' || !active)) {
        const admins = (await accounts.listUsers()).filter((other) => other.role === 'admin' && other.active);
        if (admins.length <= 1) return answer(authProblem(409, '不能移除最后一个管理员', '至少要保留一个启用的管理员账号。'));
      }
      const at = now();
      const passwordHash = patch.password === undefined ? undefined : await hasher.hash(patch.password);
      const target = { kind: 'user' as const, id: user.id, domainId: null };
      const updated = await accounts.transaction(async (tx) => {
        const changed = await tx.updateUser(user.id, { role, domainIds, active, ...(passwordHash === undefined ? {} : { passwordHash }) });
        if (changed === undefined) return undefined;
        if (passwordHash !== undefined || !active) await tx.endUserSessions(user.id);
        const before = toUserAccount(user);
        const after = toUserAccount(changed);
        if (JSON.stringify(before) !== JSON.stringify(after)) {
          await tx.appendAudit(audit(actor, { who: who(actor), action: 'user-changed', target, before, after }, at));
        }
        if (passwordHash !== undefined) {
          await tx.appendAudit(audit(actor, { who: who(actor), action: 'password-reset', target, after: { password: 'changed', sessionsEnded: true } }, at));
        }
        return changed;
      });
      if (updated === undefined) return answer(authProblem(404, '账号不存在', `没有编号为“${id}”的账号。`));
      return json(toUserAccount(updated));
    });

    app.delete(`${API}/users/:id/sessions`, async (c) => {
      const refused = allowed(c, { action: 'manage-users' });
      if (refused !== null) return refused;
      const actor = actorOf(c);
      const id = c.req.param('id');
      const user = RECORD_ID.test(id) ? await accounts.getUser(id) : undefined;
      if (user === undefined) return answer(authProblem(404, '账号不存在', `没有编号为“${id.slice(0, 64)}”的账号。`));
      await accounts.transaction(async (tx) => {
        const ended = await tx.endUserSessions(user.id);
        await tx.appendAudit(
          audit(actor, { who: who(actor), action: 'sessions-ended', target: { kind: 'user', id: user.id, domainId: null }, after: { sessionsEnded: ended } }, now()),
        );
      });
      return new Response(null, { status: 204, headers: NO_STORE });
    });

    app.get(`${API}/display-tokens`, async (c) => {
      const refused = allowed(c, { action: 'manage-display-tokens' });
      if (refused !== null) return refused;
      return json({ tokens: (await accounts.listDisplayTokens()).map(toTokenInfo) });
    });

    app.post(`${API}/display-tokens`, async (c) => {
      const refused = allowed(c, { action: 'manage-display-tokens' });
      if (refused !== null) return refused;
      const actor = actorOf(c);
      const body = await parseBody(c.req.raw, displayTokenCreateBodySchema);
      if (!body.ok) return body.response;
      const at = now();
      const { linkSecret, token } = issueDisplayToken(at);
      const stored = await accounts.transaction(async (tx) => {
        const created = await tx.createDisplayToken({ ...token, label: body.value.label, issuedBy: who(actor) });
        await tx.appendAudit(
          audit(actor, { who: who(actor), action: 'display-token-issued', target: { kind: 'display-token', id: created.id, domainId: null }, after: { label: created.label } }, at),
        );
        return created;
      });
      const link = displayLink(`${publicOrigin(deps.view(c.req.raw), config)}${deps.appBase}wall`, linkSecret);
      return json({ token: toTokenInfo(stored), link }, 201);
    });

    app.delete(`${API}/display-tokens/:id`, async (c) => {
      const refused = allowed(c, { action: 'manage-display-tokens' });
      if (refused !== null) return refused;
      const actor = actorOf(c);
      const id = c.req.param('id');
      const token = RECORD_ID.test(id) ? await accounts.getDisplayToken(id) : undefined;
      if (token === undefined) return answer(authProblem(404, '展示令牌不存在', `没有编号为“${id.slice(0, 64)}”的展示令牌。`));
      if (token.revokedAt === null) {
        const at = now();
        await accounts.transaction(async (tx) => {
          await tx.revokeDisplayToken(token.id, at);
          await tx.appendAudit(
            audit(
              actor,
              { who: who(actor), action: 'display-token-revoked', target: { kind: 'display-token', id: token.id, domainId: null }, before: { label: token.label, revokedAt: null }, after: { label: token.label, revokedAt: at } },
              at,
            ),
          );
        });
      }
      return new Response(null, { status: 204, headers: NO_STORE });
    });

    app.get(`${API}/audit`, async (c) => {
      const refused = allowed(c, { action: 'read-audit-log' });
      if (refused !== null) return refused;
      const parsed = auditFilter(new URL(c.req.url), true);
      if (!parsed.ok) return parsed.response;
      return json({ entries: (await accounts.listAudit(parsed.filter)).map(toServedAuditEntry) });
    });

    app.get(`${API}/audit.csv`, async (c) => {
      const refused = allowed(c, { action: 'read-audit-log' });
      if (refused !== null) return refused;
      const parsed = auditFilter(new URL(c.req.url), false);
      if (!parsed.ok) return parsed.response;
      const entries = await accounts.listAudit(parsed.filter);
      const day = new Date(now().getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10).replaceAll('-', '');
      return new Response(auditCsv(entries), {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="jindu-audit-${day}.csv"`,
          ...NO_STORE,
        },
      });
    });
  }

  return {
    install,
    readRefusal(c) {
      if (deps.read === 'public') return null;
      const actor = actorOf(c);
      return actor.user !== null || actor.display ? null : answer(authProblem(401, '需要登录', '此系统的数据需要登录后查看。'));
    },
    async mayRead(request) {
      if (deps.read === 'public') return true;
      const { actor } = await resolveActor(request);
      return actor.user !== null || actor.display;
    },
    async openDisplayLink(request) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return null;
      const link = displayLinkInRequest(request);
      if (link === null) return null;
      const headers = new Headers({ location: link.location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
      if (link.linkSecretHash !== null) {
        const at = now();
        const token = await accounts.findDisplayTokenByLink(link.linkSecretHash);
        if (token !== undefined && canExchangeDisplayLink(token, at)) {
          const secure = isHttps(deps.view(request), config);
          const exchanged = exchangeDisplayLink(token, secure);
          const cookieHash = exchanged.token.cookieSecretHash;
          if (cookieHash !== null && (await accounts.exchangeDisplayLink(token.id, link.linkSecretHash, cookieHash, at))) {
            const { actor } = await resolveActor(request);
            await accounts.appendAudit(
              audit(actor, { who: null, action: 'display-token-opened', target: { kind: 'display-token', id: token.id, domainId: null }, after: { label: token.label } }, at),
            );
            headers.append(deps.setCookieHeader, exchanged.setCookie);
          }
        }
      }
      return new Response(null, { status: 303, headers });
    },
  };
}
