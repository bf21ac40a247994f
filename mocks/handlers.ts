import { http } from 'msw';
import { API_PREFIX, createApi } from '../server/api/app';
import { createMemoryData, createMemoryStore } from '../server/memory/memory-store';
import { createMemoryTrackingStore } from '../server/memory/memory-tracking';
import { domains, report, reportSource } from './data/erqi-2017-h1';

// The API's own handlers (server/api), the ones the Node server runs on its database, answering here
// on the in-memory store: the mocked API and the real one are one implementation. The path starts
// with `*` so the same handler answers at the site root and under a sub-path such as /jindu/.

const data = createMemoryData([{ report, domains, source: reportSource }]);
const api = createApi({ store: createMemoryStore(data), tracking: createMemoryTrackingStore(data) });

/** Where the API's path starts in the request's path (after any base such as /jindu), or -1. */
const apiPathAt = (request: Request) => new URL(request.url).pathname.indexOf(`${API_PREFIX}/`);

/** The request as the API sees it: its path from /api/v1 on, whatever base the app is served under. */
async function toApiRequest(request: Request): Promise<Request> {
  const url = new URL(request.url);
  const at = apiPathAt(request);
  if (at <= 0) return request;
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(new URL(url.pathname.slice(at) + url.search, url.origin), {
    method: request.method,
    headers: request.headers,
    body: hasBody ? await request.arrayBuffer() : null,
  });
}

// A predicate rather than a path pattern: MSW's pattern matching decodes the path and throws on bad
// percent-encoding (a 500); the API answers that with its own 400.
export const handlers = [http.all(({ request }) => apiPathAt(request) >= 0, async ({ request }) => api.fetch(await toApiRequest(request)))];
