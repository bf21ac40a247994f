import type { ApiClient } from './client';
import { domainSchema, reportListSchema, reportSchema, reportSourceSchema } from './schemas';

// One function per endpoint of the contract (README, "The API"): the query factories call these, and
// so does anything that needs the answers without a query cache (the build's prerender).

const segment = encodeURIComponent;

export const getReports = (api: ApiClient, signal?: AbortSignal) => api.request('GET', '/reports', reportListSchema, { signal });

export const getReport = (api: ApiClient, reportId: string, signal?: AbortSignal) =>
  api.request('GET', `/reports/${segment(reportId)}`, reportSchema, { signal });

export const getDomain = (api: ApiClient, reportId: string, domainId: string, signal?: AbortSignal) =>
  api.request('GET', `/reports/${segment(reportId)}/domains/${segment(domainId)}`, domainSchema, { signal });

export const getReportSource = (api: ApiClient, reportId: string, signal?: AbortSignal) =>
  api.request('GET', `/reports/${segment(reportId)}/source`, reportSourceSchema, { signal });
