import * as z from 'zod/mini';

// The API contract, v1 (README, "The API"). These schemas are the one source of
// the contract's TypeScript types: the client parses every response with them, and the mock data is
// checked against them, so the two sides cannot drift apart silently.

// A session parses a few dozen responses at most: compiling a fast parser per schema (zod's JIT) costs
// more on a slow phone than it ever saves, and it needs eval, which a strict CSP forbids.
z.config({ jitless: true });
// zod/mini registers no locale (classic zod sets English on its first schema), so every built-in issue
// would read just "Invalid input"; the client quotes the first issue in its schema error. Like classic,
// this only fills the default: a locale configured elsewhere still wins.
if (!z.config().localeError) z.config(z.locales.en());

const kebabId = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be kebab-case'));
/** A real calendar day: 2017-02-30 passes a pattern but would break every date computation after it. */
const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD'),
  z.refine((text) => {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'not a calendar date'),
);

/** 余/多 more-than, 近 nearly, 约 about, 以上 at-least, 突破 passes, or a plain figure. */
export const qualifierSchema = z.enum(['exact', 'more-than', 'nearly', 'about', 'at-least', 'passes']);
export type Qualifier = z.infer<typeof qualifierSchema>;

/** Which way is better: more good-air days (higher), less PM2.5 (lower), or a plain count (neutral). */
export const directionSchema = z.enum(['higher', 'lower', 'neutral']);
export type Direction = z.infer<typeof directionSchema>;

export const targetSchema = z.object({
  value: z.number(),
  /** `year`: due by 31 December; `task`: a fixed amount of work with no stated deadline. */
  period: z.enum(['year', 'task']),
  /**
   * `stated`: printed as a target ("全年目标(190)"). `derived`: computed from a stated share (94.3亿元 =
   * 48.7% → 193.6亿元), never printed, and only as precise as that share. `approximate`: a size the
   * report gives as approximate and the data uses as the task ("剩余段约188万平方米"); `qualifier` keeps its 约.
   */
  basis: z.enum(['stated', 'derived', 'approximate']),
  /** The target's own qualifier as printed (约188万平方米 → `about`); absent for a plain figure. */
  qualifier: z.optional(qualifierSchema),
  /**
   * The distance to the target as the report itself prints it, in the metric's unit: "比目标值(63)高
   * 21微克/立方米" → 21, "距离全年目标(190)还有124天的差距" → 124.
   */
  statedGap: z.optional(z.number()),
});
export type Target = z.infer<typeof targetSchema>;

export const rankSchema = z.object({
  position: z.number().check(z.int(), z.positive()),
  /** Who it is ranked among, in the report's words: "市内六区", "全市9个站点". */
  scope: z.string().check(z.minLength(1)),
  /** Who shares the position, in the report's words ("与郑纺机、岗李水库并列" → both): a tie stays a tie. */
  tiedWith: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
  /**
   * What is ranked, where the report ranks more than the metric itself: "省市重点项目完成投资、开工率
   * 市内六区第1" ranks both 完成投资 and 开工率 → "完成投资、开工率".
   */
  subject: z.optional(z.string().check(z.minLength(1))),
});
export type Rank = z.infer<typeof rankSchema>;

export const sourceSchema = z
  .object({
    /**
     * Absent or `report`: the published report's figure. `update`: a department's approved 填报, which
     * no report printed, so its quote and figure are empty. `example`: illustrative data (示例).
     */
    kind: z.optional(z.enum(['report', 'update', 'example'])),
    /** The verbatim sentence or clause of the (reassembled) report that states the figure. */
    quote: z.string(),
    /** The figure exactly as printed inside the quote ("9万余人", "85%以上"), for highlighting it. */
    figure: z.string(),
  })
  .check(
    z.refine(
      (s) => (s.kind !== undefined && s.kind !== 'report') || (s.quote.length > 0 && s.figure.length > 0),
      "a report's figure carries its quote and the figure as printed",
    ),
  );
export type Source = z.infer<typeof sourceSchema>;

