import { http, HttpResponse } from 'msw';
import type { Problem } from '../src/api/schemas';
import { domains, report, reportSource } from './data/erqi-2017-h1';

// The happy path of the API contract (README, "The API"), served from the report data. Paths start
// with `*` so the same handlers answer at the site root and under a sub-path such as /jindu/.

const reports = [report];

function problem(status: number, title: string, detail: string): Response {
  const body: Problem = { type: 'about:blank', title, status, detail };
  return HttpResponse.json(body, { status, headers: { 'content-type': 'application/problem+json' } });
}

function findReport(reportId: string | readonly string[] | undefined) {
  return reports.find((r) => r.id === reportId);
}

export const handlers = [
  http.get('*/api/v1/reports', () =>
    HttpResponse.json({
      reports: reports.map(({ id, title, district, city, publishedOn, year }) => ({ id, title, district, city, publishedOn, year })),
    }),
  ),

  http.get('*/api/v1/reports/:reportId', ({ params }) => {
    const found = findReport(params.reportId);
    if (!found) return problem(404, '报告不存在', `没有编号为“${String(params.reportId)}”的报告。`);
    return HttpResponse.json(found);
  }),

  http.get('*/api/v1/reports/:reportId/source', ({ params }) => {
    if (!findReport(params.reportId)) return problem(404, '报告不存在', `没有编号为“${String(params.reportId)}”的报告。`);
    return HttpResponse.json(reportSource);
  }),

  http.get('*/api/v1/reports/:reportId/domains/:domainId', ({ params }) => {
    if (!findReport(params.reportId)) return problem(404, '报告不存在', `没有编号为“${String(params.reportId)}”的报告。`);
    const domain = domains.find((d) => d.id === params.domainId);
    if (!domain) return problem(404, '领域不存在', `报告中没有编号为“${String(params.domainId)}”的关键词领域。`);
    return HttpResponse.json(domain);
  }),

  // Anything else under the API is a 404 in the contract's own format, not the app's index.html.
  http.get('*/api/v1/*', ({ request }) => problem(404, '接口不存在', `没有这个接口:${new URL(request.url).pathname}`)),
];
