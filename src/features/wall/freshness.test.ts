import { describe, expect, it } from 'vitest';
import { anyFailing, readFreshness, type QueryFreshness } from './freshness';

const MINUTE = 60_000;
const MAX_AGE = 6 * MINUTE;
const T0 = Date.UTC(2017, 5, 27, 8, 0);

function query(overrides: Partial<QueryFreshness> = {}): QueryFreshness {
  return { data: {}, dataUpdatedAt: T0, errorUpdatedAt: 0, fetchStatus: 'idle', status: 'success', ...overrides };
}

describe('readFreshness', () => {
  it('has no time before anything has loaded', () => {
    const result = readFreshness([query({ data: undefined, dataUpdatedAt: 0, status: 'pending', fetchStatus: 'fetching' })], T0, MAX_AGE);
    expect(result).toEqual({ updatedAt: undefined, stale: false });
  });

  it('is as fresh as the oldest figure on the wall', () => {
    const result = readFreshness([query({ dataUpdatedAt: T0 + MINUTE }), query({ dataUpdatedAt: T0 })], T0 + MINUTE, MAX_AGE);
    expect(result.updatedAt).toBe(T0);
    expect(result.stale).toBe(false);
  });

  it('is stale when a refresh failed after the last good data, and that query is failing', () => {
    const failed = query({ status: 'error', errorUpdatedAt: T0 + 5 * MINUTE });
    const result = readFreshness([query(), failed], T0 + 5 * MINUTE, MAX_AGE);
    expect(result).toEqual({ updatedAt: T0, stale: true });
    expect(anyFailing([query(), failed])).toBe(true);
  });

  it('is fresh again once the data is newer than the failure', () => {
    const recovered = query({ dataUpdatedAt: T0 + 6 * MINUTE, errorUpdatedAt: T0 + 5 * MINUTE });
    expect(readFreshness([recovered], T0 + 6 * MINUTE, MAX_AGE).stale).toBe(false);
  });

  it('is stale while a refresh waits for the network (offline)', () => {
    expect(readFreshness([query({ fetchStatus: 'paused' })], T0 + MINUTE, MAX_AGE).stale).toBe(true);
  });

  it('is stale when the data is older than a refresh allows, even with no failure seen', () => {
    expect(readFreshness([query()], T0 + MAX_AGE, MAX_AGE).stale).toBe(false);
    expect(readFreshness([query()], T0 + MAX_AGE + 1, MAX_AGE).stale).toBe(true);
  });

  it('reports a failed first load for a retry without calling the wall stale', () => {
    const neverLoaded = query({ data: undefined, dataUpdatedAt: 0, status: 'error', errorUpdatedAt: T0 });
    expect(readFreshness([query(), neverLoaded], T0, MAX_AGE).stale).toBe(false);
    expect(anyFailing([query(), neverLoaded])).toBe(true);
    expect(anyFailing([query(), query()])).toBe(false);
  });
});
