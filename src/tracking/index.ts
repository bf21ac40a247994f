export { TRACKING_RULES } from './rules';
export type { Checked, Refusal, Warning } from './verdict';
export { toHalfWidth } from './typed-text';
export {
  addDays,
  checkAsOf,
  daysBetween,
  firstOfYear,
  instantAt,
  instantOf,
  isCalendarDate,
  isoWeekday,
  lastOfYear,
  localDateOf,
  readAsOf,
  yearOf,
} from './dates';
export type { DateContext } from './dates';
export { exactDifference } from './decimal';
export { conversionPower, readUnit, sameUnit } from './units';
export { readFigure } from './read-figure';
export type { FigureContext, TypedFigure } from './read-figure';
export {
  checkImpossible,
  checkOdd,
  checkSubmittedObservation,
  checkTypedRow,
  isCumulative,
} from './figure-checks';
export type { CheckedRow, LastApproved, MetricForChecks, RowContext } from './figure-checks';
export {
  DEFAULT_CYCLE_SETTINGS,
  currentCycle,
  deadlineOnOrAfter,
  defaultAsOf,
  districtTimestamp,
  lastDueCycle,
  metricDueInCycle,
  metricFrequency,
  reportingState,
} from './cycles';
export type { Cycle, ReportingState, UpdateStamp } from './cycles';
export {
  afterDay,
  approvedHistory,
  changesSince,
  currentAt,
  latestAndPrevious,
  metricAsOf,
  metricHistory,
  paceAt,
  paceGuide,
  statusAt,
  statusChange,
  trendProjection,
} from './history';
export type {
  ChangesInput,
  ChartPoint,
  DomainRecord,
  Guide,
  HistoryPoint,
  LatestAndPrevious,
  MetricHistory,
  TrackedMetric,
  TrendProjection,
} from './history';
export {
  CONFLICT_PROBLEM_TYPE,
  conflictProblem,
  currentApproved,
  mayReview,
  planApproval,
  planReturn,
  staleClaims,
} from './supersede';
export type { ApprovalPlan, SupersedeClaim, SupersedeConflict } from './supersede';
