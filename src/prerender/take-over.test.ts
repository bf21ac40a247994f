import { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { ELSEWHERE_CLASS, PLAIN_FRAME_ID, PRERENDERED_STATE_ID } from './markers';
import { hydrateQueries, resolveLazyRoutes, showPlainFrame, takePrerenderedOverview, type PrerenderedOverview } from './take-over';

const state: PrerenderedOverview = {
  path: '/',
  queries: {
    mutations: [],
    queries: [
      {
        queryKey: ['reports', 'r'],
        queryHash: '["reports","r"]',
        dehydratedAt: 1,
        state: {
          data: { id: 'r' },
          dataUpdateCount: 1,
          dataUpdatedAt: 1,
          error: null,
          errorUpdateCount: 0,
          errorUpdatedAt: 0,
          fetchFailureCount: 0,
          fetchFailureReason: null,
          fetchMeta: null,
          isInvalidated: false,
          status: 'success',
          fetchStatus: 'idle',
        },
      },
    ],
  },
  router: { loaderData: { '0-0': null } },
};

function servePage(json: string, url = '/') {
  window.history.replaceState({}, '', url);
  const script = document.createElement('script');
  script.type = 'application/json';
  script.id = PRERENDERED_STATE_ID;
  script.textContent = json;
  document.body.append(script);
}

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.classList.remove(ELSEWHERE_CLASS);
  window.history.replaceState({}, '', '/');
});

describe('the prerendered overview, in the browser', () => {
  it('is taken once, and only on the URL it shows', () => {
    servePage(JSON.stringify(state));
    expect(takePrerenderedOverview()).toEqual(state);
    expect(document.getElementById(PRERENDERED_STATE_ID)).toBeNull();
    expect(takePrerenderedOverview()).toBeUndefined();
  });

  it.each([
    ['a filtered overview', '/?status=behind'],
    ['another view', '/wall'],
    ['a domain page', '/domains/land'],
  ])('is not used on %s', (_what, url) => {
    servePage(JSON.stringify(state), url);
    expect(takePrerenderedOverview()).toBeUndefined();
  });

  it('matches a sub-path with or without its trailing slash', () => {
    servePage(JSON.stringify({ ...state, path: '/jindu/' }), '/jindu');
    expect(takePrerenderedOverview()?.path).toBe('/jindu/');
  });

  it.each([
    ['corrupt JSON', '{"path": "/", "queries": '],
    ['the wrong shape', JSON.stringify({ path: '/', queries: {} })],
    ['nothing', ''],
  ])('ignores %s', (_what, json) => {
    servePage(json);
    expect(takePrerenderedOverview()).toBeUndefined();
  });

  it('puts the answers in the cache as fetched now, so they are not refetched at once', () => {
    const queryClient = new QueryClient();
    const before = Date.now();
    hydrateQueries(queryClient, state);
    const query = queryClient.getQueryCache().find({ queryKey: ['reports', 'r'] });
    expect(query?.state.data).toEqual({ id: 'r' });
    expect(query?.state.dataUpdatedAt).toBeGreaterThanOrEqual(before);
  });

  it("loads the code of the URL's lazy routes before the router starts", async () => {
    const Component = () => null;
    const routes: RouteObject[] = [
      { path: '/', children: [{ index: true, lazy: async () => ({ Component }) }, { path: 'wall', lazy: () => Promise.reject(new Error('not this one')) }] },
    ];
    await resolveLazyRoutes(routes, '/');
    const index = routes[0]?.children?.[0];
    expect(index?.Component).toBe(Component);
    expect(index?.lazy).toBeUndefined();
    expect(routes[0]?.children?.[1]?.lazy).toBeTypeOf('function');
  });

  it('shows the plain frame in place of the overview on other URLs', () => {
    const frame = document.createElement('div');
    frame.id = PLAIN_FRAME_ID;
    frame.innerHTML = '<p>正在载入</p>';
    const root = document.createElement('div');
    root.innerHTML = '<h1>总览</h1>';
    document.body.append(frame, root);
    document.documentElement.classList.add(ELSEWHERE_CLASS);
    showPlainFrame(root);
    expect(root.innerHTML).toBe('<p>正在载入</p>');
    expect(document.getElementById(PLAIN_FRAME_ID)).toBeNull();
    expect(document.documentElement.classList.contains(ELSEWHERE_CLASS)).toBe(false);
  });
});
