import type { QueryObserverResult } from '@tanstack/react-query';

/** The parts of a query's state that say how fresh its data is. */
export type QueryFreshness = Pick<
  QueryObserverResult<unknown>,
  'data' | 'dataUpdatedAt' | 'errorUpdatedAt' | 'fetchStatus' | 'status'
>;

export interface Freshness {
  /**
   * When the oldest figure on the wall was fetched: the wall is only as fresh as its stalest part.
   * Undefined until something has loaded.
   */
  updatedAt: number | undefined;
  /** The wall is showing data a refresh failed to replace, or data older than a refresh should allow. */
  stale: boolean;
}

/**
 * Reads the wall's queries for the freshness line. A refresh that failed (errorUpdatedAt after the
 * data), one waiting for the network (react-query pauses fetches while the browser is offline), and
 * data older than `maxAgeMs` all make the wall stale; it stops being stale as soon as every query has
 * fresh data again.
 */
export function readFreshness(queries: readonly QueryFreshness[], now: number, maxAgeMs: number): Freshness {
  let updatedAt: number | undefined;
  let stale = false;
  for (const q of queries) {
    if (q.data === undefined) continue;
    updatedAt = updatedAt === undefined ? q.dataUpdatedAt : Math.min(updatedAt, q.dataUpdatedAt);
    if (q.errorUpdatedAt > q.dataUpdatedAt || q.fetchStatus === 'paused') stale = true;
  }
  if (updatedAt !== undefined && now - updatedAt > maxAgeMs) stale = true;
  return { updatedAt, stale };
}

/** Some query is in error (with or without data): worth retrying before the next poll. */
export function anyFailing(queries: readonly Pick<QueryFreshness, 'status'>[]): boolean {
  return queries.some((q) => q.status === 'error');
}
