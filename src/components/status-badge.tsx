import { STATUS_META, type Status } from '../progress';
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
