import type { Qualifier, Rank } from '../api/schemas';

// The one place the UI turns numbers into text. Figures from the report keep the precision they were
// printed with (a reader compares them with the paper); computed shares get one decimal.

/** U+2212: a hyphen-minus next to CJK text reads as a dash, and it is narrower than the digits. */
export const MINUS = '\u2212';

/** Enough to keep every printed decimal (272.4585) while hiding float noise such as 0.30000000000000004. */
const MAX_KEPT_FRACTION_DIGITS = 10;

export interface NumberFormatOptions {
  /** Exactly this many decimals, rounded; omitted: keep the decimals the value has. */
  fractionDigits?: number;
}

/**
 * The decimal digits of a non-negative double, as its shortest round-trip text has them: 1.005 is
 * "1" and "005", as a reader sees it, not 1.00499999999999989… Number formatting in ICU starts from
 * the same digits.
 */
function decimalDigits(value: number): { whole: string; fraction: string } {
  const text = String(value);
  const e = text.indexOf('e');
  if (e === -1) {
    const [whole = '0', fraction = ''] = text.split('.');
    return { whole, fraction };
  }
  // 1e+21 and 1e-7: move the point by the exponent.
  const [lead = '0', trail = ''] = text.slice(0, e).split('.');
  const digits = lead + trail;
  const point = lead.length + Number(text.slice(e + 1));
  if (point <= 0) return { whole: '0', fraction: '0'.repeat(-point) + digits };
  if (point >= digits.length) return { whole: digits + '0'.repeat(point - digits.length), fraction: '' };
  return { whole: digits.slice(0, point), fraction: digits.slice(point) };
}

/** Adds one to a string of decimal digits ("0999" → "1000"), however long. */
function incremented(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return `1${out.join('')}`;
}

/**
 * Between `min` and `max` decimals, rounded half away from zero, grouped in thousands: what
 * Intl.NumberFormat('zh-CN') prints, without it. Its first use loads the locale's data: one ~35 ms
 * task here, ~140 ms under a phone's 4× CPU throttle, while the overview was first drawn.
 */
function formatDecimal(abs: number, min: number, max: number): string {
  let { whole, fraction } = decimalDigits(abs);
  if (fraction.length > max) {
    const roundUp = fraction.charCodeAt(max) >= 53; // '5'
    const kept = whole + fraction.slice(0, max);
    const rounded = roundUp ? incremented(kept) : kept;
    whole = rounded.slice(0, rounded.length - max) || '0';
    fraction = rounded.slice(rounded.length - max);
  }
  fraction = fraction.replace(/0+$/, '').padEnd(min, '0');
  whole = whole.replace(/^0+(?=\d)/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === '' ? grouped : `${grouped}.${fraction}`;
}

/** Whether formatted digits read as zero ("0", "0.0", "0.00"): such a figure takes no sign. */
const readsAsZero = (text: string) => /^[0.,]*$/.test(text);

/** zh-CN grouping (25,445), the decimals given (2,684.185), and a true minus sign for negatives. */
export function formatNumber(value: number, opts: NumberFormatOptions = {}): string {
  if (!Number.isFinite(value)) return '–';
  const { fractionDigits } = opts;
  const text =
    fractionDigits === undefined
      ? formatDecimal(Math.abs(value), 0, MAX_KEPT_FRACTION_DIGITS)
      : formatDecimal(Math.abs(value), fractionDigits, fractionDigits);
  // Decide the sign on the rounded text, so that −0.04 at one decimal prints "0.0", not "−0.0".
  return value < 0 && !readsAsZero(text) ? `${MINUS}${text}` : text;
}

/** A computed share: one decimal and "%" ("34.7%"). */
export function formatPct(value: number): string {
  return `${formatNumber(value, { fractionDigits: 1 })}%`;
}

/** A share as the report printed it, keeping its decimals ("83.36%", "56%"). */
export function formatStatedPct(value: number): string {
  return `${formatNumber(value)}%`;
}

/** Percentage points, always signed so that a gap never reads as a level ("−13.0 个百分点"). */
export function formatPts(value: number): string {
  const text = formatNumber(value, { fractionDigits: 1 });
  const signed = text.startsWith(MINUS) || readsAsZero(text) ? text : `+${text}`;
  return `${signed} 个百分点`;
}

/**
 * A large raw number in the Chinese magnitudes a reader expects: 19360000000 元 → "193.6亿元".
 * Up to `maxFractionDigits` decimals (2), trailing zeros dropped.
 */
export function formatMagnitude(value: number, unit = '', maxFractionDigits = 2): string {
  const abs = Math.abs(value);
  const [scaled, magnitude] = abs >= 1e8 ? [value / 1e8, '亿'] : abs >= 1e4 ? [value / 1e4, '万'] : [value, ''];
  const rounded = roundTo(scaled, maxFractionDigits);
  return `${formatNumber(rounded)}${magnitude}${unit}`;
}

/** Rounds half away from zero, as a reader does by hand (−12.25 → −12.3, not −12.2). */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  const abs = Math.abs(value);
  // The EPSILON nudge rounds halves that binary floats store just below .5 (1.005) the reader's way.
  const rounded = Math.round(abs * factor * (1 + Number.EPSILON)) / factor;
  return value < 0 ? -rounded : rounded;
}

