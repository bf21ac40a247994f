import { useQuery } from '@tanstack/react-query';
import { CURRENT_REPORT_ID, domainObservationsQuery, reportQuery } from '../../api';
import type { Observation } from '../../api/tracking-schemas';
import { LazyHistoryChart, type HistoryChartData } from '../../components/charts/lazy-charts';
import { DeltaText } from '../../components/delta';
import { ErrorState } from '../../components/error-state';
import { ExampleTag } from '../../components/example-tag';
import { formatFigure, formatShortDate } from '../../format';
import { elapsedShare, type MetricProgress } from '../../progress';
import { lastOfYear, metricHistory, yearOf, type MetricHistory, type TrackedMetric } from '../../tracking';

// A metric's history on the domain page (issue 16): its approved figures on the year's time axis with
// the 序时线 and the target, and every observation the viewer may see as a list, which is also what a
// screen reader gets instead of the chart. Pending ones (待审核) come only to those the API shows them to.

const STATE_WORDS: Record<Observation['state'], string> = {
  approved: '当前',
  superseded: '此前',
  submitted: '待审核',
  returned: '已退回',
};

export function chartData(history: MetricHistory, metric: TrackedMetric, year: number): HistoryChartData {
  const { daysInYear } = elapsedShare(lastOfYear(year));
  const pair = (points: readonly { day: number; value: number }[]) =>
    [
      { day: points[0]?.day ?? 0, value: points[0]?.value ?? 0 },
      { day: points[1]?.day ?? 0, value: points[1]?.value ?? 0 },
    ] as [{ day: number; value: number }, { day: number; value: number }];
  return {
    year,
    daysInYear,
    points: history.points.map((p) => ({ day: p.day, value: p.value })),
    guide: history.guide === null ? null : pair(history.guide.points),
    guideKind: history.guide?.kind ?? null,
    projection: history.projection === null ? null : pair(history.projection.line),
    ...(metric.target === undefined ? {} : { target: metric.target.value }),
  };
}

const NO_OBSERVATIONS: readonly Observation[] = [];

/**
 * The metric's history, loaded apart from the card (complete without it, and saying so if it fails).
 * Every card of the domain reads the one answer of the domain's histories: one request per page.
 */
export function useMetricHistory(metric: TrackedMetric, domainId: string) {
  const report = useQuery(reportQuery(CURRENT_REPORT_ID));
  const query = useQuery({
    ...domainObservationsQuery(CURRENT_REPORT_ID, domainId),
    select: (data) => data.metrics[metric.id] ?? NO_OBSERVATIONS,
  });
  const year = report.data?.year ?? yearOf(metric.asOf);
  const history = query.data === undefined ? undefined : metricHistory(metric, query.data, year);
  return { query, history, year };
}

/** The card's analysis with the projection from the observed trend, once the history is in. */
export function withTrend(progress: MetricProgress, history: MetricHistory | undefined): MetricProgress {
  const trend = history?.progress?.projection;
  if (trend === undefined) return progress;
  return { ...progress, projection: trend };
}

function who(o: Observation): string {
  if (o.source.kind === 'report') return '年中报告';
  return o.enteredBy?.username ?? '–';
}

function basis(o: Observation): string {
  if (o.basis !== null && o.basis !== '') return o.basis;
  return o.source.kind === 'report' ? '报告原文' : '–';
}

type Props = {
  metric: TrackedMetric;
  result: ReturnType<typeof useMetricHistory>;
};

export function MetricHistorySection({ metric, result }: Props) {
  const { query, history, year } = result;
  const captionId = `metric-${metric.id}-history`;
  if (query.isError) {
    return (
      <section className="metric-history" aria-labelledby={captionId}>
        <h4 id={captionId} className="metric-history__title">
          历史数据
        </h4>
        <ErrorState error={query.error} what={`“${metric.label}”的历史数据`} onRetry={() => void query.refetch()} />
      </section>
    );
  }
  if (history === undefined || query.data === undefined) {
    return (
      <section className="metric-history" aria-labelledby={captionId} aria-busy="true">
        <h4 id={captionId} className="metric-history__title">
          历史数据
        </h4>
        <p className="metric-history__quiet">正在加载历史数据…</p>
      </section>
    );
  }
  const observations = query.data;
  const drawn = history.points.length > 0 && (history.guide !== null || history.points.length > 1);
  return (
    <section className="metric-history" aria-labelledby={captionId}>
      <h4 id={captionId} className="metric-history__title">
        历史数据
        {history.delta !== undefined && (
          <>
            {' '}
            <DeltaText delta={history.delta} direction={metric.direction} />
          </>
        )}
      </h4>
      {drawn && (
        <figure className="metric-history__chart">
          <LazyHistoryChart data={chartData(history, metric, year)} />
          <figcaption className="metric-history__legend">
            <span className="metric-history__key metric-history__key--line">已审核数据</span>
            {history.guide?.kind === 'pace' && <span className="metric-history__key metric-history__key--pace">序时线</span>}
            {metric.target !== undefined && <span className="metric-history__key metric-history__key--target">目标</span>}
            {history.projection !== null && (
              <span className="metric-history__key metric-history__key--projection">趋势预计</span>
            )}
            <span className="visually-hidden">图中数据见下表。</span>
          </figcaption>
        </figure>
      )}
      {/* Scrolls sideways on a phone: focusable, so the keyboard can scroll it too. */}
      <div className="metric-history__table-wrap" role="region" aria-label={`${metric.label}的全部数据`} tabIndex={0}>
        <table className="metric-history__table">
          <caption className="visually-hidden">{metric.label}的全部数据,按截至日期从新到旧</caption>
          <thead>
            <tr>
              <th scope="col">截至</th>
              <th scope="col">数值</th>
              <th scope="col">填报人</th>
              <th scope="col">依据</th>
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            {observations.map((o) => (
              <tr key={o.id} data-state={o.state}>
                <th scope="row" className="tabular">
                  {formatShortDate(o.asOf)}
                </th>
                <td className="tabular">
                  {formatFigure({ value: o.value, unit: o.unit, qualifier: o.qualifier })}
                  <ExampleTag figure={o} />
                  <span className="metric-history__state" data-state={o.state}>
                    {STATE_WORDS[o.state]}
                  </span>
                </td>
                <td>{who(o)}</td>
                <td>{basis(o)}</td>
                <td>{o.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
