import type { Domain, Metric, ReportSummary, Target } from '../api/schemas';
import { roundTo } from '../format';
import { compareStatus, emptyCounts, STATUSES } from './status';
import { readTarget, roundToDigits } from './target-reading';
import { talkingPoint } from './talking-points';
import { DAY_UNIT, projectionCeiling, THRESHOLDS } from './thresholds';
import type {
  ElapsedShare,
  MetricProgress,
  Projection,
  RequiredRate,
  Status,
  StatusCounts,
  TargetReading,
} from './types';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Shares are rounded to the precision they are printed with before they are compared or subtracted. */
function roundPct(value: number): number {
  return roundTo(value, THRESHOLDS.pctDecimals);
}

function parseIsoDate(iso: string): { year: number; time: number } {
  const m = ISO_DATE.exec(iso);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  // UTC midnight: whole days apart whatever the viewer's time zone or daylight saving.
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (m === null || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new RangeError(`not a calendar date: ${iso}`);
  }
  return { year, time };
}

/** 序时进度 at a date: 1 January through the date inclusive (2017-06-23 → 174 / 365 = 47.7%). */
export function elapsedShare(asOf: string): ElapsedShare {
  const { year, time } = parseIsoDate(asOf);
  const start = Date.UTC(year, 0, 1);
  const daysInYear = Math.round((Date.UTC(year + 1, 0, 1) - start) / MS_PER_DAY);
  const elapsedDays = Math.round((time - start) / MS_PER_DAY) + 1;
  return { elapsedDays, daysInYear, remainingDays: daysInYear - elapsedDays, pct: (elapsedDays / daysInYear) * 100 };
}

/** The date a screen's figures are as of, for its header (see dataAsOf). */
export interface DataAsOf {
  date: string;
  /** Whether figures approved after the report are among those shown (then `date` is not the report's). */
  updated: boolean;
  /** 序时进度 at `date`. */
  elapsed: ElapsedShare;
}

/**
 * What a header says when its figures have different as-of dates. While every figure is the report's,
 * the report's date and 序时进度 then (06-27: 48.8%). Once approved updates are in, "数据截至" the newest
 * as-of date among them, and 序时进度 at that date: what the meeting reads the week against. Each figure
 * keeps its own as-of wherever it is shown, and its status is against its own date's pace.
 */
export function dataAsOf(
  report: Pick<ReportSummary, 'publishedOn'>,
  metrics: Iterable<Pick<Metric, 'asOf' | 'source'>>,
): DataAsOf {
  let date = report.publishedOn;
  let updated = false;
  for (const metric of metrics) {
    if (metric.source.kind === undefined || metric.source.kind === 'report') continue;
    updated = true;
    if (metric.asOf > date) date = metric.asOf;
  }
  return { date, updated, elapsed: elapsedShare(date) };
}

/** Every metric of the domains loaded so far. */
export function* loadedMetrics(domains: Iterable<Pick<Domain, 'metrics'> | undefined>): Generator<Metric> {
  for (const domain of domains) if (domain !== undefined) yield* domain.metrics;
}

/** 序时进度 on the day the report was published: the pace every figure of the report is read against. */
export function elapsedAtReportDate(report: Pick<ReportSummary, 'publishedOn'>): ElapsedShare {
  return elapsedShare(report.publishedOn);
}

/** Status from the gap to 序时进度 (percentage points, already rounded). */
export function classifyGap(gapPts: number): Exclude<Status, 'complete' | 'in-progress' | 'no-target'> {
  if (gapPts >= THRESHOLDS.aheadGapPts) return 'ahead';
  if (gapPts <= THRESHOLDS.farBehindGapPts) return 'far-behind';
  if (gapPts <= THRESHOLDS.behindGapPts) return 'behind';
  return 'on-track';
}

/** Status of a lower-is-better average from its excess over the target (%, already rounded). */
export function classifyExcess(excessPct: number): 'on-track' | 'behind' | 'far-behind' {
  if (excessPct <= 0) return 'on-track';
  return excessPct >= THRESHOLDS.lowerFarBehindExcessPct ? 'far-behind' : 'behind';
}

interface Completion {
  raw: number;
  shown: number;
  source: 'reported' | 'computed';
  approximate: boolean;
}

