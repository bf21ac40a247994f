import { useDeferredValue } from 'react';
import { useSearchParams } from 'react-router';
import type { Section } from '../../api';
import { ErrorBoundary } from '../../components/error-boundary';
import { ErrorState } from '../../components/error-state';
import { usePinnedDomains } from '../../pinned/pinned-domains';
import { dataAsOf, emptyCounts, loadedMetrics, STATUS_META, totalCounts } from '../../progress';
import { formatNumber } from '../../format';
import { LiveUpdates } from '../../report-data/use-live-updates';
import { useReportProgress, type DomainEntry } from '../../report-data/use-report-progress';
import { DomainPanel, PanelBodySkeleton } from './domain-panel';
import { FilterBar } from './filter-bar';
import { hasActiveFilters, matchDomain, parseFilters, withFilter, withoutFilters, type OverviewFilters, type PanelMatch } from './filters';
import { SummaryStrip } from './summary-strip';
import './overview.css';

type Placed = { entry: DomainEntry; match: PanelMatch | undefined };

/**
 * Whether a panel shows under the filters. A domain that is still loading or failed to load is kept:
 * whether it matches is not known yet, and a failure must stay visible with its retry.
 */
function place(entry: DomainEntry, filters: OverviewFilters): Placed | undefined {
  if (filters.section !== undefined && entry.summary?.sectionId !== filters.section) return undefined;
  if (entry.progress === undefined) return { entry, match: undefined };
  const match = matchDomain(entry.progress, filters);
  return match.visible ? { entry, match } : undefined;
}

export function OverviewPage() {
  return (
    <>
      {/* After first paint only: the prerendered markup hydrates as drawn, and the stream costs nothing
          before. Its own leaf, so that opening it does not draw the fifteen panels again. */}
      <LiveUpdates />
      <OverviewContent />
    </>
  );
}

function OverviewContent() {
  const { report, domains: latest } = useReportProgress();
  // Fifteen responses land within a few milliseconds; drawing their panels is a background render that
  // React slices into short tasks, so a slow phone stays responsive (no 600 ms long task) meanwhile.
  const domains = useDeferredValue(latest);
  const [params, setParams] = useSearchParams();
  const pinned = usePinnedDomains();

  if (report.isPending) return <OverviewSkeleton />;
  if (report.isError) {
    return (
      <div className="overview">
        <title>总览 · 进度</title>
        <h1>总览</h1>
        <ErrorState error={report.error} what="报告" onRetry={() => void report.refetch()} />
      </div>
    );
  }

  const filters = parseFilters(params, report.data.sections);
  const byId = new Map(domains.map((d) => [d.id, d]));
  const pinnedEntries = pinned.flatMap((id) => byId.get(id) ?? []);
  const isPinned = new Set(pinnedEntries.map((e) => e.id));
  const loaded = domains.flatMap((d) => d.progress ?? []);
  const counts = loaded.length > 0 ? totalCounts(loaded) : emptyCounts();
  const metricCount = loaded.reduce((n, p) => n + p.metrics.length, 0);
  const pending = domains.filter((d) => d.query.isPending).length;
  const failed = domains.filter((d) => d.query.isError).length;

  const pinnedPlaced = pinnedEntries.flatMap((e) => place(e, filters) ?? []);
  const sections = report.data.sections.map((section) => ({
    section,
    members: section.domainIds.filter((id) => !isPinned.has(id)).length,
    placed: section.domainIds.flatMap((id) => {
      const entry = byId.get(id);
      return entry === undefined || isPinned.has(id) ? [] : (place(entry, filters) ?? []);
    }),
  }));
  const shown = pinnedPlaced.length + sections.reduce((n, s) => n + s.placed.length, 0);
  const filtering = hasActiveFilters(filters);

  const setFilter = (key: 'status' | 'section' | 'q', value: string | undefined) =>
    // Typing replaces the history entry; choosing from a select is a step one can go back from.
    setParams(withFilter(params, key, value), { replace: key === 'q' });
  const clear = () => setParams(withoutFilters(params));

  return (
    <div className="overview">
      <title>总览 · 进度</title>
      <SummaryStrip
        report={report.data}
        counts={counts}
        metricCount={metricCount}
        pendingDomains={pending}
        failedDomains={failed}
        activeStatus={filters.status}
        asOf={dataAsOf(report.data, loadedMetrics(domains.map((e) => e.query.data)))}
      />
      <FilterBar filters={filters} sections={report.data.sections} onChange={setFilter} onClear={clear} />
      <IgnoredNote filters={filters} />
      <p className="overview__result" role="status">
        {filtering && pending === 0 && shown > 0 && (
          <>
            显示 <span className="tabular">{formatNumber(shown)}</span> 个领域
            {filters.status !== undefined && `(含“${STATUS_META[filters.status].label}”指标)`}
          </>
        )}
      </p>
      {shown === 0 && pending === 0 ? (
        <div className="overview__empty">
          <p>没有符合筛选条件的领域或指标。</p>
          <button type="button" className="button" onClick={clear}>
            清除筛选
          </button>
        </div>
      ) : (
        <>
          {pinnedPlaced.length > 0 && (
            <PanelSection id="pinned" title="我的领域" placed={pinnedPlaced} pinnedSection />
          )}
          {sections.map(({ section, members, placed }) =>
            placed.length > 0 ? (
              <PanelSection key={section.id} id={section.id} title={section.title} placed={placed} />
            ) : !filtering && members === 0 ? (
              <AllPinnedSection key={section.id} section={section} />
            ) : null,
          )}
        </>
      )}
    </div>
  );
}

