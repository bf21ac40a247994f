import type { Status } from '../progress';
import { StatusBadge } from './status-badge';
import './status-change.css';

/** A metric's status now and with a new figure: ▼滞后 → ●正常, or the one badge when it stays. */
export function StatusChange({ before, after }: { before: Status; after: Status }) {
  if (before === after) {
    return (
      <span className="status-change">
        <StatusBadge status={after} />
        <span className="status-change__same">不变</span>
      </span>
    );
  }
  return (
    <span className="status-change">
      <StatusBadge status={before} />
      <span className="status-change__arrow" aria-hidden="true">
        →
      </span>
      <span className="visually-hidden">变为</span>
      <StatusBadge status={after} />
    </span>
  );
}
