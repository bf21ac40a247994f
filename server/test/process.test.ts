import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { reportListSchema } from '../../src/api/schemas';
import { MIGRATIONS, SCHEMA_VERSION } from '../db/migrate';
import { openPglite } from '../db/pglite';
import { createPostgresDatabase, testDatabaseUrl } from './databases';
import { fixtureApp } from './fixture-app';

// The real built server (dist-server/server/main.js, built by the global set-up) as a child process
// on a port of 5400-5499, stopped by its pid: what `npm start` runs.

const entry = fileURLToPath(new URL('../../dist-server/server/main.js', import.meta.url));
const publicDir = fixtureApp();
const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'jindu-data-')), 'data');
const running = new Set<ChildProcess>();

afterEach(() => {
  for (const child of running) if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
  running.clear();
});
afterAll(() => {
  rmSync(publicDir, { recursive: true, force: true });
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

/** A port of the range given to this work that nothing listens on. */
async function freePort(): Promise<number> {
  const offset = (process.pid * 7) % 100;
  for (let i = 0; i < 100; i++) {
    const port = 5400 + ((offset + i) % 100);
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port in 5400-5499');
}

interface Started {
  child: ChildProcess;
  origin: string;
  /** Parsed log lines so far. */
  logs: Record<string, unknown>[];
  exited: Promise<number | null>;
}

async function startServer(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', JINDU_PUBLIC_DIR: publicDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const logs: Record<string, unknown>[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) logs.push(JSON.parse(line) as Record<string, unknown>);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await Promise.race([
    expect.poll(() => logs.some((l) => l.msg === 'listening'), { timeout: 110_000, interval: 100 }).toBe(true),
    exited,
  ]);
  return { child, origin: `http://127.0.0.1:${port}`, logs, exited };
}

const logged = (started: Started, msg: string) => started.logs.find((l) => l.msg === msg);

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

    process.kill(server.child.pid ?? 0, 'SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['stopping', 'stopped']));
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
    expect(logged(server, 'could not start')?.error).toMatch(new RegExp(`schema is version 999, newer than this Jindu's \\(${SCHEMA_VERSION}\\)`));
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
