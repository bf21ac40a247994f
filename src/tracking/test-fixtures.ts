import type { Metric } from '../api/schemas';
import type { Observation, Update } from '../api/tracking-schemas';

// Observations and updates built inline for the tracking tests, on the report's own figures
// (src/progress/test-fixtures.ts): the report's figure is each metric's first observation.

/** The plenary meeting's day: the report's figures went live then. */
export const REPORT_APPROVED_AT = '2017-06-27T00:00:00+08:00';

export function reportObservation(metric: Metric, state: Observation['state'] = 'approved'): Observation {
  return {
    id: `report:${metric.id}`,
    metricId: metric.id,
    value: metric.value,
    unit: metric.unit,
    qualifier: metric.qualifier,
    asOf: metric.asOf,
    note: null,
    basis: null,
    source: { kind: 'report', quote: metric.source.quote },
    state,
    supersedes: null,
    enteredBy: null,
    enteredAt: REPORT_APPROVED_AT,
    approvedAt: REPORT_APPROVED_AT,
  };
}

interface UpdateObservationInput {
  id: string;
  metric: Metric;
  value: number;
  asOf: string;
  supersedes: string | null;
  state?: Observation['state'];
  unit?: string;
  approvedAt?: string | null;
  updateId?: string;
}

export function updateObservation(input: UpdateObservationInput): Observation {
  const state = input.state ?? 'approved';
  return {
    id: input.id,
    metricId: input.metric.id,
    value: input.value,
    unit: input.unit ?? input.metric.unit,
    qualifier: 'exact',
    asOf: input.asOf,
    note: null,
    basis: '环保局监测数据',
    source: { kind: 'update' },
    state,
    supersedes: input.supersedes,
    enteredBy: { id: 'u-huanbao', username: 'huanbao' },
    enteredAt: '2017-07-03T09:00:00+08:00',
    approvedAt:
      input.approvedAt !== undefined
        ? input.approvedAt
        : state === 'approved' || state === 'superseded'
          ? '2017-07-03T11:00:00+08:00'
          : null,
    updateId: input.updateId ?? 'upd-1',
  };
}

export function update(input: Partial<Update> & Pick<Update, 'id' | 'domainId' | 'state' | 'submittedAt'>): Update {
  return {
    reportId: 'erqi-2017-h1',
    submittedBy: { id: 'u-huanbao', username: 'huanbao' },
    observations: [],
    milestones: [],
    narrative: null,
    ...input,
  };
}
