import { HorizontalBars } from './horizontal-bars';
import type { BarRow } from './types';

type Props = { rows: readonly BarRow[]; caption: string };

/** Year-on-year growth (同比增长) of several figures, in percent, on one scale. */
export function YoyChart({ rows, caption }: Props) {
  return <HorizontalBars rows={rows} caption={caption} valueHeading="同比增长" />;
}

export default YoyChart;
