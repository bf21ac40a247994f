import { http, HttpResponse } from 'msw';
import { API_PREFIX, createApi } from '../server/api/app';
import { createMemoryAccounts } from '../server/memory/memory-accounts';
import { pbkdf2Hasher } from '../server/memory/pbkdf2-hasher';
import { createMemoryData, createMemoryStore } from '../server/memory/memory-store';
import { createMemoryTrackingStore } from '../server/memory/memory-tracking';
import { clockFromEnv } from '../server/core/tracking';
import { domains, report, reportSource } from './data/erqi-2017-h1';
import { seedDemoAccounts } from './demo-accounts';

// The API's own handlers (server/api), the ones the Node server runs on its database, answering here
// on the in-memory store: the mocked API and the real one are one implementation. The path starts
// with `*` so the same handler answers at the site root and under a sub-path such as /jindu/.

/**
 * Cookies inside MSW. In the browser a Request or Response made by script cannot carry Cookie or
 * Set-Cookie (forbidden header names), so the API reads and writes its cookies under these names
 * here, and this file moves them: MSW's own cookie store (kept in localStorage, handed to every
 * resolver as `cookies`) receives the session cookie from an HttpResponse's Set-Cookie, as a browser
 * would, HttpOnly included, and gives it back on the next request.
 */
const MOCK_COOKIE = 'x-jindu-mock-cookie';
const MOCK_SET_COOKIE = 'x-jindu-mock-set-cookie';

/**
 * The request as the API's rules read it. Origin and Sec-Fetch-Site do not reach MSW in the browser
 * (the service worker sees the request before the browser adds them), and a script could not put
 * them on a Request anyway. Only this site's own pages reach these handlers (a service worker
 * serves the pages of its origin; MSW lets navigations through), so a request without an Origin is
 * same-origin here; one that carries an Origin (msw/node in tests) is judged by it.
 */
function requestView(request: Request) {
  const headers = new Headers(request.headers);
  headers.set('cookie', request.headers.get(MOCK_COOKIE) ?? '');
  if (!headers.has('origin')) headers.set('sec-fetch-site', 'same-origin');
  return { method: request.method, url: request.url, headers };
}

/** A reload starts this module again: the accounts and sessions live on in sessionStorage, per tab. */
const STATE_KEY = 'jindu-demo-accounts';
const persist =
  typeof sessionStorage === 'undefined'
    ? undefined
    : {
        load: () => sessionStorage.getItem(STATE_KEY),
        // Asked again at each save: a test environment may be torn down while the demo accounts' hashing
        // (asynchronous) is still finishing.
        save: (state: string) => {
          if (typeof sessionStorage !== 'undefined') sessionStorage.setItem(STATE_KEY, state);
        },
      };

const data = createMemoryData([{ report, domains, source: reportSource }]);
const store = createMemoryStore(data);
const accounts = createMemoryAccounts(persist === undefined ? {} : { persist });
const demoAccounts = seedDemoAccounts(accounts, pbkdf2Hasher);
// Weekly updates live in this page's memory only: a reload starts again from the report's figures.
const tracking = createMemoryTrackingStore(data, accounts.audit);
/**
 * The demo's "today": Wednesday after the first deadline after the report (Monday 2017-07-10 12:00)
 * passed with nothing reported, so the demo has a cycle to fill and shows 逾期未报. The time of day
 * stays real. Every view takes the date from the API (`GET …/cycle`, `pinned: true`) and says so.
 */
export const DEMO_TODAY = '2017-07-12';
const demoClock = clockFromEnv({ JINDU_TODAY: DEMO_TODAY });
const api = createApi({
  store,
  accounts,
  hasher: pbkdf2Hasher,
  requestView,
  setCookieHeader: MOCK_SET_COOKIE,
  tracking,
  // Only the updates' clock: sessions and the accounts' audit log keep the real time.
  trackingNow: () => new Date(demoClock()),
  pinnedToday: true,
  // Whatever a visitor enters is illustrative: labelled 示例 wherever it shows, never the district's data.
  enteredKind: 'example',
});

/** Where the API's path starts in the request's path (after any base such as /jindu), or -1. */
const apiPathAt = (request: Request) => new URL(request.url).pathname.indexOf(`${API_PREFIX}/`);

/** The request as the API sees it: its path from /api/v1 on, whatever base the app is served under. */
async function toApiRequest(request: Request, cookies: Record<string, string>): Promise<Request> {
  const url = new URL(request.url);
  const at = Math.max(apiPathAt(request), 0);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const headers = new Headers(request.headers);
  headers.set(
    MOCK_COOKIE,
    Object.entries(cookies)
      .map(([name, value]) => `${name}=${value}`)
      .join('; '),
  );
  return new Request(new URL(url.pathname.slice(at) + url.search, url.origin), {
    method: request.method,
    headers,
    body: hasBody ? await request.arrayBuffer() : null,
  });
}

/** The API's answer as MSW's HttpResponse when it sets a cookie, so MSW's cookie store keeps it. */
function withCookies(response: Response): Response {
  const setCookie = response.headers.get(MOCK_SET_COOKIE);
  if (setCookie === null) return response;
  const headers = new Headers(response.headers);
  headers.delete(MOCK_SET_COOKIE);
  headers.set('set-cookie', setCookie);
  return new HttpResponse(response.body, { status: response.status, statusText: response.statusText, headers });
}

// A predicate rather than a path pattern: MSW's pattern matching decodes the path and throws on bad
// percent-encoding (a 500); the API answers that with its own 400.
export const handlers = [
  http.all(
    ({ request }) => apiPathAt(request) >= 0,
    async ({ request, cookies }) => {
      await demoAccounts;
      return withCookies(await api.fetch(await toApiRequest(request, cookies)));
    },
  ),
];
