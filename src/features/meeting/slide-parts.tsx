import type { ReactNode } from 'react';
import { StatusBadge } from '../../components/status-badge';
import { formatNumber } from '../../format';
import { STATUSES, type StatusCounts } from '../../progress';

/** Slides are h1 on screen and h2 inside the printed briefing, whose pages share one document. */
export type Level = 1 | 2;

type HeadingProps = { level: 1 | 2 | 3 | 4; id?: string; className?: string; children: ReactNode };

export function Heading({ level, id, className, children }: HeadingProps) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className={className}>
      {children}
    </Tag>
  );
}

/** Each status with metrics in it, as its badge and a count ("‼ 严重滞后 1 项"). */
export function StatusCountBadges({ counts, label }: { counts: StatusCounts; label: string }) {
  const shown = STATUSES.filter((status) => counts[status] > 0);
  if (shown.length === 0) return null;
  return (
    <ul className="slide-counts" aria-label={label}>
      {shown.map((status) => (
        <li key={status} className="slide-counts__item" data-status={status}>
          <StatusBadge status={status} />
          <span className="slide-counts__n tabular">{formatNumber(counts[status])}</span>
          <span className="slide-counts__unit">项</span>
        </li>
      ))}
    </ul>
  );
}
