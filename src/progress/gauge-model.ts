import { formatFigure, formatFigureParts, formatNumber, formatPct, formatStatedPct } from '../format';
import type { FigureParts } from '../format';
import { STATUS_META } from './status';
import { isOwnShare } from './talking-points';
import { THRESHOLDS } from './thresholds';
import type { MetricProgress, Status } from './types';

// Data → view for a gauge, in the way of a Grafana panel: every number, position and string the
// component draws is decided here, so the component only lays them out and this stays testable.

export type GaugeKind = 'progress' | 'lower-better' | 'figure';

export interface GaugeModel {
  kind: GaugeKind;
  label: string;
  /** The figure split for display: number large, the rest small. */
  figure: FigureParts;
  /** 近/约 and the number: the large text. */
  valueText: string;
  /** What follows the number (余, the unit, 以上): the small text. */
  unitText: string;
  /** "目标190天", "总任务105.9万立方米", "年度计划约193.6亿元(推算)". */
  targetText?: string;
  /**
   * aria-valuemin / max / now. With a numeric target they are in the metric's unit (0, target, value);
   * a share with no target uses percent (0, 100, completion), and ariaValueText says so.
   */
  min: number;
  max: number;
  value: number;
  /** How much of the track is filled, 0–100. */
  fillPct: number;
  /** 序时进度 tick on the track (progress gauges with a yearly target). */
  pacePct?: number;
  /** Target tick on a lower-is-better track. */
  targetPct?: number;
  /** Where the excess (drawn in the status colour) starts on a lower-is-better track, up to fillPct. */
  excessFromPct?: number;
  /** "34.7%" or the report's own "83.36%"; absent for plain figures. */
  completionText?: string;
  status: Status;
  statusLabel: string;
  statusIcon: string;
  ariaValueText: string;
  /** "66 / 190 天"; a plain figure shows just itself. */
  centreText: string;
}

const clampPct = (x: number): number => Math.min(100, Math.max(0, x));

const ARIA_SEPARATOR = ', ';


/** "66 / 190 天"; an approximate value keeps its 近/约 ("约167 / 298.2 万㎡"). */
function centre(prefix: string, value: number, target: number, unit: string): string {
  return `${prefix}${formatNumber(value)} / ${formatNumber(target)}${unit === '' ? '' : ` ${unit}`}`;
}

function targetText(p: MetricProgress): string | undefined {
  const { target, unit } = p.metric;
  if (target === undefined) return undefined;
  const fig = formatFigure({ value: target.value, unit, qualifier: 'exact' });
  if (target.period === 'task') return `总任务${fig}`;
  return target.basis === 'stated' ? `目标${fig}` : `年度计划约${fig}(推算)`;
}

export function toGaugeModel(p: MetricProgress): GaugeModel {
  const { metric } = p;
  const figure = formatFigureParts(metric);
  const meta = STATUS_META[p.status];
  const common = {
    label: metric.label,
    figure,
    valueText: `${figure.prefix}${figure.number}`,
    unitText: `${figure.suffix}${figure.unit}${figure.postfix}`,
    status: p.status,
    statusLabel: meta.label,
    statusIcon: meta.icon,
  };
  const target = metric.target;
  const tText = targetText(p);
  const withTarget = tText === undefined ? {} : { targetText: tText };

  if (target !== undefined && metric.direction === 'lower') {
    const max = Math.max(metric.value, target.value) * THRESHOLDS.lowerTrackHeadroom || 1;
    const fillPct = clampPct((metric.value / max) * 100);
    const targetPct = clampPct((target.value / max) * 100);
    const excess = p.excessPct ?? 0;
    const comparison =
      metric.value > target.value
        ? `高于目标${formatPct(excess)}`
        : metric.value < target.value
          ? `低于目标${formatPct(Math.abs(excess))}`
          : '与目标持平';
    const centreText = centre(figure.prefix, metric.value, target.value, metric.unit);
    return {
      ...common,
      ...withTarget,
      kind: 'lower-better',
      min: 0,
      max,
      value: metric.value,
      fillPct,
      targetPct,
      ...(metric.value > target.value ? { excessFromPct: targetPct } : {}),
      ariaValueText: [`${centreText}(越低越好)`, comparison, meta.label].join(ARIA_SEPARATOR),
      centreText,
    };
  }

  if (p.completionPct !== undefined) {
    const completionText =
      p.completionSource === 'reported' ? formatStatedPct(p.completionPct) : formatPct(p.completionPct);
    const pace = p.elapsedPct === undefined ? {} : { pacePct: clampPct(p.elapsedPct) };
    const paceText = p.elapsedPct === undefined ? [] : [`序时进度${formatPct(p.elapsedPct)}`];
    if (target !== undefined) {
      const centreText = centre(figure.prefix, metric.value, target.value, metric.unit);
      return {
        ...common,
        ...withTarget,
        ...pace,
        kind: 'progress',
        min: 0,
        // aria-valuenow may not exceed aria-valuemax: a surpassed target widens the range.
        max: Math.max(target.value, metric.value),
        value: metric.value,
        fillPct: clampPct(p.completionPct),
        completionText,
        ariaValueText: [centreText, `完成${completionText}`, ...paceText, meta.label].join(ARIA_SEPARATOR),
        centreText,
      };
    }
    const centreText = formatFigure(metric);
    return {
      ...common,
      ...pace,
      kind: 'progress',
      min: 0,
      max: Math.max(100, p.completionPct),
      value: p.completionPct,
      fillPct: clampPct(p.completionPct),
      completionText,
      ariaValueText: [
        centreText,
        ...(isOwnShare(p) ? [] : [`完成计划的${completionText}(按百分比)`]),
        ...paceText,
        meta.label,
      ].join(ARIA_SEPARATOR),
      centreText,
    };
  }

  const centreText = formatFigure(metric);
  const context: string[] = [];
  if (metric.yoyPct !== undefined) {
    context.push(`同比${metric.yoyPct < 0 ? '下降' : '增长'}${formatStatedPct(Math.abs(metric.yoyPct))}`);
  }
  if (metric.rank !== undefined) context.push(`${metric.rank.scope}排名第${metric.rank.position}`);
  return {
    ...common,
    ...withTarget,
    kind: 'figure',
    min: Math.min(0, metric.value),
    max: Math.max(0, metric.value),
    value: metric.value,
    fillPct: 0,
    ariaValueText: [centreText, ...context, meta.label].join(ARIA_SEPARATOR),
    centreText,
  };
}
