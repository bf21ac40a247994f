import { useSyncExternalStore } from 'react';

// "我的领域": the domains a department head follows, kept in this browser only. The stored value is
// versioned; anything that does not parse as the current version is ignored, never trusted.

export const PINNED_STORAGE_KEY = 'jindu:pinned-domains:v1';

const DOMAIN_ID = /^[a-z0-9-]+$/;
const MAX_PINS = 100;

/**
 * The stored value's domain ids, or undefined when it is not the current version's shape. Checked by
 * hand, not with zod: the overview reads pins as it starts, and zod's schemas load with the first answer.
 */
function storedDomainIds(value: unknown): string[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { version, domainIds } = value as Record<string, unknown>;
  if (version !== 1 || !Array.isArray(domainIds) || domainIds.length > MAX_PINS) return undefined;
  return domainIds.every((id): id is string => typeof id === 'string' && DOMAIN_ID.test(id)) ? domainIds : undefined;
}

const listeners = new Set<() => void>();
/**
 * No pins, as one value: the prerender's snapshot and an empty store's must be the same object, or
 * React re-renders the whole hydrated overview at once (a long task) to swap [] for an equal [].
 */
const NO_PINS: readonly string[] = Object.freeze([]);
let cache: { raw: string | null; ids: readonly string[] } = { raw: null, ids: NO_PINS };

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage can be disabled by policy (some kiosk browsers); pins then simply do not persist.
    return undefined;
  }
}

export function readPinnedDomains(): readonly string[] {
  const raw = storage()?.getItem(PINNED_STORAGE_KEY) ?? null;
  if (raw === cache.raw) return cache.ids;
  let ids: readonly string[] = NO_PINS;
  if (raw !== null) {
    try {
      const stored = storedDomainIds(JSON.parse(raw));
      if (stored !== undefined && stored.length > 0) ids = [...new Set(stored)];
    } catch {
      // Corrupt JSON: treated as no pins.
    }
  }
  cache = { raw, ids };
  return ids;
}

export function writePinnedDomains(domainIds: readonly string[]): void {
  try {
    storage()?.setItem(PINNED_STORAGE_KEY, JSON.stringify({ version: 1, domainIds: [...new Set(domainIds)] }));
  } catch {
    // Full or disabled storage: the pin lasts for this page only.
  }
  listeners.forEach((notify) => notify());
}

export function togglePinnedDomain(domainId: string): void {
  const current = readPinnedDomains();
  writePinnedDomains(current.includes(domainId) ? current.filter((id) => id !== domainId) : [...current, domainId]);
}

/** Another tab pinning a domain updates this one too. */
function onStorage(event: StorageEvent): void {
  if (event.key === PINNED_STORAGE_KEY || event.key === null) listeners.forEach((notify) => notify());
}

/**
 * One `storage` listener for all subscribers, not one each: the overview has a pin button per panel,
 * and sixteen listeners added in the effects that follow the take-over made that task longer.
 */
function subscribe(notify: () => void): () => void {
  if (listeners.size === 0) globalThis.addEventListener?.('storage', onStorage);
  listeners.add(notify);
  return () => {
    listeners.delete(notify);
    if (listeners.size === 0) globalThis.removeEventListener?.('storage', onStorage);
  };
}

/** The pinned domain ids, in the order they were pinned; re-renders when they change. */
export function usePinnedDomains(): readonly string[] {
  return useSyncExternalStore(subscribe, readPinnedDomains, () => NO_PINS);
}
