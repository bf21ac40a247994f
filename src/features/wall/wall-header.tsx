import { WALL_REFRESH_MS, type Report } from '../../api';
import { formatDate, formatPct, formatTime } from '../../format';
import { elapsedShare, type DataAsOf } from '../../progress';
import { readFreshness, type QueryFreshness } from './freshness';
import { useMinuteClock } from './use-minute-clock';

/** Past this age the figures are called stale even if no refresh has visibly failed (a stalled poll). */
export const STALE_AFTER_MS = WALL_REFRESH_MS + 60_000;

type Props = {
  report: Report | undefined;
  /** The date the figures on the wall are as of (dataAsOf): the report's, or the newest approved figure's. */
  asOf: DataAsOf | undefined;
  queries: readonly QueryFreshness[];
};

/**
 * What the wall shows and how fresh it is: the report and its date, the clock, and "更新于 HH:MM" or,
 * when a refresh failed, a warning that says how old the figures on screen are. The clock lives here
 * so that its minute tick re-renders this header only, not the slide below it.
 */
export function WallHeader({ report, asOf, queries }: Props) {
  const now = useMinuteClock();
  const { updatedAt, stale } = readFreshness(queries, now, STALE_AFTER_MS);
  return (
    <header className="wall-header">
      {report === undefined ? (
        <p className="wall-header__title">进度 · 大屏</p>
      ) : (
        <div>
          <p className="wall-header__title">{report.title}</p>
          <p className="wall-header__meta tabular">
            {asOf?.updated === true ? (
              <>
                数据截至 {formatDate(asOf.date)} · 序时进度 {formatPct(asOf.elapsed.pct)} · 报告日期 {formatDate(report.publishedOn)}
              </>
            ) : (
              <>
                报告日期 {formatDate(report.publishedOn)} · 序时进度 {formatPct((asOf?.elapsed ?? elapsedShare(report.publishedOn)).pct)}
              </>
            )}
          </p>
        </div>
      )}
      <div className="wall-clock">
        <p className="wall-clock__time tabular">
          <time dateTime={new Date(now).toISOString()}>{formatTime(new Date(now))}</time>
        </p>
        {updatedAt !== undefined &&
          (stale ? (
            <p className="wall-stale" role="status">
              <span aria-hidden="true">⚠ </span>数据未能更新,显示的是 {formatTime(new Date(updatedAt))} 的数据
            </p>
          ) : (
            <p className="wall-clock__updated tabular">更新于 {formatTime(new Date(updatedAt))}</p>
          ))}
      </div>
    </header>
  );
}