function completionOf(metric: Metric, target: Target | undefined): Completion | undefined {
  if (metric.reportedProgressPct !== undefined) {
    // The report's own share is authoritative and is printed as the report printed it.
    return { raw: metric.reportedProgressPct, shown: metric.reportedProgressPct, source: 'reported', approximate: false };
  }
  if (target === undefined) return undefined;
  const raw = target.value === 0 ? (metric.value >= 0 ? 100 : 0) : (metric.value / target.value) * 100;
  // Of "约188万平方米", 近55万 is about 29%: a decimal would claim what the size does not have.
  const approximate = target.basis !== 'stated';
  const decimals = approximate ? THRESHOLDS.approximatePctDecimals : THRESHOLDS.pctDecimals;
  const finest = 10 ** -decimals;
  // 99.96% must not print as "100.0%" beside a status that says it is not complete.
  const rounded = roundTo(raw, decimals);
  const shown = raw < THRESHOLDS.completePct ? Math.min(rounded, THRESHOLDS.completePct - finest) : rounded;
  return { raw, shown, source: 'computed', approximate };
}

type Analysed = Omit<MetricProgress, 'talkingPoint'>;

type Shared = Pick<Analysed, 'metric' | 'elapsed' | 'straightLine' | 'target' | 'pipeline'>;

function analyseLowerIsBetter(shared: Shared, target: Target): Analysed {
  const { metric, elapsed } = shared;
  const excessPct = target.value === 0 ? 0 : roundPct(((metric.value - target.value) / target.value) * 100);
  // The report's own distance where it printed one ("高21微克/立方米"), signed like the excess.
  const difference = metric.value - target.value;
  const excess = target.statedGap === undefined ? difference : Math.sign(difference) * target.statedGap;
  // A value over the target by less than the printed precision is still over it.
  const status = metric.value <= target.value ? 'on-track' : classifyExcess(Math.max(excessPct, 0.1));
  const out: Analysed = { ...shared, status, excessPct, excess };
  if (target.period === 'year' && elapsed.remainingDays > 0) {
    out.requiredAverage =
      (target.value * elapsed.daysInYear - metric.value * elapsed.elapsedDays) / elapsed.remainingDays;
  }
  return out;
}

function requiredRate(metric: Metric, target: TargetReading, elapsed: ElapsedShare): RequiredRate | undefined {
  // From a derived target, what is left is as imprecise as the target: 约290 − 约23 → 约270.
  const exact = target.value - metric.value;
  const remaining = target.digits === undefined ? exact : roundToDigits(exact, target.digits);
  if (exact <= 0 || remaining <= 0 || elapsed.remainingDays <= 0) return undefined;
  const daysPerMonth = elapsed.daysInYear / 12;
  const perDay = remaining / elapsed.remainingDays;
  const achievedPerDay = metric.value / elapsed.elapsedDays;
  const rate: RequiredRate = {
    remaining,
    approximate: target.approximate,
    remainingDays: elapsed.remainingDays,
    perDay,
    perMonth: perDay * daysPerMonth,
    achievedPerDay,
    achievedPerMonth: achievedPerDay * daysPerMonth,
  };
  if (metric.unit === DAY_UNIT) {
    rate.requiredSharePct = roundPct(perDay * 100);
    rate.achievedSharePct = roundPct(achievedPerDay * 100);
  }
  return rate;
}

function projection(target: TargetReading, completion: Completion, elapsed: ElapsedShare, unit: string): Projection {
  // Projected from the completion share, so a reported share stays authoritative here too.
  const straight = (completion.raw / elapsed.pct) * 100;
  const ceiling = projectionCeiling(unit, elapsed.daysInYear);
  // Days and percentages cannot pass their ceiling, however fast the first half went.
  const unbounded = (target.value * straight) / 100;
  const value = ceiling !== undefined && unbounded > ceiling ? ceiling : unbounded;
  const projectedPct = value < unbounded && target.value !== 0 ? (value / target.value) * 100 : straight;
  return {
    value: target.digits === undefined ? value : roundToDigits(value, target.digits),
    projectedPct: roundPct(projectedPct),
  };
}

