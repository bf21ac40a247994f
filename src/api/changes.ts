import { queryOptions } from '@tanstack/react-query';
import { apiOf } from './api-query-client';
import type { ApiClient } from './client';
import { changesSchema, type Changes } from './tracking-schemas';
import { addDays, localDateOf } from '../tracking/dates';

// "Since the last meeting" (issue 16): what went live after the end of `since`. Without a date the
// meeting looks back a week from the server's today, which only the server knows (JINDU_TODAY pins it
// for demos): the answer's `until` is that day, so a first guess from this machine's clock is asked
// again once if the server's day differs.

const segment = encodeURIComponent;

/** How far back the meeting looks when nobody named the previous meeting's date. */
export const DEFAULT_LOOKBACK_DAYS = 7;
const CHANGES_STALE_MS = 60_000;

export const getChanges = (api: ApiClient, reportId: string, since: string, signal?: AbortSignal) =>
  api.request('GET', `/reports/${segment(reportId)}/changes?since=${segment(since)}`, changesSchema, { signal });

/** A week before `today` (YYYY-MM-DD). */
export const defaultSince = (today: string) => addDays(today, -DEFAULT_LOOKBACK_DAYS);

async function changesFromServerWeek(api: ApiClient, reportId: string, now: number, signal?: AbortSignal): Promise<Changes> {
  const guess = await getChanges(api, reportId, defaultSince(localDateOf(now)), signal);
  const since = defaultSince(guess.until);
  return since === guess.since ? guess : getChanges(api, reportId, since, signal);
}

/** `since`: the previous meeting's date; undefined for a week before the server's today. */
export const changesQuery = (reportId: string, since: string | undefined) =>
  queryOptions({
    queryKey: ['reports', reportId, 'changes', since ?? 'last-week'] as const,
    queryFn: ({ client, signal }) =>
      since === undefined
        ? changesFromServerWeek(apiOf(client), reportId, Date.now(), signal)
        : getChanges(apiOf(client), reportId, since, signal),
    staleTime: CHANGES_STALE_MS,
  });
