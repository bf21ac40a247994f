import { formatFigure, formatNumber, formatPct, formatPts, roundTo } from '../../format';
import {
  compareStatus,
  completionText,
  DAY_UNIT,
  excessPhrase,
  pipelineText,
  remainingText,
  type DomainProgress,
  type MetricProgress,
} from '../../progress';

// "滞后情况" on a slide: for each metric behind its pace, how far behind and what the rest of the year
// has to deliver, in words, from the analysis' own numbers (MetricProgress).

export interface BehindLine {
  progress: MetricProgress;
  /** "完成34.7%,序时进度47.7%,差距−13.0 个百分点" or "84微克/立方米,比目标值63微克/立方米高21微克/立方米(高33.3%)". */
  gap: string;
  /** "余下191天须有124天优良(占64.9%),此前仅37.9%"; absent when nothing can be required. */
  need?: string;
}

function exact(value: number, unit: string): string {
  return formatFigure({ value, unit, qualifier: 'exact' });
}

/** A computed amount: whole numbers when large, else one decimal, else two. */
function amount(value: number, unit: string): string {
  const abs = Math.abs(value);
  return exact(roundTo(value, abs >= 100 ? 0 : abs >= 1 ? 1 : 2), unit);
}

/** Decimals a reader can compare with the printed figures: as many as the more precise of them. */
function decimalsOf(...values: number[]): number {
  return Math.max(0, ...values.map((v) => (String(v).split('.')[1] ?? '').length));
}

function gapText(p: MetricProgress): string {
  const { metric } = p;
  if (metric.direction === 'lower' && metric.target !== undefined) {
    return `${formatFigure(metric)},${excessPhrase(p, metric.target)}`;
  }
  return `完成${completionText(p)},序时进度${formatPct(p.elapsedPct ?? 0)},差距${formatPts(p.gapPts ?? 0)}`;
}

function needText(p: MetricProgress): string | undefined {
  const { metric } = p;
  const days = `余下${formatNumber(p.elapsed.remainingDays)}天`;
  if (p.requiredAverage !== undefined) {
    if (p.requiredAverage <= 0) return `${days}均值无论多低,全年均值都将高于目标`;
    return `${days}平均须降至${amount(p.requiredAverage, metric.unit)}以下`;
  }
  const rate = p.requiredRate;
  if (rate === undefined) return undefined;
  if (metric.unit === DAY_UNIT && rate.requiredSharePct !== undefined && rate.achievedSharePct !== undefined) {
    // "优良天数" → "124天优良": name what the days must be when the label says it.
    const what = metric.label.endsWith('天数') ? metric.label.slice(0, -2) : '';
    const remaining = formatNumber(roundTo(rate.remaining, decimalsOf(rate.remaining)));
    return `${days}须有${remaining}天${what}(占${formatPct(rate.requiredSharePct)}),此前仅${formatPct(rate.achievedSharePct)}`;
  }
  const remaining = remainingText(p) ?? exact(roundTo(rate.remaining, decimalsOf(metric.value)), metric.unit);
  if (!p.straightLine) {
    // Delivered in batches: what is left, and the batches on their way, not a monthly rate.
    const stages = pipelineText(p);
    return `${days}须再完成${remaining};分批完成${stages === undefined ? '' : `,后续批次:${stages}`}`;
  }
  return `${days}须再完成${remaining},约每月${amount(rate.perMonth, metric.unit)};此前月均约${amount(rate.achievedPerMonth, metric.unit)}`;
}

export function isBehind(p: MetricProgress): boolean {
  return p.status === 'behind' || p.status === 'far-behind';
}

/** The behind metrics, most urgent first, with their gap and what catching up takes. */
export function behindLines(metrics: readonly MetricProgress[]): BehindLine[] {
  return metrics
    .filter(isBehind)
    .map((p, i) => ({ p, i }))
    .sort((a, b) => compareStatus(a.p.status, b.p.status) || a.i - b.i)
    .map(({ p }) => {
      const need = needText(p);
      return need === undefined ? { progress: p, gap: gapText(p) } : { progress: p, gap: gapText(p), need };
    });
}

/**
 * A slide's metrics in the order it talks about them: targeted metrics by urgency (top-level before
 * breakdowns at equal urgency), then the figures without a target in report order, breakdowns last.
 */
export function talkingOrder(metrics: readonly MetricProgress[]): MetricProgress[] {
  const rank = (p: MetricProgress): number =>
    (p.status === 'no-target' ? 2 : 0) + (p.metric.parentId === undefined ? 0 : 1);
  return metrics
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      const targeted = Number(a.p.status === 'no-target') - Number(b.p.status === 'no-target');
      if (targeted !== 0) return targeted;
      if (a.p.status !== 'no-target') {
        const urgency = compareStatus(a.p.status, b.p.status);
        if (urgency !== 0) return urgency;
      }
      return rank(a.p) - rank(b.p) || a.i - b.i;
    })
    .map(({ p }) => p);
}

/**
 * The talking points a slide shows prominently (the first `prominent` of talkingOrder) and the rest,
 * listed compactly in report order so that breakdowns stay beside their totals.
 */
export function splitTalkingPoints(
  metrics: readonly MetricProgress[],
  prominent: number,
): { main: MetricProgress[]; rest: MetricProgress[] } {
  const main = talkingOrder(metrics).slice(0, prominent);
  const shown = new Set(main);
  return { main, rest: metrics.filter((p) => !shown.has(p)) };
}

/**
 * The dials of a slide: its targeted metrics, most urgent first; a domain without targets shows its
 * headline figures instead, so that every slide leads with numbers.
 */
export function slideGauges(progress: DomainProgress, max: number): MetricProgress[] {
  const targeted = talkingOrder(progress.metrics).filter((p) => p.status !== 'no-target');
  return (targeted.length > 0 ? targeted : progress.headline).slice(0, max);
}

/** Up to this many more than the prominent ones, every talking point is shown prominently. */
const COMPACT_THRESHOLD = 3;

export function prominentCount(metricCount: number, prominent: number): number {
  return metricCount <= prominent + COMPACT_THRESHOLD ? metricCount : prominent;
}

/**
 * Which column the milestones go in, so that neither column runs far below the other. Heights are
 * rough estimates in lines of body text; a slide only needs to be roughly balanced.
 */
export function milestoneColumn(
  layout: { gauges: number; behind: number; points: readonly string[]; compact: number },
): 'main' | 'side' {
  const CHARS_PER_LINE = 40;
  const main = (layout.gauges > 0 ? 9 : 0) + 1 + Math.max(layout.behind * 3.5, 1);
  const side =
    1 +
    layout.points.reduce((sum, text) => sum + Math.ceil(text.length / CHARS_PER_LINE), 0) +
    (layout.compact > 0 ? 1 + Math.ceil(layout.compact / 2) * 0.9 : 0);
  return main <= side ? 'main' : 'side';
}
