import { queryOptions } from '@tanstack/react-query';
import { apiOf } from './api-query-client';
import { getDomain, getReport, getReportSource, getReports } from './endpoints';

// One factory per endpoint. Keys start with the resource and carry every parameter; how often a view
// polls is passed in here rather than set in components, so every poll is visible in one file.
// Each query asks the API of the QueryClient that runs it (see ApiQueryClient).

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
    queryFn: ({ client, signal }) => getReports(apiOf(client), signal),
    staleTime: REPORT_STALE_MS,
  });

export const reportQuery = (reportId: string, polling: Polling = {}) =>
  queryOptions({
    queryKey: ['reports', reportId] as const,
    queryFn: ({ client, signal }) => getReport(apiOf(client), reportId, signal),
    staleTime: REPORT_STALE_MS,
    ...polling,
  });

export const domainQuery = (reportId: string, domainId: string, polling: Polling = {}) =>
  queryOptions({
    queryKey: ['reports', reportId, 'domains', domainId] as const,
    queryFn: ({ client, signal }) => getDomain(apiOf(client), reportId, domainId, signal),
    staleTime: REPORT_STALE_MS,
    ...polling,
  });

export const reportSourceQuery = (reportId: string) =>
  queryOptions({
    queryKey: ['reports', reportId, 'source'] as const,
    queryFn: ({ client, signal }) => getReportSource(apiOf(client), reportId, signal),
    staleTime: REPORT_STALE_MS,
  });

/** The wall's polling, named once so the refetch cadence is set in this file only. */
export const wallPolling: Polling = { refetchInterval: WALL_REFRESH_MS };
