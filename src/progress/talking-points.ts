import type { Metric, Target } from '../api/schemas';
import { formatFigure, formatNumber, formatPct, formatRank, formatShortAsOf, formatStatedPct, roundTo } from '../format';
import { completionText, pipelineText, remainingText, targetFigure } from './phrases';
import { THRESHOLDS } from './thresholds';
import type { MetricProgress, TargetReading } from './types';

// One plain sentence per metric for the presenter to read out (讲话要点). Every number in it comes from
// the analysis, formatted by src/format, so the sentence and the gauge can never disagree.

type Progress = Omit<MetricProgress, 'talkingPoint'>;

function exact(value: number, unit: string): string {
  return formatFigure({ value, unit, qualifier: 'exact' });
}

/** Decimals a reader can compare with the printed figures: as many as the more precise of them. */
function decimalsOf(...values: number[]): number {
  return Math.max(0, ...values.map((v) => (String(v).split('.')[1] ?? '').length));
}

/** A computed amount: whole numbers when large, else one decimal, else two. */
function amount(value: number, unit: string): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 1 ? 1 : 2;
  return exact(roundTo(value, digits), unit);
}

function contextClauses(metric: Metric): string {
  const parts: string[] = [];
  if (metric.yoyPct !== undefined) {
    const word = metric.yoyPct < 0 ? '下降' : '增长';
    parts.push(`同比${word}${formatStatedPct(Math.abs(metric.yoyPct))}`);
  }
  if (metric.rank !== undefined) parts.push(formatRank(metric.rank));
  return parts.map((s) => `,${s}`).join('');
}

function yearTargetPhrase(target: Target, reading: TargetReading, unit: string): string {
  const fig = targetFigure(reading, unit);
  // A derived target was never printed: say it is worked out from the stated share.
  if (target.basis === 'derived') return `年度计划(按占比推算${fig})`;
  return target.basis === 'stated' ? `全年目标${fig}` : `年度目标${fig}`;
}

function pacePhrase(p: Progress): string {
  const elapsed = formatPct(p.elapsedPct ?? 0);
  const gap = p.gapPts ?? 0;
  if (gap === 0) return `与序时进度${elapsed}持平`;
  const pts = `${formatNumber(Math.abs(gap), { fractionDigits: 1 })}个百分点`;
  return gap < 0 ? `低于序时进度${elapsed}共${pts}` : `高于序时进度${elapsed}共${pts}`;
}

function ratePhrase(p: Progress): string {
  const rate = p.requiredRate;
  if (rate === undefined) return '';
  const { metric } = p;
  const remaining = remainingText(p) ?? '';
  if (!p.straightLine) {
    // Delivered in batches: no monthly rate, and no first-half pace carried on; the batches instead.
    const stages = pipelineText(p);
    const batches = stages === undefined ? '' : `,后续批次:${stages}`;
    return `;余下${rate.remainingDays}天需再完成${remaining};分批完成,不按直线推算${batches}`;
  }
  const since = `截至${formatShortAsOf(metric)}`;
  if (rate.requiredSharePct !== undefined && rate.achievedSharePct !== undefined) {
    // "优良天数" → "需有124天优良": name what the days must be when the label says it.
    const what = metric.label.endsWith('天数') ? metric.label.slice(0, -2) : '';
    const need = `余下${rate.remainingDays}天需有${formatNumber(roundTo(rate.remaining, decimalsOf(rate.remaining)))}天${what}`;
    const required = formatPct(rate.requiredSharePct);
    const achieved = formatPct(rate.achievedSharePct);
    return rate.requiredSharePct > rate.achievedSharePct
      ? `;${need},即${required}的天数,而${since}仅${achieved}`
      : `;${need},即${required}的天数,${since}已达${achieved},保持即可完成`;
  }
  const perMonth = amount(rate.perMonth, metric.unit);
  const achieved = amount(rate.achievedPerMonth, metric.unit);
  return `;余下${rate.remainingDays}天需再完成${remaining},每月约${perMonth},${since}月均约${achieved}`;
}

/**
 * As the report frames it, with the share beside it: "比目标值63微克/立方米高21微克/立方米(高33.3%)".
 */
export function excessPhrase(p: Pick<Progress, 'metric' | 'excess' | 'excessPct'>, target: Target, note?: string): string {
  const { metric } = p;
  const targetFig = exact(target.value, metric.unit);
  const by = exact(Math.abs(p.excess ?? metric.value - target.value), metric.unit);
  const pct = formatPct(Math.abs(p.excessPct ?? 0));
  const more = note === undefined ? '' : `,${note}`;
  if (metric.value > target.value) return `比目标值${targetFig}高${by}(高${pct}${more})`;
  if (metric.value < target.value) return `比目标值${targetFig}低${by}(低${pct}${more})`;
  return `与目标值${targetFig}持平${note === undefined ? '' : `(${note})`}`;
}

function lowerPhrase(p: Progress, target: Target): string {
  const { metric } = p;
  const level = excessPhrase(p, target);
  if (p.requiredAverage === undefined) return level;
  const days = `余下${p.elapsed.remainingDays}天`;
  if (p.requiredAverage <= 0) return `${level};${days}均值无论多低,全年均值都将高于目标`;
  const average = amount(p.requiredAverage, metric.unit);
  return metric.value > target.value
    ? `${level};${days}均值须降至${average}以下`
    : `${level};${days}均值不超过${average}即可达标`;
}

/** A percentage figure whose stated share is the figure itself. */
export function isOwnShare(p: Progress): boolean {
  return p.metric.unit === '%' && p.completionSource === 'reported' && p.completionPct === p.metric.value;
}

/** One zh-CN sentence stating the metric and what it means against its target and the year's pace. */
export function talkingPoint(p: Progress): string {
  const { metric } = p;
  const { target } = metric;
  const head = `${metric.label}${formatFigure(metric)}`;
  const context = contextClauses(metric);

  if (target !== undefined && metric.direction === 'lower') {
    return `${head}${context},${lowerPhrase(p, target)}。`;
  }
  if (p.completionPct === undefined) return `${head}${context}。`;

  const pct = completionText(p);
  const done = p.status === 'complete';
  const reading = p.target;
  if (target === undefined || reading === undefined) {
    // A rate that is its own share (道路人工清扫率100%) would only repeat itself.
    if (isOwnShare(p)) return done ? `${head}${context},已全部完成。` : `${head}${context}。`;
    return `${head}${context},完成计划的${pct}。`;
  }
  if (target.period === 'task') {
    const task = `总任务${targetFigure(reading, metric.unit)}`;
    if (!done) return `${head}${context},已完成${task}的${pct}。`;
    const over = (p.completionPct ?? 0) > THRESHOLDS.completePct ? `(${pct})` : '';
    return `${head}${context},${task}已全部完成${over}。`;
  }
  const goal = yearTargetPhrase(target, reading, metric.unit);
  if (p.status === 'complete') return `${head}${context},已完成${goal},完成率${pct}。`;
  return `${head}${context},完成${goal}的${pct},${pacePhrase(p)}${ratePhrase(p)}。`;
}

