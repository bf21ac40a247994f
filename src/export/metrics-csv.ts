import type { Metric, Report } from '../api';
import { formatAssumedDateMark, formatCsvNumber, formatRank } from '../format';
import { STATUS_META, type DomainProgress, type MetricProgress } from '../progress';

// Every metric of the report with its analysis, as a CSV file a department head opens in Excel.
// Excel guesses the encoding of a CSV file: without a byte-order mark it reads UTF-8 Chinese as
// mojibake, so the text starts with U+FEFF. Records end in CRLF and cells are quoted as RFC 4180 says.

export const METRICS_CSV_HEADER = [
  '领域',
  '部分',
  '指标',
  '数值',
  '单位',
  '限定词',
  '截至日期',
  '日期说明',
  '目标',
  '目标类型',
  '完成率',
  '序时进度',
  '差距(百分点)',
  '状态',
  '同比',
  '排名',
  '原文',
  '来源',
] as const;

/** Where the figure came from: the report, a department's approved 填报, or the demo's 示例 (never the district's). */
const SOURCE_WORDS = { report: '报告', update: '填报', example: '示例' } as const;

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** The download's file name: says what it is and which report, so two downloads do not collide. */
export function metricsCsvFileName(report: Pick<Report, 'id'>): string {
  return `jindu-${report.id}-metrics.csv`;
}

/** A cell Excel would run as a formula (=, +, −, @, or a tab/CR that some versions skip first). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell from the data. Text that starts like a formula gets a leading apostrophe so that a
 * spreadsheet shows it instead of evaluating it (CSV injection); numbers never pass through here.
 */
function text(value: string | undefined): string {
  if (value === undefined) return '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A numeric cell: produced by formatCsvNumber only, so it is a plain number or empty, never a formula. */
function number(value: number | undefined, fractionDigits?: number): string {
  if (value === undefined) return '';
  return formatCsvNumber(value, fractionDigits === undefined ? {} : { fractionDigits });
}

/** RFC 4180: a cell with a quote, comma or line break is quoted, and its quotes doubled. */
export function quoteCsvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

const MORE_THAN_WORDS = ['余', '多'] as const;

/** The qualifier as the report's own word, taken from the printed figure where it shows which. */
function qualifierWord(metric: Metric): string {
  switch (metric.qualifier) {
    case 'exact':
      return '';
    case 'nearly':
      return '近';
    case 'about':
      return '约';
    case 'at-least':
      return '以上';
    case 'passes':
      return '突破';
    case 'more-than':
      return MORE_THAN_WORDS.find((word) => metric.source.figure.includes(word)) ?? '余';
  }
}

/** What kind of target, and how precise: a derived one gives the share and the range it allows. */
function targetKind(progress: MetricProgress): string {
  const { metric, target: reading } = progress;
  const target = metric.target;
  if (target === undefined || reading === undefined) return '';
  const period = target.period === 'year' ? '年度目标' : '任务总量';
  if (target.basis === 'approximate') return `${period}(约数)`;
  if (target.basis === 'stated') return period;
  const { range, fromPct } = reading;
  const from = fromPct === undefined ? '占比' : `占比${formatCsvNumber(fromPct)}%`;
  const within = range === undefined ? '' : `,在${formatCsvNumber(range.low)}~${formatCsvNumber(range.high)}之间`;
  return `${period}(约数,由报告所列${from}推算${within})`;
}


function completionDecimals(progress: MetricProgress): number {
  return progress.completionApproximate === true ? 0 : 1;
}

function completion(progress: MetricProgress): string {
  if (progress.completionPct === undefined) return '';
  // The report's own share keeps its printed decimals (83.36); a computed one has one decimal.
  return progress.completionSource === 'reported'
    ? number(progress.completionPct)
    : number(progress.completionPct, completionDecimals(progress));
}

function row(domain: DomainProgress, sectionTitle: string, progress: MetricProgress): string[] {
  const { metric } = progress;
  return [
    text(domain.domain.name),
    text(sectionTitle),
    text(metric.label),
    number(metric.value),
    text(metric.unit),
    text(qualifierWord(metric)),
    text(metric.asOf),
    // Where the report states no date, 截至日期 holds the assumed one and this says so.
    text(formatAssumedDateMark(metric)),
    // A derived target at the precision of its share (290, not 287.5); 目标类型 gives the range.
    number(progress.target?.value),
    text(targetKind(progress)),
    completion(progress),
    number(progress.elapsedPct, 1),
    number(progress.gapPts, 1),
    text(STATUS_META[progress.status].label),
    number(metric.yoyPct),
    text(metric.rank ? formatRank(metric.rank) : undefined),
    text(metric.source.quote),
    SOURCE_WORDS[metric.source.kind ?? 'report'],
  ];
}

/**
 * The CSV text of every metric, one row each, domains in report order (the order of `report.sections`,
 * then any domain the sections do not list), metrics in their domain's order.
 */
export function buildMetricsCsv(report: Pick<Report, 'sections'>, domains: readonly DomainProgress[]): string {
  const sectionOf = new Map<string, string>();
  for (const section of report.sections) for (const id of section.domainIds) sectionOf.set(id, section.title);
  const sectionById = new Map(report.sections.map((s) => [s.id, s.title]));
  const order = new Map(report.sections.flatMap((s) => s.domainIds).map((id, i) => [id, i]));
  const ordered = [...domains].sort(
    (a, b) => (order.get(a.domain.id) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.domain.id) ?? Number.MAX_SAFE_INTEGER),
  );

  const rows: string[][] = [[...METRICS_CSV_HEADER]];
  for (const domain of ordered) {
    const sectionTitle = sectionOf.get(domain.domain.id) ?? sectionById.get(domain.domain.sectionId) ?? '';
    for (const progress of domain.metrics) rows.push(row(domain, sectionTitle, progress));
  }
  return BOM + rows.map((cells) => cells.map(quoteCsvCell).join(',') + CRLF).join('');
}
