import { formatCsvNumber } from './csv';

describe('formatCsvNumber', () => {
  it('writes a printed figure exactly, without grouping', () => {
    expect(formatCsvNumber(66)).toBe('66');
    expect(formatCsvNumber(25445)).toBe('25445');
    expect(formatCsvNumber(272.4585)).toBe('272.4585');
    expect(formatCsvNumber(83.36)).toBe('83.36');
    expect(formatCsvNumber(19360000000)).toBe('19360000000');
  });

  it('writes a computed share with the decimals asked for, rounding half away from zero', () => {
    expect(formatCsvNumber(34.736842, { fractionDigits: 1 })).toBe('34.7');
    expect(formatCsvNumber(47.7, { fractionDigits: 1 })).toBe('47.7');
    expect(formatCsvNumber(100, { fractionDigits: 1 })).toBe('100.0');
    expect(formatCsvNumber(-12.25, { fractionDigits: 1 })).toBe('-12.3');
  });

  it('uses an ASCII minus that spreadsheets parse, never U+2212', () => {
    expect(formatCsvNumber(-13, { fractionDigits: 1 })).toBe('-13.0');
    expect(formatCsvNumber(-2.5)).toBe('-2.5');
  });

  it('drops the sign of a zero', () => {
    expect(formatCsvNumber(-0)).toBe('0');
    expect(formatCsvNumber(-0.04, { fractionDigits: 1 })).toBe('0.0');
  });

  it('leaves the cell empty for a value that is not a number', () => {
    expect(formatCsvNumber(Number.NaN)).toBe('');
    expect(formatCsvNumber(Number.POSITIVE_INFINITY, { fractionDigits: 1 })).toBe('');
  });
});
