import { formatNumber } from '../format';
import { STATUS_META, statusesPresent, type Status, type StatusCounts } from '../progress';
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
  /**
   * `text`: each status as its shape and word in its colour ("▼ 滞后 1"); `badge`: as its badge, the
   * count beside it in the text colour with its unit shown ("‼ 严重滞后 1 项").
   */
  look?: 'text' | 'badge';
  /** The view's own class, which sizes and spaces the list through the `--status-counts-*` properties. */
  className?: string;
};

/**
 * How many metrics are in each status, most urgent first; statuses with none are left out, and a
 * domain with no metrics gets no list.
 */
export function StatusCountList({ counts, label, look = 'text', className }: CountsProps) {
  const shown = statusesPresent(counts);
  if (shown.length === 0) return null;
  const classes = ['status-counts', look === 'badge' && 'status-counts--badges', className].filter(Boolean).join(' ');
  return (
    <ul className={classes} aria-label={label}>
      {shown.map((status) => (
        <li key={status} className="status-counts__item" data-status={status}>
          {look === 'badge' ? (
            <StatusBadge status={status} />
          ) : (
            <>
              <span className="status-counts__icon" aria-hidden="true">
                {STATUS_META[status].icon}
              </span>
              {STATUS_META[status].label}
            </>
          )}
          <span className="status-counts__n tabular">{formatNumber(counts[status])}</span>
          <span className={look === 'badge' ? 'status-counts__unit' : 'visually-hidden'}>项</span>
        </li>
      ))}
    </ul>
  );
}
