import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

// The real built server (dist-server/server/main.js, built by the global set-up) as a child process
// on a port of the range given to this work, stopped by its pid: what `npm start` runs.

export const SERVER_ENTRY = fileURLToPath(new URL('../../dist-server/server/main.js', import.meta.url));

const running = new Set<ChildProcess>();

/** SIGKILLs every server this process started that still runs (a test's afterEach). */
export function killStartedServers(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
  running.clear();
}

let nextOffset = 0;
/**
 * Ports handed to a server of this process that has not exited yet. Two servers started at once (the
 * two-servers test) each probe in turn; when the first skips a busy port it lands on the second's, and
 * both were given one port (the second then could not listen: CI, 2026-12-02).
 */
const handedOut = new Set<number>();

/** A port of the range given to this work (JINDU_TEST_PORT_BASE, 50 ports; default 5400) that nothing listens on. */
export async function freePort(): Promise<number> {
  const base = Number(process.env.JINDU_TEST_PORT_BASE ?? 5400);
  // Test files run in parallel workers: each starts at its own place and moves on, port by port.
  const offset = (process.pid * 7 + nextOffset++) % 50;
  for (let i = 0; i < 50; i++) {
    const port = base + ((offset + i) % 50);
    if (handedOut.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free && !handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free port in ${base}-${base + 49}`);
}

export interface Started {
  child: ChildProcess;
  origin: string;
  /** Parsed log lines so far. */
  logs: Record<string, unknown>[];
  /** Standard error so far (the first admin's one-time password is printed there, never logged). */
  stderr: () => string;
  /** The exit code, or null when a signal ended it. */
  exited: Promise<number | null>;
}

/** Starts the built server with `env` (and PORT, HOST, JINDU_PUBLIC_DIR) and waits until it listens or exits. */
export async function startServer(env: Record<string, string>, publicDir: string): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', JINDU_PUBLIC_DIR: publicDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => handedOut.delete(port));
  const logs: Record<string, unknown>[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) logs.push(JSON.parse(line) as Record<string, unknown>);
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await Promise.race([
    expect.poll(() => logs.some((l) => l.msg === 'listening'), { timeout: 110_000, interval: 50 }).toBe(true),
    exited,
  ]);
  return { child, origin: `http://127.0.0.1:${port}`, logs, stderr: () => stderr, exited };
}

export const logged = (started: Started, msg: string) => started.logs.find((l) => l.msg === msg);
