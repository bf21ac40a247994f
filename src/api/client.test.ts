import * as z from 'zod/mini';
import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { server } from '../../mocks/node';
import { ApiQueryClient } from './api-query-client';
import { ApiError, describeError } from './errors';
import { apiBaseUrl, createApiClient, fetchTransport, retryAfterSeconds, type Transport } from './client';
import { getDomain, getReport, getReports } from './endpoints';
import { reportsQuery } from './queries';
import { reportListSchema } from './schemas';
import { workerTransport } from './worker-transport';

const api = createApiClient({ baseUrl: apiBaseUrl });
const url = (path: string) => `${apiBaseUrl}${path}`;

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the API client', () => {
  it('parses a 200 with the contract schema', async () => {
    const list = await getReports(api);
    expect(list.reports.map((r) => r.id)).toContain('erqi-2017-h1');
    const report = await getReport(api, 'erqi-2017-h1');
    expect(report.sections).toHaveLength(4);
    expect(report.domains).toHaveLength(15);
  });

  it('turns a problem+json 404 into a typed not-found error with the problem detail', async () => {
    const error = await failure(getDomain(api, 'erqi-2017-h1', 'no-such-domain'));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(404);
    expect(error.isNotFound).toBe(true);
    expect(error.problem?.title).toBe('领域不存在');
    expect(describeError(error).detail).toContain('no-such-domain');
  });

  it('reports a 500 as a server error, keeping the problem detail', async () => {
    server.use(
      http.get(url('/reports'), () =>
        HttpResponse.json({ type: 'about:blank', title: '服务器内部错误', status: 500, detail: '数据库不可用' }, { status: 500 }),
      ),
    );
    const error = await failure(getReports(api));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(500);
    expect(describeError(error)).toEqual({ title: '服务错误(500)', detail: '数据库不可用' });
  });

  it('reports a 5xx without a JSON body as a server error too', async () => {
    server.use(http.get(url('/reports'), () => new HttpResponse('Bad Gateway', { status: 502 })));
    const error = await failure(getReports(api));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(502);
  });

  it('reports malformed JSON as bad-json', async () => {
    server.use(
      http.get(url('/reports'), () => new HttpResponse('{"reports": [', { headers: { 'content-type': 'application/json' } })),
    );
    const error = await failure(getReports(api));
    expect(error.kind).toBe('bad-json');
    expect(describeError(error).title).toBe('数据格式错误');
  });

  it('reports a schema mismatch and names the offending field', async () => {
    server.use(
      http.get(url('/reports/erqi-2017-h1/domains/economy'), () =>
        HttpResponse.json({
          id: 'economy',
          name: '主要经济指标',
          sectionId: 'results',
          milestones: [],
          metrics: [
            {
              id: 'gdp',
              label: '地区生产总值',
              value: '253',
              unit: '亿元',
              qualifier: 'exact',
              asOf: '2017-06-27',
              asOfStated: false,
              direction: 'higher',
              source: { quote: 'x', figure: 'x' },
            },
          ],
        }),
      ),
    );
    const error = await failure(getDomain(api, 'erqi-2017-h1', 'economy'));
    expect(error.kind).toBe('schema');
    expect(error.message).toContain('metrics.0.value');
  });

  it('reports a network failure as network', async () => {
    server.use(http.get(url('/reports'), () => HttpResponse.error()));
    const error = await failure(getReports(api));
    expect(error.kind).toBe('network');
    expect(describeError(error).title).toBe('无法连接数据服务');
  });

  it('an HTML answer is bad-json rather than a blank page', async () => {
    server.use(http.get(url('/reports'), () => new HttpResponse('<!doctype html>', { headers: { 'content-type': 'text/html' } })));
    const error = await failure(getReports(api));
    expect(error.kind).toBe('bad-json');
  });

  it('sends a body as JSON with the method asked, through the transport it was given', async () => {
    const sent: { method: string; url: string; contentType: string | null; body: unknown }[] = [];
    const recording: Transport = async (to, init) => {
      const request = new Request(to, init);
      sent.push({ method: request.method, url: request.url, contentType: request.headers.get('content-type'), body: await request.json() });
      return HttpResponse.json({ reports: [] });
    };
    const client = createApiClient({ baseUrl: 'https://api.example/v1', transport: recording });
    await expect(client.request('POST', '/reports', reportListSchema, { body: { title: '二七区' } })).resolves.toEqual({ reports: [] });
    expect(sent).toEqual([{ method: 'POST', url: 'https://api.example/v1/reports', contentType: 'application/json', body: { title: '二七区' } }]);
  });

  it('sends the session cookie to its own origin only, with or without a body', async () => {
    const inits: RequestInit[] = [];
    const recording: Transport = async (_to, init) => {
      inits.push(init);
      return new HttpResponse(null, { status: 204 });
    };
    const client = createApiClient({ baseUrl: 'https://api.example/v1', transport: recording });
    await client.request('DELETE', '/session', z.optional(reportListSchema));
    await client.request('GET', '/session', z.optional(reportListSchema));
    expect(inits.map((init) => init.credentials)).toEqual(['same-origin', 'same-origin']);
    // No body, no Content-Type: a DELETE needs only the Origin (DESIGN.md, "Accounts and permissions").
    expect(inits.map((init) => (init.headers as Record<string, string>)['content-type'])).toEqual([undefined, undefined]);
  });

  it('keeps how long a 429 asks to wait (Retry-After, seconds or a date)', async () => {
    server.use(
      http.get(url('/reports'), () =>
        HttpResponse.json({ type: 'about:blank', title: '尝试次数过多', status: 429 }, { status: 429, headers: { 'retry-after': '120' } }),
      ),
    );
    const error = await failure(getReports(api));
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(120);
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('2015-10-21T07:28:00Z'))).toBe(30);
    expect(retryAfterSeconds(null)).toBeUndefined();
    expect(retryAfterSeconds('soon')).toBeUndefined();
  });
});

