import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { reportListSchema } from '../../src/api/schemas';
import { MIGRATIONS, SCHEMA_VERSION } from '../db/migrate';
import { openPglite } from '../db/pglite';
import { createPostgresDatabase, testDatabaseUrl } from './databases';
import { fixtureApp } from './fixture-app';
import { killStartedServers, logged, startServer as start, type Started } from './server-process';

// The real built server as a child process (server-process.ts): what `npm start` runs.

const publicDir = fixtureApp();
const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'jindu-data-')), 'data');

afterEach(() => killStartedServers());
afterAll(() => {
  rmSync(publicDir, { recursive: true, force: true });
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

const startServer = (env: Record<string, string>): Promise<Started> => start(env, publicDir);

/** Sends bytes as they are (fetch would refuse to send a malformed request) and reads the answer. */
function rawRequest(origin: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = net.connect(Number(port), hostname, () => socket.write(bytes));
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
  });
}

describe('the built server on the embedded database', () => {
  it('starts on an empty folder: migrates, seeds, serves the app and the API, stops cleanly on SIGTERM', { timeout: 180_000 }, async () => {
    const server = await startServer({ JINDU_DATA_DIR: dataDir });
    expect(logged(server, 'database ready')).toMatchObject({ database: 'pglite', migrationsApplied: MIGRATIONS.map((m) => m.version), seeded: true, schemaVersion: SCHEMA_VERSION });
    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, schemaVersion: SCHEMA_VERSION });
    const reports = reportListSchema.parse(await (await fetch(`${server.origin}/api/v1/reports`)).json());
    expect(reports.reports.map((r) => r.id)).toEqual(['erqi-2017-h1']);
    expect(await (await fetch(`${server.origin}/domains/economy`)).text()).toContain('<div id="root">');
    const request = await fetch(`${server.origin}/api/v1/nope`, { headers: { 'x-request-id': 'test-42' } });
    expect(request.headers.get('x-request-id')).toBe('test-42');
    expect(server.logs.find((l) => l.requestId === 'test-42')).toMatchObject({ msg: 'request', status: 404, path: '/api/v1/nope' });

    // What the HTTP parser refuses is a 4xx too, never a dropped connection or a 500.
    expect(await rawRequest(server.origin, 'GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    expect(await rawRequest(server.origin, `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`)).toMatch(/^HTTP\/1\.1 431 /);
    expect(await rawRequest(server.origin, 'GET /api/v1/reports/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);

    // The first admin: its one-time password printed once on standard error, never in the JSON log.
    const password = /one-time password: (\S+)/.exec(server.stderr())?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(logged(server, 'first admin created')).toMatchObject({ username: 'admin' });
    expect(JSON.stringify(server.logs)).not.toContain(password);
    const write = { origin: server.origin, 'content-type': 'application/json' };
    const signIn = await fetch(`${server.origin}/api/v1/session`, { method: 'POST', headers: write, body: JSON.stringify({ username: 'admin', password }) });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    // The audit log has the socket's address.
    const audit = (await (await fetch(`${server.origin}/api/v1/audit`, { headers: { cookie } })).json()) as { entries: { action: string; address: string | null }[] };
    expect(audit.entries.find((entry) => entry.action === 'sign-in')?.address).toMatch(/127\.0\.0\.1$/);
    // A display link opened at the app's address: 303 to the same address without it, with the wall's cookie.
    const issued = (await (await fetch(`${server.origin}/api/v1/display-tokens`, { method: 'POST', headers: { ...write, cookie }, body: '{"label":"大厅"}' })).json()) as { link: string };
    const opened = await fetch(issued.link.replace(/^http:\/\/[^/]+/, server.origin), { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/wall');
    expect(opened.headers.get('set-cookie')).toMatch(/^jindu_display=[A-Za-z0-9_-]{43};/);
    const secret = new URL(issued.link).searchParams.get('display-token') ?? '';
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(server.logs)).not.toContain(secret);

    // An open event stream is ended at SIGTERM, not waited for (the stop would otherwise take the whole grace period).
    const events = await fetch(`${server.origin}/api/v1/events`);
    expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = events.body?.getReader();
    const first = new TextDecoder().decode((await reader?.read())?.value);
    expect(first).toMatch(/^retry: \d+\n: connected/);
    const stopping = performance.now();
    process.kill(server.child.pid ?? 0, 'SIGTERM');
    expect(await server.exited).toBe(0);
    expect(performance.now() - stopping).toBeLessThan(9_000);
    expect((await reader?.read())?.done).toBe(true);
    expect(server.logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['stopping', 'stopped']));
    // A restart finds the admin: nothing printed again.
    const again = await startServer({ JINDU_DATA_DIR: dataDir });
    expect(again.stderr()).not.toContain('one-time password');
    process.kill(again.child.pid ?? 0, 'SIGTERM');
    expect(await again.exited).toBe(0);
  });

  it('keeps its data across a restart (no migration, no seed), and refuses a second server on the same folder', { timeout: 180_000 }, async () => {
    const server = await startServer({ JINDU_DATA_DIR: dataDir });
    expect(logged(server, 'database ready')).toMatchObject({ migrationsApplied: [], seeded: false });
    expect((await fetch(`${server.origin}/api/v1/reports/erqi-2017-h1/domains/land`)).status).toBe(200);

    const second = await startServer({ JINDU_DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(logged(second, 'could not start')?.error).toMatch(/in use by process/);

    process.kill(server.child.pid ?? 0, 'SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses to start on a database from a newer version, saying so', { timeout: 180_000 }, async () => {
    const db = await openPglite(dataDir);
    await db.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from-the-future')");
    await db.close();
    const server = await startServer({ JINDU_DATA_DIR: dataDir });
    expect(await server.exited).toBe(1);
    expect(logged(server, 'could not start')?.error).toContain(`schema is version 999, newer than this Jindu's (${SCHEMA_VERSION})`);
  });
});

describe.runIf(testDatabaseUrl !== undefined)('the built server on PostgreSQL', () => {
  it('finishes a request in flight on SIGTERM, refuses new connections, then closes the database and exits 0', { timeout: 120_000 }, async () => {
    const created = await createPostgresDatabase(testDatabaseUrl ?? '');
    const holder = new pg.Client({ connectionString: created.url });
    try {
      const server = await startServer({ DATABASE_URL: created.url });
      expect(logged(server, 'database ready')).toMatchObject({ database: 'postgres', seeded: true });
      expect(JSON.stringify(server.logs)).not.toContain(created.url);

      // Hold the data version's row: the next API request waits on the database, in flight.
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE data_version IN ACCESS EXCLUSIVE MODE');
      const inFlight = fetch(`${server.origin}/api/v1/reports`);
      await new Promise((resolve) => setTimeout(resolve, 500));

      process.kill(server.child.pid ?? 0, 'SIGTERM');
      await expect.poll(() => server.logs.some((l) => l.msg === 'stopping')).toBe(true);
      expect(server.child.exitCode).toBeNull();
      await expect(fetch(`${server.origin}/healthz`)).rejects.toThrow();

      await holder.query('COMMIT');
      const answered = await inFlight;
      expect(answered.status).toBe(200);
      expect(reportListSchema.parse(await answered.json()).reports).toHaveLength(1);
      expect(await server.exited).toBe(0);
      expect(logged(server, 'stopped')).toBeDefined();
    } finally {
      await holder.end().catch(() => undefined);
      await created.drop();
    }
  });
});
