import { TRACKING_RULES } from './rules';
import { toHalfWidth } from './typed-text';
import { type Checked, fieldName, type Refusal } from './verdict';

// Calendar dates as ISO strings (YYYY-MM-DD) and instants as milliseconds since the epoch. Day arithmetic
// runs on UTC midnights, so whole days stay whole whatever the machine's time zone; the district's wall
// clock is a fixed offset (Asia/Shanghai is +08:00 all year), so no time-zone database is needed.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

function utcMidnight(iso: string): number | undefined {
  const m = ISO_DATE.exec(iso);
  if (m === null) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const time = Date.UTC(y, mo - 1, d);
  const back = new Date(time);
  // Date.UTC(…, 0) for years below 100 maps to 19xx; setUTCFullYear keeps the year as written.
  back.setUTCFullYear(y);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d
    ? back.getTime()
    : undefined;
}

/** 2017-02-28 yes, 2017-02-30 no, 2017-2-28 no (the API's form is exact). */
export function isCalendarDate(text: string): boolean {
  return utcMidnight(text) !== undefined;
}

function midnightOf(iso: string): number {
  const t = utcMidnight(iso);
  if (t === undefined) throw new RangeError(`not a calendar date: ${iso}`);
  return t;
}

function isoOfUtc(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function yearOf(iso: string): number {
  return new Date(midnightOf(iso)).getUTCFullYear();
}

export function addDays(iso: string, days: number): string {
  return isoOfUtc(midnightOf(iso) + days * MS_PER_DAY);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((midnightOf(to) - midnightOf(from)) / MS_PER_DAY);
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoWeekday(iso: string): number {
  const day = new Date(midnightOf(iso)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function firstOfYear(year: number): string {
  return `${String(year).padStart(4, '0')}-01-01`;
}

export function lastOfYear(year: number): string {
  return `${String(year).padStart(4, '0')}-12-31`;
}

/** The district's calendar date at an instant: 2017-07-02T16:30Z is already 2017-07-03 in Zhengzhou. */
export function localDateOf(instant: number, offsetMinutes: number = TRACKING_RULES.utcOffsetMinutes): string {
  return isoOfUtc(instant + offsetMinutes * MS_PER_MINUTE);
}

/** The instant of a wall-clock time on a date in the district: 2017-07-03 12:00 → 2017-07-03T04:00Z. */
export function instantAt(date: string, time: string, offsetMinutes: number = TRACKING_RULES.utcOffsetMinutes): number {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  const hours = Number(m?.[1]);
  const minutes = Number(m?.[2]);
  if (m === null || hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) {
    throw new RangeError(`not a time of day: ${time}`);
  }
  return midnightOf(date) + (hours * 60 + minutes - offsetMinutes) * MS_PER_MINUTE;
}

/** An ISO timestamp as the API writes it (submittedAt, enteredAt), or a date (its start in the district). */
export function instantOf(text: string, offsetMinutes: number = TRACKING_RULES.utcOffsetMinutes): number {
  if (ISO_DATE.test(text)) return instantAt(text, '00:00', offsetMinutes);
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw new RangeError(`not a timestamp: ${text}`);
  return time;
}

// ---------------------------------------------------------------------------------------------------
// What people type

const TYPED_DATE = [
  // 2017-06-30, 2017/6/30, 2017.6.30
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  // 2017年6月30日
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
];
const TYPED_DATE_NO_YEAR = [/^(\d{1,2})月(\d{1,2})日?$/, /^(\d{1,2})[/.-](\d{1,2})$/];

export interface DateContext {
  /** The server's date (JINDU_TODAY pins it): nothing is reported for a day that has not come. */
  today: string;
  /** The plan's year: a figure dated outside it belongs to another plan. */
  year: number;
  /** The path the refusal names ("asOf", "observations[0].asOf"). */
  field?: string;
  /** The metric's label, to name the field for people ("优良天数的截至日期"). */
  label?: string;
}

function refuse(context: DateContext, code: string, message: string): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { field: context.field ?? 'asOf', code, message } };
}

/**
 * An as-of date as a person typed it (2017-06-30, 2017/6/30, 2017年6月30日, or 6月30日 in the plan's
 * year, full-width digits too), checked: a real date, not after today, inside the plan's year.
 */
export function readAsOf(text: string, context: DateContext): Checked<string> {
  const name = fieldName(context.label, '截至日期');
  const typed = toHalfWidth(text).replace(/\s+/g, '');
  if (typed === '') return refuse(context, 'empty', `${name}未填写`);
  let parts: [number, number, number] | undefined;
  for (const pattern of TYPED_DATE) {
    const m = pattern.exec(typed);
    if (m !== null) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  for (const pattern of TYPED_DATE_NO_YEAR) {
    const m = pattern.exec(typed);
    if (m !== null) parts = [context.year, Number(m[1]), Number(m[2])];
  }
  if (parts === undefined) {
    return refuse(context, 'format', `${name}「${text.trim()}」不是日期，请写成 ${context.year}-06-30 或 6月30日`);
  }
  const [y, mo, d] = parts;
  const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return checkAsOf(iso, context);
}

/** The API's as-of date (YYYY-MM-DD), checked as the server checks it: real, not future, in the plan's year. */
export function checkAsOf(iso: string, context: DateContext): Checked<string> {
  const name = fieldName(context.label, '截至日期');
  if (!ISO_DATE.test(iso)) return refuse(context, 'format', `${name}「${iso}」不是 YYYY-MM-DD 格式的日期`);
  if (!isCalendarDate(iso)) return refuse(context, 'not-a-date', `${name}${iso}不是真实存在的日期`);
  if (iso > context.today) {
    return refuse(context, 'future', `${name}${iso}晚于今天（${context.today}），不能填报尚未到来的日期`);
  }
  if (yearOf(iso) !== context.year) {
    return refuse(context, 'outside-year', `${name}${iso}不在计划年度（${context.year}年）之内`);
  }
  return { ok: true, value: iso };
}
