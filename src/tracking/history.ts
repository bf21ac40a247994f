import type { Domain, Metric } from '../api/schemas';
import type {
  Changes,
  CycleSettings,
  Delta,
  Observation,
  ObservationSummary,
  Update,
} from '../api/tracking-schemas';
import { analyseMetric, elapsedShare, projectionCeiling, type MetricProgress, type Status } from '../progress';
import { reportingState, DEFAULT_CYCLE_SETTINGS, type UpdateStamp } from './cycles';
import { addDays, daysBetween, firstOfYear, instantAt, instantOf, lastOfYear, localDateOf, yearOf } from './dates';
import { decimalFromNumber, decimalToNumber, exactDifference } from './decimal';
import { convertExact } from './units';

// A metric's history from its observations. Only what was approved counts: the `approved` observation
// is the metric's current value, the `superseded` ones are what it was before; submitted and returned
// ones never reach the overview, the wall or the meeting. Status, required rate and 序时进度 come from
// src/progress (analyseMetric) applied to the metric as of an observation; nothing here restates them.

/** A metric as the API serves it; `projection: false` (issue 12) where a straight line would mislead. */
export type TrackedMetric = Metric & { projection?: boolean };

export interface HistoryPoint {
  observation: Observation;
  /** In the metric's unit. */
  value: number;
  asOf: string;
  /** Days from 1 January through `asOf` (序时进度's count): the x of a chart whose 1 January starts at 0. */
  day: number;
}

function isLive(o: Observation): boolean {
  return o.state === 'approved' || o.state === 'superseded';
}

/** When it went live: the report's figures and anything approved without a time count as always there. */
function liveSince(o: Observation): number {
  return o.approvedAt === null ? Number.NEGATIVE_INFINITY : instantOf(o.approvedAt);
}

function inMetricUnit(o: Observation, unit: string): number | undefined {
  if (o.unit === unit) return o.value;
  const converted = convertExact(decimalFromNumber(o.value), o.unit, unit);
  return converted === undefined ? undefined : decimalToNumber(converted);
}

/**
 * The approved history on a time axis, oldest first, one point per as-of date: where a figure for a date
 * was corrected, the later approval is the point. Observations in a unit that does not convert exactly
 * into the metric's cannot be compared and are left out (the server stores them converted).
 */
export function approvedHistory(metric: Pick<Metric, 'unit'>, observations: readonly Observation[]): HistoryPoint[] {
  const byDate = new Map<string, { point: HistoryPoint; since: number }>();
  for (const o of observations) {
    if (!isLive(o)) continue;
    const value = inMetricUnit(o, metric.unit);
    if (value === undefined) continue;
    const since = liveSince(o);
    const held = byDate.get(o.asOf);
    // The current (approved) observation always wins its date over a superseded one.
    const wins =
      held === undefined ||
      (o.state === 'approved' && held.point.observation.state !== 'approved') ||
      (held.point.observation.state === o.state && since >= held.since);
    if (wins) byDate.set(o.asOf, { point: { observation: o, value, asOf: o.asOf, day: elapsedShare(o.asOf).elapsedDays }, since });
  }
  return [...byDate.values()].map((v) => v.point).sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
}

export interface LatestAndPrevious {
  latest?: HistoryPoint;
  /** The approved point before the latest one's as-of date. */
  previous?: HistoryPoint;
  /** 较上次: latest − previous, exact, in the metric's unit, over `days` days. */
  delta?: Delta;
}

function deltaBetween(latest: HistoryPoint, previous: HistoryPoint, unit: string): Delta {
  return { value: exactDifference(latest.value, previous.value), unit, days: daysBetween(previous.asOf, latest.asOf) };
}

export function latestAndPrevious(metric: Pick<Metric, 'unit'>, observations: readonly Observation[]): LatestAndPrevious {
  const history = approvedHistory(metric, observations);
  const current = history.findLast((p) => p.observation.state === 'approved') ?? history.at(-1);
  if (current === undefined) return {};
  const previous = history.filter((p) => p.asOf < current.asOf).at(-1);
  return previous === undefined
    ? { latest: current }
    : { latest: current, previous, delta: deltaBetween(current, previous, metric.unit) };
}

