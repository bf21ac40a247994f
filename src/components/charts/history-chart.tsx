import { CartesianGrid, ComposedChart, Line, ReferenceLine, Scatter, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../format';
import { HISTORY_CHART_PX } from './chart-size';
import type { HistoryChartData } from './types';
import './charts.css';

/** The first day of each month on the day axis (0 = the start of 1 January). */
function monthTicks(year: number): number[] {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const ticks = [0];
  for (const days of lengths.slice(0, -1)) ticks.push((ticks.at(-1) ?? 0) + days);
  return ticks;
}

function monthOf(day: number, ticks: readonly number[]): string {
  const at = ticks.indexOf(day);
  return at === -1 ? '' : `${at + 1}月`;
}

/** Short axis numbers: 25,445 → 2.5万 so the axis stays narrow on a phone. */
function axisNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${formatNumber(Math.round((value / 1e8) * 10) / 10)}亿`;
  if (abs >= 1e4) return `${formatNumber(Math.round((value / 1e4) * 10) / 10)}万`;
  return formatNumber(Math.round(value * 100) / 100);
}

/** Rounds an axis end up to 1, 2 or 5 times a power of ten, so the top tick is a round number. */
export function niceCeil(value: number): number {
  if (value <= 0) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((f) => f * power >= value) ?? 10;
  return step * power;
}

/**
 * A metric's approved figures on the year's time axis, with the 序时线 (or the target as a line), the
 * target and the projection from the observed trend. Hidden from screen readers: the list of
 * observations beside it says the same in words.
 */
export function HistoryChart({ data }: { data: HistoryChartData }) {
  const ticks = monthTicks(data.year);
  const values = [
    ...data.points.map((p) => p.value),
    ...(data.guide?.map((p) => p.value) ?? []),
    ...(data.projection?.map((p) => p.value) ?? []),
    ...(data.target === undefined ? [] : [data.target]),
  ];
  const top = niceCeil(Math.max(0, ...values));
  const bottom = Math.min(0, ...values);
  return (
    <div className="history-chart" aria-hidden="true" style={{ height: HISTORY_CHART_PX }}>
      <ComposedChart
        responsive
        style={{ width: '100%', height: HISTORY_CHART_PX }}
        margin={{ top: 12, right: 12, bottom: 4, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid className="history-chart__grid" vertical={false} />
        <XAxis
          type="number"
          dataKey="day"
          domain={[0, data.daysInYear]}
          ticks={ticks}
          tickFormatter={(day: number) => monthOf(day, ticks)}
          interval="preserveStartEnd"
          minTickGap={4}
          allowDuplicatedCategory={false}
        />
        <YAxis
          type="number"
          dataKey="value"
          domain={[bottom, top]}
          tickFormatter={axisNumber}
          width={48}
          allowDecimals
        />
        {data.target !== undefined && (
          <ReferenceLine
            y={data.target}
            className="history-chart__target"
            label={{ value: `目标 ${axisNumber(data.target)}`, position: 'insideTopLeft', className: 'history-chart__label' }}
          />
        )}
        {data.guide !== null && data.guideKind === 'pace' && (
          <Line
            data={data.guide}
            dataKey="value"
            className="history-chart__pace"
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
            name="序时线"
          />
        )}
        {data.projection !== null && (
          <Line
            data={data.projection}
            dataKey="value"
            className="history-chart__projection"
            strokeDasharray="1 4"
            dot={false}
            isAnimationActive={false}
            name="趋势预计"
          />
        )}
        <Line data={data.points} dataKey="value" className="history-chart__line" dot={false} isAnimationActive={false} />
        <Scatter data={data.points} dataKey="value" className="history-chart__points" isAnimationActive={false} />
      </ComposedChart>
    </div>
  );
}

export default HistoryChart;
