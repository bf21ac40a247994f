import type { Metric, Qualifier } from '../api';
import type { Observation } from '../api/tracking-schemas';
import { analyseMetric, type Status } from '../progress';
import { metricAsOf } from '../tracking';

// The status a new figure would give a metric, before anyone approves it: what the 填报 form previews
// (▼滞后 → ●正常) and what the review queue shows as the change. The metric is read as the server will
// serve it once the figure is live: the report-only fields (its printed completion share, 同比, rank and
// stated gap) describe the printed figure and are dropped, as server/core/reports.ts does.

export interface NewFigure {
  value: number;
  qualifier: Qualifier;
  asOf: string;
}

/** A figure nobody approved yet, as the history module wants an observation. */
function draftObservation(metric: Metric, figure: NewFigure): Observation {
  return {
    id: 'draft',
    metricId: metric.id,
    value: figure.value,
    unit: metric.unit,
    qualifier: figure.qualifier,
    asOf: figure.asOf,
    note: null,
    basis: null,
    source: { kind: 'update' },
    state: 'submitted',
    supersedes: metric.observationId ?? null,
    enteredBy: null,
    enteredAt: `${figure.asOf}T00:00:00.000Z`,
    approvedAt: null,
  };
}

/** The metric as it will read once `figure` is its latest approved observation. */
export function metricWithFigure(metric: Metric, figure: NewFigure): Metric {
  const out = metricAsOf(metric, { observation: draftObservation(metric, figure), value: figure.value });
  delete out.yoyPct;
  delete out.rank;
  if (out.target?.statedGap !== undefined) {
    const { statedGap: _printed, ...target } = out.target;
    void _printed;
    out.target = target;
  }
  out.asOfStated = true;
  delete out.asOfNote;
  return out;
}

/** The metric's status now and with the new figure. */
export function statusChangeWith(metric: Metric, figure: NewFigure): { before: Status; after: Status } {
  return { before: analyseMetric(metric).status, after: analyseMetric(metricWithFigure(metric, figure)).status };
}
