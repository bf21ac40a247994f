import { http, HttpResponse } from 'msw';
import type { Domain } from '../api';
import { apiBaseUrl } from '../api/client';
import { domains } from '../../mocks/data/erqi-2017-h1';
import { server } from '../../mocks/node';

// Faults and edits of the mocked API for one test, the MSW way (server.use, reset after each test by
// the global set-up). Feature tests may not import mocks/ (ESLint), so they come here.

/** The API path after the base: "/reports/erqi-2017-h1/domains/land". */
const apiPath = (request: Request) => request.url.slice(apiBaseUrl.length);

/**
 * Answers the API requests whose path `fails` with a problem+json error; the rest reach the mocked
 * API. `restore()` lets them all through again (the API "comes back").
 */
export function failApi(fails: (path: string) => boolean, status = 500): { restore: () => void } {
  let failing = true;
  server.use(
    http.get(`${apiBaseUrl}/*`, ({ request }) => {
      if (!failing || !fails(apiPath(request))) return undefined;
      return HttpResponse.json(
        { type: 'about:blank', title: '服务器内部错误', status, detail: '测试中的故障' },
        { status, headers: { 'content-type': 'application/problem+json' } },
      );
    }),
  );
  return { restore: () => (failing = false) };
}

/** Serves the domain as `edit` changes a copy of the report's own. */
export function editDomain(domainId: string, edit: (domain: Domain) => Domain): void {
  const original = domains.find((d) => d.id === domainId);
  if (!original) throw new Error(`no domain ${domainId} in the report data`);
  server.use(
    http.get(`${apiBaseUrl}/reports/:reportId/domains/${domainId}`, () => HttpResponse.json(edit(structuredClone(original)))),
  );
}
