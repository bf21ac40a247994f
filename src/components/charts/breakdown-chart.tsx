import { HorizontalBars } from './horizontal-bars';
import type { BarRow } from './types';

type Props = {
  /** The total first (kind 'total'), then its parts. */
  rows: readonly BarRow[];
  /** "建筑垃圾清运的构成". */
  caption: string;
};

/** A figure and the parts the report breaks it into (四环内 / 四环外), on one scale. */
export function BreakdownChart({ rows, caption }: Props) {
  return <HorizontalBars rows={rows} caption={caption} valueHeading="数值" />;
}

export default BreakdownChart;
