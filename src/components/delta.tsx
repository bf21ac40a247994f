import type { Direction, Metric } from '../api';
import type { Delta } from '../api/tracking-schemas';
import { formatNumber } from '../format';
import { daysBetween } from '../tracking/dates';
import { exactDifference } from '../tracking/decimal';
import './delta.css';

// 较上次: a figure against the approved one before it, exact (88.28 − 80.1 = 8.18, never
// 8.180000000000007), with the days between the two as-of dates. Whether it went the good way is said
// in a word as well as an arrow and a colour.

/** The metric's 较上次 from the `previous` the API serves; none for the report's own figures. */
export function metricDelta(metric: Pick<Metric, 'value' | 'unit' | 'asOf' | 'previous'>): Delta | undefined {
  const { previous } = metric;
  if (previous === undefined || previous === null || previous.unit !== metric.unit) return undefined;
  return { value: exactDifference(metric.value, previous.value), unit: metric.unit, days: daysBetween(previous.asOf, metric.asOf) };
}

/** "+8.18%", "−3微克/立方米", "0天": signed, the unit as the figure carries it. */
export function formatDelta(delta: Pick<Delta, 'value' | 'unit'>): string {
  const text = formatNumber(delta.value);
  const signed = delta.value > 0 ? `+${text}` : text;
  return `${signed}${delta.unit}`;
}

type Way = 'better' | 'worse' | 'same' | 'neutral';

function wayOf(delta: Delta, direction: Direction): Way {
  if (delta.value === 0) return 'same';
  if (direction === 'neutral') return 'neutral';
  return (delta.value > 0) === (direction === 'higher') ? 'better' : 'worse';
}

const WAY_WORD: Record<Way, string> = { better: '向好', worse: '变差', same: '持平', neutral: '' };

type Props = { delta: Delta; direction: Direction; label?: string; className?: string };

/** "较上次 ▲ +24天 向好 · 间隔9天" */
export function DeltaText({ delta, direction, label, className }: Props) {
  const way = wayOf(delta, direction);
  const arrow = delta.value > 0 ? '▲' : delta.value < 0 ? '▼' : '=';
  return (
    <span className={['delta', className].filter(Boolean).join(' ')} data-way={way}>
      {label !== undefined && <span className="delta__label">{label} </span>}
      较上次{' '}
      <span className="delta__value tabular">
        <span aria-hidden="true">{arrow} </span>
        {formatDelta(delta)}
      </span>
      {WAY_WORD[way] !== '' && <span className="delta__way"> {WAY_WORD[way]}</span>}
      <span className="delta__days tabular"> · 间隔{formatNumber(delta.days)}天</span>
    </span>
  );
}

/**
 * 逾期未报: the cycle that last fell due has no update from the domain. Its mark is ※, which the CJK
 * fonts have: an emoji clock is an empty box on a wall PC without an emoji font (Debian's Chromium).
 */
export function OverdueBadge({ size = 'md' }: { size?: 'md' | 'lg' }) {
  return (
    <span className={`overdue-badge overdue-badge--${size}`}>
      <span aria-hidden="true">※ </span>逾期未报
    </span>
  );
}
