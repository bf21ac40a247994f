import type { Direction, Target } from '../api/schemas';
import { DAY_UNIT, elapsedShare } from '../progress';
import { checkAsOf, daysBetween, isCalendarDate, readAsOf } from './dates';
import { decimalFromNumber, decimalToNumber, exactDifference } from './decimal';
import { checkMagnitude, readFigure, type TypedFigure } from './read-figure';
import { TRACKING_RULES } from './rules';
import { convertExact } from './units';
import { fieldName, type Refusal, type Warning } from './verdict';

// Bounds on a new figure of a metric. Impossible values are refused (the form blocks them, the server
// answers 422); odd but possible ones are questioned (the form asks the person to confirm, the server
// accepts, as DESIGN.md says: "the server refuses only what is impossible").

export interface MetricForChecks {
  label?: string;
  unit: string;
  direction: Direction;
  target?: Pick<Target, 'value' | 'period'>;
  /**
   * A year-to-date total that should not go down. Unset, it is inferred: higher-is-better metrics that
   * are not levels (rates, concentrations: TRACKING_RULES.levelUnits) are totals; neutral counts are
   * stocks (施工工地 278个 may fall) and lower-is-better ones are averages.
   */
  cumulative?: boolean;
}

/** The metric's latest approved observation, in the metric's unit. */
export interface LastApproved {
  value: number;
  asOf: string;
}

export function isCumulative(metric: MetricForChecks): boolean {
  return metric.cumulative ?? (metric.direction === 'higher' && !TRACKING_RULES.levelUnits.includes(metric.unit));
}

function shown(value: number, unit: string): string {
  return `${String(value)}${unit}`;
}

/**
 * What no figure of this metric can be: not finite, beyond a double's exact digits, negative, over 100%,
 * or more days than the year (or than the days gone by the as-of date) for a count of days.
 */
export function checkImpossible(
  value: number,
  asOf: string | undefined,
  metric: MetricForChecks,
  field = 'value',
): Refusal | undefined {
  const name = fieldName(metric.label, '数值');
  if (!Number.isFinite(value)) return { field, code: 'not-a-number', message: `${name}不是有效数字` };
  const beyond = checkMagnitude(decimalFromNumber(value), { unit: metric.unit, field, label: metric.label });
  if (beyond !== undefined) return beyond;
  if (value < 0) return { field, code: 'negative', message: `${name}不能为负数（${shown(value, metric.unit)}）` };
  if (metric.unit === '%' && value > TRACKING_RULES.maxPercent) {
    return { field, code: 'over-100-percent', message: `${name}${value}%超过了${TRACKING_RULES.maxPercent}%` };
  }
  if (metric.unit === DAY_UNIT && asOf !== undefined && isCalendarDate(asOf)) {
    const { daysInYear, elapsedDays } = elapsedShare(asOf);
    if (value > daysInYear) {
      return { field, code: 'more-days-than-year', message: `${name}${value}天超过了全年的${daysInYear}天` };
    }
    if (value > elapsedDays) {
      return {
        field,
        code: 'more-days-than-elapsed',
        message: `${name}${value}天超过了截至${asOf}已过去的${elapsedDays}天`,
      };
    }
  }
  return undefined;
}

/**
 * What is odd about a new figure against the last approved one: a total that went down, a figure that
 * moved by more than TRACKING_RULES.jumpFactor, a gain far beyond the pace (TRACKING_RULES.paceFactor),
 * more days gained than days passed, or an as-of date before the last one.
 */
export function checkOdd(
  value: number,
  asOf: string,
  metric: MetricForChecks,
  last: LastApproved | undefined,
  field = 'value',
): Warning[] {
  if (last === undefined || !isCalendarDate(asOf) || !isCalendarDate(last.asOf)) return [];
  const name = fieldName(metric.label, '新值');
  const lastShown = `上次（${last.asOf}）${shown(last.value, metric.unit)}`;
  const warnings: Warning[] = [];
  const days = daysBetween(last.asOf, asOf);
  const cumulative = isCumulative(metric);
  const change = exactDifference(value, last.value);

  if (days < 0) {
    warnings.push({
      field: field.replace(/value$/, 'asOf'),
      code: 'older-than-last',
      message: `${fieldName(metric.label, '截至日期')}${asOf}早于${lastShown}的截至日期，新值会替换较新的数据，请确认`,
    });
  }
  const wentDown = cumulative && change < 0;
  if (wentDown) {
    warnings.push({
      field,
      code: 'went-down',
      message: `${name}${shown(value, metric.unit)}比${lastShown}减少了${shown(-change, metric.unit)}；累计数一般不会减少，请确认`,
    });
  }
  const ratio = last.value > 0 && value > 0 ? value / last.value : undefined;
  const jumpedUp = ratio !== undefined && ratio > TRACKING_RULES.jumpFactor;
  if (jumpedUp || (ratio !== undefined && !wentDown && ratio < 1 / TRACKING_RULES.jumpFactor)) {
    warnings.push({
      field,
      code: 'jump',
      message: `${name}${shown(value, metric.unit)}是${lastShown}的${formatRatio(ratio ?? 0)}倍，请核对单位和位数`,
    });
  }
  if (cumulative && days > 0 && change > 0) {
    if (metric.unit === DAY_UNIT && change > days) {
      warnings.push({
        field,
        code: 'more-days-than-passed',
        message: `${name}比${lastShown}多${change}天，但两次之间只过去了${days}天，请确认`,
      });
    } else if (!jumpedUp && metric.target?.period === 'year') {
      const { daysInYear, elapsedDays } = elapsedShare(last.asOf);
      const pacePerDay = Math.max(metric.target.value / daysInYear, last.value / elapsedDays);
      if (change / days > TRACKING_RULES.paceFactor * pacePerDay) {
        warnings.push({
          field,
          code: 'fast-pace',
          message: `${name}${days}天内增加了${shown(change, metric.unit)}，超过此前进度的${TRACKING_RULES.paceFactor}倍，请确认`,
        });
      }
    }
  }
  return warnings;
}

