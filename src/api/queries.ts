import { queryOptions } from '@tanstack/react-query';
import { getJson } from './client';
import { domainSchema, reportListSchema, reportSchema, reportSourceSchema } from './schemas';

// One factory per endpoint. Keys start with the resource and carry every parameter; how often a view
// polls is passed in here rather than set in components, so every poll is visible in one file.

/** The report is a published document: its figures change only when a new report is loaded. */
const REPORT_STALE_MS = 5 * 60_000;
/** The wall refetches every five minutes so a corrected or new report reaches it the same morning. */
export const WALL_REFRESH_MS = 5 * 60_000;
/** After a failed wall refresh, try again this soon rather than leave stale figures up for a whole poll. */
export const WALL_RETRY_MS = 60_000;

type Polling = { refetchInterval?: number };

export const reportsQuery = () =>
  queryOptions({
    queryKey: ['reports'] as const,
    queryFn: ({ signal }) => getJson('/reports', reportListSchema, signal),
    staleTime: REPORT_STALE_MS,
  });

export const reportQuery = (reportId: string, polling: Polling = {}) =>
  queryOptions({
    queryKey: ['reports', reportId] as const,
    queryFn: ({ signal }) => getJson(`/reports/${encodeURIComponent(reportId)}`, reportSchema, signal),
    staleTime: REPORT_STALE_MS,
    ...polling,
  });

export const domainQuery = (reportId: string, domainId: string, polling: Polling = {}) =>
  queryOptions({
    queryKey: ['reports', reportId, 'domains', domainId] as const,
    queryFn: ({ signal }) =>
      getJson(`/reports/${encodeURIComponent(reportId)}/domains/${encodeURIComponent(domainId)}`, domainSchema, signal),
    staleTime: REPORT_STALE_MS,
    ...polling,
  });

export const reportSourceQuery = (reportId: string) =>
  queryOptions({
    queryKey: ['reports', reportId, 'source'] as const,
    queryFn: ({ signal }) => getJson(`/reports/${encodeURIComponent(reportId)}/source`, reportSourceSchema, signal),
    staleTime: REPORT_STALE_MS,
  });

/** The wall's polling, named once so the refetch cadence is set in this file only. */
export const wallPolling: Polling = { refetchInterval: WALL_REFRESH_MS };
