import { sortDomainsByUrgency, type DomainProgress } from '../../progress';

// The meeting walks one fixed sequence: the agenda is slide 0, then the domains in agenda order.
// Slide numbers shown to people ("第 3 / 16 页", typing 3 then Enter) are 1-based; indices are 0-based.

type Ranked = Pick<DomainProgress, 'counts' | 'worstStatus'>;

/**
 * The agenda: analysed domains by urgency (sortDomainsByUrgency), then those whose figures could not
 * be loaded, in report order: with no figures they cannot be ranked, but they must not vanish.
 */
export function meetingOrder<T extends { progress?: Ranked | undefined }>(domains: readonly T[]): T[] {
  const ranked = domains.flatMap((entry) => (entry.progress === undefined ? [] : [{ entry, ...entry.progress }]));
  const unranked = domains.filter((entry) => entry.progress === undefined);
  return [...sortDomainsByUrgency(ranked).map(({ entry }) => entry), ...unranked];
}

/** Slide index of a route: no id is the agenda; an id not in the order is -1. */
export function slideIndexOf(order: readonly { id: string }[], domainId: string | undefined): number {
  if (domainId === undefined) return 0;
  const at = order.findIndex((entry) => entry.id === domainId);
  return at === -1 ? -1 : at + 1;
}

/** The route of a slide; out-of-range indices are clamped to the agenda or the last domain. */
export function slidePath(order: readonly { id: string }[], index: number): string {
  if (index <= 0 || order.length === 0) return '/meeting';
  const entry = order[Math.min(index, order.length) - 1];
  return entry === undefined ? '/meeting' : `/meeting/${encodeURIComponent(entry.id)}`;
}
