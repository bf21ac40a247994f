import { http, HttpResponse, type JsonBodyType } from 'msw';
import { apiBaseUrl } from '../api/client';
import { SESSION_HINT_KEY } from '../api/session-hint';
import type { AuditEntry, DisplayTokenInfo, Role, SessionUser, UserAccount } from '../api/tracking-schemas';
import { server } from '../../mocks/node';

// The accounts endpoints of /work/briefs/api-15.md as a small fake for one test (server.use, reset
// after each test), shaped exactly as that list says, so the views can be tested before and apart
// from the server's own handlers. `requests` records what the views sent.

export type SentRequest = { method: string; path: string; body: unknown; contentType: string | null };

const problem = (status: number, title: string, detail?: string, headers: Record<string, string> = {}) =>
  HttpResponse.json(
    { type: 'about:blank', title, status, ...(detail ? { detail } : {}) },
    { status, headers: { 'content-type': 'application/problem+json', ...headers } },
  );

export const CREATED_AT = '2017-07-01T09:00:00+08:00';

export function account(username: string, role: Role, extra: Partial<UserAccount> = {}): UserAccount {
  return { id: `u-${username}`, username, role, domainIds: role === 'updater' ? ['air-pollution'] : [], active: true, createdAt: CREATED_AT, ...extra };
}

export type FakeAccounts = {
  requests: SentRequest[];
  users: UserAccount[];
  tokens: DisplayTokenInfo[];
  audit: AuditEntry[];
  /** Who the session cookie names; null when signed out. */
  session: SessionUser | null;
};

type Options = {
  session?: SessionUser | null;
  users?: UserAccount[];
  tokens?: DisplayTokenInfo[];
  audit?: AuditEntry[];
  /** Answers sign-in with this instead of checking `passwords`. */
  signIn?: () => Response;
  passwords?: Record<string, string>;
};

async function bodyOf(request: Request): Promise<unknown> {
  const text = await request.clone().text();
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/** Installs the fake; the state it returns changes as the views write. */
export function fakeAccountsApi(options: Options = {}): FakeAccounts {
  const state: FakeAccounts = {
    requests: [],
    users: options.users ?? [],
    tokens: options.tokens ?? [],
    audit: options.audit ?? [],
    session: options.session ?? null,
  };
  // A browser with a session has signed in here before, so it carries the hint (session-hint.ts).
  if (state.session) localStorage.setItem(SESSION_HINT_KEY, '1');
  const url = (path: string) => `${apiBaseUrl}${path}`;
  const record = async (request: Request) => {
    state.requests.push({
      method: request.method,
      path: request.url.slice(apiBaseUrl.length),
      body: await bodyOf(request),
      contentType: request.headers.get('content-type'),
    });
  };
  const asAdmin = (): Response | null => {
    if (state.session === null) return problem(401, '需要登录');
    if (state.session.role !== 'admin') return problem(403, '需要管理员权限');
    return null;
  };
  const json = (body: JsonBodyType, status = 200) => HttpResponse.json(body, { status });

  server.use(
    http.get(url('/session'), async ({ request }) => {
      await record(request);
      return state.session ? json({ user: state.session }) : problem(401, '未登录');
    }),
    http.post(url('/session'), async ({ request }) => {
      await record(request);
      if (options.signIn) return options.signIn();
      const { username, password } = (await bodyOf(request)) as { username: string; password: string };
      const user = state.users.find((u) => u.username === username && u.active);
      if (!user || options.passwords?.[username] !== password) return problem(401, '用户名或密码不正确');
      state.session = { id: user.id, username: user.username, role: user.role, domainIds: user.domainIds };
      return json({ user: state.session });
    }),
    http.delete(url('/session'), async ({ request }) => {
      await record(request);
      state.session = null;
      return new HttpResponse(null, { status: 204 });
    }),
    http.get(url('/users'), async ({ request }) => {
      await record(request);
      return asAdmin() ?? json({ users: state.users });
    }),
    http.post(url('/users'), async ({ request }) => {
      await record(request);
      const refused = asAdmin();
      if (refused) return refused;
      const body = (await bodyOf(request)) as { username: string; password: string; role: Role; domainIds: string[] };
      if (state.users.some((u) => u.username === body.username)) return problem(409, '用户名已存在');
      if (body.password.length < 12) return problem(422, '密码不符合要求', `密码至少需要 12 个字符,现在是 ${body.password.length} 个。`);
      const user = account(body.username, body.role, { domainIds: body.domainIds });
      state.users.push(user);
      return json(user, 201);
    }),
    http.patch(url('/users/:id'), async ({ request, params }) => {
      await record(request);
      const refused = asAdmin();
      if (refused) return refused;
      const index = state.users.findIndex((u) => u.id === params.id);
      const found = state.users[index];
      if (!found) return problem(404, '账号不存在');
      const body = (await bodyOf(request)) as Partial<UserAccount> & { password?: string };
      const { password: _password, ...changes } = body;
      const changed = { ...found, ...changes };
      state.users[index] = changed;
      return json(changed);
    }),
    http.delete(url('/users/:id/sessions'), async ({ request }) => {
      await record(request);
      return asAdmin() ?? new HttpResponse(null, { status: 204 });
    }),
    http.get(url('/display-tokens'), async ({ request }) => {
      await record(request);
      return asAdmin() ?? json({ tokens: state.tokens });
    }),
    http.post(url('/display-tokens'), async ({ request }) => {
      await record(request);
      const refused = asAdmin();
      if (refused) return refused;
      const { label } = (await bodyOf(request)) as { label: string };
      const token: DisplayTokenInfo = {
        id: `t-${state.tokens.length + 1}`,
        label,
        issuedAt: '2017-07-03T10:00:00+08:00',
        issuedBy: state.session ? { id: state.session.id, username: state.session.username } : null,
        openedAt: null,
        lastUsedAt: null,
        revokedAt: null,
      };
      state.tokens.push(token);
      return json({ token, link: `http://localhost/wall?display-token=secret-${token.id}` }, 201);
    }),
    http.delete(url('/display-tokens/:id'), async ({ request, params }) => {
      await record(request);
      const refused = asAdmin();
      if (refused) return refused;
      state.tokens = state.tokens.map((t) => (t.id === params.id ? { ...t, revokedAt: '2017-07-03T11:00:00+08:00' } : t));
      return new HttpResponse(null, { status: 204 });
    }),
    http.get(url('/audit'), async ({ request }) => {
      await record(request);
      const refused = asAdmin();
      if (refused) return refused;
      const query = new URL(request.url).searchParams;
      const entries = state.audit.filter(
        (e) =>
          (!query.get('domainId') || e.target?.domainId === query.get('domainId')) &&
          (!query.get('userId') || e.who?.id === query.get('userId')) &&
          (!query.get('since') || e.at.slice(0, 10) >= (query.get('since') ?? '')) &&
          (!query.get('until') || e.at.slice(0, 10) <= (query.get('until') ?? '')),
      );
      return json({ entries });
    }),
  );
  return state;
}

export function sessionUser(username: string, role: Role, domainIds: string[] = []): SessionUser {
  return { id: `u-${username}`, username, role, domainIds };
}

export { problem as problemResponse };
