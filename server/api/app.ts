import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import type { AuthConfig, RequestView } from '../auth/config';
import type { AccountStore } from '../core/account-store';
import type { PasswordHasher } from '../core/password-hasher';
import { createReportService } from '../core/reports';
import type { Store } from '../core/store';
import { createTrackingService } from '../core/tracking';
import type { TrackingStore } from '../core/tracking-store';
import { createMemoryAccounts } from '../memory/memory-accounts';
import { pbkdf2Hasher } from '../memory/pbkdf2-hasher';
import type { ApiEnv } from './actor';
import { createAuth, type Auth, type ReadAccess } from './auth-routes';
import { notModified, strongEtag } from './etag';
import { problem, quoted } from './problem';
import { registerTrackingRoutes } from './tracking-routes';

/** The prefix every endpoint of the contract lives under. */
export const API_PREFIX = '/api/v1';

export interface ApiOptions {
  store: Store;
  /**
   * Accounts, sessions, display tokens and the audit log. Without one, an empty in-memory store: no
   * account exists, so every write is refused (tests of the report's reads need nothing more).
   */
  accounts?: AccountStore;
  /** Argon2id on the Node server; without one, PBKDF2 through Web Crypto (the browser's demo, tests). */
  hasher?: PasswordHasher;
  /** The clock of sessions, throttling and the audit log (tests move it). */
  now?: () => Date;
  /** JINDU_ORIGINS and JINDU_TRUST_PROXY (server/auth/config.ts). */
  authConfig?: AuthConfig;
  /** JINDU_READ: `public` (the default) or `signed-in` (an account or a display token). */
  read?: ReadAccess;
  /** The connection's peer address of a request (the Node server's socket), for throttling and the audit log. */
  socketAddress?: (request: Request) => string | null;
  /** The request id the server logged the request under, to tie audit entries to log lines. */
  requestId?: (request: Request) => string | undefined;
  /** See AuthDeps.setCookieHeader: only MSW in the browser changes it. */
  setCookieHeader?: string;
  /** See AuthDeps.view: only MSW in the browser changes it. */
  requestView?: (request: Request) => RequestView;
  /** Where the app is served on this origin, for display links: "/" unless under a sub-path. */
  appBase?: string;
  /** Told of every error that became a 500 (the server logs it; the client sees only a problem). */
  onError?: (error: unknown, request: Request) => void;
  /**
   * Weekly updates (issue 16) on the same data: without it the API serves the report's reads only.
   * Its clock is `now` (JINDU_TODAY pins it: core/tracking.ts clockFromEnv).
   */
  tracking?: TrackingStore;
  /**
   * The clock of weekly updates alone (cycles, 逾期未报, "not in the future"), where it differs from `now`:
   * the demo pins the plan's date there while sessions and the audit log of accounts keep the real time.
   */
  trackingNow?: () => Date;
  /** Whether the updates' clock's date is pinned (JINDU_TODAY, the demo): the cycle endpoint says so. */
  pinnedToday?: boolean;
  /** The demo: figures entered through it are illustrative (`source.kind = "example"`, 示例). */
  enteredKind?: 'update' | 'example';
  /** Aborted when the server stops: open event streams end so the last requests can finish. */
  signal?: AbortSignal;
  /** The event stream's heartbeat (25 s); tests shorten it. */
  heartbeatMs?: number;
}

/** A served id: kebab-case as the contract's ids are, and of a sane length. Anything else cannot exist. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 100;
const isId = (text: string) => text.length <= MAX_ID_LENGTH && ID.test(text);

const READ_METHODS = 'GET, HEAD';

interface CachedAnswer {
  version: string;
  body: string;
  etag: string;
}

/**
 * The API of DESIGN.md as a web-standard Request → Response function (`app.fetch`): the Node server
 * runs it on the database, MSW runs it in the browser and in the tests on the in-memory store, so the
 * contract has one implementation. Paths are the whole path from `/api/…` on.
 *
 * hono/tiny's PatternRouter: the smallest of Hono's routers (it ships in the demo's mock chunk), and
 * with a dozen routes matching is a few regex tests, nothing beside a database query.
 */
export function createApi(options: ApiOptions): Hono<ApiEnv> {
  return createApiWithAuth(options).app;
}

