import { type Decimal, shiftDecimal } from './decimal';

// Which units convert exactly into which. A conversion is accepted only when it is a power of ten (万元 ↔
// 亿元, 平方米 ↔ 万平方米 ↔ 公顷, 人 ↔ 万人, 吨 ↔ 千克), so it moves the decimal point and nothing else. 亩 is
// 2000/3 平方米 and 美元 ↔ 元 has a rate: neither converts, and the person is asked to type the metric's unit.

/** Written forms that mean the same unit; the metric's own spelling is kept for display. */
const ALIASES: Record<string, string> = {
  '㎡': '平方米',
  'm²': '平方米',
  m2: '平方米',
  '㎥': '立方米',
  'm³': '立方米',
  m3: '立方米',
  '㎞': '公里',
  km: '公里',
  '千米': '公里',
  '㎏': '千克',
  kg: '千克',
  '公斤': '千克',
  '％': '%',
  'μg/m³': '微克/立方米',
  'μg/m3': '微克/立方米',
  'ug/m3': '微克/立方米',
};

/** Multipliers written before a unit, longest first so that 万亿 is not read as 万 + 亿…. */
const PREFIXES: readonly (readonly [string, number])[] = [
  ['万亿', 12],
  ['千万', 7],
  ['百万', 6],
  ['亿', 8],
  ['万', 4],
  ['千', 3],
];

/** Bare multipliers a person types after a number ("9万余", "94.3亿"): a magnitude of the metric's unit. */
export const BARE_MAGNITUDES: ReadonlyMap<string, number> = new Map(PREFIXES);

/**
 * Units measured on a shared scale, as the power of ten of their base. Any other unit (个, 家, 条, 天…)
 * is its own scale and converts only to itself with a multiplier (个 ↔ 万个).
 */
const SCALES: Record<string, readonly [scale: string, power: number]> = {
  '平方米': ['area', 0],
  '公顷': ['area', 4],
  '平方公里': ['area', 6],
  '米': ['length', 0],
  '公里': ['length', 3],
  '立方米': ['volume', 0],
  '克': ['mass', 0],
  '千克': ['mass', 3],
  '吨': ['mass', 6],
  '元': ['yuan', 0],
  '人': ['people', 0],
  // 名 counts people in this data (末端网格人员1889名, 9万余名志愿者): the same scale as 人.
  '名': ['people', 0],
};

/** Units never split into a multiplier and a rest: 百分点 is not 百 × 分点, 千米 is its own alias above. */
const UNSPLIT = new Set(['%', '‰', '百分点', '微克/立方米', '千米', '千克', '千瓦时']);

export interface UnitReading {
  /** What the unit measures: 'area', 'yuan', or the unit itself for a plain count (个, 天). */
  scale: string;
  /** Power of ten of one of this unit in the scale's base: 万元 → 4, 亿元 → 8, 公顷 → 4, 万平方米 → 4. */
  power: number;
}

function canonical(unit: string): string {
  const trimmed = unit.trim();
  return ALIASES[trimmed] ?? trimmed;
}

function baseReading(base: string): UnitReading {
  const known = SCALES[base];
  return known === undefined ? { scale: `unit:${base}`, power: 0 } : { scale: known[0], power: known[1] };
}

/** How a unit text reads: "万㎡" → area at 10^4, "亿美元" → 美元 at 10^8, "个" → 个 at 10^0. */
export function readUnit(unit: string): UnitReading {
  const u = canonical(unit);
  if (!UNSPLIT.has(u)) {
    for (const [prefix, power] of PREFIXES) {
      if (u.startsWith(prefix) && u.length > prefix.length) {
        const base = baseReading(canonical(u.slice(prefix.length)));
        return { scale: base.scale, power: base.power + power };
      }
    }
  }
  return baseReading(u);
}

/** The unit with any multiplier taken off ("万人" → "人"), for reading "9万" against a metric in 万人. */
export function baseUnit(unit: string): string {
  const u = canonical(unit);
  if (UNSPLIT.has(u)) return u;
  for (const [prefix] of PREFIXES) {
    if (u.startsWith(prefix) && u.length > prefix.length) return canonical(u.slice(prefix.length));
  }
  return u;
}

export function sameUnit(a: string, b: string): boolean {
  const x = readUnit(a);
  const y = readUnit(b);
  return x.scale === y.scale && x.power === y.power;
}

/** The power of ten that takes a figure in `from` to `to`, or undefined when they do not convert exactly. */
export function conversionPower(from: string, to: string): number | undefined {
  const x = readUnit(from);
  const y = readUnit(to);
  return x.scale === y.scale ? x.power - y.power : undefined;
}

/** The figure in `to`, exactly, or undefined when the units do not convert exactly (亩 → 平方米, % → 个). */
export function convertExact(value: Decimal, from: string, to: string): Decimal | undefined {
  const power = conversionPower(from, to);
  return power === undefined ? undefined : shiftDecimal(value, power);
}
