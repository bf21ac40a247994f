import {
  compareDecimal,
  decimalFromNumber,
  decimalToNumber,
  decimalToString,
  exactDifference,
  parseDecimal,
  shiftDecimal,
  significantDigits,
  subtractDecimal,
} from './decimal';

function d(text: string) {
  const parsed = parseDecimal(text);
  if (parsed === undefined) throw new Error(`unreadable in test: ${text}`);
  return parsed;
}

describe('exact decimals', () => {
  it('reads plain and exponent forms and writes them back plain', () => {
    expect(decimalToString(d('1234.50'))).toBe('1234.5');
    expect(decimalToString(d('-0.05'))).toBe('-0.05');
    expect(decimalToString(d('1e-7'))).toBe('0.0000001');
    expect(decimalToString(d('2.53e10'))).toBe('25300000000');
    expect(parseDecimal('1,234')).toBeUndefined();
    expect(parseDecimal('')).toBeUndefined();
  });

  it('converts 万元 to 亿元 by moving the point: 9430万元 is 0.943亿元, 94.3亿元 is 943000万元', () => {
    expect(decimalToNumber(shiftDecimal(d('9430'), -4))).toBe(0.943);
    expect(decimalToNumber(shiftDecimal(d('94.3'), 4))).toBe(943000);
    // The float way gives 0.9430000000000001 for 9430 * 0.0001.
    expect(9430 * 0.0001).not.toBe(0.943);
  });

  it('subtracts without binary noise (88.28 − 80.1, 0.3 − 0.1)', () => {
    expect(88.28 - 80.1).not.toBe(8.18);
    expect(exactDifference(88.28, 80.1)).toBe(8.18);
    expect(exactDifference(0.3, 0.1)).toBe(0.2);
    expect(exactDifference(66, 84)).toBe(-18);
    expect(decimalToString(subtractDecimal(d('0.1'), d('0.1')))).toBe('0');
  });

  it('counts significant digits from the first to the last non-zero digit', () => {
    expect(significantDigits(d('83.36'))).toBe(4);
    expect(significantDigits(d('1200'))).toBe(2);
    expect(significantDigits(d('0.0503'))).toBe(3);
    expect(significantDigits(decimalFromNumber(0.1 + 0.2))).toBe(17);
    expect(significantDigits(d('0'))).toBe(1);
  });

  it('compares across exponents', () => {
    expect(compareDecimal(d('94.3'), d('94.30'))).toBe(0);
    expect(compareDecimal(d('94.29'), d('94.3'))).toBe(-1);
    expect(compareDecimal(d('1e3'), d('999.9'))).toBe(1);
  });

  it('refuses a number that is not finite', () => {
    expect(() => decimalFromNumber(Number.NaN)).toThrow(RangeError);
    expect(() => decimalFromNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
