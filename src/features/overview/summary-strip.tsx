import { Link, useSearchParams } from 'react-router';
import type { Report } from '../../api';
import { ExportCsvButton } from '../../components/export-csv-button';
import { formatDate, formatNumber, formatPct, formatShortDate } from '../../format';
import { STATUSES, STATUS_META, elapsedShare, type DataAsOf, type Status, type StatusCounts } from '../../progress';
import { withFilter } from './filters';

type Props = {
  report: Report;
  /** Totals over the domains loaded so far. */
  counts: StatusCounts;
  metricCount: number;
  /** Domains still loading, and domains that failed: their metrics are not in the totals yet. */
  pendingDomains: number;
  failedDomains: number;
  activeStatus: Status | undefined;
  /** The date the panels' figures are as of (dataAsOf); the report's date until one is given. */
  asOf?: DataAsOf | undefined;
};

/** The report at a glance: what it is, how far the year has gone, and how many metrics are where. */
export function SummaryStrip({ report, counts, metricCount, pendingDomains, failedDomains, activeStatus, asOf }: Props) {
  const [params] = useSearchParams();
  const date = asOf?.date ?? report.publishedOn;
  const elapsed = asOf?.elapsed ?? elapsedShare(date);
  const behind = counts.behind + counts['far-behind'];
  const complete = pendingDomains === 0;
  return (
    <header className="summary-strip">
      <div className="summary-strip__title">
        <h1>{report.title}</h1>
        <p className="summary-strip__meta">
          {report.city}
          {report.district} · 报告日期 <time dateTime={report.publishedOn}>{formatDate(report.publishedOn)}</time>
        </p>
      </div>
      <dl className="summary-strip__facts">
        <div className="summary-fact">
          <dt>序时进度</dt>
          <dd>
            <span className="summary-fact__value tabular">{formatPct(elapsed.pct)}</span>
            <span className="summary-fact__note">
              {asOf?.updated === true ? '数据截至' : '截至'}
              {formatShortDate(date)},第{formatNumber(elapsed.elapsedDays)}天 / 共
              {formatNumber(elapsed.daysInYear)}天
            </span>
          </dd>
        </div>
        <div className="summary-fact">
          <dt>滞后指标</dt>
          <dd>
            <span className="summary-fact__value tabular">{complete ? formatNumber(behind) : '…'}</span>
            <span className="summary-fact__note">
              共{complete ? formatNumber(metricCount) : '…'}项指标
              {failedDomains > 0 && `(${formatNumber(failedDomains)}个领域未能加载,未计入)`}
            </span>
          </dd>
        </div>
      </dl>
      <nav className="summary-strip__counts" aria-label="按状态筛选">
        <ul>
          {STATUSES.map((status) => {
            const meta = STATUS_META[status];
            const n = counts[status];
            const content = (
              <>
                <span className="status-badge__icon" aria-hidden="true">
                  {meta.icon}
                </span>
                {meta.label}
                <span className="summary-count__n tabular">{complete ? formatNumber(n) : '…'}</span>
              </>
            );
            return (
              <li key={status}>
                {n > 0 ? (
                  <Link
                    className="summary-count"
                    data-status={status}
                    to={{ search: withFilter(params, 'status', status).toString() }}
                    aria-current={activeStatus === status ? 'true' : undefined}
                  >
                    {content}
                  </Link>
                ) : (
                  <span className="summary-count summary-count--none" data-status={status}>
                    {content}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="summary-strip__actions">
        <ExportCsvButton />
      </div>
    </header>
  );
}
