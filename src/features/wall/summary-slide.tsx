import type { CSSProperties } from 'react';
import type { Report } from '../../api';
import { OverdueBadge } from '../../components/delta';
import { StatusBadge } from '../../components/status-badge';
import { formatNumber, formatPct, formatShortDate } from '../../format';
import { dataAsOf, loadedMetrics, STATUS_META, statusesPresent, totalCounts, type DomainProgress } from '../../progress';
import type { DomainEntry } from '../../report-data/use-report-progress';
import { DomainTrouble } from './domain-trouble';

type Props = {
  report: Report;
  entries: readonly DomainEntry[];
  /** Every domain of the report is on this wall (not a ?domains= or pinned subset). */
  complete: boolean;
};

/** Five columns of three rows; a report with more domains gets more columns, never a fourth row. */
function tileColumns(count: number): CSSProperties {
  return { '--columns': Math.max(5, Math.ceil(count / 3)) } as CSSProperties;
}

export const isOverdue = (entry: DomainEntry) => (entry.query.data?.overdue ?? entry.summary?.overdue) === true;

/** A domain at a glance: its most urgent status and how many of its metrics are in it. */
function Tile({ entry }: { entry: DomainEntry }) {
  const { progress, name } = entry;
  const status = progress?.worstStatus ?? 'no-target';
  return (
    <li className="wall-tile" data-status={progress ? status : undefined}>
      <h2 className="wall-tile__name">{name}</h2>
      {isOverdue(entry) && <OverdueBadge />}
      {progress ? (
        <>
          <p className="wall-tile__status">
            <StatusBadge status={status} size="lg" />
            {status !== 'no-target' && (
              <span className="wall-tile__worst-count tabular">{formatNumber(progress.counts[status])} 项</span>
            )}
          </p>
          <p className="wall-tile__counts tabular">
            指标 {formatNumber(progress.domain.metrics.length)} · 里程碑 {formatNumber(progress.domain.milestones.length)}
          </p>
        </>
      ) : (
        <DomainTrouble entry={entry} compact />
      )}
    </li>
  );
}

/** Slide 0: every domain's status at a glance, with the year's pace and the totals above. */
export function SummarySlide({ report, entries, complete }: Props) {
  const loaded = entries.map((e) => e.progress).filter((p): p is DomainProgress => p !== undefined);
  const totals = totalCounts(loaded);
  const metricCount = loaded.reduce((sum, p) => sum + p.metrics.length, 0);
  const asOf = dataAsOf(report, loadedMetrics(entries.map((e) => e.query.data)));
  const elapsed = asOf.elapsed;
  const shown = statusesPresent(totals);

  return (
    <div className="wall-summary">
      <header className="wall-summary__head">
        <h1 className="wall-slide-title">
          {complete ? '全区总览' : '所选领域总览'}
          <span className="wall-slide-title__sub">
            {formatNumber(entries.length)} 个领域{loaded.length < entries.length ? `(已加载 ${formatNumber(loaded.length)} 个)` : ''}
          </span>
        </h1>
        <dl className="wall-totals">
          <div className="wall-total">
            <dt>序时进度({formatShortDate(asOf.date)})</dt>
            <dd className="wall-figure tabular">{formatPct(elapsed.pct)}</dd>
          </div>
          <div className="wall-total">
            <dt>指标</dt>
            <dd>
              <span className="wall-figure tabular">{formatNumber(metricCount)}</span>
              <span className="wall-total__unit">项</span>
            </dd>
          </div>
          {shown.map((status) => (
            <div key={status} className="wall-total" data-status={status}>
              <dt>
                <span aria-hidden="true">{STATUS_META[status].icon} </span>
                {STATUS_META[status].label}
              </dt>
              <dd>
                <span className="wall-figure wall-figure--status tabular">{formatNumber(totals[status])}</span>
                <span className="wall-total__unit">项</span>
              </dd>
            </div>
          ))}
        </dl>
      </header>
      <ul className="wall-tiles" style={tileColumns(entries.length)}>
        {entries.map((entry) => (
          <Tile key={entry.id} entry={entry} />
        ))}
      </ul>
    </div>
  );
}
