import type { Metric, Qualifier } from '../../api';
import {
  formatAssumedDateMark,
  formatAsOf,
  formatFigure,
  formatNumber,
  formatPct,
  formatPts,
  formatRank,
  formatShortDate,
  formatStatedPct,
  roundTo,
} from '../../format';
import {
  excessPhrase,
  pipelineText,
  remainingText,
  targetFigure,
  targetRangeText,
  toGaugeModel,
  type MetricProgress,
} from '../../progress';

// The explicit fields beside a metric's talking point: every number the analysis has about it, each
// with its name, so a department head can quote one without reading the sentence.

export interface Fact {
  term: string;
  detail: string;
}

/** What each qualifier means, for someone quoting the figure onwards. */
export const QUALIFIER_WORDS: Record<Exclude<Qualifier, 'exact'>, string> = {
  'more-than': '约数:实际多于此数(余/多)',
  nearly: '约数:接近此数(近)',
  about: '约数:大约此数(约)',
  'at-least': '下限:不少于此数(以上)',
  passes: '下限:已超过此数(突破)',
};

/** A computed amount in the metric's unit: whole numbers when large, else one or two decimals. */
function amount(value: number, unit: string): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 1 ? 1 : 2;
  return formatFigure({ value: roundTo(value, digits), unit, qualifier: 'exact' });
}

function growth(pct: number): string {
  return `${pct < 0 ? '下降' : '增长'}${formatStatedPct(Math.abs(pct))}`;
}

function requiredFact(p: MetricProgress): Fact | undefined {
  const { metric, requiredRate: rate } = p;
  const days = `余下${formatNumber(p.elapsed.remainingDays)}天`;
  if (p.requiredAverage !== undefined) {
    if (p.requiredAverage <= 0) return { term: '所需进度', detail: `${days}均值无论多低,全年均值都将高于目标` };
    return { term: '所需进度', detail: `${days}平均不超过${amount(p.requiredAverage, metric.unit)},全年方能达标` };
  }
  if (rate === undefined) return undefined;
  if (rate.requiredSharePct !== undefined && rate.achievedSharePct !== undefined) {
    return {
      term: '所需进度',
      detail: `${days}中需有${amount(rate.remaining, metric.unit)}(${formatPct(rate.requiredSharePct)}的天数),此前为${formatPct(rate.achievedSharePct)}`,
    };
  }
  const remaining = remainingText(p) ?? amount(rate.remaining, metric.unit);
  if (!p.straightLine) return { term: '所需进度', detail: `${days}需再完成${remaining}(分批完成,不按月均推算)` };
  return {
    term: '所需进度',
    detail: `${days}需再完成${remaining},每月约${amount(rate.perMonth, metric.unit)}(此前月均约${amount(rate.achievedPerMonth, metric.unit)})`,
  };
}

function projectionFact(p: MetricProgress): Fact | undefined {
  const { projection, metric } = p;
  if (projection === undefined || p.status === 'complete') return undefined;
  return {
    term: '年底预计',
    detail: `按目前进度,年底约${amount(projection.value, metric.unit)},为全年目标的${formatPct(projection.projectedPct)}`,
  };
}

function comparisonFact(p: MetricProgress, metric: Metric): Fact | undefined {
  if (p.excessPct === undefined || metric.target === undefined) return undefined;
  return { term: '与目标', detail: excessPhrase(p, metric.target, '越低越好') };
}

/** The gauge's target text, or for a derived target its precision: "年度计划约290万㎡(按报告所列8%推算,在270~310万㎡之间)". */
/** "截至6月23日", or for a date the report does not state "按6月27日计;报告日期,未注明截至日期". */
function paceDate(metric: Metric): string {
  const mark = formatAssumedDateMark(metric);
  return mark === '' ? `截至${formatShortDate(metric.asOf)}` : `按${formatShortDate(metric.asOf)}计;${mark}`;
}

function targetFact(p: MetricProgress, targetText: string | undefined): Fact | undefined {
  if (targetText === undefined || p.target === undefined) return undefined;
  const range = targetRangeText(p.target, p.metric.unit);
  if (range === undefined) return { term: '目标', detail: targetText };
  return { term: '目标', detail: `年度计划${targetFigure(p.target, p.metric.unit)}(${range})` };
}

export function metricFacts(p: MetricProgress): Fact[] {
  const { metric } = p;
  const model = toGaugeModel(p);
  const stages = pipelineText(p);
  const facts: (Fact | undefined)[] = [
    targetFact(p, model.targetText),
    model.completionText === undefined
      ? undefined
      : { term: '完成', detail: p.completionSource === 'reported' ? `${model.completionText}(报告所列)` : model.completionText },
    p.elapsedPct === undefined
      ? undefined
      : { term: '序时进度', detail: `${formatPct(p.elapsedPct)}(${paceDate(metric)})` },
    p.gapPts === undefined ? undefined : { term: '与序时进度差距', detail: formatPts(p.gapPts) },
    comparisonFact(p, metric),
    requiredFact(p),
    projectionFact(p),
    stages === undefined ? undefined : { term: '后续批次', detail: `${stages}(分批完成,不按直线推算年底)` },
    metric.yoyPct === undefined ? undefined : { term: '同比', detail: growth(metric.yoyPct) },
    metric.rank === undefined ? undefined : { term: '排名', detail: formatRank(metric.rank) },
    metric.qualifier === 'exact' ? undefined : { term: '口径', detail: QUALIFIER_WORDS[metric.qualifier] },
    { term: '数据截至', detail: formatAsOf(metric) },
  ];
  return facts.filter((f): f is Fact => f !== undefined);
}

/** "增长7.5%": for the year-on-year chart's labels. */
export function growthText(pct: number): string {
  return growth(pct);
}
