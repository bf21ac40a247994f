import { formatNumber } from '../format';
import { STATUSES, STATUS_META, type Status, type StatusCounts } from '../progress';
import './status-badge.css';

type Props = { status: Status; /** Larger, for the wall and slides. */ size?: 'md' | 'lg' };

/** A status as a word and a shape as well as a colour, so no one needs the colour. */
export function StatusBadge({ status, size = 'md' }: Props) {
  const meta = STATUS_META[status];
  return (
    <span className={`status-badge status-badge--${size}`} data-status={status}>
      <span className="status-badge__icon" aria-hidden="true">
        {meta.icon}
      </span>
      {meta.label}
    </span>
  );
}

type CountsProps = {
  counts: StatusCounts;
  /** Names the list for screen readers: "大气污染防治各状态指标数". */
  label: string;
};

/** How many metrics are in each status, most urgent first; statuses with none are left out. */
export function StatusCountList({ counts, label }: CountsProps) {
  const shown = STATUSES.filter((status) => counts[status] > 0);
  return (
    <ul className="status-counts" aria-label={label}>
      {shown.map((status) => (
        <li key={status} className="status-counts__item" data-status={status}>
          <span className="status-badge__icon" aria-hidden="true">
            {STATUS_META[status].icon}
          </span>
          {STATUS_META[status].label}
          <span className="status-counts__n tabular">{formatNumber(counts[status])}</span>
          <span className="visually-hidden">项</span>
        </li>
      ))}
    </ul>
  );
}
