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

/** What is left to do for a higher-is-better yearly target, against what was done so far. */
export interface RequiredRate {
  /** target − value, in the metric's unit. */
  remaining: number;
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
  /** Share of the period elapsed at `metric.asOf`; always there, used or not. */
  elapsed: ElapsedShare;
  /** The reported share where stated (kept as printed: 83.36), else value / target rounded to 0.1. */
  completionPct?: number;
  /** Whether completionPct is the report's own (print it as is) or computed (print one decimal). */
  completionSource?: 'reported' | 'computed';
  /** 序时进度, rounded to 0.1; only where pace applies (a yearly higher-is-better target). */
  elapsedPct?: number;
  /** completionPct − elapsedPct, rounded to 0.1, in percentage points. */
  gapPts?: number;
  /** Lower-is-better: (value − target) / target × 100, rounded to 0.1; negative when under target. */
  excessPct?: number;
  /** Lower-is-better yearly average: what the rest of the year must average to end at the target. */
  requiredAverage?: number;
  requiredRate?: RequiredRate;
  projection?: Projection;
  talkingPoint: string;
}

export type StatusCounts = Record<Status, number>;
