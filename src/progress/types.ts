import type { Metric } from '../api/schemas';

/** In urgency order; see `STATUSES`. */
export type Status = 'far-behind' | 'behind' | 'on-track' | 'ahead' | 'complete' | 'in-progress' | 'no-target';

export interface ElapsedShare {
  /** Days from 1 January through the date, inclusive. */
  elapsedDays: number;
  daysInYear: number;
  /** Days after the date until 31 December. */
  remainingDays: number;
  /** elapsedDays / daysInYear × 100, unrounded. */
  pct: number;
}

/** A target as it may be said: no more precise than its source (see target-reading.ts). */
export interface TargetReading {
  /** The target at its precision: a derived one rounded (287.5 from "8%" → 290), else as given. */
  value: number;
  /** Said with 约: an approximate size ("约188万平方米"), or derived from a rounded share. */
  approximate: boolean;
  /** Derived targets: the decimals the share leaves certain (−1: tens, 0: units, 1: tenths). */
  digits?: number;
  /** Derived targets: what the share's rounding allows, outward to `digits` (8% → 270 to 310). */
  range?: { low: number; high: number };
  /** Derived targets: the share they come from, as printed (8). */
  fromPct?: number;
}

/** What is left to do for a higher-is-better yearly target, against what was done so far. */
export interface RequiredRate {
  /** target − value, in the metric's unit; from a derived target, at its precision (约270, not 264.5). */
  remaining: number;
  /** Say `remaining` with 约: it follows from an approximate or derived target. */
  approximate: boolean;
  remainingDays: number;
  perDay: number;
  /** Per average month (daysInYear / 12 days). */
  perMonth: number;
  achievedPerDay: number;
  achievedPerMonth: number;
  /** Day-count metrics only: remaining / remainingDays × 100 (124 of 191 days → 64.9). */
  requiredSharePct?: number;
  /** Day-count metrics only: value / elapsedDays × 100 (66 of 174 days → 37.9). */
  achievedSharePct?: number;
}

export interface Projection {
  /** The year-end value if the pace so far holds. */
  value: number;
  /** That value as a share of the target. */
  projectedPct: number;
}

export interface MetricProgress {
  metric: Metric;
  status: Status;
  /** The target as it may be said; absent without a target. */
  target?: TargetReading;
  /**
   * Whether the year's pace can be extended in a straight line (`metric.projection !== false`): not
   * for deliveries in batches, which get no projection, no monthly rates, and their pipeline instead.
   */
  straightLine: boolean;
  /** The later stages of the same work (`metric.pipeline`), resolved within the domain, nearest first. */
  pipeline?: Metric[];
  /** Share of the period elapsed at `metric.asOf`; always there, used or not. */
  elapsed: ElapsedShare;
  /** The reported share where stated (kept as printed: 83.36), else value / target rounded to 0.1. */
  completionPct?: number;
  /** Whether completionPct is the report's own (print it as is) or computed (print one decimal). */
  completionSource?: 'reported' | 'computed';
  /** A computed share of an approximate target: whole percent, said with 约 ("约29%"). */
  completionApproximate?: boolean;
  /** 序时进度, rounded to 0.1; only where pace applies (a yearly higher-is-better target). */
  elapsedPct?: number;
  /** completionPct − elapsedPct, rounded to 0.1, in percentage points. */
  gapPts?: number;
  /** Lower-is-better: (value − target) / target × 100, rounded to 0.1; negative when under target. */
  excessPct?: number;
  /**
   * Lower-is-better: value − target in the metric's unit, as the report frames it ("比目标值(63)高
   * 21微克/立方米"): the report's own `statedGap` where printed, signed here; negative when under target.
   */
  excess?: number;
  /** Lower-is-better yearly average: what the rest of the year must average to end at the target. */
  requiredAverage?: number;
  requiredRate?: RequiredRate;
  projection?: Projection;
  talkingPoint: string;
}

export type StatusCounts = Record<Status, number>;
