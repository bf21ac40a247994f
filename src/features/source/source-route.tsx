import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { Link, useLocation } from 'react-router';
import { CURRENT_REPORT_ID, reportSourceQuery, type Report } from '../../api';
import { ErrorBoundary } from '../../components/error-boundary';
import { ErrorState } from '../../components/error-state';
import { ExportCsvButton } from '../../components/export-csv-button';
import { PageSkeleton } from '../../components/page-skeleton';
import { formatDate } from '../../format';
import { useReportProgress, type DomainEntry } from '../../report-data/use-report-progress';
import { figureAnchorId, locateFigures, type LocatedFigures } from './locate-figures';
import { metricHref, SourceText, type SourceDomain, type SourceMetric } from './source-text';
import './source.css';

export function Component() {
  return (
    <ErrorBoundary what="报告原文">
      <SourcePage />
    </ErrorBoundary>
  );
}

function sourceMetrics(domains: readonly DomainEntry[]): SourceMetric[] {
  return domains.flatMap(({ id, progress }) =>
    progress
      ? progress.metrics.map((mp) => ({ domainId: id, domainName: progress.domain.name, metric: mp.metric, progress: mp }))
      : [],
  );
}

/** The fragment of the URL, decoded: "#fig-air-pollution-good-air-days" → "fig-air-pollution-good-air-days". */
function fragmentId(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    // A malformed escape in a hand-typed link names nothing; it must not break the page.
    return '';
  }
}

/**
 * Scrolls to the element the URL's fragment names once it exists. The browser does this by itself only
 * for elements present when the page loads, and the figures arrive with the data, later.
 */
function useScrollToFragment(targetId: string, readiness: unknown) {
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (targetId === '' || done.current === targetId) return;
    const element = document.getElementById(targetId);
    if (element === null) return;
    done.current = targetId;
    // A figure sits mid-sentence: centre it. A heading leads what follows: put it at the top.
    element.scrollIntoView({ block: /^H[1-6]$/.test(element.tagName) ? 'start' : 'center' });
    // Keyboard users land on the figure too; the anchor of a shared figure hands on to the figure's link.
    const link = element.matches('a.figure-link')
      ? element
      : element.matches('.figure-alias')
        ? element.parentElement?.querySelector('a.figure-link')
        : null;
    if (link instanceof HTMLElement) link.focus({ preventScroll: true });
  }, [targetId, readiness]);
}

const WIDE = '(min-width: 64rem)';

