import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { ApiError, CURRENT_REPORT_ID, domainQuery, reportQuery, type Domain } from '../../api';
import { LazyBreakdownChart, LazyYoyChart, type BarRow } from '../../components/charts/lazy-charts';
import { ErrorState } from '../../components/error-state';
import { NotFound } from '../../components/not-found';
import { PageSkeleton } from '../../components/page-skeleton';
import { PinToggle } from '../../components/pin-toggle';
import { StatusBadge, StatusCountList } from '../../components/status-badge';
import { formatFigure, formatNumber } from '../../format';
import { analyseDomain, type DomainProgress, type MetricProgress } from '../../progress';
import { sectionTitlesByDomain } from '../../report-data/domain-view';
import { LiveUpdates } from '../../report-data/use-live-updates';
import { growthText } from './metric-facts';
import { MetricCard } from './metric-card';
import { MilestoneList } from './milestone-list';
import './domain.css';

/** A top-level metric and the metrics that break it down (parentId), in report order. */
interface MetricBlock {
  progress: MetricProgress;
  parts: MetricProgress[];
}

export function blocksOf(metrics: readonly MetricProgress[]): MetricBlock[] {
  const ids = new Set(metrics.map((p) => p.metric.id));
  const parts = new Map<string, MetricProgress[]>();
  for (const p of metrics) {
    const parent = p.metric.parentId;
    if (parent !== undefined && ids.has(parent)) parts.set(parent, [...(parts.get(parent) ?? []), p]);
  }
  return metrics
    .filter((p) => p.metric.parentId === undefined || !ids.has(p.metric.parentId))
    .map((p) => ({ progress: p, parts: parts.get(p.metric.id) ?? [] }));
}

function breakdownRows(block: MetricBlock): BarRow[] {
  const { metric } = block.progress;
  return [
    { key: metric.id, label: `${metric.label}(合计)`, value: metric.value, valueText: formatFigure(metric), kind: 'total' },
    ...block.parts.map(({ metric: part }) => ({
      key: part.id,
      label: part.label,
      value: part.value,
      valueText: formatFigure(part),
      kind: 'part' as const,
    })),
  ];
}

/** Scrolls to (and focuses) the metric the URL's hash names once it is on the page: /source links here. */
function useScrollToHash(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (target === null) return;
    target.scrollIntoView?.({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [ready, hash]);
}

export function DomainPage({ domainId }: { domainId: string }) {
  return (
    <>
      {/* Its own leaf: the stream's opening and state changes do not draw the page again. */}
      <LiveUpdates />
      <DomainContent domainId={domainId} />
    </>
  );
}

function DomainContent({ domainId }: { domainId: string }) {
  const query = useQuery(domainQuery(CURRENT_REPORT_ID, domainId));
  const progress = useMemo(() => (query.data ? analyseDomain(query.data) : undefined), [query.data]);
  useScrollToHash(progress !== undefined);

  if (query.isError) {
    if (query.error instanceof ApiError && query.error.isNotFound) return <NotFound what="这个领域" />;
    return (
      <div className="domain-page">
        <title>领域 · 进度</title>
        <BackLink />
        <h1>领域数据</h1>
        <ErrorState error={query.error} what="本领域的数据" onRetry={() => void query.refetch()} />
      </div>
    );
  }
  if (progress === undefined) return <PageSkeleton />;
  return <DomainView progress={progress} />;
}

function BackLink() {
  return (
    <p className="domain-page__back">
      <Link to="/">
        <span aria-hidden="true">← </span>返回总览
      </Link>
    </p>
  );
}

function SectionTitle({ domain }: { domain: Domain }) {
  // The section title is a nicety: if the report is not (yet) there, the page is complete without it.
  const report = useQuery(reportQuery(CURRENT_REPORT_ID));
  const title = sectionTitlesByDomain(report.data?.sections ?? []).get(domain.id);
  return title === undefined ? null : <span className="domain-page__section">【{title}】</span>;
}

function DomainView({ progress }: { progress: DomainProgress }) {
  const { domain, metrics, counts, worstStatus } = progress;
  const blocks = blocksOf(metrics);
  const withYoy = metrics.filter((p) => p.metric.yoyPct !== undefined);
  const yoyRows: BarRow[] = withYoy.map(({ metric }) => ({
    key: metric.id,
    label: metric.label,
    value: metric.yoyPct ?? 0,
    valueText: growthText(metric.yoyPct ?? 0),
    kind: 'value',
  }));
  return (
    <article className="domain-page" aria-labelledby="domain-title">
      <title>{`${domain.name} · 进度`}</title>
      <BackLink />
      <header className="domain-page__head">
        <div className="domain-page__heading">
          <SectionTitle domain={domain} />
          <h1 id="domain-title">{domain.name}</h1>
        </div>
        <PinToggle domainId={domain.id} domainName={domain.name} />
        <div className="domain-page__status">
          <StatusBadge status={worstStatus} />
          <span className="domain-page__count tabular">
            共{formatNumber(metrics.length)}项指标
            {domain.milestones.length > 0 && ` · ${formatNumber(domain.milestones.length)}项工作进展`}
          </span>
          <StatusCountList counts={counts} label={`${domain.name}各状态指标数`} />
        </div>
        {domain.note !== undefined && <p className="domain-page__note">{domain.note}</p>}
      </header>

      {yoyRows.length >= 2 && (
        <section className="domain-page__block" aria-labelledby="yoy-title">
          <h2 id="yoy-title">同比增长</h2>
          <div className="domain-page__chart">
            <LazyYoyChart rows={yoyRows} caption={`${domain.name}:各项指标同比增长(%)`} />
          </div>
        </section>
      )}

      {metrics.length > 0 && (
        <section className="domain-page__block" aria-labelledby="metrics-title">
          <h2 id="metrics-title">指标</h2>
          <div className="metric-grid">
            {blocks.map((block) =>
              block.parts.length === 0 ? (
                <MetricCard key={block.progress.metric.id} progress={block.progress} domainId={domain.id} />
              ) : (
                <BreakdownGroup key={block.progress.metric.id} block={block} domainId={domain.id} />
              ),
            )}
          </div>
        </section>
      )}

      {domain.milestones.length > 0 && (
        <section className="domain-page__block" aria-labelledby="milestones-title">
          <h2 id="milestones-title">工作进展</h2>
          <MilestoneList milestones={domain.milestones} />
        </section>
      )}
    </article>
  );
}

function BreakdownGroup({ block, domainId }: { block: MetricBlock; domainId: string }) {
  const { metric } = block.progress;
  // Parts in another unit than their total cannot share its scale: they are listed, not charted.
  const chartable = block.parts.every((p) => p.metric.unit === metric.unit);
  return (
    <section className="metric-group" aria-label={`${metric.label}及其构成`}>
      <MetricCard progress={block.progress} domainId={domainId} />
      {chartable && (
        <div className="metric-group__chart">
          <LazyBreakdownChart rows={breakdownRows(block)} caption={`${metric.label}的构成`} />
        </div>
      )}
      <div className="metric-group__parts">
        {block.parts.map((p) => (
          <MetricCard key={p.metric.id} progress={p} domainId={domainId} />
        ))}
      </div>
    </section>
  );
}
