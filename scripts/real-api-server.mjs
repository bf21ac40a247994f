// A stand-in for a real backend, for the bench and the browser tests: serves a production build
// made with VITE_API_BASE_URL=/api/v1 together with the API's answers, from one origin, as a deployed
// Jindu with its own backend would be. The answers are read from the mocked build (the same report
// data), so both builds show the same figures.
import { readFileSync, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png' };

/** Reads every endpoint of the contract from a page of the mocked build (playwright-core Page). */
export async function snapshotApi(page, mockedOrigin) {
  await page.goto(`${mockedOrigin}/__snapshot__`);
  await page.waitForFunction(() => 'msw' in window);
  return page.evaluate(async () => {
    const get = async (p) => [p, await (await fetch(`/api/v1${p}`)).json()];
    const report = await (await fetch('/api/v1/reports/erqi-2017-h1')).json();
    return Object.fromEntries(
      await Promise.all([
        get('/reports'),
        get('/reports/erqi-2017-h1'),
        get('/reports/erqi-2017-h1/source'),
        ...report.domains.map((d) => get(`/reports/erqi-2017-h1/domains/${d.id}`)),
      ]),
    );
  });
}

/** Starts the server; resolves to { origin, requests, close }. Static files are sent gzipped. */
export function serveWithApi(distDir, answers, port) {
  const requests = [];
  /** Open event streams, ended at close: a stream never ends by itself. */
  const streams = new Set();
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (pathname === '/api/v1/events') {
      // A backend of issue 16 keeps screens live through this stream; the stand-in has nothing to tell.
      requests.push('/events');
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write('retry: 5000\n: connected\n\n');
      streams.add(res);
      res.on('close', () => streams.delete(res));
      return undefined;
    }
    if (pathname.startsWith('/api/v1/')) {
      const key = pathname.slice('/api/v1'.length).replace(/\/$/, '');
      requests.push(key);
      const body = answers[key];
      if (body === undefined) {
        res.writeHead(404, { 'content-type': 'application/problem+json' });
        return res.end(JSON.stringify({ type: 'about:blank', title: '不存在', status: 404, detail: key }));
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      return res.end(gzipSync(JSON.stringify(body)));
    }
    let file = path.join(distDir, pathname);
    if (!file.startsWith(distDir) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(distDir, 'index.html');
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': cache });
    res.end(gzipSync(readFileSync(file)));
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${port}`,
        requests,
        close: () => {
          for (const res of streams) res.end();
          return new Promise((r) => server.close(r));
        },
      }),
    ),
  );
}