function formatRatio(ratio: number): string {
  return ratio >= 1 ? String(Math.round(ratio * 10) / 10) : String(Math.round(ratio * 100) / 100);
}

// ---------------------------------------------------------------------------------------------------
// A row of the 填报 table, and an observation of a submitted body

export interface RowContext {
  /** The server's date. */
  today: string;
  /** The plan's year. */
  year: number;
  /** Prefix of the fields the refusals name: "observations[3]" makes "observations[3].value". */
  path?: string;
}

function pathOf(context: RowContext, field: string): string {
  return context.path === undefined ? field : `${context.path}.${field}`;
}

export interface CheckedRow {
  figure?: TypedFigure;
  asOf?: string;
  /** Any refusal blocks sending. */
  refusals: Refusal[];
  /** Each needs the person's confirmation before sending. */
  warnings: Warning[];
}

/** A row as typed in the form: the value and as-of date read, refused where impossible, questioned where odd. */
export function checkTypedRow(
  typed: { value: string; asOf: string },
  metric: MetricForChecks,
  last: LastApproved | undefined,
  context: RowContext,
): CheckedRow {
  const refusals: Refusal[] = [];
  const valueField = pathOf(context, 'value');
  const asOfField = pathOf(context, 'asOf');
  const read = readFigure(typed.value, { unit: metric.unit, field: valueField, label: metric.label });
  const date = readAsOf(typed.asOf, { ...context, field: asOfField, label: metric.label });
  const out: CheckedRow = { refusals, warnings: [] };
  if (date.ok) out.asOf = date.value;
  else refusals.push(date.refusal);
  if (!read.ok) {
    refusals.push(read.refusal);
    return out;
  }
  out.figure = read.value;
  const impossible = checkImpossible(read.value.value, out.asOf, metric, valueField);
  if (impossible !== undefined) refusals.push(impossible);
  else if (out.asOf !== undefined) out.warnings = checkOdd(read.value.value, out.asOf, metric, last, valueField);
  return out;
}

/**
 * An observation of a submitted update body (a JSON number, an optional unit), as the server checks it:
 * the unit converts exactly into the metric's, the figure is possible, the date is real, not in the
 * future and in the plan's year. Answers the value in the metric's unit, or every refusal (422).
 */
export function checkSubmittedObservation(
  input: { value: number; unit?: string | undefined; asOf: string },
  metric: MetricForChecks,
  context: RowContext,
): { ok: true; value: number; asOf: string } | { ok: false; refusals: Refusal[] } {
  const refusals: Refusal[] = [];
  const valueField = pathOf(context, 'value');
  const date = checkAsOf(input.asOf, { ...context, field: pathOf(context, 'asOf'), label: metric.label });
  if (!date.ok) refusals.push(date.refusal);
  let value: number | undefined;
  if (!Number.isFinite(input.value)) {
    refusals.push({ field: valueField, code: 'not-a-number', message: `${fieldName(metric.label, '数值')}不是有效数字` });
  } else {
    const unit = input.unit ?? metric.unit;
    const converted = convertExact(decimalFromNumber(input.value), unit, metric.unit);
    if (converted === undefined) {
      refusals.push({
        field: pathOf(context, 'unit'),
        code: 'unit',
        message: `${fieldName(metric.label, '单位')}「${unit}」不能精确换算为「${metric.unit}」`,
      });
    } else {
      value = decimalToNumber(converted);
      const impossible = checkImpossible(value, date.ok ? date.value : undefined, metric, valueField);
      if (impossible !== undefined) refusals.push(impossible);
    }
  }
  if (refusals.length > 0 || value === undefined || !date.ok) return { ok: false, refusals };
  return { ok: true, value, asOf: date.value };
}
