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

export interface MetricInput {
  id: string;
  label: string;
  value: number;
  unit: string;
  /** Defaults to `exact`; the tests check it against the qualifier printed in `figure`. */
  qualifier?: Qualifier;
  /** Defaults to the meeting date. */
  asOf?: string;
  direction: Direction;
  target?: Target;
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
  const { quote, figure, qualifier = 'exact', asOf = MEETING_DATE, ...rest } = input;
  return { ...rest, qualifier, asOf, source: { quote, figure } };
}

export function milestone(id: string, text: string, state: MilestoneState, quote: string): Milestone {
  return { id, text, state, source: { quote } };
}
