import type { Section } from '../../api';
import { STATUSES, THRESHOLDS, type DomainProgress, type MetricProgress, type Status } from '../../progress';

// The overview's filters live in the URL (?status=, ?section=, ?q=) so a filtered view is a link a
// department head can send. Parsing never throws: a value we do not know is ignored and reported, so
// an old or mistyped link still opens the whole overview and says why it is not filtered.

export const FILTER_KEYS = { status: 'status', section: 'section', q: 'q' } as const;

export interface OverviewFilters {
  status: Status | undefined;
  /** A section id that exists in the report (unchecked until the report has loaded). */
  section: string | undefined;
  /** The search text as typed (trimmed); '' means no search. */
  q: string;
  /** Values present in the URL but not understood, to say so on the page. */
  ignored: { status?: string; section?: string };
}

function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

/**
 * Reads the filters from the URL. `sections` is the report's sections once known; before that a
 * section id is kept as asked for, so it is not reported as unknown while the report is loading.
 */
export function parseFilters(params: URLSearchParams, sections: readonly Pick<Section, 'id'>[] | undefined): OverviewFilters {
  const ignored: OverviewFilters['ignored'] = {};
  const rawStatus = params.get(FILTER_KEYS.status)?.trim() ?? '';
  let status: Status | undefined;
  if (rawStatus !== '') {
    if (isStatus(rawStatus)) status = rawStatus;
    else ignored.status = rawStatus;
  }
  const rawSection = params.get(FILTER_KEYS.section)?.trim() ?? '';
  let section: string | undefined;
  if (rawSection !== '') {
    if (sections === undefined || sections.some((s) => s.id === rawSection)) section = rawSection;
    else ignored.section = rawSection;
  }
  const q = (params.get(FILTER_KEYS.q) ?? '').trim();
  return { status, section, q, ignored };
}

export function hasActiveFilters(filters: OverviewFilters): boolean {
  return filters.status !== undefined || filters.section !== undefined || filters.q !== '';
}

/** The same URL with one filter set (or removed when `value` is empty); other parameters are kept. */
export function withFilter(params: URLSearchParams, key: keyof typeof FILTER_KEYS, value: string | undefined): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === undefined || value.trim() === '') next.delete(FILTER_KEYS[key]);
  else next.set(FILTER_KEYS[key], value);
  return next;
}

/** The URL with every filter removed (and anything else kept). */
export function withoutFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of Object.values(FILTER_KEYS)) next.delete(key);
  return next;
}

/**
 * Case-insensitive, width-insensitive text: "ｐｍ２.５" and "PM2.5" are the same search, as are
 * full-width and half-width punctuation a Chinese keyboard may produce.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('zh-CN');
}

export function textMatches(haystack: string, q: string): boolean {
  return q === '' || normaliseText(haystack).includes(normaliseText(q));
}

export type PanelMatch =
  /** Not shown under the current filters. */
  | { visible: false }
  /**
   * Shown. `metrics` are the ones to draw: the headline when nothing narrows the metrics, else the
   * matching ones; `matched` counts every matching metric (for "另有N项").
   */
  | { visible: true; narrowed: boolean; metrics: MetricProgress[]; matched: number };

/**
 * Whether a loaded domain's panel is shown, and with which metrics. A panel is shown when it has at
 * least one metric in the filtered status and its name or one of its metric labels contains the
 * search text; its name matching counts for all of its metrics. The section filter is applied by the
 * caller, which knows the sections.
 */
export function matchDomain(progress: DomainProgress, filters: Pick<OverviewFilters, 'status' | 'q'>): PanelMatch {
  const { status, q } = filters;
  if (status === undefined && q === '') {
    return { visible: true, narrowed: false, metrics: progress.headline, matched: progress.metrics.length };
  }
  const nameMatches = textMatches(progress.domain.name, q);
  const inStatus = (p: MetricProgress) => status === undefined || p.status === status;
  const matching = progress.metrics.filter((p) => inStatus(p) && (nameMatches || textMatches(p.metric.label, q)));
  if (matching.length === 0) {
    // A domain with no metrics (安全生产) can still be found by its name when no status is asked for.
    if (status === undefined && nameMatches) return { visible: true, narrowed: false, metrics: progress.headline, matched: 0 };
    return { visible: false };
  }
  // Only the name matched and no status was asked for: the panel as it normally is.
  if (status === undefined && nameMatches) {
    return { visible: true, narrowed: false, metrics: progress.headline, matched: progress.metrics.length };
  }
  // The matching metrics in headline order first (most urgent targeted first), then report order.
  const headlineIds = new Set(progress.headline.map((p) => p.metric.id));
  const ordered = [
    ...progress.headline.filter((p) => matching.includes(p)),
    ...matching.filter((p) => !headlineIds.has(p.metric.id)),
  ];
  return { visible: true, narrowed: true, metrics: ordered.slice(0, THRESHOLDS.headlineCount), matched: matching.length };
}

