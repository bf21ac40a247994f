import { Link, useLocation } from 'react-router';
import type { Report } from '../../api';
import { OverdueBadge } from '../../components/delta';
import { StatusBadge } from '../../components/status-badge';
import { formatDate, formatNumber, formatPct, formatShortDate } from '../../format';
import { dataAsOf, loadedMetrics, STATUSES, totalCounts, type DomainProgress } from '../../progress';
import type { DomainEntry } from '../../report-data/use-report-progress';
import { slidePath } from './slides';
import { SinceLastMeeting } from './since-last-meeting';
import { Heading, type Level } from './slide-parts';

type Props = {
  report: Report;
  order: readonly DomainEntry[];
  idPrefix: string;
  level: Level;
  /** "Since the last meeting" first, above the agenda (on screen); the printed briefing prints it apart. */
  withChanges?: boolean;
};

/** Slide 1: every domain, what is behind first, with how many of its metrics are in each status. */
export function AgendaSlide({ report, order, idPrefix, level, withChanges = false }: Props) {
  const analysed = order.flatMap((entry): DomainProgress[] => (entry.progress ? [entry.progress] : []));
  const totals = totalCounts(analysed);
  const metricCount = STATUSES.reduce((sum, s) => sum + totals[s], 0);
  const titleId = `${idPrefix}-title`;
  const asOf = dataAsOf(report, loadedMetrics(order.map((e) => e.query.data)));
  // The since-date setting (?since=) goes along to every slide.
  const { search } = useLocation();

  return (
    <div className="slide__content agenda">
      <header className="slide__head">
        <div className="slide__titles">
          <p className="slide__kicker">
            {report.title} · {formatDate(report.publishedOn)}
          </p>
          <Heading level={level} id={titleId} className="slide__title">
            会议议程
          </Heading>
        </div>
        <p className="agenda__summary">
          {asOf.updated && <>数据截至{formatShortDate(asOf.date)} · </>}
          序时进度 <strong className="tabular">{formatPct(asOf.elapsed.pct)}</strong> · 共{' '}
          <strong className="tabular">{formatNumber(metricCount)}</strong> 项指标,严重滞后{' '}
          <strong className="tabular">{formatNumber(totals['far-behind'])}</strong> 项、滞后{' '}
          <strong className="tabular">{formatNumber(totals.behind)}</strong> 项
        </p>
      </header>
      {/* The meeting opens with what changed since the last one, then goes through the agenda; the printed briefing gives it its own first page. */}
      {withChanges && <SinceLastMeeting domains={order} idPrefix={`${idPrefix}-since`} level={level} editable />}
      <table className="agenda__table" aria-labelledby={titleId} aria-describedby={`${idPrefix}-order`}>
        <thead>
          <tr>
            <th scope="col" className="agenda__num">
              页
            </th>
            <th scope="col" className="agenda__domain">
              领域
            </th>
            {STATUSES.map((status) => (
              <th scope="col" key={status} className="agenda__count">
                <StatusBadge status={status} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {order.map((entry, i) => {
            const counts = entry.progress?.counts;
            return (
              <tr key={entry.id}>
                <td className="agenda__num tabular">{formatNumber(i + 2)}</td>
                <th scope="row" className="agenda__domain">
                  <Link to={{ pathname: slidePath(order, i + 1), search }}>{entry.name}</Link>
                  {(entry.query.data?.overdue ?? entry.summary?.overdue) === true && <OverdueBadge />}
                  {entry.sectionTitle && <span className="agenda__section">{entry.sectionTitle}</span>}
                </th>
                {counts === undefined ? (
                  <td colSpan={STATUSES.length} className="agenda__failed">
                    数据加载失败,该页会说明原因
                  </td>
                ) : (
                  STATUSES.map((status) => (
                    <td key={status} className="agenda__count tabular" data-status={status} data-zero={counts[status] === 0 || undefined}>
                      {formatNumber(counts[status])}
                    </td>
                  ))
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p id={`${idPrefix}-order`} className="agenda__note">
        排序:严重滞后、滞后指标多的领域在前,其次为进度正常、超前、已完成、推进中,没有年度目标的领域在后。
      </p>
    </div>
  );
}
