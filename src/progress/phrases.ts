import { formatFigure, formatNumber, formatPct, formatStatedPct, roundTo } from '../format';
import type { MetricProgress, TargetReading } from './types';

// The pieces of text every view says the same way about a metric's progress: its completion, its
// target and what is left, at the precision they have; the batches still to come.

type Progress = Omit<MetricProgress, 'talkingPoint'>;

function exact(value: number, unit: string): string {
  return formatFigure({ value, unit, qualifier: 'exact' });
}

/** "34.7%", the report's own "83.36%", or "约29%" of an approximate target. */
export function completionText(p: Pick<Progress, 'completionPct' | 'completionSource' | 'completionApproximate'>): string {
  const pct = p.completionPct ?? 0;
  if (p.completionSource === 'reported') return formatStatedPct(pct);
  return p.completionApproximate === true ? `约${formatStatedPct(pct)}` : formatPct(pct);
}

/** The target at its precision: "190天", "约188万平方米", "约290万㎡" (287.5 from "8%"). */
export function targetFigure(target: TargetReading, unit: string): string {
  return `${target.approximate ? '约' : ''}${exact(target.value, unit)}`;
}

/** A derived target's range and source: "按报告所列8%推算,在270~310万㎡之间"; else undefined. */
export function targetRangeText(target: TargetReading, unit: string): string | undefined {
  if (target.range === undefined || target.fromPct === undefined) return undefined;
  const { low, high } = target.range;
  return `按报告所列${formatStatedPct(target.fromPct)}推算,在${formatNumber(low)}~${exact(high, unit)}之间`;
}

/** Decimals a reader can compare with the printed figures: as many as the more precise of them. */
function decimalsOf(...values: number[]): number {
  return Math.max(0, ...values.map((v) => (String(v).split('.')[1] ?? '').length));
}

/** What is left to reach the target: "124天", "约270万㎡" (from a derived target); undefined if nothing. */
export function remainingText(p: Progress): string | undefined {
  const rate = p.requiredRate;
  if (rate === undefined) return undefined;
  const { metric } = p;
  const digits = p.target?.digits ?? decimalsOf(metric.value, metric.target?.value ?? 0);
  const text = exact(roundTo(rate.remaining, Math.max(digits, 0)), metric.unit);
  return rate.approximate ? `约${text}` : text;
}

/**
 * The batches still to come, in the report's words: "已竣工验收待分配50万㎡、竣工前扫尾施工中65万㎡、
 * 主体已封顶150万㎡"; undefined without a pipeline.
 */
export function pipelineText(p: Pick<Progress, 'pipeline'>): string | undefined {
  if (p.pipeline === undefined || p.pipeline.length === 0) return undefined;
  return p.pipeline.map((stage) => `${stage.label}${formatFigure(stage)}`).join('、');
}
