import { MetricGauge } from '../../components/gauge';
import { toGaugeModel, type MetricProgress } from '../../progress';
import { metricFacts } from './metric-facts';
import { MetricHistorySection, useMetricHistory, withTrend } from './metric-history';
import { SourceQuote } from './source-quote';

type Props = { progress: MetricProgress; domainId: string };

/**
 * Everything about one metric: the gauge (or the figure), the talking point, the numbers behind it,
 * and the sentence of the report it came from. `id="metric-…"` is what /source links back to.
 */
export function MetricCard({ progress: served, domainId }: Props) {
  const { metric } = served;
  const history = useMetricHistory(metric, domainId);
  // Status and required rate are the served figure's (the latest approved); the projection follows
  // the observed trend once the history is in, rather than a straight line from 1 January.
  const progress = withTrend(served, history.history);
  const titleId = `metric-${metric.id}-title`;
  return (
    <article
      id={`metric-${metric.id}`}
      className="metric-card"
      data-status={progress.status}
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <h3 id={titleId} className="metric-card__title">
        {metric.label}
      </h3>
      <div className="metric-card__main">
        <div className="metric-card__gauge">
          <MetricGauge model={toGaugeModel(progress)} id={`dm-${metric.id}`} />
        </div>
        <div className="metric-card__text">
          <p className="metric-card__point">{progress.talkingPoint}</p>
          <dl className="metric-card__facts">
            {metricFacts(progress).map((fact) => (
              <div key={fact.term}>
                <dt>{fact.term}</dt>
                <dd className="tabular">{fact.detail}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
      <MetricHistorySection metric={metric} result={history} />
      <SourceQuote
        source={metric.source}
        domainId={domainId}
        metricId={metric.id}
        latest={history.query.data?.find((o) => o.id === metric.observationId)}
      />
    </article>
  );
}
