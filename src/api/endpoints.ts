import type { ApiClient } from './client';

// One function per endpoint of the contract (README, "The API"): the query factories call these, and
// so does anything that needs the answers without a query cache (the build's prerender).

const segment = encodeURIComponent;

export const getReports = (api: ApiClient, signal?: AbortSignal) => api.request('GET', '/reports', (c) => c.reportListSchema, { signal });

export const getReport = (api: ApiClient, reportId: string, signal?: AbortSignal) =>
  api.request('GET', `/reports/${segment(reportId)}`, (c) => c.reportSchema, { signal });

export const getDomain = (api: ApiClient, reportId: string, domainId: string, signal?: AbortSignal) =>
  api.request('GET', `/reports/${segment(reportId)}/domains/${segment(domainId)}`, (c) => c.domainSchema, { signal });

export const getReportSource = (api: ApiClient, reportId: string, signal?: AbortSignal) =>
  api.request('GET', `/reports/${segment(reportId)}/source`, (c) => c.reportSourceSchema, { signal });