/**
 * The metric as of an observation, for the analysis. The report's own completion share (48.7%) belongs
 * to the report's figure only: a later figure is measured against the target.
 */
export function metricAsOf<M extends Metric>(metric: M, point: Pick<HistoryPoint, 'observation' | 'value'>): M {
  const { observation } = point;
  const out: M = { ...metric, value: point.value, qualifier: observation.qualifier, asOf: observation.asOf };
  if (observation.source.kind !== 'report') delete out.reportedProgressPct;
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The chart: pace line (序时线), target, projection

export interface ChartPoint {
  /** 0 is the start of 1 January; daysInYear the end of 31 December. */
  day: number;
  date: string;
  value: number;
}

export type Guide =
  /** Higher-is-better yearly target: from 0 at the start of the year to the target at its end. */
  | { kind: 'pace'; points: [ChartPoint, ChartPoint] }
  /** Lower-is-better averages, and tasks with no deadline: the target as a flat line. */
  | { kind: 'target'; points: [ChartPoint, ChartPoint] };

/** The 序时线 or the target line for the plan's year; none without a target. */
export function paceGuide(metric: Pick<Metric, 'direction' | 'target'>, year: number): Guide | null {
  const { target } = metric;
  if (target === undefined) return null;
  const { daysInYear } = elapsedShare(lastOfYear(year));
  const start = { day: 0, date: firstOfYear(year) };
  const end = { day: daysInYear, date: lastOfYear(year), value: target.value };
  if (metric.direction !== 'lower' && target.period === 'year') {
    return { kind: 'pace', points: [{ ...start, value: 0 }, end] };
  }
  return { kind: 'target', points: [{ ...start, value: target.value }, end] };
}

/** Where the 序时线 stands at the end of a date: the target × 序时进度 (06-23: 190 × 174/365 = 90.6 days). */
export function paceAt(metric: Pick<Metric, 'target'>, date: string): number | undefined {
  const { target } = metric;
  if (target === undefined || target.period !== 'year') return undefined;
  return (target.value * elapsedShare(date).pct) / 100;
}

export interface TrendProjection {
  /** The year-end value on the observed trend. */
  value: number;
  /** As a share of the target, rounded to 0.1 like every share. */
  projectedPct: number;
  /**
   * `least-squares` over the year's approved points (two or more); `from-year-start` from 0 on 1 January
   * through a single point of a running total; `held` for a single point of an average (PM2.5), which has
   * no trend to follow yet.
   */
  method: 'least-squares' | 'from-year-start' | 'held';
  /** Points the trend rests on. */
  basedOn: number;
  perDay: number;
  /** From the first point used to the end of the year, for the chart. */
  line: [ChartPoint, ChartPoint];
}

function leastSquares(points: readonly HistoryPoint[]): { intercept: number; slope: number } {
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.day, 0) / n;
  const meanY = points.reduce((s, p) => s + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.day - meanX) * (p.value - meanY);
    sxx += (p.day - meanX) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { intercept: meanY - slope * meanX, slope };
}

/**
 * The year-end projection from the observed trend of the latest point's year. None when the metric says
 * `projection: false` (deliveries in batches) or has no yearly target.
 */
