import type {
  Direction,
  Metric,
  Milestone,
  MilestoneState,
  Qualifier,
  Rank,
  Target,
} from '../../../src/api/schemas';

/** The plenary meeting the report is about (十六届政府第一次全体(扩大)会议), 2017-06-27. */
export const MEETING_DATE = '2017-06-27';
/** 截至6月23日 */
export const AS_OF_JUNE_23 = '2017-06-23';
/** 截至6月26日 */
export const AS_OF_JUNE_26 = '2017-06-26';
/** 1~5月份 */
export const AS_OF_MAY_END = '2017-05-31';
/** 5月9日拨付 */
export const AS_OF_MAY_9 = '2017-05-09';
/** How a figure with no date of its own is dated: the meeting's, which is the report's date. */
export const REPORT_DATE_NOTE = '报告日期';

export interface MetricInput {
  id: string;
  label: string;
  value: number;
  unit: string;
  /** Defaults to `exact`; the tests check it against the qualifier printed in `figure`. */
  qualifier?: Qualifier;
  /**
   * A date the report states for the figure ("截至6月23日", "1~5月份"). Omitted: the meeting date,
   * marked as not stated (`asOfStated: false`, `asOfNote` 报告日期).
   */
  asOf?: string;
  /** Given with `asOf` when that date is inferred from context rather than stated: how, in words. */
  asOfInferred?: string;
  direction: Direction;
  target?: Target;
  projection?: false;
  pipeline?: string[];
  reportedProgressPct?: number;
  yoyPct?: number;
  rank?: Rank;
  parentId?: string;
  /** Verbatim clause of the reassembled report. */
  quote: string;
  /** The figure as printed inside `quote`, qualifier and unit included. */
  figure: string;
}

export function metric(input: MetricInput): Metric {
  const { quote, figure, qualifier = 'exact', asOf, asOfInferred, ...rest } = input;
  const dated =
    asOf === undefined
      ? { asOf: MEETING_DATE, asOfStated: false, asOfNote: REPORT_DATE_NOTE }
      : asOfInferred === undefined
        ? { asOf, asOfStated: true }
        : { asOf, asOfStated: false, asOfNote: asOfInferred };
  return { ...rest, qualifier, ...dated, source: { quote, figure } };
}

export function milestone(id: string, text: string, state: MilestoneState, quote: string): Milestone {
  return { id, text, state, source: { quote } };
}
