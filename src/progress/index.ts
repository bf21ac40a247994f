export {
  analyseDomain,
  analyseMetric,
  classifyExcess,
  classifyGap,
  countStatuses,
  dataAsOf,
  loadedMetrics,
  elapsedAtReportDate,
  elapsedShare,
  sortDomainsByUrgency,
  totalCounts,
} from './analysis';
export type { DataAsOf, DomainProgress } from './analysis';
export { toGaugeModel } from './gauge-model';
export { completionText, pipelineText, remainingText, targetFigure, targetRangeText } from './phrases';
export { readTarget } from './target-reading';
export type { GaugeKind, GaugeModel } from './gauge-model';
export { MILESTONE_META, MILESTONE_STATES, countMilestones } from './milestones';
export type { MilestoneMeta } from './milestones';
export { STATUSES, STATUS_META, compareStatus, emptyCounts, statusesPresent } from './status';
export type { StatusMeta } from './status';
export { excessPhrase, talkingPoint } from './talking-points';
export { DAY_UNIT, PERCENT_UNIT, THRESHOLDS, projectionCeiling } from './thresholds';
export type {
  ElapsedShare,
  MetricProgress,
  Projection,
  RequiredRate,
  Status,
  StatusCounts,
  TargetReading,
} from './types';
