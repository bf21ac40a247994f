import type { MouseEvent, FocusEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import type { SourceParagraph } from '../../api';
import { StatusBadge } from '../../components/status-badge';
import { STATUS_META, type MetricProgress } from '../../progress';
import { figureAnchorId, type LocatedParagraph, type Segment } from './locate-figures';

/** A metric as /source places it: its analysis, and the domain it belongs to. */
export interface SourceMetric {
  domainId: string;
  domainName: string;
  metric: MetricProgress['metric'];
  progress: MetricProgress;
}

export function metricHref(item: Pick<SourceMetric, 'domainId' | 'metric'>): string {
  return `/domains/${encodeURIComponent(item.domainId)}#metric-${item.metric.id}`;
}

function describeMetric(item: SourceMetric): string {
  return `${item.metric.label}(${STATUS_META[item.progress.status].label})`;
}

/** The anchor of an excluded figure's reason, for aria-describedby. */
function reasonId(index: number): string {
  return `excluded-${index}-reason`;
}

const VIEWPORT_MARGIN_PX = 8;

/**
 * Shifts a tooltip that is shown now back inside the viewport: a figure near the right edge of a phone
 * screen would otherwise push its tooltip off the page.
 */
function keepTipInView(event: MouseEvent<HTMLElement> | FocusEvent<HTMLElement>) {
  const tip = event.currentTarget.querySelector<HTMLElement>('.figure-tip');
  if (tip === null) return;
  tip.style.removeProperty('--tip-shift');
  const rect = tip.getBoundingClientRect();
  if (rect.width === 0) return;
  const maxRight = document.documentElement.clientWidth - VIEWPORT_MARGIN_PX;
  let shift = rect.right > maxRight ? maxRight - rect.right : 0;
  // A tip wider than the screen keeps its start visible: that is where its sentence begins.
  if (rect.left + shift < VIEWPORT_MARGIN_PX) shift = VIEWPORT_MARGIN_PX - rect.left;
  if (shift !== 0) tip.style.setProperty('--tip-shift', `${shift}px`);
}

function MetricFigure({ segment, targetId }: { segment: Extract<Segment<SourceMetric>, { kind: 'metric' }>; targetId: string }) {
  const { item, sharing } = segment;
  const anchor = figureAnchorId(item.domainId, item.metric.id);
  const targeted = targetId === anchor || sharing.some((m) => figureAnchorId(m.domainId, m.metric.id) === targetId);
  const also = sharing.length > 0 ? `;同一数字也是${sharing.map(describeMetric).join('、')}` : '';
  // The tip sits beside the link, not in it, so that the link's visible text is the figure alone.
  return (
    <span className="figure-wrap" onMouseEnter={keepTipInView} onFocus={keepTipInView}>
      {/* Metrics that quote the very same number get their anchor here, beside the figure. */}
      {sharing.map((m) => (
        <span key={`${m.domainId}/${m.metric.id}`} id={figureAnchorId(m.domainId, m.metric.id)} className="figure-alias" />
      ))}
      <Link
        id={anchor}
        to={metricHref(item)}
        className={targeted ? 'figure-link is-targeted' : 'figure-link'}
        data-status={item.progress.status}
        aria-label={`${segment.text}:${describeMetric(item)}${also}`}
      >
        {segment.text}
      </Link>
      <span className="figure-tip" aria-hidden="true" hidden>
        <span className="figure-tip__label">{item.metric.label}</span>
        <StatusBadge status={item.progress.status} />
        {sharing.map((m) => (
          <span key={`${m.domainId}/${m.metric.id}`} className="figure-tip__also">
            同一数字也是:{m.metric.label} <StatusBadge status={m.progress.status} />
          </span>
        ))}
        <span className="figure-tip__hint">点击查看该指标</span>
      </span>
    </span>
  );
}

function ExcludedFigure({ segment }: { segment: Extract<Segment<SourceMetric>, { kind: 'excluded' }> }) {
  const id = reasonId(segment.index);
  return (
    <span className="excluded-wrap" onMouseEnter={keepTipInView} onFocus={keepTipInView}>
      <mark className="excluded" tabIndex={0} aria-describedby={id}>
        {segment.text}
      </mark>
      <span id={id} role="tooltip" className="figure-tip figure-tip--excluded" hidden>
        <strong>未计入数据</strong>:{segment.exclusion.reason}
      </span>
    </span>
  );
}

export function Segments({ segments, targetId }: { segments: Segment<SourceMetric>[]; targetId: string }) {
  return segments.map((segment, i) => {
    switch (segment.kind) {
      case 'text':
        return segment.text;
      case 'metric':
        return <MetricFigure key={i} segment={segment} targetId={targetId} />;
      case 'excluded':
        return <ExcludedFigure key={i} segment={segment} />;
    }
  });
}

/** What the text shows about a domain beside its keyword. */
export interface SourceDomain {
  name: string;
  /** What the report does not say, said honestly (安全生产 has no figures). */
  note?: string | undefined;
}

type ParagraphProps = { paragraph: SourceParagraph; domain: SourceDomain | undefined; children: ReactNode };

function Paragraph({ paragraph, domain, children }: ParagraphProps) {
  switch (paragraph.kind) {
    case 'title':
      return <h1 className="source-text__title">{children}</h1>;
    case 'section':
      return (
        <h2 id={`section-${paragraph.id}`} className="source-text__section">
          {children}
        </h2>
      );
    case 'keyword':
      return (
        <div className="source-text__keyword-row">
          <h3 id={paragraph.domainId ? `domain-${paragraph.domainId}` : paragraph.id} className="source-text__keyword">
            {children}
          </h3>
          {paragraph.domainId !== undefined && (
            <Link to={`/domains/${encodeURIComponent(paragraph.domainId)}`} className="source-text__domain-link">
              查看领域页<span className="visually-hidden">:{domain?.name ?? paragraph.domainId}</span>
            </Link>
          )}
          {domain?.note !== undefined && <p className="source-text__note">说明:{domain.note}</p>}
        </div>
      );
    case 'text':
      return <p className="source-text__paragraph">{children}</p>;
  }
}

type SourceTextProps = {
  paragraphs: LocatedParagraph<SourceMetric>[];
  /** Domains by id: names for the links to the domain pages, and notes. */
  domains: ReadonlyMap<string, SourceDomain>;
  /** The element the URL's fragment names, to emphasise. */
  targetId: string;
};

/** The report in reading order, every placed figure wrapped. The title paragraph is the page's h1. */
export function SourceText({ paragraphs, domains, targetId }: SourceTextProps) {
  return paragraphs.map(({ paragraph, segments }) => (
    <Paragraph key={paragraph.id} paragraph={paragraph} domain={domains.get(paragraph.domainId ?? '')}>
      <Segments segments={segments} targetId={targetId} />
    </Paragraph>
  ));
}
