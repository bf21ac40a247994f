import { roundTo } from './figures';

/**
 * A number for a CSV cell that Excel and other spreadsheets parse as a number: no grouping, an ASCII
 * hyphen-minus, a dot for decimals. Without `fractionDigits` the value is written exactly as it is
 * (a figure as printed: 272.4585); with it, rounded half away from zero to that many decimals (a computed
 * share: 34.7, −13.0 → "-13.0"). Not a number: an empty cell.
 */
export function formatCsvNumber(value: number, opts: { fractionDigits?: number } = {}): string {
  if (!Number.isFinite(value)) return '';
  const { fractionDigits } = opts;
  const text = fractionDigits === undefined ? String(value) : roundTo(value, fractionDigits).toFixed(fractionDigits);
  // −0.04 at one decimal, or −0 itself, is zero in a spreadsheet: no sign.
  return /^-[0.]*$/.test(text) ? text.slice(1) : text;
}
