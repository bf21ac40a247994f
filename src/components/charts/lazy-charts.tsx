import { lazy, Suspense } from 'react';
import { barChartHeight, HISTORY_CHART_PX } from './chart-size';
import type { BarRow, HistoryChartData } from './types';
import './charts.css';

// recharts is the heaviest dependency of the app: views import these wrappers, which load it only
// when a chart is drawn, and hold the chart's exact height meanwhile so nothing moves when it arrives.

const Breakdown = lazy(() => import('./breakdown-chart'));
const Yoy = lazy(() => import('./yoy-chart'));
const History = lazy(() => import('./history-chart'));

type Props = { rows: readonly BarRow[]; caption: string };

function Placeholder({ rows, caption }: Props) {
  return (
    <figure className="chart-bars">
      <figcaption className="chart-bars__title">{caption}</figcaption>
      <div className="chart-placeholder" style={{ height: barChartHeight(rows.length) }} />
    </figure>
  );
}

export function LazyBreakdownChart(props: Props) {
  return (
    <Suspense fallback={<Placeholder {...props} />}>
      <Breakdown {...props} />
    </Suspense>
  );
}

export function LazyYoyChart(props: Props) {
  return (
    <Suspense fallback={<Placeholder {...props} />}>
      <Yoy {...props} />
    </Suspense>
  );
}

export type { BarRow };

/** recharts' line chart of a metric's history, loaded when first drawn; the same height meanwhile. */
export function LazyHistoryChart({ data }: { data: HistoryChartData }) {
  return (
    <Suspense fallback={<div className="chart-placeholder" style={{ height: HISTORY_CHART_PX }} />}>
      <History data={data} />
    </Suspense>
  );
}

export type { HistoryChartData };
