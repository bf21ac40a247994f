import type { Domain, Metric, Milestone, Report, ReportList, ReportSource } from '../../src/api/schemas';
import type { MetricRecord, MilestoneStateRecord, ObservationRecord } from './records';
import type { Store } from './store';

// The read side of the contract, assembled from store records. The one place that decides what a
// metric's served value is, for the server on its database and for MSW on the in-memory store alike.

/** Newer first: the later as-of date, then the later entry (a correction of the same date). */
function isLater(a: { asOf: string; id: string }, b: { asOf: string; id: string }): boolean {
  if (a.asOf !== b.asOf) return a.asOf > b.asOf;
  return compareIds(a.id, b.id) > 0;
}

/** Ids are increasing integers as text; compare them as numbers without losing bigints. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** A metric's current value: its latest approved observation (by as-of date, then by entry). */
export function currentObservations(observations: readonly ObservationRecord[]): Map<string, ObservationRecord> {
  const current = new Map<string, ObservationRecord>();
  for (const observation of observations) {
    if (observation.state !== 'approved') continue;
    const held = current.get(observation.metricId);
    if (held === undefined || isLater(observation, held)) current.set(observation.metricId, observation);
  }
  return current;
}

/** A milestone's current state: its latest approved state record. */
export function currentMilestoneStates(states: readonly MilestoneStateRecord[]): Map<string, MilestoneStateRecord> {
  const current = new Map<string, MilestoneStateRecord>();
  for (const state of states) {
    if (state.approval !== 'approved') continue;
    const held = current.get(state.milestoneId);
    if (held === undefined || compareIds(state.id, held.id) > 0) current.set(state.milestoneId, state);
  }
  return current;
}

function servedMetric(definition: MetricRecord, observation: ObservationRecord): Metric {
  const { id, label, direction, target, parentId } = definition;
  return {
    id,
    label,
    value: observation.value,
    unit: observation.unit,
    qualifier: observation.qualifier as Metric['qualifier'],
    asOf: observation.asOf,
    asOfStated: observation.asOfStated,
    ...(observation.asOfNote === undefined ? {} : { asOfNote: observation.asOfNote }),
    ...observation.extra,
    direction,
    ...(target === undefined ? {} : { target }),
    ...definition.extra,
    ...(parentId === undefined ? {} : { parentId }),
    source: { quote: observation.source.quote ?? '', figure: observation.source.figure ?? '' },
  };
}

export interface ReportService {
  listReports(): Promise<ReportList>;
  getReport(reportId: string): Promise<Report | undefined>;
  getDomain(reportId: string, domainId: string): Promise<Domain | undefined>;
  getSource(reportId: string): Promise<ReportSource | undefined>;
  dataVersion(): Promise<string>;
}

export function createReportService(store: Store): ReportService {
  return {
    async listReports() {
      const reports = await store.listReports();
      return {
        reports: reports.map(({ id, title, district, city, publishedOn, year }) => ({ id, title, district, city, publishedOn, year })),
      };
    },

    async getReport(reportId) {
      const report = await store.getReport(reportId);
      if (report === undefined) return undefined;
      const [sections, domains, metrics] = await Promise.all([
        store.listSections(reportId),
        store.listDomains(reportId),
        store.listMetrics(reportId),
      ]);
      const { extra, ...summary } = report;
      return {
        ...summary,
        ...extra,
        sections: sections.map(({ id, title, extra: sectionExtra }) => ({
          id,
          title,
          ...sectionExtra,
          domainIds: domains.filter((d) => d.sectionId === id).map((d) => d.id),
        })),
        domains: domains.map(({ id, name, sectionId }) => ({
          id,
          name,
          sectionId,
          metricCount: metrics.filter((m) => m.domainId === id).length,
        })),
      } as Report;
    },

    async getDomain(reportId, domainId) {
      const domain = await store.getDomain(reportId, domainId);
      if (domain === undefined) return undefined;
      const [definitions, observations, milestones, milestoneStates] = await Promise.all([
        store.listMetrics(reportId, domainId),
        store.listObservations(reportId, domainId, ['approved']),
        store.listMilestones(reportId, domainId),
        store.listMilestoneStates(reportId, domainId, ['approved']),
      ]);
      const current = currentObservations(observations);
      const states = currentMilestoneStates(milestoneStates);
      const metrics: Metric[] = [];
      for (const definition of definitions) {
        const observation = current.get(definition.id);
        // A metric with no approved value yet has nothing to show; the contract has no empty metric.
        if (observation !== undefined) metrics.push(servedMetric(definition, observation));
      }
      const { id, name, sectionId, note, extra } = domain;
      return {
        id,
        name,
        sectionId,
        ...(note === undefined ? {} : { note }),
        ...extra,
        metrics,
        milestones: milestones.flatMap(({ id: milestoneId, text, sourceQuote, extra: milestoneExtra }): Milestone[] => {
          const state = states.get(milestoneId);
          if (state === undefined) return [];
          return [{ id: milestoneId, text, state: state.state as Milestone['state'], ...milestoneExtra, source: { quote: sourceQuote } }];
        }),
      };
    },

    async getSource(reportId) {
      if ((await store.getReport(reportId)) === undefined) return undefined;
      const [paragraphs, exclusions] = await Promise.all([store.listParagraphs(reportId), store.listExclusions(reportId)]);
      return {
        reportId,
        paragraphs: paragraphs.map(({ id, domainId, kind, text, extra }) => ({
          id,
          ...(domainId === undefined ? {} : { domainId }),
          kind: kind as ReportSource['paragraphs'][number]['kind'],
          text,
          ...extra,
        })),
        exclusions: exclusions.map(({ figure, quote, reason, extra }) => ({ figure, quote, reason, ...extra })),
      };
    },

    dataVersion: () => store.dataVersion(),
  };
}
