import { createHash, randomUUID } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { problem } from '../api/problem';
import type { Log } from './log';
import { describeError } from './log';
import { contentSecurityPolicy, inlineScriptHashes, SECURITY_HEADERS } from './security';
import type { StaticFile } from './static-files';
import { chooseEncoding, compressed, loadStaticFiles } from './static-files';

export interface Readiness {
  ready: boolean;
  [detail: string]: unknown;
}

export interface ServerAppOptions {
  /** The API (server/api): answers everything under /api. */
  api: { fetch(request: Request): Response | Promise<Response> };
  /** For /readyz: whether the database answers and its schema is the code's. */
  readiness: () => Promise<Readiness>;
  /** The app built for this server (VITE_API_BASE_URL=/api/v1). */
  publicDir: string;
  log: Log;
  /**
   * The page for an app route, rendered on the server, or undefined to send the built index.html.
   * The hook for the overview drawn from live data (issue 14, part 2): its inline scripts get their
   * CSP hashes from the page itself.
   */
  renderPage?: (request: Request, template: string) => Promise<string | undefined>;
  /**
   * A wall opening its display link (`/wall?display-token=…`): the 303 that swaps the link for a
   * cookie and takes it out of the address bar (server/api/auth-routes.ts), or null for other requests.
   */
  openDisplayLink?: (request: Request) => Promise<Response | null>;
  /** JINDU_READ=signed-in: whether the page may be drawn with the report's figures for this request. */
  mayRead?: (request: Request) => Promise<boolean>;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The request ids of requests in progress, for the API's error log (it sees only the Request). */
const requestIds = new WeakMap<Request, string>();
/** The peer address of each request's connection, for the API's throttling and audit log. */
const socketAddresses = new WeakMap<Request, string>();

/**
 * The whole server as one Hono app: /healthz, /readyz, the API under /api, and the built app with
 * an SPA fallback. Every answer carries a request id and the security headers, and is logged as one
 * JSON line (method, path without its query, status, time): never headers, cookies or bodies.
 */
export function createServerApp({ api, readiness, publicDir, log, renderPage, openDisplayLink, mayRead }: ServerAppOptions): Hono {
  const files = loadStaticFiles(publicDir);
  const template = files.get('/index.html');
  const htmlPolicy = new Map<string, string>();
  const policyFor = (html: string) => {
    let policy = htmlPolicy.get(html);
    if (policy === undefined) {
      policy = contentSecurityPolicy(inlineScriptHashes(html));
      if (htmlPolicy.size > 100) htmlPolicy.clear();
      htmlPolicy.set(html, policy);
    }
    return policy;
  };
  const plainPolicy = contentSecurityPolicy();
  const templateText = template?.body.toString('utf8');
  // A rendered page as a file (ETag, compressed copies), made once per page: renderPage hands back
  // the same page until its data changes, so the page is hashed and compressed once per version.
  let rendered: { html: string; file: StaticFile; policy: string } | undefined;
  const renderedFile = (html: string): StaticFile => {
    if (rendered?.html !== html) {
      const body = Buffer.from(html);
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      const type = template?.type ?? 'text/html; charset=utf-8';
      rendered = { html, file: { body, ...compressed(body, type), type, etag, cacheControl: 'no-cache' }, policy: policyFor(html) };
    }
    return rendered.file;
  };
  // Compressed API answers by ETag: an answer is compressed once per data version, not per request.
  const apiCompressed = new Map<string, StaticFile>();

  const app = new Hono();

  app.use('*', async (c, next) => {
    const started = performance.now();
    const given = c.req.header('x-request-id');
    const requestId = given !== undefined && REQUEST_ID.test(given) ? given : randomUUID();
    requestIds.set(c.req.raw, requestId);
    const address = socketAddress(c);
    if (address !== undefined) socketAddresses.set(c.req.raw, address);
    await next();
    c.res.headers.set('x-request-id', requestId);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    if (!c.res.headers.has('content-security-policy')) c.res.headers.set('content-security-policy', plainPolicy);
    log('info', 'request', {
      requestId,
      method: c.req.method,
      path: pathOf(c.req.url),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });

  app.onError((error, c) => {
    log('error', 'request failed', { requestId: requestIds.get(c.req.raw), path: pathOf(c.req.url), ...describeError(error) });
    return problem(500, '服务器内部错误', '服务器处理请求时出错,请稍后再试。');
  });

  const noStore = { 'cache-control': 'no-store' };
  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, noStore));
  app.get('/readyz', async (c) => {
    let state: Readiness;
    try {
      state = await readiness();
    } catch (error) {
      state = { ready: false, ...describeError(error) };
    }
    return c.json({ status: state.ready ? 'ready' : 'not ready', ...state }, state.ready ? 200 : 503, noStore);
  });

  const toApi = async (c: { req: { raw: Request; header(name: string): string | undefined } }) => {
    const response = await api.fetch(c.req.raw);
    return compressApiAnswer(response, c.req.raw.method, c.req.header('accept-encoding'));
  };
  app.all('/api', toApi);
  app.all('/api/*', toApi);

  async function compressApiAnswer(response: Response, method: string, acceptEncoding: string | undefined): Promise<Response> {
    const etag = response.headers.get('etag');
    const type = response.headers.get('content-type') ?? '';
    if (method !== 'GET' || response.status !== 200 || etag === null || !type.includes('json')) return response;
    let file = apiCompressed.get(etag);
    if (file === undefined) {
      const body = Buffer.from(await response.arrayBuffer());
      file = { body, ...compressed(body, type), type, etag, cacheControl: response.headers.get('cache-control') ?? 'no-cache' };
      if (apiCompressed.size >= 500) apiCompressed.clear();
      apiCompressed.set(etag, file);
    } else {
      await response.body?.cancel();
    }
    const headers = new Headers(response.headers);
    return send(file, acceptEncoding, headers);
  }

  function send(file: StaticFile, acceptEncoding: string | undefined, headers = new Headers()): Response {
    const encoding = chooseEncoding(acceptEncoding, file);
    headers.set('content-type', file.type);
    headers.set('cache-control', file.cacheControl);
    headers.set('etag', file.etag);
    if (file.gzip || file.br) headers.set('vary', 'accept-encoding');
    if (encoding) headers.set('content-encoding', encoding);
    const bytes = (encoding === 'br' ? file.br : encoding === 'gzip' ? file.gzip : undefined) ?? file.body;
    return new Response(new Uint8Array(bytes), { headers });
  }

  app.get('*', async (c) => {
    const opened = await openDisplayLink?.(c.req.raw);
    if (opened) return opened;
    let pathname: string;
    try {
      pathname = decodeURIComponent(pathOf(c.req.url));
    } catch {
      return c.text('Bad request: the path is not valid percent-encoding.', 400);
    }
    let file = files.get(pathname) ?? files.get(`${pathname.replace(/\/+$/, '')}/index.html`);
    if (file === undefined) {
      // A missing file (it has an extension) is a 404: a browser must not run index.html as a script.
      if (/\.[A-Za-z0-9]+$/.test(pathname)) return c.text('Not found', 404, noStore);
      file = template;
    }
    if (file === undefined) return c.text('The app is not built: run `npm start`, which builds it.', 503, noStore);
    const acceptEncoding = c.req.header('accept-encoding');

    if (file === template && renderPage !== undefined && (mayRead === undefined || (await mayRead(c.req.raw)))) {
      const html = await renderPage(c.req.raw, templateText ?? '');
      if (html !== undefined) file = renderedFile(html);
    }
    const headers = new Headers();
    if (file === rendered?.file) headers.set('content-security-policy', rendered.policy);
    else if (file.type.startsWith('text/html')) headers.set('content-security-policy', policyFor(file.body.toString('utf8')));
    if (c.req.header('if-none-match')?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === file.etag)) {
      headers.set('etag', file.etag);
      headers.set('cache-control', file.cacheControl);
      return new Response(null, { status: 304, headers });
    }
    return send(file, acceptEncoding, headers);
  });

  app.all('*', (c) => c.text('Method not allowed', 405, { allow: 'GET, HEAD' }));
  return app;
}

/** The path of a request URL without its query (which may carry a display token: never logged). */
function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  const end = url.search(/[?#]/);
  return url.slice(start, end < 0 ? undefined : end);
}

/** The connection's peer address, when the request came through @hono/node-server (not in tests calling fetch). */
function socketAddress(c: Parameters<typeof getConnInfo>[0]): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

export { requestIds, socketAddresses };