/** The API and, for the Node server's pages, its display-link exchange and read check. */
export function createApiWithAuth(options: ApiOptions): { app: Hono<ApiEnv>; auth: Auth } {
  const { store, onError, tracking, signal, heartbeatMs } = options;
  const clock = () => (options.trackingNow?.() ?? options.now?.() ?? new Date()).getTime();
  const updates =
    tracking === undefined
      ? undefined
      : createTrackingService({ store, tracking, now: clock, pinned: options.pinnedToday ?? false, enteredKind: options.enteredKind ?? 'update' });
  const service = createReportService(store, updates?.reporting);
  const auth = createAuth({
    store,
    accounts: options.accounts ?? createMemoryAccounts(),
    hasher: options.hasher ?? pbkdf2Hasher,
    config: options.authConfig ?? { behindProxy: false, allowedOrigins: [] },
    read: options.read ?? 'public',
    now: options.now ?? (() => new Date()),
    socketAddress: options.socketAddress ?? (() => null),
    requestId: options.requestId ?? (() => undefined),
    setCookieHeader: options.setCookieHeader ?? 'set-cookie',
    view: options.requestView ?? ((request) => request),
    appBase: options.appBase ?? '/',
  });
  const app = new Hono<ApiEnv>({ strict: false });
  // Answers of the current data version, by path: a poller's request costs one version lookup and,
  // with If-None-Match, an empty 304. Only answers that exist are kept, so the map stays as small as
  // the data.
  const answers = new Map<string, CachedAnswer>();

  async function serveJson(c: Context<ApiEnv>, build: () => Promise<unknown>, missing: () => Response | Promise<Response>): Promise<Response> {
    const refused = auth.readRefusal(c);
    if (refused !== null) return refused;
    const key = c.req.path.replace(/\/+$/, '');
    const version = await service.dataVersion();
    let answer = answers.get(key);
    if (answer === undefined || answer.version !== version) {
      const value = await build();
      if (value === undefined) return missing();
      const body = JSON.stringify(value);
      answer = { version, body, etag: strongEtag(body) };
      answers.set(key, answer);
    }
    // no-cache: a browser may keep the answer but asks again each time, with the ETag, for a 304.
    // When reading needs an account, no shared cache may keep it for the next person.
    const headers = {
      etag: answer.etag,
      'cache-control': options.read === 'signed-in' ? 'private, no-cache' : 'no-cache',
      ...(options.read === 'signed-in' ? { vary: 'cookie' } : {}),
    };
    if (notModified(c.req.header('if-none-match'), answer.etag)) return new Response(null, { status: 304, headers });
    return new Response(answer.body, { headers: { ...headers, 'content-type': 'application/json' } });
  }

  const noReport = (reportId: string) => problem(404, '报告不存在', `没有编号为“${quoted(reportId)}”的报告。`);
  const noDomain = (domainId: string) => problem(404, '领域不存在', `报告中没有编号为“${quoted(domainId)}”的关键词领域。`);

  // A path that is not valid percent-encoding cannot name anything: say so rather than guess.
  app.use('*', async (c, next) => {
    try {
      decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return problem(400, '请求路径无效', '请求路径的百分号编码不正确。');
    }
    await next();
  });

  const routes: [string, (c: Context<ApiEnv>) => Promise<Response>][] = [
    [`${API_PREFIX}/reports`, (c) => serveJson(c, () => service.listReports(), () => noReport(''))],
    [
      `${API_PREFIX}/reports/:reportId`,
      (c) => {
        const reportId = c.req.param('reportId') ?? '';
        if (!isId(reportId)) return Promise.resolve(noReport(reportId));
        return serveJson(c, () => service.getReport(reportId), () => noReport(reportId));
      },
    ],
    [
      `${API_PREFIX}/reports/:reportId/source`,
      (c) => {
        const reportId = c.req.param('reportId') ?? '';
        if (!isId(reportId)) return Promise.resolve(noReport(reportId));
        return serveJson(c, () => service.getSource(reportId), () => noReport(reportId));
      },
    ],
    [
      `${API_PREFIX}/reports/:reportId/domains/:domainId`,
      async (c) => {
        const reportId = c.req.param('reportId') ?? '';
        const domainId = c.req.param('domainId') ?? '';
        if (!isId(reportId)) return noReport(reportId);
        if (!isId(domainId)) return noDomain(domainId);
        return serveJson(
          c,
          () => service.getDomain(reportId, domainId),
          async () => ((await store.getReport(reportId)) === undefined ? noReport(reportId) : noDomain(domainId)),
        );
      },
    ],
  ];

  // The report's paths are read-only: any other method is 405 before the guard looks at it (nothing
  // can change there, so its Origin does not matter).
  for (const [path] of routes) {
    app.use(path, async (c, next) => {
      if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
      return problem(405, '不支持的请求方法', `${c.req.method} 不适用于 ${quoted(c.req.path)};可用:${READ_METHODS}。`, { allow: READ_METHODS });
    });
  }
  // The guard and the session middleware (every request from here on has its actor), then accounts.
  auth.install(app);
  for (const [path, handler] of routes) app.get(path, handler);

  if (tracking !== undefined && updates !== undefined) {
    registerTrackingRoutes(app, {
      prefix: API_PREFIX,
      service: updates,
      tracking,
      readRefusal: (c) => auth.readRefusal(c),
      ...(signal === undefined ? {} : { signal }),
      ...(heartbeatMs === undefined ? {} : { heartbeatMs }),
    });
  }

  // Anything else under /api is a 404 in the contract's own format, never the app's index.html.
  app.notFound((c) => problem(404, '接口不存在', `没有这个接口:${quoted(c.req.path)}`));
  app.onError((error, c) => {
    onError?.(error, c.req.raw);
    return problem(500, '服务器内部错误', '服务器处理请求时出错,请稍后再试。');
  });
  return { app, auth };
}
