import { apiBaseUrl } from './client';

// The contract's schemas load with the first request (client.ts): what a page that cannot load them
// (offline at that moment) gets is a network failure in words, and the next request tries again.
describe('the contract, loaded with the first request', () => {
  afterEach(() => {
    vi.doUnmock('./contract');
    vi.resetModules();
  });

  it('turns a contract that cannot load into a network error, and loads it on the next request', async () => {
    vi.resetModules();
    let offline = true;
    vi.doMock('./contract', async (importOriginal) => {
      if (offline) throw new Error('Failed to fetch dynamically imported module');
      return importOriginal();
    });
    const { createApiClient } = await import('./client');
    const { getReports } = await import('./endpoints');
    const { ApiError } = await import('./errors');
    const api = createApiClient({ baseUrl: apiBaseUrl });

    const error = await getReports(api).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'network', message: `网络请求失败:${apiBaseUrl}/reports` });

    offline = false;
    const list = await getReports(api);
    expect(list.reports.map((r) => r.id)).toContain('erqi-2017-h1');
  });
});
