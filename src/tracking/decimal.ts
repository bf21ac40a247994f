// Exact decimal figures: a coefficient and a power of ten. Unit conversion (万元 → 亿元) moves the decimal
// point and deltas (88.28 − 80.1) subtract digits, so neither picks up binary noise: 0.1 + 0.2 stays 0.3
// and 9430万元 is exactly 0.943亿元. Only the final figure becomes a JavaScript number, through the
// decimal string, which is the closest double to what was typed.

export interface Decimal {
  /** value = coefficient × 10^exponent; the coefficient carries the sign and has no trailing zeros. */
  readonly coefficient: bigint;
  readonly exponent: number;
}

const PLAIN = /^([+-]?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

function normalised(coefficient: bigint, exponent: number): Decimal {
  if (coefficient === 0n) return { coefficient: 0n, exponent: 0 };
  let c = coefficient;
  let e = exponent;
  while (c % 10n === 0n) {
    c /= 10n;
    e += 1;
  }
  return { coefficient: c, exponent: e };
}

/** "1234.50", "-0.5", "1e-7" (as String(number) writes small ones); undefined for anything else. */
export function parseDecimal(text: string): Decimal | undefined {
  const m = PLAIN.exec(text);
  if (m === null) return undefined;
  const [, sign, whole = '', fraction = '', exp = '0'] = m;
  const coefficient = BigInt(`${sign === '-' ? '-' : ''}${whole}${fraction}`);
  return normalised(coefficient, Number(exp) - fraction.length);
}

/** The shortest decimal that reads back as this number: 0.1 is 0.1, not 0.1000000000000000055…. */
export function decimalFromNumber(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const parsed = parseDecimal(String(value));
  if (parsed === undefined) throw new RangeError(`unreadable number: ${value}`);
  return parsed;
}

export function decimalToString(d: Decimal): string {
  const negative = d.coefficient < 0n;
  const digits = (negative ? -d.coefficient : d.coefficient).toString();
  let body: string;
  if (d.exponent >= 0) body = digits + '0'.repeat(d.exponent);
  else {
    const point = digits.length + d.exponent;
    body = point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${'0'.repeat(-point)}${digits}`;
  }
  return negative ? `-${body}` : body;
}

export function decimalToNumber(d: Decimal): number {
  return Number(decimalToString(d));
}

/** Digits from the first to the last non-zero one: 1200 has 2, 0.0503 has 3, 83.36 has 4. */
export function significantDigits(d: Decimal): number {
  if (d.coefficient === 0n) return 1;
  return (d.coefficient < 0n ? -d.coefficient : d.coefficient).toString().length;
}

/** × 10^power, exactly. */
export function shiftDecimal(d: Decimal, power: number): Decimal {
  return normalised(d.coefficient, d.exponent + power);
}

function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exponent = Math.min(a.exponent, b.exponent);
  return [
    a.coefficient * 10n ** BigInt(a.exponent - exponent),
    b.coefficient * 10n ** BigInt(b.exponent - exponent),
    exponent,
  ];
}

export function subtractDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, exponent] = aligned(a, b);
  return normalised(x - y, exponent);
}

export function compareDecimal(a: Decimal, b: Decimal): number {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** a − b for two JSON numbers, without binary noise: 88.28 − 80.1 = 8.18, not 8.180000000000007. */
export function exactDifference(a: number, b: number): number {
  return decimalToNumber(subtractDecimal(decimalFromNumber(a), decimalFromNumber(b)));
}