export function trendProjection(metric: TrackedMetric, observations: readonly Observation[]): TrendProjection | null {
  const { target } = metric;
  if (metric.projection === false || target === undefined || target.period !== 'year') return null;
  const { latest } = latestAndPrevious(metric, observations);
  if (latest === undefined) return null;
  const year = yearOf(latest.asOf);
  const points = approvedHistory(metric, observations).filter((p) => yearOf(p.asOf) === year && p.asOf <= latest.asOf);
  const { daysInYear } = elapsedShare(lastOfYear(year));
  const first = points[0] ?? latest;

  let intercept: number;
  let slope: number;
  let method: TrendProjection['method'];
  if (points.length >= 2) {
    ({ intercept, slope } = leastSquares(points));
    method = 'least-squares';
  } else if (metric.direction === 'lower') {
    intercept = latest.value;
    slope = 0;
    method = 'held';
  } else {
    intercept = 0;
    slope = latest.value / latest.day;
    method = 'from-year-start';
  }
  const startDay = method === 'from-year-start' ? 0 : first.day;
  // A count of days ends the year at most at the days in the year, a percentage at 100: the line
  // follows the trend until it meets that ceiling and stops there.
  const ceiling = projectionCeiling(metric.unit, daysInYear);
  const unbounded = intercept + slope * daysInYear;
  const capped = ceiling !== undefined && unbounded > ceiling;
  const value = capped ? ceiling : unbounded;
  const endDay = capped && slope > 0 ? Math.max(startDay, Math.min(daysInYear, (ceiling - intercept) / slope)) : daysInYear;
  return {
    value,
    projectedPct: target.value === 0 ? 0 : Math.round((value / target.value) * 1000) / 10,
    method,
    basedOn: points.length,
    perDay: slope,
    line: [
      {
        day: startDay,
        date: startDay === 0 ? firstOfYear(year) : first.asOf,
        value: intercept + slope * startDay,
      },
      { day: endDay, date: endDay === daysInYear ? lastOfYear(year) : addDays(firstOfYear(year), Math.ceil(endDay) - 1), value },
    ],
  };
}

export interface MetricHistory {
  points: HistoryPoint[];
  latest?: HistoryPoint;
  previous?: HistoryPoint;
  delta?: Delta;
  /** The analysis of the latest approved figure, its projection taken from the observed trend. */
  progress?: MetricProgress;
  guide: Guide | null;
  projection: TrendProjection | null;
}

