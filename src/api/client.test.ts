import { http, HttpResponse } from 'msw';
import { server } from '../../mocks/node';
import { ApiError, describeError } from './errors';
import { apiBaseUrl, getJson, setApiReady, setApiReadyOnDemand, setTransportRecovery } from './client';
import { domainSchema, reportListSchema, reportSchema } from './schemas';

const api = (path: string) => `${apiBaseUrl}${path}`;

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('the API client', () => {
  it('parses a 200 with the contract schema', async () => {
    const list = await getJson('/reports', reportListSchema);
    expect(list.reports.map((r) => r.id)).toContain('erqi-2017-h1');
    const report = await getJson('/reports/erqi-2017-h1', reportSchema);
    expect(report.sections).toHaveLength(4);
    expect(report.domains).toHaveLength(15);
  });

  it('turns a problem+json 404 into a typed not-found error with the problem detail', async () => {
    const error = await failure(getJson('/reports/erqi-2017-h1/domains/no-such-domain', domainSchema));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(404);
    expect(error.isNotFound).toBe(true);
    expect(error.problem?.title).toBe('领域不存在');
    expect(describeError(error).detail).toContain('no-such-domain');
  });

  it('reports a 500 as a server error, keeping the problem detail', async () => {
    server.use(
      http.get(api('/reports'), () =>
        HttpResponse.json({ type: 'about:blank', title: '服务器内部错误', status: 500, detail: '数据库不可用' }, { status: 500 }),
      ),
    );
    const error = await failure(getJson('/reports', reportListSchema));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(500);
    expect(describeError(error)).toEqual({ title: '服务错误(500)', detail: '数据库不可用' });
  });

  it('reports a 5xx without a JSON body as a server error too', async () => {
    server.use(http.get(api('/reports'), () => new HttpResponse('Bad Gateway', { status: 502 })));
    const error = await failure(getJson('/reports', reportListSchema));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(502);
  });

  it('reports malformed JSON as bad-json', async () => {
    server.use(
      http.get(api('/reports'), () => new HttpResponse('{"reports": [', { headers: { 'content-type': 'application/json' } })),
    );
    const error = await failure(getJson('/reports', reportListSchema));
    expect(error.kind).toBe('bad-json');
    expect(describeError(error).title).toBe('数据格式错误');
  });

  it('reports a schema mismatch and names the offending field', async () => {
    server.use(
      http.get(api('/reports/erqi-2017-h1/domains/economy'), () =>
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
    const error = await failure(getJson('/reports/erqi-2017-h1/domains/economy', domainSchema));
    expect(error.kind).toBe('schema');
    expect(error.message).toContain('metrics.0.value');
  });

  it('reports a network failure as network', async () => {
    server.use(http.get(api('/reports'), () => HttpResponse.error()));
    const error = await failure(getJson('/reports', reportListSchema));
    expect(error.kind).toBe('network');
    expect(describeError(error).title).toBe('无法连接数据服务');
  });

  it.each([
    ['an HTML page answers instead of the API', () => new HttpResponse('<!doctype html><html></html>', { headers: { 'content-type': 'text/html' } })],
    ['the static server answers a plain 404 (it serves no HTML to JSON requests)', () => new HttpResponse(null, { status: 404 })],
  ])('restarts the transport once when %s, then retries', async (_what, notTheApi) => {
    let calls = 0;
    server.use(
      http.get(api('/reports'), () => {
        calls += 1;
        return calls === 1 ? notTheApi() : HttpResponse.json({ reports: [] });
      }),
    );
    const recover = vi.fn(async () => {});
    setTransportRecovery(recover);
    try {
      await expect(getJson('/reports', reportListSchema)).resolves.toEqual({ reports: [] });
    } finally {
      setTransportRecovery(undefined);
    }
    expect(recover).toHaveBeenCalledTimes(1);
    expect(calls).toBe(2);
  });

  it('does not restart the transport for problem+json errors from the API itself', async () => {
    const recover = vi.fn(async () => {});
    setTransportRecovery(recover);
    try {
      const error = await failure(getJson('/reports/erqi-2017-h1/domains/no-such-domain', domainSchema));
      expect(error.isNotFound).toBe(true);
    } finally {
      setTransportRecovery(undefined);
    }
    expect(recover).not.toHaveBeenCalled();
  });

  it('without a recovery, an HTML answer is bad-json rather than a blank page', async () => {
    server.use(
      http.get(api('/reports'), () => new HttpResponse('<!doctype html>', { headers: { 'content-type': 'text/html' } })),
    );
    const error = await failure(getJson('/reports', reportListSchema));
    expect(error.kind).toBe('bad-json');
  });

  it('holds requests until the API is ready, and a failed start does not hang them', async () => {
    let open: () => void = () => {};
    setApiReady(new Promise<void>((resolve) => (open = resolve)));
    let settled = false;
    const request = getJson('/reports', reportListSchema).then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    open();
    await request;
    expect(settled).toBe(true);

    setApiReady(Promise.reject(new Error('worker failed to register')));
    await expect(getJson('/reports', reportListSchema)).resolves.toHaveProperty('reports');
    setApiReady(Promise.resolve());
  });

  it('starts an on-demand API once, at the first request, and holds that request until it is up', async () => {
    let open: () => void = () => {};
    const start = vi.fn(() => new Promise<void>((resolve) => (open = resolve)));
    setApiReadyOnDemand(start);
    await new Promise((r) => setTimeout(r, 20));
    expect(start).not.toHaveBeenCalled();

    let settled = false;
    const first = getJson('/reports', reportListSchema).then(() => (settled = true));
    const second = getJson('/reports', reportListSchema);
    await new Promise((r) => setTimeout(r, 20));
    expect(start).toHaveBeenCalledTimes(1);
    expect(settled).toBe(false);
    open();
    await Promise.all([first, second]);
    await getJson('/reports', reportListSchema);
    expect(start).toHaveBeenCalledTimes(1);
    setApiReady(Promise.resolve());
  });
});
