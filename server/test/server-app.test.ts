import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { domains, report, reportSource } from '../../mocks/data/erqi-2017-h1';
import { createApi, createApiWithAuth } from '../api/app';
import { issueDisplayToken } from '../auth/sessions';
import { createMemoryAccounts } from '../memory/memory-accounts';
import { createMemoryStore } from '../memory/memory-store';
import { createServerApp } from '../node/server-app';
import { fixtureApp, INLINE_SCRIPT } from './fixture-app';

// The server around the API, in this process on a fixture app: what a browser and an operator see.

const publicDir = fixtureApp();
afterAll(() => rmSync(publicDir, { recursive: true, force: true }));

const lines: string[] = [];
let ready = true;
const app = createServerApp({
  api: createApi({ store: createMemoryStore([{ report, domains, source: reportSource }]) }),
  readiness: async () => ({ ready, database: 'test' }),
  publicDir,
  log: (level, msg, fields) => lines.push(JSON.stringify({ level, msg, ...fields })),
});
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  app.fetch(new Request(`http://jindu.test${path}`, { method, headers }));

describe('the server around the API', () => {
  it('answers /healthz, and /readyz as the database is', async () => {
    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await get('/readyz')).status).toBe(200);
    ready = false;
    const notReady = await get('/readyz');
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ status: 'not ready', ready: false });
    ready = true;
  });

  it('caches hashed assets for a year, immutable, and revalidates index.html', async () => {
    const asset = await get('/assets/index-AbC123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const index = await get('/');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const etag = index.headers.get('etag') ?? '';
    expect((await get('/', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('/favicon.svg')).headers.get('cache-control')).toBe('no-cache');
  });

  it('sends compressed copies to those who accept them', async () => {
    const response = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip, br' });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('vary')).toBe('accept-encoding');
    const body = brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString();
    expect(body).toContain('console.log');
    const api = await get(`/api/v1/reports/${report.id}/domains/economy`, { 'accept-encoding': 'gzip' });
    expect(api.headers.get('content-encoding')).toBe('gzip');
    expect(api.headers.get('etag')).toMatch(/^"/);
    const plain = await get('/assets/index-AbC123.js', { 'accept-encoding': 'br;q=0, identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it('falls back to index.html for app routes, but not for missing files', async () => {
    for (const path of ['/domains/economy', '/wall?interval=5', '/meeting/', '/source']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
    }
    const missing = await get('/assets/gone-123.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).not.toMatch(/html/);
  });

  it('never answers an unknown /api path with the app’s HTML', async () => {
    for (const path of ['/api', '/api/', '/api/v2/reports', '/api/v1/nope', '/api/v1/reports/x/y/z']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toBe('application/problem+json');
    }
  });

  it('sends the security headers, with a CSP that allows no inline script but the page’s own, by hash', async () => {
    const index = await get('/domains/land');
    const csp = index.headers.get('content-security-policy') ?? '';
    const hash = createHash('sha256').update(INLINE_SCRIPT).digest('base64');
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp.match(/script-src[^;]*/)?.[0]).not.toContain('unsafe');
    // The JSON data block is not a script and gets no hash.
    expect(csp.match(/sha256-/g)).toHaveLength(1);
    for (const response of [index, await get('/api/v1/reports'), await get('/healthz')]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('echoes a request id, or makes one, and logs each request as a JSON line without query, cookies or tokens', async () => {
    lines.length = 0;
    const given = await get('/api/v1/reports?token=secret-token', { 'x-request-id': 'abc-123', cookie: 'session=secret-cookie', authorization: 'Bearer secret-bearer' });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await get('/', { 'x-request-id': 'bad id with spaces\n' });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toHaveLength(2);
    const entry = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'info', msg: 'request', requestId: 'abc-123', method: 'GET', path: '/api/v1/reports', status: 200 });
    expect(lines.join('\n')).not.toMatch(/secret/);
  });

  it('answers malformed paths and other methods with a 4xx', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/api/v1/reports/%E0%A4%A')).status).toBe(400);
    expect((await get('/', {}, 'POST')).status).toBe(405);
    expect((await get('/api/v1/reports', {}, 'POST')).status).toBe(405);
    const head = await get('/api/v1/reports', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('the server around the API, when reading needs an account', () => {
  const accounts = createMemoryAccounts();
  const { app: api, auth } = createApiWithAuth({ store: createMemoryStore([{ report, domains, source: reportSource }]), accounts, read: 'signed-in' });
  const closed = createServerApp({
    api,
    readiness: async () => ({ ready: true }),
    publicDir,
    log: () => undefined,
    renderPage: async (_request, template) => template.replace('<div id="root"></div>', '<div id="root">RENDERED FIGURES</div>'),
    openDisplayLink: (request) => auth.openDisplayLink(request),
    mayRead: (request) => auth.mayRead(request),
  });
  const fetchPage = (path: string, headers: Record<string, string> = {}) => closed.fetch(new Request(`http://jindu.test${path}`, { headers }));

  it('sends the page without its figures to an anonymous visitor, and the API answers 401', async () => {
    const page = await fetchPage('/');
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain('RENDERED FIGURES');
    expect((await fetchPage('/api/v1/reports')).status).toBe(401);
  });

  it('takes a display link out of the address bar (303) and then draws the page for the wall', async () => {
    const { linkSecret, token } = issueDisplayToken(new Date());
    await accounts.createDisplayToken({ ...token, label: 'test wall', issuedBy: null });
    const opened = await fetchPage(`/wall?display-token=${linkSecret}&mode=dark`);
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/wall?mode=dark');
    expect(opened.headers.get('referrer-policy')).toBe('no-referrer');
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(await (await fetchPage('/', { cookie })).text()).toContain('RENDERED FIGURES');
    expect((await fetchPage('/api/v1/reports', { cookie })).status).toBe(200);
    // A link nobody issued is still taken out of the address bar, with no cookie.
    const madeUp = await fetchPage(`/wall?display-token=${'x'.repeat(43)}`);
    expect(madeUp.status).toBe(303);
    expect(madeUp.headers.get('set-cookie')).toBeNull();
  });
});
