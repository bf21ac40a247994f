import { queryOptions } from '@tanstack/react-query';
import { apiOf } from './api-query-client';
import type { ApiClient } from './client';

// "Since the last meeting" (issue 16): what went live after the end of `since`, the previous meeting's
// date. Without one named, the meeting takes the server's own (`GET …/cycle`, `lastMeetingOn`): the
// meeting follows the deadline on its day, and only the server knows its date and the setting.

const segment = encodeURIComponent;

const CHANGES_STALE_MS = 60_000;

export const getChanges = (api: ApiClient, reportId: string, since: string, signal?: AbortSignal) =>
  api.request('GET', `/reports/${segment(reportId)}/changes?since=${segment(since)}`, (c) => c.changesSchema, { signal });

/** `since`: the previous meeting's date (YYYY-MM-DD). */
export const changesQuery = (reportId: string, since: string) =>
  queryOptions({
    queryKey: ['reports', reportId, 'changes', since] as const,
    queryFn: ({ client, signal }) => getChanges(apiOf(client), reportId, since, signal),
    staleTime: CHANGES_STALE_MS,
  });
