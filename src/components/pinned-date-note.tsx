import type { ReportCycle } from '../api/tracking-schemas';
import { formatDate } from '../format';
import { isoWeekday } from '../tracking/dates';
import './example-tag.css';

const WEEKDAYS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

/** "星期一" for ISO weekday 1. */
export const weekdayName = (weekday: number): string => WEEKDAYS[weekday] ?? '';

/**
 * Says that the server's date is pinned (the demo, or JINDU_TODAY): cycles, 逾期未报 and "not in the
 * future" follow that day, not the real one. Nothing when the date is the real one.
 */
export function PinnedDateNote({ cycle, className }: { cycle: Pick<ReportCycle, 'today' | 'pinned'>; className?: string }) {
  if (!cycle.pinned) return null;
  return (
    <p className={['pinned-date-note', className].filter(Boolean).join(' ')} role="note" data-testid="pinned-date-note">
      <span className="example-tag">示例</span> 演示日期固定为{formatDate(cycle.today)}({weekdayName(isoWeekday(cycle.today))}):填报周期、逾期未报和“截至日期不晚于今天”都按这一天计算,而不是真实日期。
    </p>
  );
}
