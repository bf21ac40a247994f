import type { Milestone } from '../../api';
import { ErrorState } from '../../components/error-state';
import { ExampleTag } from '../../components/example-tag';
import { MetricGauge } from '../../components/gauge';
import { StatusBadge, StatusCountList } from '../../components/status-badge';
import { MILESTONE_META, toGaugeModel } from '../../progress';
import type { DomainEntry } from '../../report-data/use-report-progress';
import { behindLines, milestoneColumn, prominentCount, slideGauges, splitTalkingPoints } from './slide-content';
import { Heading, SlideSection, type Level } from './slide-parts';

/** How much a slide shows prominently; the rest of the domain's figures follow in a compact list. */
export const SLIDE_LIMITS = { gauges: 4, points: 5 } as const;

function MilestoneList({ milestones }: { milestones: readonly Milestone[] }) {
  return (
    <ul className="slide-milestones">
      {milestones.map((m) => {
        const meta = MILESTONE_META[m.state];
        return (
          <li key={m.id} className="slide-milestones__item">
            <span className="slide-milestones__state" data-status={meta.status}>
              <span aria-hidden="true">{meta.icon}</span>
              {meta.label}
            </span>
            <span>{m.text}</span>
          </li>
        );
      })}
    </ul>
  );
}

type Props = {
  entry: DomainEntry;
  /** Makes element ids unique: the screen slide and the printed pages are in one document. */
  idPrefix: string;
  level: Level;
};

/** One domain: its dials, what is behind and what catching up takes, talking points, milestones. */
export function DomainBriefingSlide({ entry, idPrefix, level }: Props) {
  const { name, sectionTitle } = entry;
  const minor = (level + 2) as 3 | 4;
  const titleId = `${idPrefix}-title`;
  const progress = entry.progress;

  const head = (
    <header className="slide__head">
      <div className="slide__titles">
        {sectionTitle && <p className="slide__kicker">【{sectionTitle}】</p>}
        <Heading level={level} id={titleId} className="slide__title">
          {name}
        </Heading>
      </div>
      {progress && <StatusCountList counts={progress.counts} label={`${name}各状态指标数`} look="badge" className="slide-counts" />}
    </header>
  );

  if (progress === undefined) {
    return (
      <div className="slide__content" aria-labelledby={titleId}>
        {head}
        <ErrorState error={entry.query.error} what={`${name}的数据`} onRetry={() => void entry.query.refetch()} />
      </div>
    );
  }

  const { domain, metrics } = progress;
  const gauges = slideGauges(progress, SLIDE_LIMITS.gauges);
  const behind = behindLines(metrics);
  const hasTargets = metrics.some((p) => p.status !== 'no-target');
  const points = splitTalkingPoints(metrics, prominentCount(metrics.length, SLIDE_LIMITS.points));
  const milestonesIn = milestoneColumn({
    gauges: gauges.length,
    behind: behind.length,
    points: points.main.map((p) => p.talkingPoint),
    compact: points.rest.length,
  });

  const milestones = domain.milestones.length > 0 && (
    <SlideSection id={`${idPrefix}-milestones`} level={level} title="工作进展" className="slide__milestones">
      <MilestoneList milestones={domain.milestones} />
    </SlideSection>
  );

  return (
    <div className="slide__content">
      {head}
      {domain.note && <p className="slide__note">{domain.note}</p>}
      <div className="slide__grid">
        <div className="slide__main">
          {gauges.length > 0 && (
            <SlideSection id={`${idPrefix}-gauges`} level={level} title="主要指标" titleHidden className="slide__gauges">
              <div className="slide-gauges" data-count={gauges.length}>
                {gauges.map((p) => (
                  <MetricGauge key={p.metric.id} model={toGaugeModel(p)} id={`${idPrefix}-${p.metric.id}`} />
                ))}
              </div>
            </SlideSection>
          )}
          {metrics.length > 0 && (
            <SlideSection id={`${idPrefix}-behind`} level={level} title="滞后情况" className="slide__behind">
              {behind.length > 0 ? (
                <ul className="slide-behind">
                  {behind.map(({ progress: p, gap, need }) => (
                    <li key={p.metric.id} className="slide-behind__item" data-status={p.status}>
                      <p className="slide-behind__what">
                        <strong>{p.metric.label}</strong>
                        <ExampleTag figure={p.metric} />
                        <StatusBadge status={p.status} />
                      </p>
                      <p className="slide-behind__gap tabular">{gap}</p>
                      {need && (
                        <p className="slide-behind__need tabular">
                          <span className="slide-behind__key">追赶:</span>
                          {need}
                        </p>
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="slide__quiet">
                  {hasTargets ? '本领域没有落后于序时进度的指标。' : '本领域的数据都没有年度目标,无法对照序时进度判断是否滞后。'}
                </p>
              )}
            </SlideSection>
          )}
          {milestonesIn === 'main' && milestones}
        </div>
        <div className="slide__side">
          {metrics.length > 0 && (
            <SlideSection id={`${idPrefix}-points`} level={level} title="讲话要点" className="slide__points">
              <ul className="slide-points">
                {points.main.map((p) => (
                  <li key={p.metric.id} data-status={p.status}>
                    {p.talkingPoint}
                    <ExampleTag figure={p.metric} />
                  </li>
                ))}
              </ul>
              {points.rest.length > 0 && (
                <>
                  <Heading level={minor} className="slide__subsection-title">
                    其他数据
                  </Heading>
                  <ul className="slide-points slide-points--compact">
                    {points.rest.map((p) => (
                      <li key={p.metric.id}>
                        {p.talkingPoint}
                        <ExampleTag figure={p.metric} />
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </SlideSection>
          )}
          {milestonesIn === 'side' && milestones}
        </div>
      </div>
    </div>
  );
}