describe('the transport to the mocked API in a service worker', () => {
  const answeredByTheApi = () => HttpResponse.json({ reports: [] });

  it.each([
    ['an HTML page answers instead of the API', () => new HttpResponse('<!doctype html><html></html>', { headers: { 'content-type': 'text/html' } })],
    ['the static server answers a plain 404 (it serves no HTML to JSON requests)', () => new HttpResponse(null, { status: 404 })],
  ])('revives the worker once when %s, then asks again', async (_what, notTheApi) => {
    let calls = 0;
    server.use(
      http.get(url('/reports'), () => {
        calls += 1;
        return calls === 1 ? notTheApi() : answeredByTheApi();
      }),
    );
    const revive = vi.fn(async () => {});
    const client = createApiClient({ baseUrl: apiBaseUrl, transport: workerTransport(async () => revive, { startNow: true }) });
    await expect(getReports(client)).resolves.toEqual({ reports: [] });
    expect(revive).toHaveBeenCalledTimes(1);
    expect(calls).toBe(2);
  });

  it('does not revive the worker for problem+json errors from the API itself', async () => {
    const revive = vi.fn(async () => {});
    const client = createApiClient({ baseUrl: apiBaseUrl, transport: workerTransport(async () => revive, { startNow: true }) });
    const error = await failure(getDomain(client, 'erqi-2017-h1', 'no-such-domain'));
    expect(error.isNotFound).toBe(true);
    expect(revive).not.toHaveBeenCalled();
  });

  it('holds requests until the worker is up, and a failed start does not hang them', async () => {
    let open: () => void = () => {};
    const starting = workerTransport(() => new Promise((resolve) => (open = () => resolve(async () => {}))), { startNow: true });
    let settled = false;
    const request = getReports(createApiClient({ baseUrl: apiBaseUrl, transport: starting })).then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    open();
    await request;
    expect(settled).toBe(true);

    const failed = workerTransport(() => Promise.reject(new Error('worker failed to register')), { startNow: true });
    await expect(getReports(createApiClient({ baseUrl: apiBaseUrl, transport: failed }))).resolves.toHaveProperty('reports');
  });

  it('whenRunning waits for a start without causing one, then tells the worker about this page again', async () => {
    const revive = vi.fn(async () => {});
    const start = vi.fn(async () => revive);
    const transport = workerTransport(start, { startNow: false });
    let running = false;
    void transport.whenRunning().then(() => (running = true));
    await tick();
    expect(start).not.toHaveBeenCalled();
    expect(running).toBe(false);
    await getReports(createApiClient({ baseUrl: apiBaseUrl, transport }));
    await tick();
    expect(running).toBe(true);
    expect(revive).toHaveBeenCalledTimes(1);
    await transport.whenRunning();
    expect(revive).toHaveBeenCalledTimes(2);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts the worker on demand once, at the first request, and holds that request until it is up', async () => {
    let open: () => void = () => {};
    const start = vi.fn(() => new Promise<() => Promise<void>>((resolve) => (open = () => resolve(async () => {}))));
    const client = createApiClient({ baseUrl: apiBaseUrl, transport: workerTransport(start, { startNow: false }) });
    await tick();
    expect(start).not.toHaveBeenCalled();

    let settled = false;
    const first = getReports(client).then(() => (settled = true));
    const second = getReports(client);
    await tick();
    expect(start).toHaveBeenCalledTimes(1);
    expect(settled).toBe(false);
    open();
    await Promise.all([first, second]);
    await getReports(client);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts the worker at once when asked to, before any request', () => {
    const start = vi.fn(async () => async () => {});
    workerTransport(start, { startNow: true });
    expect(start).toHaveBeenCalledTimes(1);
  });
});

describe('the query factories', () => {
  it('ask the API of the QueryClient that runs them', async () => {
    const asked: string[] = [];
    const recording: Transport = (to, init) => (asked.push(to), fetchTransport(to, init));
    const queryClient = new ApiQueryClient(createApiClient({ baseUrl: apiBaseUrl, transport: recording }));
    await queryClient.fetchQuery(reportsQuery());
    expect(asked).toEqual([url('/reports')]);
  });

  it('fail loudly in a QueryClient that knows no API', async () => {
    await expect(new QueryClient().fetchQuery({ ...reportsQuery(), retry: false })).rejects.toThrow(/knows no API/);
  });
});
