/** One bar: what it is, its number, and that number already formatted by src/format. */
export interface BarRow {
  key: string;
  label: string;
  value: number;
  valueText: string;
  /** A total drawn for comparison (neutral), a part of it, or a plain value. */
  kind?: 'total' | 'part' | 'value';
}

/** One point on a history chart's day axis (0 = the start of 1 January). */
export interface DayValue {
  day: number;
  value: number;
}

/** What a metric's history chart draws, every position already decided (src/tracking's metricHistory). */
export interface HistoryChartData {
  year: number;
  daysInYear: number;
  /** The approved figures, oldest first. */
  points: DayValue[];
  /** The 序时线 (`pace`) or the target as a line (`target`); null without a target. */
  guide: [DayValue, DayValue] | null;
  guideKind: 'pace' | 'target' | null;
  /** The year-end projection from the observed trend; null where none applies. */
  projection: [DayValue, DayValue] | null;
  target?: number;
}
