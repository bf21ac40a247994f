import { memo } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { DeltaText, metricDelta, OverdueBadge } from '../../components/delta';
import { ExampleTag } from '../../components/example-tag';
import { MetricGauge } from '../../components/gauge';
import { PinToggle } from '../../components/pin-toggle';
import { StatusBadge, StatusCountList } from '../../components/status-badge';
import { formatNumber } from '../../format';
import { THRESHOLDS, toGaugeModel, type MetricProgress } from '../../progress';
import type { DomainEntry } from '../../report-data/use-report-progress';
import type { PanelMatch } from './filters';

type Props = {
  entry: DomainEntry;
  /** How the filters apply to this (loaded) domain. */
  match: PanelMatch | undefined;
};

/**
 * One domain on the overview. Its header (name, pin) is drawn from the report's summary, so it is
 * the same while the domain loads, after it loaded and when it failed; only the body changes.
 */
function DomainPanelView({ entry, match }: Props) {
  const { name } = entry;
  const titleId = `panel-${entry.id}-title`;
  const { query, progress } = entry;
  return (
    <section
      className="domain-panel"
      aria-labelledby={titleId}
      aria-busy={query.isPending || undefined}
    >
      <header className="domain-panel__head">
        <h3 id={titleId} className="domain-panel__title">
          <Link to={`/domains/${entry.id}`}>{name}</Link>
        </h3>
        {(entry.query.data?.overdue ?? entry.summary?.overdue) === true && <OverdueBadge />}
        <PinToggle domainId={entry.id} domainName={name} />
      </header>
      {query.isError ? (
        <div className="domain-panel__body">
          <ErrorState error={query.error} what={`“${name}”的数据`} onRetry={() => void query.refetch()} />
        </div>
      ) : progress === undefined ? (
        <PanelBodySkeleton />
      ) : (
        <LoadedBody entry={entry} match={match} />
      )}
    </section>
  );
}

function LoadedBody({ entry, match }: Props) {
  const progress = entry.progress;
  if (progress === undefined) return null;
  const { domain, counts, worstStatus } = progress;
  const metrics = match?.visible ? match.metrics : progress.headline;
  const narrowed = match?.visible === true && match.narrowed;
  const matched = match?.visible ? match.matched : 0;
  const hiddenMatches = narrowed ? matched - metrics.length : 0;
  return (
    <>
      <div className="domain-panel__status">
        <StatusBadge status={worstStatus} />
        <span className="domain-panel__count tabular">共{formatNumber(domain.metrics.length)}项指标</span>
        <StatusCountList counts={counts} label={`${domain.name}各状态指标数`} />
      </div>
      <div className="domain-panel__body">
        {narrowed && (
          <p className="domain-panel__matched">
            符合筛选的指标 <span className="tabular">{formatNumber(matched)}</span> 项
          </p>
        )}
        {metrics.length > 0 ? (
          <div className="domain-panel__gauges">
            {metrics.map((p) => (
              <MetricGauge key={p.metric.id} model={toGaugeModel(p)} id={`ov-${domain.id}-${p.metric.id}`} size="sm" />
            ))}
          </div>
        ) : (
          <p className="domain-panel__note">{domain.note ?? '报告中本领域没有可统计的数据。'}</p>
        )}
        <PanelDeltas metrics={metrics} />
        {metrics.length > 0 && domain.note !== undefined && <p className="domain-panel__note">{domain.note}</p>}
        {hiddenMatches > 0 && (
          <p className="domain-panel__more">
            <Link to={`/domains/${domain.id}`}>
              另有 <span className="tabular">{formatNumber(hiddenMatches)}</span> 项符合,查看{domain.name}全部指标
            </Link>
          </p>
        )}
      </div>
    </>
  );
}

/** 较上次 of the figures shown that changed since the report (none on the report's own figures). */
function PanelDeltas({ metrics }: { metrics: readonly MetricProgress[] }) {
  const rows = metrics.flatMap((p) => {
    const delta = metricDelta(p.metric);
    return delta === undefined ? [] : [{ metric: p.metric, delta }];
  });
  if (rows.length === 0) return null;
  return (
    <ul className="domain-panel__deltas">
      {rows.map(({ metric, delta }) => (
        <li key={metric.id}>
          <DeltaText delta={delta} direction={metric.direction} label={metric.label} />
          <ExampleTag figure={metric} />
        </li>
      ))}
    </ul>
  );
}

/** The shape of a loaded body: a status line and a row of gauges, so nothing moves when data arrives. */
export function PanelBodySkeleton() {
  return (
    <>
      <div className="domain-panel__status" aria-hidden="true">
        <span className="skeleton skeleton--badge" />
        <span className="skeleton skeleton--line" />
      </div>
      <div className="domain-panel__body">
        <span className="visually-hidden">正在加载…</span>
        <div className="domain-panel__gauges" aria-hidden="true">
          {Array.from({ length: THRESHOLDS.headlineCount }, (_, i) => (
            <div key={i} className="gauge-skeleton">
              <span className="skeleton skeleton--label" />
              <span className="skeleton skeleton--dial" />
              <span className="skeleton skeleton--foot" />
            </div>
          ))}
        </div>
      </div>
    </>
  );
}

function sameMatch(a: PanelMatch | undefined, b: PanelMatch | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.visible !== b.visible) return false;
  if (!a.visible || !b.visible) return true;
  return a.narrowed === b.narrowed && a.matched === b.matched && a.metrics.length === b.metrics.length && a.metrics.every((m, i) => m === b.metrics[i]);
}

/**
 * Redrawn only when its domain's data or its filter match changed: the overview's urgent renders
 * (one per arriving response) then skip every panel, and the drawing happens in the deferred render.
 */
export const DomainPanel = memo(DomainPanelView, (prev, next) => prev.entry.query === next.entry.query && prev.entry.summary === next.entry.summary && sameMatch(prev.match, next.match));
