/** One bar: what it is, its number, and that number already formatted by src/format. */
export interface BarRow {
  key: string;
  label: string;
  value: number;
  valueText: string;
  /** A total drawn for comparison (neutral), a part of it, or a plain value. */
  kind?: 'total' | 'part' | 'value';
}
