import { fileURLToPath } from 'node:url';
import http from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { domains, report, reportSource } from '../../mocks/data/erqi-2017-h1';
import { createApiWithAuth } from '../api/app';
import { authConfigFromEnv } from '../auth/config';
import { createReportService } from '../core/reports';
import { clockFromEnv, createTrackingService } from '../core/tracking';
import { databaseSettings, prepareDatabase } from '../db/open';
import { SCHEMA_VERSION, schemaVersion } from '../db/migrate';
import { createSqlAccounts } from '../db/sql-accounts';
import { createSqlStore } from '../db/sql-store';
import { createSqlTrackingStore } from '../db/sql-tracking';
import { argon2Hasher } from './argon2-hasher';
import { ensureFirstAdmin } from './first-admin';
import { createLog, describeError } from './log';
import { createOverviewPage, type OverviewRenderer } from './overview-page';
import { createServerApp, requestIds, socketAddresses } from './server-app';

// `npm start` runs this (built into dist-server/server/main.js): the app and /api/v1 on one port,
// from the embedded database (JINDU_DATA_DIR, default ./data) or DATABASE_URL's PostgreSQL.

/** How long SIGTERM waits for requests in flight before closing their connections. */
const GRACE_MS = 10_000;

const log = createLog();

/** JINDU_READ: public (the default) or signed-in. */
function readAccess(): 'public' | 'signed-in' {
  const text = process.env.JINDU_READ?.trim() || 'public';
  if (text !== 'public' && text !== 'signed-in') throw new Error(`JINDU_READ must be "public" or "signed-in", not "${text}"`);
  return text;
}

function port(): number {
  const text = process.env.PORT?.trim() || '8080';
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) throw new Error(`PORT must be a port number, not "${text}"`);
  return value;
}

async function main(): Promise<void> {
  const settings = databaseSettings();
  const listenPort = port();
  const read = readAccess();
  const authConfig = authConfigFromEnv(process.env);
  const publicDir = process.env.JINDU_PUBLIC_DIR?.trim() || fileURLToPath(new URL('../public', import.meta.url));

  const opening = performance.now();
  const { db, applied, seeded, version } = await prepareDatabase(settings, [{ report, domains, source: reportSource }]);
  log('info', 'database ready', {
    database: db.kind,
    // The folder of the embedded database; never DATABASE_URL, which may hold a password.
    ...(db.kind === 'pglite' ? { dataDir: settings.dataDir } : {}),
    schemaVersion: version,
    migrationsApplied: applied,
    seeded,
    ms: Math.round(performance.now() - opening),
  });

  let stopping = false;
  const store = createSqlStore(db);
  const tracking = createSqlTrackingStore(db);
  // JINDU_TODAY pins the date for demos: cycles, deadlines and "not in the future" follow it.
  const now = clockFromEnv(process.env);
  const stopped = new AbortController();
  const accounts = createSqlAccounts(db);
  // A plain line on standard error, not a JSON log event: see ensureFirstAdmin.
  const firstAdmin = await ensureFirstAdmin(accounts, argon2Hasher, process.env, (text) => process.stderr.write(`${text}\n`));
  if (firstAdmin) log('info', 'first admin created', { username: 'admin' });
  const { app: api, auth } = createApiWithAuth({
    store,
    accounts,
    hasher: argon2Hasher,
    authConfig,
    read,
    socketAddress: (request) => socketAddresses.get(request) ?? null,
    requestId: (request) => requestIds.get(request),
    tracking,
    now: () => new Date(now()),
    pinnedToday: (process.env.JINDU_TODAY?.trim() ?? '') !== '',
    signal: stopped.signal,
    onError: (error, request) => log('error', 'api error', { requestId: requestIds.get(request), ...describeError(error) }),
  });
  const app = createServerApp({
    api,
    publicDir,
    log,
    openDisplayLink: (request) => auth.openDisplayLink(request),
    mayRead: (request) => auth.mayRead(request),
    renderPage: createOverviewPage({
      reports: createReportService(store, createTrackingService({ store, tracking, now }).reporting),
      reportId: report.id,
      publicDir,
      // The overview is the app's own React views: built beside this file as a second SSR entry
      // (server/vite.config.ts) and loaded from there, so the server's source imports nothing from
      // src/features and this bundle does not carry React until `/` is first asked for.
      loadRenderer: () => import(/* @vite-ignore */ new URL('./render-overview.js', import.meta.url).href) as Promise<OverviewRenderer>,
      log,
    }),
    async readiness() {
      if (stopping) return { ready: false, reason: 'stopping' };
      const schema = await schemaVersion(db);
      return { ready: schema === SCHEMA_VERSION, database: db.kind, schemaVersion: schema, expectedSchemaVersion: SCHEMA_VERSION };
    },
  });

  const server = createAdaptorServer({ fetch: app.fetch });
  if (!(server instanceof http.Server)) throw new Error('expected an HTTP/1.1 server');
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // A request Node cannot parse: 431 for oversized headers (an absurd URL), else a plain 400.
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, process.env.HOST?.trim() || undefined, () => resolve());
  });

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log('info', 'stopping', { signal });
    // Event streams never finish by themselves: end them, so the requests in flight are the real ones.
    stopped.abort();
    // Stops accepting connections, closes idle ones, and calls back when the last request is answered.
    server.close(() => {
      tracking
        .close()
        .then(() => db.close())
        .then(() => {
          log('info', 'stopped');
          process.exit(0);
        })
        .catch((error: unknown) => {
          log('error', 'closing the database failed', describeError(error));
          process.exit(1);
        });
    });
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), GRACE_MS).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // Said only once SIGTERM is ours: whoever waits for this line (a supervisor, the tests) and stops
  // the server at once must not meet Node's default, which ends the process without closing the database.
  const address = server.address();
  log('info', 'listening', { port: typeof address === 'object' && address !== null ? address.port : listenPort });
}

main().catch((error: unknown) => {
  log('error', 'could not start', describeError(error));
  process.exit(1);
});