// ---------------------------------------------------------------------------------------------------
// Figures with qualifiers

/** Just what formatting a figure needs; a contract `Metric` fits. */
export interface FigureLike {
  value: number;
  unit: string;
  qualifier: Qualifier;
  /** The figure as printed, when known: lets 余/多 sit exactly where the report put it. */
  source?: { figure?: string };
}

/**
 * A figure split for display: the number large, the rest small. Concatenated in field order
 * (prefix, number, suffix, unit, postfix) the parts give `text`.
 */
export interface FigureParts {
  /** 近 / 约 / 突破, or "". */
  prefix: string;
  number: string;
  /** What follows the number before the unit: 余/多, or the magnitude with it ("万余" in "9万余人"). */
  suffix: string;
  unit: string;
  /** 以上, or "". */
  postfix: string;
  text: string;
}

export type MoreThanPlacement = 'after-number' | 'after-magnitude';

export interface FigureFormatOptions extends NumberFormatOptions {
  /** Overrides where 余 goes; otherwise taken from the printed figure, else the rule below. */
  moreThanPlacement?: MoreThanPlacement;
  /** 余 or 多; otherwise taken from the printed figure, else 余. */
  moreThanWord?: '余' | '多';
}

const MAGNITUDE_UNIT = /^([万亿])(.+)$/;

/**
 * Where 余 goes for a more-than figure whose unit starts with 万/亿 ("万人", "万平方米").
 *
 * The printed figure decides when we have it: the report writes both "10万余平方米" and
 * "20余万平方米", so no rule reproduces it exactly. Without it we follow the usual Chinese usage:
 * 余 follows a round number (one ending in 0: "20余万平方米", "8000余万元") and follows the magnitude
 * after any other number ("9万余人", "1.9万余名"), because "9余万" is not Chinese.
 */
function moreThanPlacement(fig: FigureLike, opts: FigureFormatOptions): MoreThanPlacement {
  if (opts.moreThanPlacement !== undefined) return opts.moreThanPlacement;
  const printed = fig.source?.figure;
  if (printed !== undefined) {
    if (/[万亿][余多]/.test(printed)) return 'after-magnitude';
    if (/[余多][万亿]/.test(printed)) return 'after-number';
  }
  const roundNumber = Number.isInteger(fig.value) && fig.value !== 0 && fig.value % 10 === 0;
  return roundNumber ? 'after-number' : 'after-magnitude';
}

function moreThanWord(fig: FigureLike, opts: FigureFormatOptions): '余' | '多' {
  if (opts.moreThanWord !== undefined) return opts.moreThanWord;
  const printed = fig.source?.figure;
  return printed !== undefined && printed.includes('多') && !printed.includes('余') ? '多' : '余';
}