export const metricSchema = z.object({
  id: kebabId,
  label: z.string().check(z.minLength(1)),
  value: z.number(),
  unit: z.string(),
  qualifier: qualifierSchema,
  asOf: isoDate,
  /**
   * `false` when the report gives no date for the figure and `asOf` was inferred; the app then says
   * so (未注明截至日期) wherever it shows the date.
   */
  asOfStated: z.boolean(),
  /**
   * How an inferred `asOf` was arrived at, in words shown beside the date: "报告日期", or the context
   * it was read from ("同段为“1~5月份”投资统计").
   */
  asOfNote: z.optional(z.string().check(z.minLength(1))),
  direction: directionSchema,
  target: z.optional(targetSchema),
  /**
   * `false` where a straight-line projection to the year end would mislead: quantities delivered in
   * batches (回迁面积: whole buildings are handed over at once). Absent: a projection applies.
   */
  projection: z.optional(z.boolean()),
  /**
   * Ids of the metrics (same domain) that are the later stages of the same work, nearest to delivery
   * first: shown beside a batch-delivered figure instead of a projection (回迁: 50万㎡ 已完成竣工验收待分配,
   * 65万㎡ 竣工前扫尾, 150万㎡ 主体已封顶).
   */
  pipeline: z.optional(z.array(kebabId)),
  reportedProgressPct: z.optional(z.number()),
  yoyPct: z.optional(z.number()),
  rank: z.optional(rankSchema),
  parentId: z.optional(kebabId),
  source: sourceSchema,
  /**
   * Round 2 (DESIGN.md "API v1: the additions"): the observation the figure is, when it went live (the
   * report's publication for the report's figures), and the approved observation before it, if any.
   */
  observationId: z.optional(z.string().check(z.minLength(1))),
  updatedAt: z.optional(z.string().check(z.minLength(1))),
  previous: z.optional(
    z.nullable(
      z.object({ id: z.string(), value: z.number(), unit: z.string(), qualifier: qualifierSchema, asOf: isoDate }),
    ),
  ),
});
export type Metric = z.infer<typeof metricSchema>;

export const milestoneSchema = z.object({
  id: kebabId,
  text: z.string().check(z.minLength(1)),
  state: z.enum(['done', 'in-progress', 'planned']),
  source: z.object({ quote: z.string().check(z.minLength(1)) }),
});
export type Milestone = z.infer<typeof milestoneSchema>;
export type MilestoneState = Milestone['state'];

export const domainSchema = z.object({
  id: kebabId,
  name: z.string().check(z.minLength(1)),
  sectionId: kebabId,
  /** What the report does not say, said honestly (安全生产 has no figures). */
  note: z.optional(z.string()),
  metrics: z.array(metricSchema),
  milestones: z.array(milestoneSchema),
  /** 逾期未报 (round 2): the cycle that last fell due has no update from this domain. */
  overdue: z.optional(z.boolean()),
});
export type Domain = z.infer<typeof domainSchema>;

export const domainSummarySchema = z.object({
  id: kebabId,
  name: z.string().check(z.minLength(1)),
  sectionId: kebabId,
  metricCount: z.number().check(z.int(), z.nonnegative()),
  /** 逾期未报 (round 2), as on the domain. */
  overdue: z.optional(z.boolean()),
});
export type DomainSummary = z.infer<typeof domainSummarySchema>;

export const sectionSchema = z.object({
  id: kebabId,
  title: z.string().check(z.minLength(1)),
  /** In report order. */
  domainIds: z.array(kebabId),
});
export type Section = z.infer<typeof sectionSchema>;

export const reportSummarySchema = z.object({
  id: kebabId,
  title: z.string().check(z.minLength(1)),
  district: z.string().check(z.minLength(1)),
  city: z.string().check(z.minLength(1)),
  publishedOn: isoDate,
  year: z.number().check(z.int()),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const reportListSchema = z.object({ reports: z.array(reportSummarySchema) });
export type ReportList = z.infer<typeof reportListSchema>;

export const reportSchema = z.extend(reportSummarySchema, {
  sections: z.array(sectionSchema),
  domains: z.array(domainSummarySchema),
});
export type Report = z.infer<typeof reportSchema>;

/**
 * `GET /api/v1/reports/{reportId}/source`: the report text reassembled in reading order (the text
 * itself is mocks/data/erqi-2017-h1/report.txt), and the figures left out of the data on purpose, with why.
 */
export const sourceParagraphSchema = z.object({
  id: kebabId,
  /** The domain the paragraph belongs to; absent for the preface and section headings. */
  domainId: z.optional(kebabId),
  kind: z.enum(['title', 'section', 'keyword', 'text']),
  text: z.string(),
});
export type SourceParagraph = z.infer<typeof sourceParagraphSchema>;

export const exclusionSchema = z.object({
  /** The figure as printed ("6月27日", "2017"). */
  figure: z.string().check(z.minLength(1)),
  /** A clause of the reassembled text that contains it, to place it. */
  quote: z.string().check(z.minLength(1)),
  reason: z.string().check(z.minLength(1)),
});
export type Exclusion = z.infer<typeof exclusionSchema>;

export const reportSourceSchema = z.object({
  reportId: kebabId,
  paragraphs: z.array(sourceParagraphSchema),
  exclusions: z.array(exclusionSchema),
});
export type ReportSource = z.infer<typeof reportSourceSchema>;

/** RFC 9457 problem details, as every error response of the API carries. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int()),
  detail: z.optional(z.string()),
});
export type Problem = z.infer<typeof problemSchema>;
