import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditListSchema,
  displayTokenListSchema,
  issuedDisplayTokenSchema,
  sessionSchema,
  updateSchema,
  userAccountSchema,
  userListSchema,
} from '../../src/api/tracking-schemas';
import { domainSchema, problemSchema } from '../../src/api/schemas';
import { ROLE_KINDS, expectedRefusal, type RoleKind } from '../auth/permissions';
import { MAX_FAILURES_PER_ACCOUNT, THROTTLE_WINDOW_MS } from '../auth/throttle';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../auth/sessions';
import { MAX_BODY_BYTES } from '../auth/request-guard';
import { API, ORIGIN, backends, cookiePair, startApi, type TestApi } from './auth-harness';
import { PERMISSION_MATRIX, type MatrixContext } from './permission-matrix';

const PASSWORD = 'correct horse battery';
const REPORT = `${API}/reports/erqi-2017-h1`;

async function problemOf(response: Response, status: number): Promise<{ title: string; detail?: string; field?: string }> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as { field?: string };
  problemSchema.parse(body);
  return body as { title: string; detail?: string; field?: string };
}

const minutes = (n: number) => n * 60 * 1000;

describe.each(backends)('accounts on $name', (backend) => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startApi(backend);
    await api.addUser('admin', PASSWORD, 'admin');
    admin = await api.signIn('admin', PASSWORD);
  });
  afterAll(() => api.close());

  const advance = (ms: number) => {
    api.clock.now = new Date(api.clock.now.getTime() + ms);
  };

  describe('signing in and out', () => {
    it('signs in with an HttpOnly, SameSite=Lax session cookie, and answers who is signed in', async () => {
      await api.addUser('wang', PASSWORD, 'updater', ['air-pollution']);
      const response = await api.send('POST', `${API}/session`, { body: { username: 'wang', password: PASSWORD } });
      expect(response.status).toBe(200);
      expect(sessionSchema.parse(await response.json()).user).toMatchObject({ username: 'wang', role: 'updater', domainIds: ['air-pollution'] });
      const setCookie = response.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^jindu_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
      const cookie = cookiePair(setCookie);
      const session = await api.send('GET', `${API}/session`, { cookie });
      expect(sessionSchema.parse(await session.json()).user.username).toBe('wang');
      expect(session.headers.get('cache-control')).toBe('no-store');

      const out = await api.send('DELETE', `${API}/session`, { cookie });
      expect(out.status).toBe(204);
      expect(out.headers.get('set-cookie')).toMatch(/^jindu_session=; Max-Age=0;/);
      await problemOf(await api.send('GET', `${API}/session`, { cookie }), 401);
      // Signing out when not signed in is not an error.
      expect((await api.send('DELETE', `${API}/session`)).status).toBe(204);
    });

    it('stores only the hash of the session id', async () => {
      if (api.db === undefined) return;
      const cookie = await api.signIn('admin', PASSWORD);
      const id = cookie.split('=')[1] ?? '';
      const rows = await api.db.query<{ id_hash: string }>('SELECT id_hash FROM sessions');
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.some((row) => row.id_hash.includes(id))).toBe(false);
    });

    it('gives the same answer for a wrong password, an unknown account and a disabled one', async () => {
      const disabled = await api.addUser('li-disabled', PASSWORD, 'viewer');
      await api.accounts.updateUser(disabled.id, { active: false });
      const answers = [];
      for (const [username, password] of [
        ['admin', 'wrong password here'],
        ['nobody-at-all', PASSWORD],
        ['li-disabled', PASSWORD],
      ] as const) {
        const body = await problemOf(await api.send('POST', `${API}/session`, { body: { username, password } }), 401);
        answers.push(body);
      }
      expect(answers[0]).toEqual(answers[1]);
      expect(answers[1]).toEqual(answers[2]);
      expect(answers[0]?.title).toBe('用户名或密码不正确');
    });

    it('does not keep a session id presented before sign-in (fixation), and ends it', async () => {
      await api.addUser('zhao', PASSWORD, 'viewer');
      const before = await api.signIn('zhao', PASSWORD);
      const after = await api.signIn('zhao', PASSWORD, before);
      expect(after).not.toBe(before);
      await problemOf(await api.send('GET', `${API}/session`, { cookie: before }), 401);
      expect((await api.send('GET', `${API}/session`, { cookie: after })).status).toBe(200);
      // A made-up id planted in the browser is never promoted either.
      const planted = `jindu_session=${'A'.repeat(43)}`;
      const fresh = await api.signIn('zhao', PASSWORD, planted);
      expect(fresh).not.toBe(planted);
      await problemOf(await api.send('GET', `${API}/session`, { cookie: planted }), 401);
    });

    it('ends a session after 8 idle hours, and after 7 days however busy', async () => {
      await api.addUser('qian', PASSWORD, 'viewer');
      const idle = await api.signIn('qian', PASSWORD);
      advance(SESSION_IDLE_MS - minutes(1));
      expect((await api.send('GET', `${API}/session`, { cookie: idle })).status).toBe(200);
      advance(SESSION_IDLE_MS - minutes(1));
      // Still valid: the request above renewed the idle clock.
      expect((await api.send('GET', `${API}/session`, { cookie: idle })).status).toBe(200);
      advance(SESSION_IDLE_MS + 1);
      const expired = await api.send('GET', `${API}/session`, { cookie: idle });
      await problemOf(expired, 401);
      expect(expired.headers.get('set-cookie')).toMatch(/^jindu_session=; Max-Age=0;/);

      const busy = await api.signIn('qian', PASSWORD);
      let elapsed = 0;
      while (elapsed + SESSION_IDLE_MS / 2 < SESSION_ABSOLUTE_MS) {
        advance(SESSION_IDLE_MS / 2);
        elapsed += SESSION_IDLE_MS / 2;
        expect((await api.send('GET', `${API}/session`, { cookie: busy })).status).toBe(200);
      }
      advance(SESSION_ABSOLUTE_MS - elapsed - minutes(1));
      expect((await api.send('GET', `${API}/session`, { cookie: busy })).status).toBe(200);
      advance(minutes(1));
      await problemOf(await api.send('GET', `${API}/session`, { cookie: busy }), 401);
      admin = await api.signIn('admin', PASSWORD);
    });

    it('throttles after 10 failures for an account (429, Retry-After), without checking the password, and lets go after 15 minutes', async () => {
      await api.addUser('sun', PASSWORD, 'viewer');
      for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
        await problemOf(await api.send('POST', `${API}/session`, { body: { username: 'sun', password: `wrong password ${i}` } }), 401);
      }
      const refused = await api.send('POST', `${API}/session`, { body: { username: 'sun', password: PASSWORD } });
      expect((await problemOf(refused, 429)).title).toBe('登录尝试过多');
      expect(Number(refused.headers.get('retry-after'))).toBe(THROTTLE_WINDOW_MS / 1000);
      // An unknown name is throttled exactly like a real one: the 429 says nothing about which exist.
      for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
        await api.send('POST', `${API}/session`, { body: { username: 'sun-nobody', password: `wrong password ${i}` } });
      }
      await problemOf(await api.send('POST', `${API}/session`, { body: { username: 'sun-nobody', password: PASSWORD } }), 429);
      advance(minutes(5));
      const later = await api.send('POST', `${API}/session`, { body: { username: 'sun', password: PASSWORD } });
      expect(Number(later.headers.get('retry-after'))).toBe(minutes(10) / 1000);
      advance(minutes(10));
      expect((await api.send('POST', `${API}/session`, { body: { username: 'sun', password: PASSWORD } })).status).toBe(200);
      admin = await api.signIn('admin', PASSWORD);
    });
  });

  describe('the request guard and bodies', () => {
    it('refuses a write from another origin (403), also for anonymous requests', async () => {
      const foreign = await api.send('POST', `${API}/users`, {
        cookie: admin,
        origin: 'https://evil.example',
        body: { username: 'evil', password: PASSWORD, role: 'admin', domainIds: [] },
      });
      expect((await problemOf(foreign, 403)).title).toBe('跨站请求被拒绝');
      await problemOf(await api.send('POST', `${API}/session`, { origin: 'https://evil.example', body: { username: 'admin', password: PASSWORD } }), 403);
      await problemOf(await api.send('DELETE', `${API}/session`, { origin: null, cookie: admin }), 403);
      // Sec-Fetch-Site: same-origin without an Origin is the browser saying the same.
      const sameSite = await api.send('GET', `${API}/session`, { cookie: admin, origin: null, headers: { 'sec-fetch-site': 'same-origin' } });
      expect(sameSite.status).toBe(200);
    });

    it('refuses bodies over 64 KiB (413), other content types (415), unknown fields (400), out-of-bounds values (422 naming the field)', async () => {
      const big = JSON.stringify({ label: 'x'.repeat(MAX_BODY_BYTES) });
      await problemOf(await api.send('POST', `${API}/display-tokens`, { cookie: admin, raw: big }), 413);
      await problemOf(await api.send('POST', `${API}/display-tokens`, { cookie: admin, raw: 'label=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
      const unknown = await problemOf(await api.send('POST', `${API}/display-tokens`, { cookie: admin, body: { label: 'wall', admin: true } }), 400);
      expect(unknown.field).toBe('admin');
      await problemOf(await api.send('POST', `${API}/display-tokens`, { cookie: admin, raw: '{"label":' }), 400);
      const wrongType = await problemOf(await api.send('POST', `${API}/users`, { cookie: admin, body: { username: 'ok-name', password: PASSWORD, role: 'admin', domainIds: 'greening' } }), 400);
      expect(wrongType.field).toBe('domainIds');
      const long = await problemOf(await api.send('POST', `${API}/display-tokens`, { cookie: admin, body: { label: 'x'.repeat(101) } }), 422);
      expect(long.field).toBe('label');
      const weak = await problemOf(await api.send('POST', `${API}/users`, { cookie: admin, body: { username: 'weak-one', password: 'short pass', role: 'viewer', domainIds: [] } }), 422);
      expect(weak.field).toBe('password');
      const policy = await problemOf(await api.send('POST', `${API}/users`, { cookie: admin, body: { username: 'weak-two', password: 'elevenchars', role: 'viewer', domainIds: [] } }), 422);
      expect(policy.field).toBe('password');
      const domain = await problemOf(
        await api.send('POST', `${API}/users`, { cookie: admin, body: { username: 'no-domain', password: PASSWORD, role: 'updater', domainIds: ['not-a-domain'] } }),
        422,
      );
      expect(domain.field).toBe('domainIds');
      const reviewerDomains = await problemOf(
        await api.send('POST', `${API}/users`, { cookie: admin, body: { username: 'rev-domains', password: PASSWORD, role: 'reviewer', domainIds: ['greening'] } }),
        422,
      );
      expect(reviewerDomains.field).toBe('domainIds');
    });

    it('checks the role before the body: 401 and 403 come before 400', async () => {
      await problemOf(await api.send('POST', `${API}/display-tokens`, { body: { nonsense: 1 } }), 401);
      await api.addUser('zhou', PASSWORD, 'viewer');
      const viewer = await api.signIn('zhou', PASSWORD);
      await problemOf(await api.send('POST', `${API}/display-tokens`, { cookie: viewer, body: { nonsense: 1 } }), 403);
    });

    it('keeps hostile text as text: stored and returned byte for byte, as JSON', async () => {
      const hostile = `<script>alert("x")</script> '; DROP TABLE users; -- =HYPERLINK("http://evil") 进度\u202e`;
      const issued = await api.send('POST', `${API}/display-tokens`, { cookie: admin, body: { label: hostile } });
      expect(issued.status).toBe(201);
      expect(issued.headers.get('content-type')).toBe('application/json');
      expect(issuedDisplayTokenSchema.parse(await issued.json()).token.label).toBe(hostile);
      const listed = displayTokenListSchema.parse(await (await api.send('GET', `${API}/display-tokens`, { cookie: admin })).json());
      expect(listed.tokens.map((token) => token.label)).toContain(hostile);
      // Usernames cannot carry it at all: the API's username rule.
      await problemOf(await api.send('POST', `${API}/users`, { cookie: admin, body: { username: '<b>x</b>', password: PASSWORD, role: 'viewer', domainIds: [] } }), 422);
    });
  });

  describe('accounts', () => {
    it('creates an account (201), refuses a taken name (409), changes role and domains, disables and ends its sessions', async () => {
      const created = await api.send('POST', `${API}/users`, { cookie: admin, body: { username: 'wu-li', password: PASSWORD, role: 'updater', domainIds: ['greening'] } });
      expect(created.status).toBe(201);
      const account = userAccountSchema.parse(await created.json());
      expect(account).toMatchObject({ username: 'wu-li', role: 'updater', domainIds: ['greening'], active: true });
      expect(JSON.stringify(account)).not.toMatch(/hash|argon|pbkdf/i);
      await problemOf(await api.send('POST', `${API}/users`, { cookie: admin, body: { username: 'wu-li', password: PASSWORD, role: 'viewer', domainIds: [] } }), 409);

      const wu = await api.signIn('wu-li', PASSWORD);
      const promoted = await api.send('PATCH', `${API}/users/${account.id}`, { cookie: admin, body: { role: 'reviewer' } });
      expect(userAccountSchema.parse(await promoted.json())).toMatchObject({ role: 'reviewer', domainIds: [] });
      expect(sessionSchema.parse(await (await api.send('GET', `${API}/session`, { cookie: wu })).json()).user.role).toBe('reviewer');

      const disabled = await api.send('PATCH', `${API}/users/${account.id}`, { cookie: admin, body: { active: false } });
      expect(userAccountSchema.parse(await disabled.json()).active).toBe(false);
      await problemOf(await api.send('GET', `${API}/session`, { cookie: wu }), 401);
      await problemOf(await api.send('POST', `${API}/session`, { body: { username: 'wu-li', password: PASSWORD } }), 401);

      const list = userListSchema.parse(await (await api.send('GET', `${API}/users`, { cookie: admin })).json());
      expect(list.users.find((user) => user.username === 'wu-li')?.active).toBe(false);
      await problemOf(await api.send('PATCH', `${API}/users/99999`, { cookie: admin, body: { active: true } }), 404);
    });

    it('resets a password (old one refused, sessions ended) and ends sessions on request', async () => {
      const zheng = await api.addUser('zheng', PASSWORD, 'viewer');
      const session = await api.signIn('zheng', PASSWORD);
      const reset = await api.send('PATCH', `${API}/users/${zheng.id}`, { cookie: admin, body: { password: 'a brand new passphrase' } });
      expect(reset.status).toBe(200);
      await problemOf(await api.send('GET', `${API}/session`, { cookie: session }), 401);
      await problemOf(await api.send('POST', `${API}/session`, { body: { username: 'zheng', password: PASSWORD } }), 401);
      const again = await api.signIn('zheng', 'a brand new passphrase');
      expect((await api.send('DELETE', `${API}/users/${zheng.id}/sessions`, { cookie: admin })).status).toBe(204);
      await problemOf(await api.send('GET', `${API}/session`, { cookie: again }), 401);
      await problemOf(await api.send('DELETE', `${API}/users/99999/sessions`, { cookie: admin }), 404);
    });

    it('keeps at least one active admin', async () => {
      const me = sessionSchema.parse(await (await api.send('GET', `${API}/session`, { cookie: admin })).json()).user;
      await problemOf(await api.send('PATCH', `${API}/users/${me.id}`, { cookie: admin, body: { active: false } }), 409);
      await problemOf(await api.send('PATCH', `${API}/users/${me.id}`, { cookie: admin, body: { role: 'viewer' } }), 409);
    });
  });

  describe('the audit log', () => {
    it('records sign-ins (and failed ones), account and token changes with who, before and after, address and request id', async () => {
      const start = api.clock.now;
      advance(minutes(1));
      await api.send('POST', `${API}/session`, { body: { username: 'admin', password: 'not the password' } });
      await api.send('POST', `${API}/session`, { body: { username: 'typed-secret-name', password: 'not the password' } });
      const fresh = await api.signIn('admin', PASSWORD);
      const created = userAccountSchema.parse(
        await (await api.send('POST', `${API}/users`, { cookie: fresh, body: { username: 'feng', password: PASSWORD, role: 'updater', domainIds: ['greening'] } })).json(),
      );
      await api.send('PATCH', `${API}/users/${created.id}`, { cookie: fresh, body: { domainIds: ['air-pollution'], password: 'another long password' } });
      await api.send('DELETE', `${API}/users/${created.id}/sessions`, { cookie: fresh });
      const token = issuedDisplayTokenSchema.parse(await (await api.send('POST', `${API}/display-tokens`, { cookie: fresh, body: { label: '三楼会议室大屏' } })).json());
      await api.send('DELETE', `${API}/display-tokens/${token.token.id}`, { cookie: fresh });
      await api.send('DELETE', `${API}/session`, { cookie: fresh });

      const day = (at: Date) => new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
      const listed = await api.send('GET', `${API}/audit?since=${day(start)}&until=${day(api.clock.now)}&limit=1000`, { cookie: admin });
      const { entries } = auditListSchema.parse(await listed.json());
      const recent = entries.filter((entry) => new Date(entry.at) > start);
      expect(recent.map((entry) => entry.action).reverse()).toEqual([
        'sign-in-failed',
        'sign-in-failed',
        'sign-in',
        'user-created',
        'user-changed',
        'password-reset',
        'sessions-ended',
        'display-token-issued',
        'display-token-revoked',
        'sign-out',
      ]);
      for (const entry of recent) {
        expect(entry.address).toBe('192.0.2.10');
        expect(entry.requestId.length).toBeGreaterThan(0);
      }
      const [failedKnown, failedUnknown] = recent.slice(-2).reverse();
      expect(failedKnown?.target).toMatchObject({ kind: 'user' });
      expect(failedUnknown?.target).toBeNull();
      expect(JSON.stringify(entries)).not.toContain('typed-secret-name');
      expect(JSON.stringify(entries)).not.toContain('another long password');
      expect(JSON.stringify(entries)).not.toMatch(/\$argon2|pbkdf2-sha256\$/);
      const changed = recent.find((entry) => entry.action === 'user-changed');
      expect(changed?.before).toMatchObject({ domainIds: ['greening'] });
      expect(changed?.after).toMatchObject({ domainIds: ['air-pollution'] });
      expect(recent.find((entry) => entry.action === 'user-created')?.who?.username).toBe('admin');

      const byUser = auditListSchema.parse(await (await api.send('GET', `${API}/audit?userId=${created.id}`, { cookie: admin })).json());
      expect(byUser.entries.map((entry) => entry.action).sort()).toEqual(['password-reset', 'sessions-ended', 'user-changed', 'user-created']);
      const limited = auditListSchema.parse(await (await api.send('GET', `${API}/audit?limit=2`, { cookie: admin })).json());
      expect(limited.entries).toHaveLength(2);
      expect(limited.entries[0]?.action).toBe('sign-out');
      for (const query of ['since=2017-02-30', 'until=yesterday', 'limit=0', 'limit=1001', 'domainId=Not_Kebab', 'colour=red']) {
        await problemOf(await api.send('GET', `${API}/audit?${query}`, { cookie: admin }), 400);
      }
      const future = auditListSchema.parse(await (await api.send('GET', `${API}/audit?since=2030-01-01`, { cookie: admin })).json());
      expect(future.entries).toEqual([]);
    });

    it('exports CSV for Excel: BOM, header, quoting, formula cells defused', async () => {
      await api.send('POST', `${API}/display-tokens`, { cookie: admin, body: { label: '=HYPERLINK("http://evil","点我"), 大屏' } });
      const response = await api.send('GET', `${API}/audit.csv`, { cookie: admin });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="jindu-audit-\d{8}\.csv"$/);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.slice(3));
      const lines = text.split('\r\n');
      expect(lines[0]).toBe('时间,操作人,操作人编号,操作,对象类型,对象编号,领域,之前,之后,来源地址,请求编号');
      const issued = lines.find((line) => line.includes('display-token-issued') && line.includes('HYPERLINK'));
      // The JSON of `after` is one quoted cell; its quotes doubled.
      expect(issued).toContain('"{""label"":""=HYPERLINK(\\""http://evil\\"",\\""点我\\""), 大屏""}"');
      expect(text.endsWith('\r\n')).toBe(true);
    });

    it('cannot be changed or deleted in the database', async () => {
      if (api.db === undefined) return;
      const db = api.db;
      const [before] = await db.query<{ count: number }>('SELECT count(*)::integer AS count FROM audit_log');
      for (const [operation, sql] of [
        ['UPDATE', `UPDATE audit_log SET action = 'sign-in'`],
        ['DELETE', 'DELETE FROM audit_log'],
        ['TRUNCATE', 'TRUNCATE audit_log'],
      ] as const) {
        await expect(db.exec(sql)).rejects.toThrow(`audit_log is append-only: ${operation} is not allowed`);
      }
      const [after] = await db.query<{ count: number }>('SELECT count(*)::integer AS count FROM audit_log');
      expect(after?.count).toBe(before?.count);
      expect(before?.count).toBeGreaterThan(0);
    });
  });

  describe('the permission matrix', () => {
    const cookies = new Map<RoleKind, string | undefined>();
    let context: MatrixContext;
    let counter = 0;

    beforeAll(async () => {
      const password = 'matrix password 2017';
      const kinds: [RoleKind, Parameters<TestApi['addUser']>[2], string[]][] = [
        ['viewer', 'viewer', []],
        ['updater-other-domain', 'updater', ['greening']],
        ['updater-this-domain', 'updater', ['air-pollution']],
        ['reviewer', 'reviewer', []],
        ['admin', 'admin', []],
      ];
      cookies.set('anonymous', undefined);
      for (const [kind, role, domainIds] of kinds) {
        await api.addUser(`m-${kind}`, password, role, domainIds);
        cookies.set(kind, await api.signIn(`m-${kind}`, password));
      }
      const target = await api.addUser('m-target', password, 'viewer');
      const issued = issuedDisplayTokenSchema.parse(await (await api.send('POST', `${API}/display-tokens`, { cookie: admin, body: { label: 'matrix wall' } })).json());
      await api.addUser('m-author', password, 'updater', ['air-pollution']);
      const author = await api.signIn('m-author', password);
      const currentObservationId = async (metricId: string) => {
        const domain = domainSchema.parse(await (await api.send('GET', `${REPORT}/domains/air-pollution`)).json());
        return domain.metrics.find((m) => m.id === metricId)?.observationId ?? '';
      };
      context = {
        domainId: 'air-pollution',
        otherDomainId: 'greening',
        targetUserId: target.id,
        displayTokenId: issued.token.id,
        unique: () => `${++counter}`,
        currentObservationId,
        async pendingUpdateId() {
          const body = { observations: [{ metricId: 'good-air-days', value: 81, asOf: '2017-07-02', supersedes: await currentObservationId('good-air-days') }] };
          const response = await api.send('POST', `${REPORT}/domains/air-pollution/updates`, { cookie: author, body });
          return updateSchema.parse(await response.json()).id;
        },
      };
    });

    it.each(PERMISSION_MATRIX.flatMap((row) => ROLE_KINDS.map((kind) => ({ ...row, kind }))))('$endpoint as $kind', async (row) => {
      const { method, path, body } = await row.request(context);
      const cookie = cookies.get(row.kind);
      const response = await api.send(method, path, { ...(body === undefined ? {} : { body }), ...(cookie === undefined ? {} : { cookie }) });
      const refusal = expectedRefusal(row.action, row.kind);
      expect(response.status).toBe(refusal ?? row.success);
      if (refusal !== null) await problemOf(response, refusal);
    });
  });

  describe('reading with JINDU_READ=signed-in, and display tokens', () => {
    let closed: TestApi;
    let closedAdmin: string;

    beforeAll(async () => {
      closed = await startApi(backend, { read: 'signed-in' });
      await closed.addUser('admin', PASSWORD, 'admin');
      closedAdmin = await closed.signIn('admin', PASSWORD);
    });
    afterAll(() => closed.close());

    it('reads publicly by default', async () => {
      expect((await api.send('GET', REPORT)).status).toBe(200);
    });

    it('answers 401 to an anonymous read, 200 to a signed-in one, privately', async () => {
      await problemOf(await closed.send('GET', REPORT), 401);
      await problemOf(await closed.send('GET', `${API}/reports`), 401);
      const signedIn = await closed.send('GET', REPORT, { cookie: closedAdmin });
      expect(signedIn.status).toBe(200);
      expect(signedIn.headers.get('cache-control')).toBe('private, no-cache');
      expect(await closed.auth.mayRead(new Request(`${ORIGIN}/`))).toBe(false);
      expect(await closed.auth.mayRead(new Request(`${ORIGIN}/`, { headers: { cookie: closedAdmin } }))).toBe(true);
    });

    it('lets a wall read with a display token: the link opened once, swapped for a cookie, revoked at the next request', async () => {
      const issued = issuedDisplayTokenSchema.parse(await (await closed.send('POST', `${API}/display-tokens`, { cookie: closedAdmin, body: { label: '大厅' } })).json());
      const link = new URL(issued.link);
      expect(link.origin).toBe(ORIGIN);
      expect(link.pathname).toBe('/wall');

      const opened = await closed.auth.openDisplayLink(new Request(issued.link));
      expect(opened?.status).toBe(303);
      expect(opened?.headers.get('location')).toBe('/wall');
      expect(opened?.headers.get('cache-control')).toBe('no-store');
      expect(opened?.headers.get('referrer-policy')).toBe('no-referrer');
      const setCookie = opened?.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^jindu_display=[A-Za-z0-9_-]{43}; Max-Age=34560000; Path=\/; HttpOnly; SameSite=Lax$/);
      const wall = cookiePair(setCookie);

      // The link is spent: opening it again redirects without a cookie.
      const again = await closed.auth.openDisplayLink(new Request(issued.link));
      expect(again?.status).toBe(303);
      expect(again?.headers.get('set-cookie')).toBeNull();
      expect(await closed.auth.openDisplayLink(new Request(`${ORIGIN}/wall`))).toBeNull();

      const read = await closed.send('GET', REPORT, { cookie: wall });
      expect(read.status).toBe(200);
      const etag = read.headers.get('etag') ?? '';
      expect((await closed.send('GET', REPORT, { cookie: wall, headers: { 'if-none-match': etag } })).status).toBe(304);
      // A wall is not a person: no session, no writes.
      await problemOf(await closed.send('GET', `${API}/session`, { cookie: wall }), 401);
      await problemOf(await closed.send('POST', `${API}/display-tokens`, { cookie: wall, body: { label: 'x' } }), 401);
      const tokens = displayTokenListSchema.parse(await (await closed.send('GET', `${API}/display-tokens`, { cookie: closedAdmin })).json());
      expect(tokens.tokens.find((token) => token.id === issued.token.id)).toMatchObject({ openedAt: expect.any(String), revokedAt: null });

      expect((await closed.send('DELETE', `${API}/display-tokens/${issued.token.id}`, { cookie: closedAdmin })).status).toBe(204);
      const refused = await closed.send('GET', REPORT, { cookie: wall, headers: { 'if-none-match': etag } });
      await problemOf(refused, 401);
      expect(refused.headers.get('set-cookie')).toMatch(/^jindu_display=; Max-Age=0;/);
      await problemOf(await closed.send('DELETE', `${API}/display-tokens/99999`, { cookie: closedAdmin }), 404);

      const { entries } = auditListSchema.parse(await (await closed.send('GET', `${API}/audit`, { cookie: closedAdmin })).json());
      expect(entries.filter((entry) => entry.target?.id === issued.token.id).map((entry) => entry.action)).toEqual([
        'display-token-revoked',
        'display-token-opened',
        'display-token-issued',
      ]);
    });

    it('does not exchange a revoked or expired link', async () => {
      const issued = issuedDisplayTokenSchema.parse(await (await closed.send('POST', `${API}/display-tokens`, { cookie: closedAdmin, body: { label: 'old' } })).json());
      closed.clock.now = new Date(closed.clock.now.getTime() + 8 * 24 * 3600 * 1000);
      closedAdmin = await closed.signIn('admin', PASSWORD);
      const opened = await closed.auth.openDisplayLink(new Request(issued.link));
      expect(opened?.status).toBe(303);
      expect(opened?.headers.get('set-cookie')).toBeNull();
    });
  });
});