function PanelSection({ id, title, placed, pinnedSection = false }: { id: string; title: string; placed: Placed[]; pinnedSection?: boolean }) {
  const headingId = `section-${id}`;
  return (
    <section className={`overview-section${pinnedSection ? ' overview-section--pinned' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="overview-section__title">
        {pinnedSection ? (
          <>
            <span aria-hidden="true">★ </span>
            {title}
          </>
        ) : (
          `【${title}】`
        )}
      </h2>
      <div className="panel-grid">
        {placed.map(({ entry, match }) => (
          <ErrorBoundary key={entry.id} what={`“${entry.name}”面板`}>
            <DomainPanel entry={entry} match={match} />
          </ErrorBoundary>
        ))}
      </div>
    </section>
  );
}

function AllPinnedSection({ section }: { section: Section }) {
  const headingId = `section-${section.id}`;
  return (
    <section className="overview-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="overview-section__title">
        【{section.title}】
      </h2>
      <p className="overview-section__note">本部分的领域都已列入“我的领域”。</p>
    </section>
  );
}

function IgnoredNote({ filters }: { filters: OverviewFilters }) {
  const { status, section } = filters.ignored;
  if (status === undefined && section === undefined) return null;
  return (
    <p className="overview__ignored" role="note">
      <span aria-hidden="true">ⓘ </span>
      链接中的筛选条件无法识别,已忽略:
      {status !== undefined && `状态“${status}”`}
      {status !== undefined && section !== undefined && '、'}
      {section !== undefined && `部分“${section}”`}
    </p>
  );
}

/** While the report itself loads: the strip and a grid of panels, as the loaded page lays them out. */
function OverviewSkeleton() {
  return (
    <div className="overview" aria-busy="true">
      <title>总览 · 进度</title>
      <span className="visually-hidden" role="status">
        正在加载总览…
      </span>
      <div className="summary-strip summary-strip--skeleton" aria-hidden="true">
        <span className="skeleton skeleton--heading" />
        <span className="skeleton skeleton--line" />
      </div>
      <div className="filter-bar filter-bar--skeleton" aria-hidden="true" />
      <div className="overview-section" aria-hidden="true">
        <span className="skeleton skeleton--section" />
        <div className="panel-grid">
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="domain-panel">
              <div className="domain-panel__head">
                <span className="skeleton skeleton--line" />
              </div>
              <PanelBodySkeleton />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
