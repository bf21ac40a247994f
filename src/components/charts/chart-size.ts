// Kept apart from the recharts modules so that a placeholder can take a chart's exact height while
// the chart's code is still loading, without loading recharts.

/** Height of one bar's row: the caption line above the bar, the bar, and the gap to the next. */
export const BAR_ROW_PX = 52;
export const BAR_PX = 18;
/** How far each bar sits below the middle of its row, leaving the caption room above. */
export const BAR_OFFSET_PX = 8;
const CHART_MARGIN_PX = 8;

export function barChartHeight(rows: number): number {
  return rows * BAR_ROW_PX + CHART_MARGIN_PX * 2 - BAR_OFFSET_PX;
}

export const CHART_MARGIN = { top: CHART_MARGIN_PX, right: 4, bottom: CHART_MARGIN_PX - BAR_OFFSET_PX, left: 4 };

/** A metric's history chart, on every screen: tall enough for the 序时线 to read, short enough for a phone. */
export const HISTORY_CHART_PX = 240;
