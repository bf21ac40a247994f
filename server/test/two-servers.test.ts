import { rmSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { domainSchema } from '../../src/api/schemas';
import { sessionSchema, updateApprovedEventSchema, updateSchema } from '../../src/api/tracking-schemas';
import { report } from '../../mocks/data/erqi-2017-h1';
import { createPostgresDatabase, testDatabaseUrl } from './databases';
import { fixtureApp } from './fixture-app';
import { killStartedServers, logged, startServer, type Started } from './server-process';

// Two app servers on one PostgreSQL (issue 17, point 5), as two processes that share nothing but the
// database: a person's requests alternate between them as a load balancer without sticky sessions
// would send them. Sessions, throttling, updates, reviews, the data version and the event stream all
// live in PostgreSQL (LISTEN/NOTIFY for the events), so either server answers alike.

if (testDatabaseUrl === undefined) {
  console.warn('two-servers.test.ts: skipped, JINDU_TEST_DATABASE_URL is not set (two app servers need a PostgreSQL server to share; CI sets it).');
}

const ADMIN_PASSWORD = 'two servers admin password';
const PASSWORD = 'correct horse battery';
const AIR = `/api/v1/reports/${report.id}/domains/air-pollution`;

const publicDir = fixtureApp();
afterEach(() => killStartedServers());
afterAll(() => rmSync(publicDir, { recursive: true, force: true }));

function send(server: Started, path: string, { method = 'GET', body, cookie }: { method?: string; body?: unknown; cookie?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (cookie !== undefined) headers.cookie = cookie;
  if (method !== 'GET') headers.origin = server.origin;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${server.origin}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

async function signIn(server: Started, username: string, password: string): Promise<string> {
  const response = await send(server, '/api/v1/session', { method: 'POST', body: { username, password } });
  expect(response.status, `sign-in of ${username} on ${server.origin}`).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** An open event stream: the events it has delivered so far. */
async function eventStream(server: Started): Promise<{ events: unknown[]; close(): void }> {
  const controller = new AbortController();
  const response = await fetch(`${server.origin}/api/v1/events`, { signal: controller.signal });
  const reader = response.body?.getReader();
  if (reader === undefined) throw new Error('no stream');
  const events: unknown[] = [];
  let text = '';
  let connected = false;
  const decoder = new TextDecoder();
  const pump = async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      text += decoder.decode(value, { stream: true });
      const messages = text.split('\n\n');
      text = messages.pop() ?? '';
      for (const message of messages) {
        if (message.includes(': connected')) connected = true;
        const data = /^data: (.*)$/m.exec(message)?.[1];
        if (/^event: update-approved$/m.test(message) && data !== undefined) events.push(updateApprovedEventSchema.parse(JSON.parse(data)));
      }
    }
  };
  void pump();
  // Listening once it says so: an approval after this reaches it.
  await expect.poll(() => connected, { timeout: 30_000 }).toBe(true);
  return { events, close: () => controller.abort() };
}

describe.runIf(testDatabaseUrl !== undefined)('two app servers on one PostgreSQL', () => {
  it('serve one person whichever of them each request reaches: sessions, updates, reviews, throttling and events', { timeout: 180_000 }, async () => {
    const created = await createPostgresDatabase(testDatabaseUrl ?? '');
    try {
      const env = { DATABASE_URL: created.url, JINDU_ADMIN_PASSWORD: ADMIN_PASSWORD, JINDU_TODAY: '2017-07-05' };
      // Started together on an empty database: one migrates and seeds, the other waits its turn (advisory locks).
      const [a, b] = await Promise.all([startServer(env, publicDir), startServer(env, publicDir)]);
      expect(logged(a, 'listening'), a.stderr()).toBeDefined();
      expect(logged(b, 'listening'), b.stderr()).toBeDefined();
      expect([logged(a, 'database ready')?.seeded, logged(b, 'database ready')?.seeded].sort()).toEqual([false, true]);

      // Signed in on A, the cookie works on B; accounts created on either exist on both.
      const admin = await signIn(a, 'admin', ADMIN_PASSWORD);
      expect(sessionSchema.parse(await (await send(b, '/api/v1/session', { cookie: admin })).json()).user.username).toBe('admin');
      expect((await send(b, '/api/v1/users', { method: 'POST', cookie: admin, body: { username: 'air-updater', password: PASSWORD, role: 'updater', domainIds: ['air-pollution'] } })).status).toBe(201);
      expect((await send(a, '/api/v1/users', { method: 'POST', cookie: admin, body: { username: 'reviewer', password: PASSWORD, role: 'reviewer', domainIds: [] } })).status).toBe(201);
      const updater = await signIn(b, 'air-updater', PASSWORD);
      const reviewer = await signIn(a, 'reviewer', PASSWORD);

      // A wall on A, reading through A with an ETag.
      const stream = await eventStream(a);
      const before = await send(a, AIR);
      const etag = before.headers.get('etag') ?? '';
      const current = domainSchema.parse(await before.json()).metrics.find((m) => m.id === 'good-air-days');

      // Submitted on A, in B's review queue; approved on B, the event reaches A's stream and A's reads.
      const submitted = await send(a, `${AIR}/updates`, {
        method: 'POST',
        cookie: updater,
        body: { observations: [{ metricId: 'good-air-days', value: 97, asOf: '2017-07-04', supersedes: current?.observationId ?? null }] },
      });
      expect(submitted.status).toBe(201);
      const update = updateSchema.parse(await submitted.json());
      const queue = (await (await send(b, '/api/v1/updates?state=submitted', { cookie: reviewer })).json()) as { updates: { id: string }[] };
      expect(queue.updates.map((u) => u.id)).toContain(update.id);
      const reviewed = await send(b, `/api/v1/updates/${update.id}/review`, { method: 'POST', cookie: reviewer, body: { decision: 'approve', comment: '核实无误' } });
      expect(reviewed.status).toBe(200);
      await expect.poll(() => stream.events, { timeout: 30_000 }).toEqual([{ reportId: report.id, domainId: 'air-pollution', updateId: update.id }]);
      stream.close();
      const after = await fetch(`${a.origin}${AIR}`, { headers: { 'if-none-match': etag } });
      expect(after.status).toBe(200);
      expect(domainSchema.parse(await after.json()).metrics.find((m) => m.id === 'good-air-days')?.value).toBe(97);
      // A second review on A of what B approved: a conflict, not a second approval.
      expect((await send(a, `/api/v1/updates/${update.id}/review`, { method: 'POST', cookie: reviewer, body: { decision: 'approve' } })).status).toBe(409);

      // Signed out on B: the session is gone on A too.
      expect((await send(b, '/api/v1/session', { method: 'DELETE', cookie: updater })).status).toBe(204);
      expect((await send(a, '/api/v1/session', { cookie: updater })).status).toBe(401);

      // Throttling counts the failures made on both: ten wrong passwords, five on each, and the
      // eleventh attempt is refused on either, even with the right password.
      for (let i = 0; i < 10; i++) {
        const refused = await send(i % 2 === 0 ? a : b, '/api/v1/session', { method: 'POST', body: { username: 'reviewer', password: `wrong password ${i}` } });
        expect(refused.status).toBe(401);
      }
      for (const server of [a, b]) {
        const throttled = await send(server, '/api/v1/session', { method: 'POST', body: { username: 'reviewer', password: PASSWORD } });
        expect(throttled.status).toBe(429);
        expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
      }

      for (const server of [a, b]) process.kill(server.child.pid ?? 0, 'SIGTERM');
      expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
    } finally {
      killStartedServers();
      await created.drop();
    }
  });
});