function subscribeWide(onChange: () => void) {
  if (typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia(WIDE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function useWide(): boolean {
  return useSyncExternalStore(
    subscribeWide,
    () => typeof window.matchMedia === 'function' && window.matchMedia(WIDE).matches,
    () => false,
  );
}

function SourcePage() {
  const source = useQuery(reportSourceQuery(CURRENT_REPORT_ID));
  const { report, domains } = useReportProgress();
  const { hash } = useLocation();
  const targetId = fragmentId(hash);

  const metrics = sourceMetrics(domains);
  const located = source.data ? locateFigures(source.data.paragraphs, metrics, source.data.exclusions) : undefined;
  useScrollToFragment(targetId, located ? `${metrics.length}/${located.paragraphs.length}` : undefined);

  const domainNames = new Map(report.data?.domains.map((d) => [d.id, d.name]));
  const sourceDomains = new Map<string, SourceDomain>(
    domains.map((d) => [d.id, { name: domainNames.get(d.id) ?? d.id, note: d.query.data?.note }]),
  );
  // The report's headline is the page's heading; everything else reads beside the legend.
  const titles = located?.paragraphs.filter((p) => p.paragraph.kind === 'title') ?? [];
  const body = located?.paragraphs.filter((p) => p.paragraph.kind !== 'title') ?? [];
  const loadedCount = domains.filter((d) => d.progress !== undefined).length;
  const failedDomains = domains.filter((d) => d.query.isError);

  return (
    <article className="source-page" aria-busy={source.isPending}>
      <title>报告原文 · 进度</title>
      <header className="source-page__header">
        <p className="source-page__eyebrow">
          报告原文
          {report.data && (
            <span className="source-page__meta">
              {report.data.city}
              {report.data.district} · {formatDate(report.data.publishedOn)}
            </span>
          )}
        </p>
        {titles.length > 0 ? (
          <SourceText paragraphs={titles} domains={sourceDomains} targetId={targetId} />
        ) : (
          <h1 className="source-text__title">报告原文</h1>
        )}
        <p className="source-page__intro">
          报纸版面分栏打乱了原文顺序,这里按阅读顺序重新拼接;因排版丢失的文字以“[…]”标出。每个数字都标注了出处。
        </p>
      </header>

      {source.isPending && <PageSkeleton />}
      {source.isError && <ErrorState error={source.error} what="报告原文" onRetry={() => void source.refetch()} />}

      {located && (
        <div className="source-page__layout">
          <aside className="source-page__aside" aria-label="图例与目录">
            <div className="source-page__tools">
              <ExportCsvButton />
            </div>
            <Legend located={located} metricCount={metrics.length} loadedCount={loadedCount} domainCount={domains.length} />
            <Contents report={report.data} />
          </aside>

          <div className="source-page__body">
            {report.isError && <ErrorState error={report.error} what="报告" onRetry={() => void report.refetch()} />}
            {failedDomains.length > 0 && (
              <ErrorState
                error={failedDomains[0]?.query.error}
                what={`${failedDomains.map((d) => domainNames.get(d.id) ?? d.id).join('、')}的数据(其中的数字暂未标注)`}
                onRetry={() => failedDomains.forEach((d) => void d.query.refetch())}
              />
            )}
            <Unplaced located={located} />
            <div className="source-text">
              <SourceText paragraphs={body} domains={sourceDomains} targetId={targetId} />
            </div>
          </div>
        </div>
      )}
    </article>
  );
}

type LegendProps = {
  located: LocatedFigures<SourceMetric>;
  metricCount: number;
  loadedCount: number;
  domainCount: number;
};

function Legend({ located, metricCount, loadedCount, domainCount }: LegendProps) {
  const excludedCount = located.paragraphs.reduce((n, p) => n + p.segments.filter((s) => s.kind === 'excluded').length, 0);
  const loading = domainCount === 0 || loadedCount < domainCount;
  return (
    <section className="source-legend" aria-labelledby="source-legend-title">
      <h2 id="source-legend-title" className="source-legend__title">
        图例
      </h2>
      <dl className="source-legend__items">
        <div>
          <dt>
            <span className="figure-link figure-link--sample">66天</span>
          </dt>
          <dd>数据中的指标:点击跳到该指标,悬停或聚焦可见指标名称与状态。</dd>
        </div>
        <div>
          <dt>
            <mark className="excluded excluded--sample">6月23日</mark>
          </dt>
          <dd>有意未计入数据的数字(日期、名称、可由其他数字算出的数):悬停或用键盘聚焦可见原因。</dd>
        </div>
      </dl>
      <p className="source-legend__counts" aria-live="polite">
        {loading
          ? `正在标注数字(已加载${loadedCount}/${domainCount}个领域)…`
          : `已标注${metricCount}项指标,${excludedCount}处有意未计入的数字。`}
      </p>
    </section>
  );
}

function Contents({ report }: { report: Report | undefined }) {
  const wide = useWide();
  if (report === undefined) return null;
  const names = new Map(report.domains.map((d) => [d.id, d.name]));
  const list = (
    <ol className="source-toc__sections">
      {report.sections.map((section) => (
        <li key={section.id}>
          <span className="source-toc__section">{section.title}</span>
          <ol className="source-toc__domains">
            {section.domainIds.map((id) => (
              <li key={id}>
                <a href={`#domain-${id}`}>{names.get(id) ?? id}</a>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
  // On a phone the contents fold away above the text; beside the text on a wide screen they stay open.
  return (
    <nav className="source-toc" aria-label="报告目录">
      {wide ? (
        <>
          <h2 className="source-toc__title">目录</h2>
          {list}
        </>
      ) : (
        <details>
          <summary className="source-toc__title">目录</summary>
          {list}
        </details>
      )}
    </nav>
  );
}

/** Figures the text does not contain, listed so that none silently goes missing. */
function Unplaced({ located }: { located: LocatedFigures<SourceMetric> }) {
  if (located.unlocated.length === 0 && located.unplacedExclusions.length === 0) return null;
  return (
    <section className="source-unplaced" aria-labelledby="source-unplaced-title">
      <h2 id="source-unplaced-title" className="source-unplaced__title">
        未能在原文中定位的数字
      </h2>
      {located.unlocated.length > 0 && (
        <ul>
          {located.unlocated.map((item) => (
            <li key={`${item.domainId}/${item.metric.id}`} id={figureAnchorId(item.domainId, item.metric.id)}>
              <Link to={metricHref(item)}>
                {item.domainName} · {item.metric.label}
              </Link>
              :“{item.metric.source.figure}”应在“{item.metric.source.quote}”中
            </li>
          ))}
        </ul>
      )}
      {located.unplacedExclusions.length > 0 && (
        <ul>
          {located.unplacedExclusions.map((e, i) => (
            <li key={i}>
              未计入的“{e.figure}”({e.reason})应在“{e.quote}”中
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
