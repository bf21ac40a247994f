import type { Exclusion, SourceParagraph } from '../../api';

// Places every figure of the data set in the reassembled report text, so that /source can show where
// each number came from. The data states each figure as (quote, figure): the quote is the clause of the
// report that states it, the figure is the printed text inside that quote. Positions are claimed per
// character range, so two figures never wrap the same characters and nothing is wrapped twice.

/** What locating a metric needs; a `MetricProgress` plus its domain id fits. */
export interface LocatableMetric {
  domainId: string;
  metric: { id: string; source: { quote: string; figure: string } };
}

export type Segment<M extends LocatableMetric> =
  | { kind: 'text'; text: string }
  | {
      kind: 'metric';
      text: string;
      /** The metric that owns these characters. */
      item: M;
      /**
       * Further metrics whose figure is these same characters (two metrics quoting one number): they
       * get an anchor here rather than a second wrap.
       */
      sharing: M[];
    }
  | { kind: 'excluded'; text: string; exclusion: Exclusion; /** Its position in the exclusions list. */ index: number };

export interface LocatedParagraph<M extends LocatableMetric> {
  paragraph: SourceParagraph;
  segments: Segment<M>[];
}

export interface LocatedFigures<M extends LocatableMetric> {
  paragraphs: LocatedParagraph<M>[];
  /** Metrics whose quote or figure is not in the text: listed apart so that none silently vanishes. */
  unlocated: M[];
  /** Exclusions not in the text, or whose figure a metric already claims. */
  unplacedExclusions: Exclusion[];
}

/** The anchor of a metric's figure on /source; the domain page links here. */
export function figureAnchorId(domainId: string, metricId: string): string {
  return `fig-${domainId}-${metricId}`;
}

interface Claim<M extends LocatableMetric> {
  start: number;
  end: number;
  owner: { kind: 'metric'; item: M; sharing: M[] } | { kind: 'excluded'; exclusion: Exclusion; index: number };
}

interface Range {
  paragraphIndex: number;
  start: number;
  end: number;
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** Every place in `paragraphIndexes` where `figure` sits inside an occurrence of `quote`, in text order. */
function candidateRanges(
  paragraphs: readonly SourceParagraph[],
  paragraphIndexes: readonly number[],
  quote: string,
  figure: string,
): Range[] {
  const inQuote = occurrences(quote, figure);
  const ranges: Range[] = [];
  for (const paragraphIndex of paragraphIndexes) {
    const text = paragraphs[paragraphIndex]?.text ?? '';
    for (const quoteAt of occurrences(text, quote)) {
      for (const figureAt of inQuote) {
        ranges.push({ paragraphIndex, start: quoteAt + figureAt, end: quoteAt + figureAt + figure.length });
      }
    }
  }
  return ranges;
}

function overlapping<M extends LocatableMetric>(claims: readonly Claim<M>[], range: Range): Claim<M> | undefined {
  return claims.find((claim) => claim.start < range.end && range.start < claim.end);
}

function segmentsOf<M extends LocatableMetric>(text: string, claims: readonly Claim<M>[]): Segment<M>[] {
  const segments: Segment<M>[] = [];
  let at = 0;
  for (const claim of [...claims].sort((a, b) => a.start - b.start)) {
    if (claim.start > at) segments.push({ kind: 'text', text: text.slice(at, claim.start) });
    const figureText = text.slice(claim.start, claim.end);
    segments.push(
      claim.owner.kind === 'metric'
        ? { kind: 'metric', text: figureText, item: claim.owner.item, sharing: claim.owner.sharing }
        : { kind: 'excluded', text: figureText, exclusion: claim.owner.exclusion, index: claim.owner.index },
    );
    at = claim.end;
  }
  if (at < text.length || segments.length === 0) segments.push({ kind: 'text', text: text.slice(at) });
  return segments;
}

/**
 * Splits each paragraph into plain text, metric figures and excluded figures.
 *
 * A metric's quote is looked for in its own domain's paragraphs first, then anywhere (a quote can sit
 * in a neighbouring paragraph after reassembly). Among the places its figure could be, the first one no
 * other figure has claimed wins; if every place is taken by another metric, the metric shares that
 * figure (an anchor beside it) instead of wrapping it again. Exclusions are placed after all metrics and
 * never take characters a metric has claimed.
 */
export function locateFigures<M extends LocatableMetric>(
  paragraphs: readonly SourceParagraph[],
  metrics: readonly M[],
  exclusions: readonly Exclusion[],
): LocatedFigures<M> {
  const claims: Claim<M>[][] = paragraphs.map(() => []);
  const all = paragraphs.map((_, i) => i);
  const unlocated: M[] = [];
  const unplacedExclusions: Exclusion[] = [];

  for (const item of metrics) {
    const { quote, figure } = item.metric.source;
    const own = all.filter((i) => paragraphs[i]?.domainId === item.domainId);
    let ranges = candidateRanges(paragraphs, own, quote, figure);
    if (ranges.length === 0) ranges = candidateRanges(paragraphs, all, quote, figure);

    const free = ranges.find((range) => overlapping(claims[range.paragraphIndex] ?? [], range) === undefined);
    if (free !== undefined) {
      claims[free.paragraphIndex]?.push({ start: free.start, end: free.end, owner: { kind: 'metric', item, sharing: [] } });
      continue;
    }
    const first = ranges[0];
    const taken = first && overlapping(claims[first.paragraphIndex] ?? [], first);
    if (taken?.owner.kind === 'metric') taken.owner.sharing.push(item);
    else unlocated.push(item);
  }

  exclusions.forEach((exclusion, index) => {
    const ranges = candidateRanges(paragraphs, all, exclusion.quote, exclusion.figure);
    const free = ranges.find((range) => overlapping(claims[range.paragraphIndex] ?? [], range) === undefined);
    if (free === undefined) {
      unplacedExclusions.push(exclusion);
      return;
    }
    claims[free.paragraphIndex]?.push({ start: free.start, end: free.end, owner: { kind: 'excluded', exclusion, index } });
  });

  return {
    paragraphs: paragraphs.map((paragraph, i) => ({ paragraph, segments: segmentsOf(paragraph.text, claims[i] ?? []) })),
    unlocated,
    unplacedExclusions,
  };
}