export function formatFigureParts(fig: FigureLike, opts: FigureFormatOptions = {}): FigureParts {
  const number = formatNumber(fig.value, opts);
  let prefix = '';
  let suffix = '';
  let unit = fig.unit;
  let postfix = '';
  switch (fig.qualifier) {
    case 'exact':
      break;
    case 'nearly':
      prefix = '近';
      break;
    case 'about':
      prefix = '约';
      break;
    case 'passes':
      // "突破1000项": past the mark, not "1000余项" (more than it by some amount).
      prefix = '突破';
      break;
    case 'at-least':
      postfix = '以上';
      break;
    case 'more-than': {
      const word = moreThanWord(fig, opts);
      const split = MAGNITUDE_UNIT.exec(fig.unit);
      if (split?.[1] !== undefined && split[2] !== undefined && moreThanPlacement(fig, opts) === 'after-magnitude') {
        suffix = `${split[1]}${word}`;
        unit = split[2];
      } else {
        suffix = word;
      }
      break;
    }
  }
  return { prefix, number, suffix, unit, postfix, text: `${prefix}${number}${suffix}${unit}${postfix}` };
}

/** A figure as a Chinese reader expects it: "近55万平方米", "约175吨", "85%以上", "200余人", "突破1,000项". */
export function formatFigure(fig: FigureLike, opts: FigureFormatOptions = {}): string {
  return formatFigureParts(fig, opts).text;
}

// ---------------------------------------------------------------------------------------------------
// Ranks

/**
 * A rank as the report states it, ties and all: "市内六区第1", "全市9个站点中与郑纺机、岗李水库并列第1",
 * and with what it ranks where that is more than the metric: "完成投资、开工率市内六区第1".
 */
export function formatRank(rank: Rank): string {
  const position = formatNumber(rank.position);
  const tied = rank.tiedWith === undefined ? '' : `中与${rank.tiedWith.join('、')}并列`;
  return `${rank.subject ?? ''}${rank.scope}${tied}第${position}`;
}

// ---------------------------------------------------------------------------------------------------
// Dates and times

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateParts(iso: string): [number, number, number] {
  const m = ISO_DATE.exec(iso);
  if (m === null) throw new RangeError(`not an ISO date: ${iso}`);
  // Read from the string, not a Date: no time zone can shift the day.
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** "2017-06-23" → "2017年6月23日". */
export function formatDate(iso: string): string {
  const [y, m, d] = dateParts(iso);
  return `${y}年${m}月${d}日`;
}

/** "2017-06-23" → "6月23日". */
export function formatShortDate(iso: string): string {
  const [, m, d] = dateParts(iso);
  return `${m}月${d}日`;
}

/** Just what showing a figure's date needs; a contract `Metric` fits. */
export interface AsOfLike {
  asOf: string;
  asOfStated: boolean;
  asOfNote?: string;
}

/** What is said of a date the report does not state: "报告日期,未注明截至日期"; "" for a stated one. */
export function formatAssumedDateMark(fig: AsOfLike): string {
  return fig.asOfStated ? '' : `${fig.asOfNote === undefined ? '' : `${fig.asOfNote},`}未注明截至日期`;
}

function assumedMark(fig: AsOfLike): string {
  const mark = formatAssumedDateMark(fig);
  return mark === '' ? '' : `(${mark})`;
}

/** The date a figure holds for, marked where the report does not state it: "2017年6月27日(报告日期,未注明截至日期)". */
export function formatAsOf(fig: AsOfLike): string {
  return `${formatDate(fig.asOf)}${assumedMark(fig)}`;
}

/** The same, short: "6月23日", "6月27日(报告日期,未注明截至日期)". */
export function formatShortAsOf(fig: AsOfLike): string {
  return `${formatShortDate(fig.asOf)}${assumedMark(fig)}`;
}

/** Local wall-clock time "HH:MM": the clock on the wall display is read by people in the room. */
export function formatTime(date: Date): string {
  const hh = String(date.getHours()).padStart(2, '0');
  const mm = String(date.getMinutes()).padStart(2, '0');
  return `${hh}:${mm}`;
}
