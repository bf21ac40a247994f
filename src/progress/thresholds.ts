// Every number that decides a status or a shape lives here, so a policy change is one edit and the
// tests that pin the boundaries point at one place.

export const THRESHOLDS = {
  /** Completion (%) at or above which a target is met. */
  completePct: 100,
  /** Gap to 序时进度 (percentage points) at or above which a metric is ahead. */
  aheadGapPts: 5,
  /** Gap at or below which a metric is behind: −5 is behind, −4.9 on track. */
  behindGapPts: -5,
  /** Gap at or below which a metric is far behind. */
  farBehindGapPts: -15,
  /**
   * Lower-is-better averages (PM2.5) are behind with every excess over the target; an excess of this share
   * of the target (%) or more is far behind. 15% mirrors the 15-point band of the pace rule: an
   * average 15% over its ceiling needs roughly that much improvement for the rest of the year.
   */
  lowerFarBehindExcessPct: 15,
  /** Shares and gaps are compared at the precision they are shown with, so status and text agree. */
  pctDecimals: 1,
  /** A share of an approximate target ("约188万平方米") is no more precise than whole percent: "约29%". */
  approximatePctDecimals: 0,
  /** How many gauges a domain panel shows. */
  headlineCount: 3,
  /** A lower-is-better track runs from 0 to this multiple of max(value, target), leaving room past the target. */
  lowerTrackHeadroom: 1.25,
} as const;

/** Metrics counted in days (good-air days) also get their rates as a share of days. */
export const DAY_UNIT = '天';

/** A share in percent: a metric in it cannot end the year above 100. */
export const PERCENT_UNIT = '%';

/**
 * The most a year-end projection of a metric in this unit can be: a count of days never more than the
 * days in the year (优良天数 on a steep trend would otherwise "reach" 448 of 365), a percentage never
 * more than 100. Other units have no natural ceiling: undefined.
 */
export function projectionCeiling(unit: string, daysInYear: number): number | undefined {
  if (unit === DAY_UNIT) return daysInYear;
  if (unit === PERCENT_UNIT) return 100;
  return undefined;
}