function analyse(metric: Metric, siblings: readonly Metric[]): Analysed {
  const elapsed = elapsedShare(metric.asOf);
  const { target } = metric;
  const reading = readTarget(metric);
  const stages = (metric.pipeline ?? []).flatMap((id) => siblings.filter((m) => m.id === id));
  const base: Shared = {
    metric,
    elapsed,
    straightLine: metric.projection !== false,
    ...(reading === undefined ? {} : { target: reading }),
    ...(stages.length === 0 ? {} : { pipeline: stages }),
  };
  if (target !== undefined && metric.direction === 'lower') return analyseLowerIsBetter(base, target);

  const completion = completionOf(metric, target);
  if (completion === undefined) return { ...base, status: 'no-target' };
  const done = completion.raw >= THRESHOLDS.completePct;
  const shared = {
    ...base,
    completionPct: completion.shown,
    completionSource: completion.source,
    ...(completion.approximate ? { completionApproximate: true } : {}),
  };

  // A task has no deadline, and a share with no target cannot be told to be yearly: no pace for either.
  if (target === undefined || reading === undefined || target.period === 'task') {
    return { ...shared, status: done ? 'complete' : 'in-progress' };
  }

  const elapsedPct = roundPct(elapsed.pct);
  const gapPts = roundPct(completion.shown - elapsedPct);
  const out: Analysed = { ...shared, status: done ? 'complete' : classifyGap(gapPts), elapsedPct, gapPts };
  if (!done) {
    const rate = requiredRate(metric, reading, elapsed);
    if (rate !== undefined) out.requiredRate = rate;
  }
  // Batches (回迁: whole buildings handed over at once) do not continue the first half's line.
  if (base.straightLine) out.projection = projection(reading, completion, elapsed, metric.unit);
  return out;
}

/** One metric among `siblings` (its domain's metrics), where its `pipeline` ids are looked up. */
function analyseAmong(metric: Metric, siblings: readonly Metric[]): MetricProgress {
  const analysed = analyse(metric, siblings);
  return { ...analysed, talkingPoint: talkingPoint(analysed) };
}

/**
 * Everything the views show about one metric's progress, including its talking point. On its own:
 * the stages of a `pipeline` are other metrics of the domain, which `analyseDomain` resolves.
 */
export function analyseMetric(metric: Metric): MetricProgress {
  return analyseAmong(metric, []);
}

// ---------------------------------------------------------------------------------------------------
// Domains

export interface DomainProgress {
  domain: Domain;
  /** In report order. */
  metrics: MetricProgress[];
  counts: StatusCounts;
  /** behind + far-behind. */
  behindCount: number;
  /** The most urgent status of any metric; `no-target` for a domain without targets or figures. */
  worstStatus: Status;
  /** Up to THRESHOLDS.headlineCount metrics for the domain's panel. */
  headline: MetricProgress[];
}

export function countStatuses(progress: readonly MetricProgress[]): StatusCounts {
  const counts = emptyCounts();
  for (const p of progress) counts[p.status] += 1;
  return counts;
}

function stableSort<T>(items: readonly T[], compare: (a: T, b: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => compare(a.item, b.item) || a.index - b.index)
    .map(({ item }) => item);
}

/**
 * Targeted metrics first, most urgent first, top-level before breakdowns at equal urgency (the waste
 * total before its 四环内/外 parts); then the untargeted top-level figures in report order.
 */
function headlineOf(metrics: readonly MetricProgress[]): MetricProgress[] {
  const targeted = stableSort(
    metrics.filter((p) => p.status !== 'no-target'),
    (a, b) =>
      compareStatus(a.status, b.status) ||
      Number(a.metric.parentId !== undefined) - Number(b.metric.parentId !== undefined),
  );
  const figures = metrics.filter((p) => p.status === 'no-target' && p.metric.parentId === undefined);
  return [...targeted, ...figures].slice(0, THRESHOLDS.headlineCount);
}

export function analyseDomain(domain: Domain): DomainProgress {
  const metrics = domain.metrics.map((metric) => analyseAmong(metric, domain.metrics));
  const counts = countStatuses(metrics);
  const worstStatus = STATUSES.find((s) => counts[s] > 0) ?? 'no-target';
  return {
    domain,
    metrics,
    counts,
    behindCount: counts.behind + counts['far-behind'],
    worstStatus,
    headline: headlineOf(metrics),
  };
}

/**
 * The meeting agenda: by the most urgent status, then by how many metrics are far behind and behind;
 * domains without targets last; report order otherwise.
 */
export function sortDomainsByUrgency<T extends Pick<DomainProgress, 'counts' | 'worstStatus'>>(
  analyses: readonly T[],
): T[] {
  return stableSort(
    analyses,
    (a, b) =>
      compareStatus(a.worstStatus, b.worstStatus) ||
      b.counts['far-behind'] - a.counts['far-behind'] ||
      b.counts.behind - a.counts.behind,
  );
}

/** Totals over domains, for the summary strip. */
export function totalCounts(analyses: readonly Pick<DomainProgress, 'counts'>[]): StatusCounts {
  const total = emptyCounts();
  for (const a of analyses) for (const s of STATUSES) total[s] += a.counts[s];
  return total;
}
