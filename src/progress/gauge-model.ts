import { formatFigure, formatFigureParts, formatNumber, formatPct, formatRank, formatStatedPct } from '../format';
import type { FigureParts } from '../format';
import { completionText as completionOf, pipelineText, targetFigure } from './phrases';
import { STATUS_META } from './status';
import { excessPhrase, isOwnShare } from './talking-points';
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
  /** "目标190天", "总任务约188万平方米", "年度计划约290万㎡(推算)": the target at its precision. */
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
  /** "34.7%", the report's own "83.36%", or "约29%" of an approximate target; absent for plain figures. */
  completionText?: string;
  status: Status;
  statusLabel: string;
  statusIcon: string;
  ariaValueText: string;
  /** "66 / 190 天"; a plain figure shows just itself. */
  centreText: string;
  /** A figure entered in the demo (`source.kind = "example"`): drawn with its 示例 label, and said. */
  example: boolean;
}

const clampPct = (x: number): number => Math.min(100, Math.max(0, x));

const ARIA_SEPARATOR = ', ';


/**
 * "66 / 190 天"; an approximate value or target keeps its 近/约 ("约167 / 约298 万㎡"), and a derived
 * target is at its precision.
 */
function centre(p: MetricProgress, prefix: string): string {
  const { metric } = p;
  const target = p.target;
  const targetPart = target === undefined ? '' : `${target.approximate ? '约' : ''}${formatNumber(target.value)}`;
  return `${prefix}${formatNumber(metric.value)} / ${targetPart}${metric.unit === '' ? '' : ` ${metric.unit}`}`;
}

function targetText(p: MetricProgress): string | undefined {
  const { metric } = p;
  const target = metric.target;
  if (target === undefined || p.target === undefined) return undefined;
  const fig = targetFigure(p.target, metric.unit);
  if (target.period === 'task') return `总任务${fig}`;
  if (target.basis === 'derived') return `年度计划${fig}(推算)`;
  return `目标${fig}`;
}

export function toGaugeModel(p: MetricProgress): GaugeModel {
  const { metric } = p;
  const figure = formatFigureParts(metric);
  const meta = STATUS_META[p.status];
  const example = metric.source.kind === 'example';
  const common = {
    example,
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
    const comparison = excessPhrase(p, target);
    const centreText = centre(p, figure.prefix);
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
    const completionText = completionOf(p);
    const pace = p.elapsedPct === undefined ? {} : { pacePct: clampPct(p.elapsedPct) };
    const paceText = p.elapsedPct === undefined ? [] : [`序时进度${formatPct(p.elapsedPct)}`];
    if (target !== undefined) {
      const centreText = centre(p, figure.prefix);
      // A batch delivery's batches on their way, instead of a pace to extrapolate.
      const stages = pipelineText(p);
      const batches = stages === undefined ? [] : [`分批完成,后续批次:${stages}`];
      return {
        ...common,
        ...withTarget,
        ...pace,
        kind: 'progress',
        min: 0,
        // aria-valuenow may not exceed aria-valuemax: a surpassed target widens the range.
        max: Math.max(p.target?.value ?? target.value, metric.value),
        value: metric.value,
        fillPct: clampPct(p.completionPct),
        completionText,
        ariaValueText: [centreText, `完成${completionText}`, ...paceText, meta.label, ...batches].join(ARIA_SEPARATOR),
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
  if (metric.rank !== undefined) context.push(formatRank(metric.rank));
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
