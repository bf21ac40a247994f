import type { Metric, Qualifier } from '../../api';
import { formatDate, formatFigure, formatNumber, formatPct, formatPts, formatShortDate, formatStatedPct, roundTo } from '../../format';
import { toGaugeModel, type MetricProgress } from '../../progress';

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
  return {
    term: '所需进度',
    detail: `${days}需再完成${amount(rate.remaining, metric.unit)},每月约${amount(rate.perMonth, metric.unit)}(此前月均约${amount(rate.achievedPerMonth, metric.unit)})`,
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
  const target = formatFigure({ value: metric.target.value, unit: metric.unit, qualifier: 'exact' });
  if (p.excessPct > 0) return { term: '与目标', detail: `高于目标${target}共${formatPct(p.excessPct)}(越低越好)` };
  if (p.excessPct < 0) return { term: '与目标', detail: `低于目标${target}共${formatPct(-p.excessPct)}(越低越好)` };
  return { term: '与目标', detail: `与目标${target}持平(越低越好)` };
}

export function metricFacts(p: MetricProgress): Fact[] {
  const { metric } = p;
  const model = toGaugeModel(p);
  const facts: (Fact | undefined)[] = [
    model.targetText === undefined ? undefined : { term: '目标', detail: model.targetText },
    model.completionText === undefined
      ? undefined
      : { term: '完成', detail: p.completionSource === 'reported' ? `${model.completionText}(报告所列)` : model.completionText },
    p.elapsedPct === undefined
      ? undefined
      : { term: '序时进度', detail: `${formatPct(p.elapsedPct)}(截至${formatShortDate(metric.asOf)})` },
    p.gapPts === undefined ? undefined : { term: '与序时进度差距', detail: formatPts(p.gapPts) },
    comparisonFact(p, metric),
    requiredFact(p),
    projectionFact(p),
    metric.yoyPct === undefined ? undefined : { term: '同比', detail: growth(metric.yoyPct) },
    metric.rank === undefined ? undefined : { term: '排名', detail: `${metric.rank.scope}第${formatNumber(metric.rank.position)}` },
    metric.qualifier === 'exact' ? undefined : { term: '口径', detail: QUALIFIER_WORDS[metric.qualifier] },
    { term: '数据截至', detail: formatDate(metric.asOf) },
  ];
  return facts.filter((f): f is Fact => f !== undefined);
}

/** "增长7.5%": for the year-on-year chart's labels. */
export function growthText(pct: number): string {
  return growth(pct);
}
