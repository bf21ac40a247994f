// The built server (what `npm start` runs) for the bench: on an embedded database in a temporary folder
// or on a database of its own on a PostgreSQL server, with a heap probe the bench asks over IPC, and
// its RSS read from outside by pid (/proc).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { serverEntry } from '../server-build.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const BENCH_ADMIN = { username: 'admin', password: 'bench-admin-password-2017' };

/** The PostgreSQL server the bench may use, if any: a role allowed to create databases. */
export function postgresAdminUrl() {
  return process.env.JINDU_TEST_DATABASE_URL?.trim() || process.env.DATABASE_URL?.trim() || undefined;
}

/** A new, empty database on that PostgreSQL server, dropped by drop(). */
export async function createPostgresDatabase(adminUrl) {
  const name = `jindu_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Resident set size of a process, from /proc (Linux), in bytes; undefined where there is no /proc. */
export function rssOf(pid) {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

const MiB = (bytes) => (bytes === undefined ? undefined : +(bytes / 1048576).toFixed(1));

/**
 * Starts the built server on `port`: on `databaseUrl` (PostgreSQL) or, without it, on an embedded
 * database in a new temporary folder. Resolves once /readyz answers.
 */
export async function startServer({ port, databaseUrl, env = {}, nodeArgs = [] }) {
  const dataDir = databaseUrl ? undefined : mkdtempSync(path.join(os.tmpdir(), 'jindu-bench-'));
  const child = spawn(process.execPath, [...nodeArgs, '--expose-gc', '--import', path.join(here, 'heap-probe.mjs'), serverEntry], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      JINDU_DATA_DIR: dataDir ?? '',
      DATABASE_URL: databaseUrl ?? '',
      JINDU_ADMIN_PASSWORD: BENCH_ADMIN.password,
      ...env,
    },
  });
  const cleanUp = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('exit', cleanUp);
  const origin = `http://127.0.0.1:${port}`;
  // First start: migrations and the seed, seconds, but a minute and more on a loaded 2-core machine.
  for (let i = 0; ; i += 1) {
    if (child.exitCode !== null) throw new Error(`the server on port ${port} exited (${child.exitCode})`);
    try {
      if ((await fetch(`${origin}/readyz`)).ok) break;
    } catch {
      if (i > 1200) throw new Error(`the server on port ${port} did not start`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  let asked = 0;
  return {
    origin,
    pid: child.pid,
    database: databaseUrl ? 'PostgreSQL' : 'embedded',
    /** RSS (from /proc, outside) and the JS heap after a full GC (from the probe), in MiB. */
    async memory() {
      const id = (asked += 1);
      const answer = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the heap probe did not answer')), 10_000);
        const onMessage = (message) => {
          if (message?.type !== 'memory' || message.id !== id) return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(message);
        };
        child.on('message', onMessage);
        child.send({ type: 'memory', id });
      });
      return { rssMiB: MiB(rssOf(child.pid)), heapUsedMiB: MiB(answer.heapUsed), externalMiB: MiB(answer.external) };
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      cleanUp();
      process.off('exit', cleanUp);
    },
  };
}
