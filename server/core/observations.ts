import type { Qualifier } from '../../src/api/schemas';
import type { Observation, Update } from '../../src/api/tracking-schemas';
import type { ObservationRecord } from './records';
import type { UpdateRecord } from './tracking-store';

// Store records as the round-2 contract's Observation and Update (src/api/tracking-schemas.ts), for
// the reads (a metric's `previous`), the history endpoint, the review queue and src/tracking's rules.

export function observationOf(record: ObservationRecord): Observation {
  const { source } = record;
  return {
    id: record.id,
    metricId: record.metricId,
    value: record.value,
    unit: record.unit,
    qualifier: record.qualifier as Qualifier,
    asOf: record.asOf,
    note: record.note ?? null,
    basis: record.basis ?? null,
    source: source.quote === undefined ? { kind: source.kind } : { kind: source.kind, quote: source.quote },
    state: record.state,
    supersedes: record.supersedes ?? null,
    enteredBy: record.enteredBy === undefined ? null : { id: record.enteredBy, username: record.enteredByName ?? record.enteredBy },
    enteredAt: record.enteredAt,
    // The report's figures were live from the start: null, which src/tracking/history reads as "always there".
    approvedAt: record.approvedAt ?? null,
    ...(record.updateId === undefined ? {} : { updateId: record.updateId }),
  };
}

export function updateOf(record: UpdateRecord, observations: readonly ObservationRecord[]): Update {
  return {
    id: record.id,
    reportId: record.reportId,
    domainId: record.domainId,
    state: record.state,
    submittedBy: record.submittedBy,
    submittedAt: record.submittedAt,
    observations: observations.filter((o) => o.updateId === record.id).map(observationOf),
    milestones: record.milestones,
    narrative: record.narrative,
    ...(record.review === undefined ? {} : { review: record.review }),
    ...(record.resubmits === undefined ? {} : { resubmits: record.resubmits }),
  };
}
