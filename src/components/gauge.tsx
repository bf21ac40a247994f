import type { GaugeModel } from '../progress';
import { ExampleMark } from './example-tag';
import { StatusBadge } from './status-badge';
import './gauge.css';

// Draws a GaugeModel and nothing more: every number, position and word was decided by toGaugeModel().

const SWEEP = 240; // degrees of the arc, open at the bottom like a speedometer
const START = -SWEEP / 2;
const CX = 100;
const CY = 100;
const R = 80;

/** A point on the arc at `pct` of the sweep (angle measured clockwise from 12 o'clock). */
function point(pct: number, radius = R): [number, number] {
  const angle = ((START + (SWEEP * pct) / 100) * Math.PI) / 180;
  return [CX + radius * Math.sin(angle), CY - radius * Math.cos(angle)];
}

function arc(fromPct: number, toPct: number): string {
  const [x0, y0] = point(fromPct);
  const [x1, y1] = point(toPct);
  const large = ((toPct - fromPct) * SWEEP) / 100 > 180 ? 1 : 0;
  return `M ${x0.toFixed(2)} ${y0.toFixed(2)} A ${R} ${R} 0 ${large} 1 ${x1.toFixed(2)} ${y1.toFixed(2)}`;
}

function Tick({ pct, className }: { pct: number; className: string }) {
  const [x0, y0] = point(pct, R - 14);
  const [x1, y1] = point(pct, R + 14);
  return <line className={className} x1={x0} y1={y0} x2={x1} y2={y1} />;
}

type Props = {
  model: GaugeModel;
  /** An id for the label, unique on the page (aria-labelledby). */
  id: string;
  /** `sm`: three to a row in an overview panel, the number scaled to the dial. */
  size?: 'sm' | 'md' | 'lg';
};

export function Gauge({ model, id, size = 'md' }: Props) {
  const labelId = `${id}-label`;
  const excessFrom = model.excessFromPct;
  return (
    <figure className={`gauge gauge--${size}`} data-status={model.status}>
      <figcaption id={labelId} className="gauge__label">
        {model.label}
        {model.example && <ExampleMark />}
      </figcaption>
      <div
        className="gauge__dial"
        role="meter"
        aria-labelledby={labelId}
        aria-valuemin={model.min}
        aria-valuemax={model.max}
        aria-valuenow={model.value}
        aria-valuetext={model.ariaValueText}
      >
        <svg viewBox="0 0 200 172" className="gauge__svg" aria-hidden="true" focusable="false">
          <path className="gauge__track" d={arc(0, 100)} />
          {model.kind === 'lower-better' && excessFrom !== undefined ? (
            <>
              <path className="gauge__fill gauge__fill--within" d={arc(0, excessFrom)} />
              <path className="gauge__fill gauge__fill--excess" d={arc(excessFrom, model.fillPct)} />
            </>
          ) : (
            model.fillPct > 0 && <path className="gauge__fill" d={arc(0, Math.max(model.fillPct, 0.5))} />
          )}
          {model.pacePct !== undefined && <Tick pct={model.pacePct} className="gauge__tick gauge__tick--pace" />}
          {model.targetPct !== undefined && <Tick pct={model.targetPct} className="gauge__tick gauge__tick--target" />}
        </svg>
        <div className="gauge__centre">
          <span className="gauge__value tabular">{model.valueText}</span>
          <span className="gauge__unit">{model.unitText}</span>
          {model.completionText && <span className="gauge__completion tabular">完成 {model.completionText}</span>}
        </div>
      </div>
      <div className="gauge__foot">
        <span className="gauge__centre-text tabular">{model.centreText}</span>
        {model.targetText && <span className="gauge__target">{model.targetText}</span>}
        <StatusBadge status={model.status} size={size === 'lg' ? 'lg' : 'md'} />
      </div>
    </figure>
  );
}

/** A figure with no target: no dial to draw, just the number with its label and context. */
export function FigureCard({ model, id, size = 'md' }: Props) {
  const labelId = `${id}-label`;
  return (
    <figure className={`figure-card figure-card--${size}`} data-status={model.status} aria-labelledby={labelId}>
      <figcaption id={labelId} className="gauge__label">
        {model.label}
        {model.example && <ExampleMark />}
      </figcaption>
      <p className="figure-card__value">
        <span className="gauge__value tabular">{model.valueText}</span>
        <span className="gauge__unit">{model.unitText}</span>
      </p>
      <p className="visually-hidden">{model.ariaValueText}</p>
    </figure>
  );
}

/** The right drawing for the model: a dial where there is a target or share, else the figure. */
export function MetricGauge(props: Props) {
  return props.model.kind === 'figure' ? <FigureCard {...props} /> : <Gauge {...props} />;
}