/** Everything the domain page's history chart and list, and the 较上次 deltas, need for one metric. */
export function metricHistory(metric: TrackedMetric, observations: readonly Observation[], year: number): MetricHistory {
  const points = approvedHistory(metric, observations);
  const { latest, previous, delta } = latestAndPrevious(metric, observations);
  const projection = trendProjection(metric, observations);
  const out: MetricHistory = { points, guide: paceGuide(metric, year), projection };
  if (latest !== undefined) {
    out.latest = latest;
    const analysed = analyseMetric(metricAsOf(metric, latest));
    const { projection: _fromYearStart, ...rest } = analysed;
    out.progress =
      projection === null ? rest : { ...rest, projection: { value: projection.value, projectedPct: projection.projectedPct } };
  }
  if (previous !== undefined) out.previous = previous;
  if (delta !== undefined) out.delta = delta;
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Status at a moment, and what changed since the last meeting

/** The observation that was the metric's current one at an instant: the last approved by then. */
export function currentAt(
  metric: Pick<Metric, 'unit'>,
  observations: readonly Observation[],
  instant: number,
): HistoryPoint | undefined {
  let best: { o: Observation; since: number } | undefined;
  for (const o of observations) {
    if (!isLive(o)) continue;
    const since = liveSince(o);
    if (since <= instant && (best === undefined || since >= best.since)) best = { o, since };
  }
  if (best === undefined) return undefined;
  const value = inMetricUnit(best.o, metric.unit);
  return value === undefined
    ? undefined
    : { observation: best.o, value, asOf: best.o.asOf, day: elapsedShare(best.o.asOf).elapsedDays };
}

export function statusAt(metric: Metric, observations: readonly Observation[], instant: number): Status | undefined {
  const point = currentAt(metric, observations, instant);
  return point === undefined ? undefined : analyseMetric(metricAsOf(metric, point)).status;
}

/** The metric's status at two moments, when it differs (滞后 → 正常); undefined when it held or was unknown. */
export function statusChange(
  metric: Metric,
  observations: readonly Observation[],
  from: number,
  to: number,
): { from: Status; to: Status } | undefined {
  const was = statusAt(metric, observations, from);
  const is = statusAt(metric, observations, to);
  return was === undefined || is === undefined || was === is ? undefined : { from: was, to: is };
}

/** The start of the day after a date, in the district: "since the meeting of 06-26" leaves out what it saw. */
export function afterDay(date: string): number {
  return instantAt(addDays(date, 1), '00:00');
}

export interface DomainRecord {
  domain: Domain;
  /** Every observation of the domain's metrics, any state. */
  observations: readonly Observation[];
  /** The domain's updates, any state. */
  updates: readonly Update[];
}

export interface ChangesInput {
  reportId: string;
  /** In report order: the answer keeps it. */
  domains: readonly DomainRecord[];
  /** The previous meeting's date: what was approved after the end of that day is new. */
  since: string;
  /** The server's clock. */
  now: number;
  /** The plan's year, for 逾期未报. */
  year: number;
  settings?: CycleSettings;
}

function summary(o: Observation): ObservationSummary {
  return { id: o.id, value: o.value, unit: o.unit, qualifier: o.qualifier, asOf: o.asOf };
}

/**
 * What changed between the end of `since` and `now`: per metric the figure now against the one the last
 * meeting saw, with its delta; the status changes that follow (滞后 → 正常); milestone state changes
 * approved in between; domains with no update since; and domains 逾期未报 now.
 */
export function changesSince(input: ChangesInput): Changes {
  const from = afterDay(input.since);
  const settings = input.settings ?? DEFAULT_CYCLE_SETTINGS;
  const out: Changes = {
    reportId: input.reportId,
    since: input.since,
    until: localDateOf(input.now),
    observations: [],
    statusChanges: [],
    milestones: [],
    notReported: [],
    overdue: [],
  };

  for (const { domain, observations, updates } of input.domains) {
    for (const metric of domain.metrics) {
      const own = observations.filter((o) => o.metricId === metric.id);
      const now = currentAt(metric, own, input.now);
      const before = currentAt(metric, own, from - 1);
      if (now === undefined || now.observation.id === before?.observation.id || liveSince(now.observation) < from) {
        continue;
      }
      out.observations.push({
        domainId: domain.id,
        metricId: metric.id,
        observation: now.observation,
        previous: before === undefined ? null : summary(before.observation),
        delta: before === undefined ? null : deltaBetween(now, before, metric.unit),
      });
      if (before !== undefined) {
        const was = analyseMetric(metricAsOf(metric, before)).status;
        const is = analyseMetric(metricAsOf(metric, now)).status;
        if (was !== is) out.statusChanges.push({ domainId: domain.id, metricId: metric.id, from: was, to: is });
      }
    }

    const approvedInWindow = updates
      .filter((u) => u.state === 'approved' && u.review !== undefined)
      .filter((u) => {
        const at = instantOf(u.review?.at ?? '');
        return at >= from && at <= input.now;
      })
      .sort((a, b) => instantOf(a.review?.at ?? '') - instantOf(b.review?.at ?? ''));
    for (const update of approvedInWindow) {
      for (const m of update.milestones) {
        if (m.state === m.previousState) continue;
        out.milestones.push({
          domainId: domain.id,
          milestoneId: m.milestoneId,
          from: m.previousState,
          to: m.state,
          at: update.review?.at ?? update.submittedAt,
          updateId: update.id,
        });
      }
    }

    const stamps: UpdateStamp[] = updates.map((u) => ({ state: u.state, submittedAt: u.submittedAt }));
    const reported = stamps.some((s) => {
      if (s.state === 'returned') return false;
      const at = instantOf(s.submittedAt);
      return at >= from && at <= input.now;
    });
    if (!reported) out.notReported.push(domain.id);
    if (reportingState(stamps, input.now, input.year, settings).overdue) out.overdue.push(domain.id);
  }
  return out;
}
