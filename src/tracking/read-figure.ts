import * as z from 'zod/mini';
import { type Qualifier, qualifierSchema } from '../api/schemas';
import { type Decimal, decimalToNumber, decimalToString, parseDecimal, significantDigits } from './decimal';
import { TRACKING_RULES } from './rules';
import { toHalfWidth } from './typed-text';
import { BARE_MAGNITUDES, baseUnit, convertExact } from './units';
import { type Checked, fieldName, type Refusal } from './verdict';

// Reading a figure as a person types it into the 填报 table or pastes it from Excel: "６６", "1,234",
// "1 234", "１，２３４．５", "约23", "80%", "9万余", "94.3亿" against a metric in 万元. The answer is the
// figure in the metric's own unit, exact, with the qualifier typed with it; or a refusal saying what is
// wrong in words a department clerk understands.

/** Qualifier words written before the number. */
const LEADING_QUALIFIERS: readonly (readonly [string, string])[] = [
  ['大约', 'about'],
  ['约', 'about'],
  ['将近', 'nearly'],
  ['接近', 'nearly'],
  ['近', 'nearly'],
  ['超过', 'more-than'],
  ['逾', 'more-than'],
  ['突破', 'passes'],
];

/** Qualifier words written after the number, before or after the unit ("700余处", "20余万平方米", "85%以上"). */
const TRAILING_QUALIFIERS: readonly (readonly [string, string])[] = [
  ['以上', 'at-least'],
  ['左右', 'about'],
  ['余', 'more-than'],
  ['多', 'more-than'],
];

/** Bounds the contract cannot say ("以下", "以内"): refused rather than silently read as exact. */
const UNSUPPORTED_QUALIFIERS = ['以下', '以内', '不到', '不足'];

// Digits, with grouping (",", " ", "、") and one decimal point ("." or the IME's "。" between digits).
const NUMBER = /^([+-]?)(\d[\d, 、]*)(?:[.。](\d+))?/;
// Well-formed grouping: 1–3 digits, then groups of exactly three.
const GROUPED = /^\d{1,3}(?:([, 、])\d{3})?(?:\1\d{3})*$/;

export interface FigureContext {
  /** The metric's unit: the answer is in it. */
  unit: string;
  /** The path the refusal names ("value", "observations[3].value"). */
  field?: string;
  /** The metric's label, to name the field for people ("优良天数的新值"). */
  label?: string;
}

export interface TypedFigure {
  /** In the metric's unit, the closest double to the exact decimal. */
  value: number;
  /** The exact decimal in the metric's unit ("0.943" for 9430万元 against 亿元). */
  decimal: string;
  /** Present when a qualifier word was typed with the number. */
  qualifier?: Qualifier;
  /** The unit as typed, when one was and it differs from the metric's ("亿" → converted). */
  typedUnit?: string;
}

function refusal(context: FigureContext, code: string, message: string): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { field: context.field ?? 'value', code, message } };
}

/** The contract's qualifier for a word, when the contract has it (突破 → passes arrives with issue 12). */
function contractQualifier(name: string): Qualifier | undefined {
  const parsed = z.safeParse(qualifierSchema, name);
  return parsed.success ? parsed.data : undefined;
}

function takeLeading(text: string): { rest: string; word?: string; qualifier?: string } {
  for (const [word, qualifier] of LEADING_QUALIFIERS) {
    if (text.startsWith(word)) return { rest: text.slice(word.length).trim(), word, qualifier };
  }
  return { rest: text };
}

/** Every trailing qualifier word in the text after the number, with the text left once they are out. */
function takeTrailing(text: string): { unit: string; found: (readonly [string, string])[] } {
  let unit = text;
  const found: (readonly [string, string])[] = [];
  for (const entry of TRAILING_QUALIFIERS) {
    const at = unit.indexOf(entry[0]);
    if (at >= 0) {
      found.push(entry);
      unit = unit.slice(0, at) + unit.slice(at + entry[0].length);
    }
  }
  return { unit: unit.trim(), found };
}

/** Checks that hold for any figure in a unit, typed or sent as a JSON number. */
export function checkMagnitude(d: Decimal, context: FigureContext): Refusal | undefined {
  const name = fieldName(context.label, '数值');
  const field = context.field ?? 'value';
  if (significantDigits(d) > TRACKING_RULES.maxSignificantDigits) {
    return {
      field,
      code: 'too-precise',
      message: `${name}有效数字超过${TRACKING_RULES.maxSignificantDigits}位，无法精确保存，请核对`,
    };
  }
  if (Math.abs(decimalToNumber(d)) >= TRACKING_RULES.maxMagnitude) {
    return { field, code: 'too-large', message: `${name}过大（不少于10的15次方），请核对单位和位数` };
  }
  return undefined;
}

