export {
  analyseDomain,
  analyseMetric,
  classifyExcess,
  classifyGap,
  countStatuses,
  elapsedShare,
  meetingElapsed,
  sortDomainsByUrgency,
  totalCounts,
} from './analysis';
export type { DomainProgress } from './analysis';
export { toGaugeModel } from './gauge-model';
export { completionText, pipelineText, remainingText, targetFigure, targetRangeText } from './phrases';
export { readTarget } from './target-reading';
export type { GaugeKind, GaugeModel } from './gauge-model';
export { STATUSES, STATUS_META, compareStatus, emptyCounts } from './status';
export type { StatusMeta } from './status';
export { excessPhrase, talkingPoint } from './talking-points';
export { DAY_UNIT, THRESHOLDS } from './thresholds';
export type {
  ElapsedShare,
  MetricProgress,
  Projection,
  RequiredRate,
  Status,
  StatusCounts,
  TargetReading,
} from './types';
