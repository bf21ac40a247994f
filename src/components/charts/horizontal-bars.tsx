import { Bar, BarChart, ReferenceLine, XAxis, YAxis, type BarShapeProps } from 'recharts';
import { BAR_OFFSET_PX, BAR_PX, CHART_MARGIN, barChartHeight } from './chart-size';
import type { BarRow } from './types';
import './charts.css';

type Props = {
  rows: readonly BarRow[];
  /** Names the figure; the chart itself is hidden from screen readers, the table beside it is not. */
  caption: string;
  /** Header of the value column in the table read by screen readers ("数量", "同比增长"). */
  valueHeading: string;
};

/**
 * Horizontal bars, each with its label and formatted value written above it: Chinese labels are too
 * long for an axis on a phone, and a number beside its bar needs no axis at all. Recharts draws the
 * bars; the same data is in a table for screen readers.
 */
export function HorizontalBars({ rows, caption, valueHeading }: Props) {
  const data = rows.map((row) => ({ ...row }));
  const hasNegative = rows.some((row) => row.value < 0);
  const shape = (props: BarShapeProps) => {
    const row = rows[props.index];
    const left = props.background?.x ?? props.x;
    // Recharts centres the bar in its row; the caption needs the room above it, not below.
    const y = props.y + BAR_OFFSET_PX;
    return (
      <g>
        <text className="chart-bars__caption" x={left} y={y - 6}>
          <tspan className="chart-bars__label">{row?.label}</tspan>
          <tspan className="chart-bars__value" dx="0.5em">
            {row?.valueText}
          </tspan>
        </text>
        <rect
          className={`chart-bars__bar chart-bars__bar--${row?.kind ?? 'value'}`}
          x={props.x}
          y={y}
          width={Math.max(props.width, 1)}
          height={props.height}
          rx={2}
        />
      </g>
    );
  };
  return (
    <figure className="chart-bars">
      <figcaption className="chart-bars__title">{caption}</figcaption>
      <div className="chart-bars__plot" aria-hidden="true" style={{ height: barChartHeight(rows.length) }}>
        <BarChart
          data={data}
          layout="vertical"
          responsive
          style={{ width: '100%', height: barChartHeight(rows.length) }}
          margin={CHART_MARGIN}
          accessibilityLayer={false}
        >
          <XAxis type="number" hide domain={[hasNegative ? 'dataMin' : 0, 'dataMax']} />
          <YAxis type="category" dataKey="key" hide />
          {hasNegative && <ReferenceLine x={0} className="chart-bars__zero" />}
          <Bar dataKey="value" barSize={BAR_PX} isAnimationActive={false} shape={shape} />
        </BarChart>
      </div>
      <table className="visually-hidden">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">项目</th>
            <th scope="col">{valueHeading}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.valueText}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