/**
 * A figure as typed, in the metric's unit. Refuses what cannot be read, a unit that does not convert
 * exactly, a qualifier the contract cannot carry, and a figure beyond what a double holds exactly.
 * Bounds that depend on the metric (negative, over 100%, more days than the year) are `checkImpossible`.
 */
export function readFigure(text: string, context: FigureContext): Checked<TypedFigure> {
  const name = fieldName(context.label, '数值');
  const typed = toHalfWidth(text);
  if (typed === '') return refusal(context, 'empty', `${name}未填写`);
  if (/^(?:nan|[+-]?infinity|[+-]?inf)$/i.test(typed)) {
    return refusal(context, 'not-a-number', `${name}「${typed}」不是数字`);
  }

  const unsupportedQualifier = (word: string) =>
    refusal(context, 'qualifier', `${name}不能表示“${word}”，请填写确数或约数（约、近、余、以上）`);
  const badGrouping = () =>
    refusal(context, 'grouping', `${name}「${text.trim()}」的分隔符位置不对：千位分隔应每三位一组（1,234），小数点用“.”`);

  const unsupportedLead = UNSUPPORTED_QUALIFIERS.find((word) => typed.startsWith(word));
  if (unsupportedLead !== undefined) return unsupportedQualifier(unsupportedLead);
  // A currency sign before the number ("¥94.3亿") says the figure is in 元.
  const yuanSign = /^[¥￥]/.test(typed);
  const leading = takeLeading(yuanSign ? typed.slice(1).trim() : typed);
  const m = NUMBER.exec(leading.rest);
  if (m === null) return refusal(context, 'not-a-number', `${name}「${text.trim()}」不是数字`);
  const [matched, sign = '', rawWhole = '', fraction] = m;
  // Trailing spaces belong to the gap before the unit ("1 234 亿元"), not to the grouping.
  const whole = rawWhole.replace(/[ 、,]+$/, '');
  if (/[, 、]/.test(whole) && !GROUPED.test(whole)) return badGrouping();
  const digits = whole.replace(/[, 、]/g, '');
  const number = parseDecimal(`${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}`);
  if (number === undefined) return refusal(context, 'not-a-number', `${name}「${text.trim()}」不是数字`);

  if (fraction !== undefined && whole !== rawWhole) return badGrouping();
  const end = fraction === undefined ? sign.length + whole.length : matched.length;
  const after = leading.rest.slice(end).replace(/\s+/g, '');
  if (/^[.,。、]\d/.test(after)) return badGrouping();
  if (/\d/.test(after)) {
    return refusal(context, 'not-a-number', `${name}「${text.trim()}」无法识别为一个数值，请只填一个数`);
  }
  const unsupported = UNSUPPORTED_QUALIFIERS.find((word) => after.includes(word));
  if (unsupported !== undefined) return unsupportedQualifier(unsupported);
  const trailing = takeTrailing(after);
  const words = [...(leading.word === undefined ? [] : [leading.word]), ...trailing.found.map(([word]) => word)];
  if (words.length > 1) {
    return refusal(context, 'qualifier', `${name}同时写了“${words.join('”和“')}”，只能有一个限定词`);
  }
  const qualifierName = leading.qualifier ?? trailing.found[0]?.[1];
  let qualifier: Qualifier | undefined;
  if (qualifierName !== undefined) {
    qualifier = contractQualifier(qualifierName);
    if (qualifier === undefined) {
      return refusal(context, 'qualifier', `${name}暂不支持“${words[0] ?? ''}”，请写确数或用约、近、余、以上`);
    }
  }

  // A bare 万/亿 is a multiplier of the metric's own unit: "9万" against 万人 is 9万人, against 人 is 90000人.
  const unitTyped = yuanSign && (trailing.unit === '' || BARE_MAGNITUDES.has(trailing.unit)) ? `${trailing.unit}元` : trailing.unit;
  const unitRead = BARE_MAGNITUDES.has(unitTyped) ? `${unitTyped}${baseUnit(context.unit)}` : unitTyped;
  const inMetricUnit = unitRead === '' ? number : convertExact(number, unitRead, context.unit);
  if (inMetricUnit === undefined) {
    return refusal(
      context,
      'unit',
      `${name}的单位「${unitTyped}」不能精确换算为「${context.unit}」，请按「${context.unit}」填写`,
    );
  }
  const beyond = checkMagnitude(inMetricUnit, context);
  if (beyond !== undefined) return { ok: false, refusal: beyond };

  const out: TypedFigure = { value: decimalToNumber(inMetricUnit), decimal: decimalToString(inMetricUnit) };
  if (qualifier !== undefined) out.qualifier = qualifier;
  if (unitTyped !== '' && unitTyped !== context.unit) out.typedUnit = unitTyped;
  return { ok: true, value: out };
}
