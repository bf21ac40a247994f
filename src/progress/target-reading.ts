import type { Metric } from '../api/schemas';
import { roundTo } from '../format';
import type { TargetReading } from './types';

// A target as precise as its source, and no more. A derived target comes from a share the report
// rounded ("约23万㎡回迁,占全年总任务的8%"): 8% is anything from 7.5% to 8.5%, so the year's task is
// anything from 271 to 307万㎡, and "287.5万㎡" claims a precision the report never gave. It is said as
// "约290万㎡", and everything worked out from it (what is left to do) at the same precision.

function decimalsOf(value: number): number {
  return (String(value).split('.')[1] ?? '').length;
}

/** Rounds to a power of ten: digits 1 → tenths, 0 → units, −1 → tens; integer arithmetic for tens. */
export function roundToDigits(value: number, digits: number, mode: 'nearest' | 'down' | 'up' = 'nearest'): number {
  const round = mode === 'down' ? Math.floor : mode === 'up' ? Math.ceil : Math.round;
  if (digits >= 0) {
    if (mode === 'nearest') return roundTo(value, digits);
    const factor = 10 ** digits;
    // The nudge keeps 193.4 × 10 = 1933.9999… from flooring to 193.3.
    return round(value * factor * (1 + (mode === 'down' ? Number.EPSILON : -Number.EPSILON))) / factor;
  }
  const unit = 10 ** -digits;
  return round(value / unit) * unit;
}

/**
 * How `metric.target` may be said. A derived target is rounded to the digit its share's rounding
 * leaves certain (the power of ten at or under half the spread), with that spread as a range; an
 * approximate target keeps its value and is marked approximate; a stated one is exact.
 */
export function readTarget(metric: Metric): TargetReading | undefined {
  const { target } = metric;
  if (target === undefined) return undefined;
  if (target.basis === 'stated') return { value: target.value, approximate: false };
  if (target.basis === 'approximate') return { value: target.value, approximate: true };
  const pct = metric.reportedProgressPct;
  const half = pct === undefined ? 0 : 0.5 * 10 ** -decimalsOf(pct);
  if (pct === undefined || pct - half <= 0 || metric.value <= 0) return { value: target.value, approximate: true };
  const low = metric.value / ((pct + half) / 100);
  const high = metric.value / ((pct - half) / 100);
  // `0 -`, not unary minus: a −0 would print and compare (Object.is) differently from 0.
  const digits = 0 - Math.floor(Math.log10((high - low) / 2));
  return {
    value: roundToDigits(target.value, digits),
    approximate: true,
    digits,
    range: { low: roundToDigits(low, digits, 'down'), high: roundToDigits(high, digits, 'up') },
    fromPct: pct,
  };
}
