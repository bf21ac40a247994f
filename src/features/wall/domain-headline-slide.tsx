import type { Milestone } from '../../api';
import { DeltaText, metricDelta, OverdueBadge } from '../../components/delta';
import { ExampleMark } from '../../components/example-tag';
import { MetricGauge } from '../../components/gauge';
import { StatusBadge, StatusCountList } from '../../components/status-badge';
import { formatNumber } from '../../format';
import { countMilestones, MILESTONE_META, toGaugeModel, type DomainProgress, type MetricProgress } from '../../progress';
import type { DomainEntry } from '../../report-data/use-report-progress';
import { DomainTrouble } from './domain-trouble';
import { isOverdue } from './summary-slide';

/** Below the headline gauges: this many more of the domain's figures, in report order. */
const KEY_FIGURE_COUNT = 4;

/**
 * Figures the headline does not already show: first the batches on their way of a headline dial
 * delivered in batches (回迁面积 beside its 50万㎡ 待分配, 65万㎡ 扫尾, 150万㎡ 封顶: the wall has no
 * talking point to say so), then the top-level figures in report order.
 */
function keyFigures(progress: DomainProgress): MetricProgress[] {
  const shown = new Set(progress.headline.map((p) => p.metric.id));
  // In the headline's order (most urgent dial first), each dial's batches nearest to delivery first.
  const batches = new Set(progress.headline.flatMap((p) => p.pipeline ?? []).map((m) => m.id));
  const stages = [...batches].flatMap((id) => progress.metrics.filter((p) => p.metric.id === id && !shown.has(id)));
  const rest = progress.metrics.filter(
    (p) => !shown.has(p.metric.id) && !batches.has(p.metric.id) && p.metric.parentId === undefined,
  );
  return [...stages, ...rest].slice(0, KEY_FIGURE_COUNT);
}

function milestoneSummary(milestones: readonly Milestone[]): string {
  return countMilestones(milestones)
    .map(({ state, count }) => `${MILESTONE_META[state].label} ${formatNumber(count)}`)
    .join(' · ');
}

function WallDelta({ progress }: { progress: MetricProgress }) {
  const delta = metricDelta(progress.metric);
  return delta === undefined ? null : <DeltaText delta={delta} direction={progress.metric.direction} className="wall-delta" />;
}

type Props = { entry: DomainEntry };

/** One domain, readable from the back of the room: its headline gauges large, then key figures. */
export function DomainHeadlineSlide({ entry }: Props) {
  const { progress, name, sectionTitle } = entry;

  const head = (
    <header className="wall-domain__head">
      <div className="wall-domain__titles">
        {sectionTitle && <p className="wall-kicker">【{sectionTitle}】</p>}
        <h1 className="wall-slide-title">{name}</h1>
      </div>
      {progress && (
        <div className="wall-domain__status">
          {isOverdue(entry) && <OverdueBadge size="lg" />}
          <StatusBadge status={progress.worstStatus} size="lg" />
          <p className="wall-domain__counts tabular">
            指标 {formatNumber(progress.metrics.length)} 项 · 里程碑 {formatNumber(progress.domain.milestones.length)} 项
            {progress.domain.milestones.length > 0 && `(${milestoneSummary(progress.domain.milestones)})`}
          </p>
        </div>
      )}
    </header>
  );

  if (progress === undefined) {
    return (
      <div className="wall-domain">
        {head}
        <DomainTrouble entry={entry} />
      </div>
    );
  }

  const rest = keyFigures(progress);

  return (
    <div className="wall-domain">
      {head}
      <StatusCountList counts={progress.counts} label={`${name}各状态指标数`} className="wall-status-counts" />
      {progress.headline.length > 0 ? (
        <div className={rest.length > 0 ? 'wall-headline' : 'wall-headline wall-headline--wide'}>
          {progress.headline.map((p) => (
            <div key={p.metric.id} className="wall-headline__item">
              <MetricGauge model={toGaugeModel(p)} id={`wall-${progress.domain.id}-${p.metric.id}`} size="lg" />
              <WallDelta progress={p} />
            </div>
          ))}
        </div>
      ) : (
        <p className="wall-domain__note">{progress.domain.note ?? '本领域暂无可展示的数据。'}</p>
      )}
      {rest.length > 0 && (
        <dl className="wall-key-figures">
          {rest.map((p) => {
            const model = toGaugeModel(p);
            return (
              <div key={p.metric.id} className="wall-key-figure">
                <dt>
                  {model.label}
                  {model.example && <ExampleMark />}
                </dt>
                <dd>
                  <span className="wall-key-figure__value tabular">{model.valueText}</span>
                  <span className="wall-key-figure__unit">{model.unitText}</span>
                  <WallDelta progress={p} />
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </div>
  );
}
