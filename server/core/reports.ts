import type { Domain, Metric, Milestone, Report, ReportList, ReportSource, Target } from '../../src/api/schemas';
import { instantAt, latestAndPrevious } from '../../src/tracking';
import { observationOf } from './observations';
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

/** Contract fields that describe the report's own printing of a figure, not a later one. */
const REPORT_FIGURE_FIELDS = ['reportedProgressPct', 'yoyPct', 'rank'] as const;

function servedMetric(
  definition: MetricRecord,
  observation: ObservationRecord,
  history: readonly ObservationRecord[],
  publishedAt: string,
): Metric {
  const { id, label, direction, target, parentId } = definition;
  const fromReport = observation.source.kind === 'report';
  const definitionExtra: Record<string, unknown> = { ...definition.extra };
  // The report's completion share, its 同比 and its rank belong to the figure it printed; a later
  // figure is read against the target alone (src/tracking/history's metricAsOf does the same).
  if (!fromReport) for (const field of REPORT_FIGURE_FIELDS) delete definitionExtra[field];
  const servedTarget = target === undefined || fromReport || target.statedGap === undefined ? target : withoutStatedGap(target);
  const { previous } = latestAndPrevious({ unit: definition.unit }, history.map(observationOf));
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
    ...(servedTarget === undefined ? {} : { target: servedTarget }),
    ...definitionExtra,
    ...(parentId === undefined ? {} : { parentId }),
    source: fromReport
      ? { quote: observation.source.quote ?? '', figure: observation.source.figure ?? '' }
      : { kind: observation.source.kind, quote: '', figure: '' },
    observationId: observation.id,
    updatedAt: observation.approvedAt ?? publishedAt,
    previous:
      previous === undefined
        ? null
        : {
            id: previous.observation.id,
            value: previous.value,
            unit: definition.unit,
            qualifier: previous.observation.qualifier,
            asOf: previous.asOf,
          },
  };
}

function withoutStatedGap(target: Target): Target {
  const { statedGap: _printed, ...rest } = target;
  void _printed;
  return rest;
}

/** The start of the publication day in the district (+08:00): when the report's figures went live. */
function publicationInstant(publishedOn: string): string {
  return new Date(instantAt(publishedOn, '00:00')).toISOString();
}

/** What the reads need of weekly updates: 逾期未报 per domain, and when that can change. */
export interface ReportReporting {
  /** The domains of the report that are 逾期未报 now. */
  overdue(reportId: string): Promise<ReadonlySet<string>>;
  /** Moves when 逾期未报 may change without any write (a deadline passes): part of the data version. */
  epoch(): Promise<string>;
}

export interface ReportService {
  listReports(): Promise<ReportList>;
  getReport(reportId: string): Promise<Report | undefined>;
  getDomain(reportId: string, domainId: string): Promise<Domain | undefined>;
  getSource(reportId: string): Promise<ReportSource | undefined>;
  dataVersion(): Promise<string>;
}

export function createReportService(store: Store, reporting?: ReportReporting): ReportService {
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
      const [sections, domains, metrics, overdue] = await Promise.all([
        store.listSections(reportId),
        store.listDomains(reportId),
        store.listMetrics(reportId),
        reporting?.overdue(reportId),
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
          ...(overdue === undefined ? {} : { overdue: overdue.has(id) }),
        })),
      } as Report;
    },

    async getDomain(reportId, domainId) {
      const [report, domain] = await Promise.all([store.getReport(reportId), store.getDomain(reportId, domainId)]);
      if (report === undefined || domain === undefined) return undefined;
      const [definitions, observations, milestones, milestoneStates, overdue] = await Promise.all([
        store.listMetrics(reportId, domainId),
        store.listObservations(reportId, domainId, ['approved', 'superseded']),
        store.listMilestones(reportId, domainId),
        store.listMilestoneStates(reportId, domainId, ['approved']),
        reporting?.overdue(reportId),
      ]);
      const current = currentObservations(observations);
      const publishedAt = publicationInstant(report.publishedOn);
      const states = currentMilestoneStates(milestoneStates);
      const metrics: Metric[] = [];
      for (const definition of definitions) {
        const observation = current.get(definition.id);
        // A metric with no approved value yet has nothing to show; the contract has no empty metric.
        if (observation !== undefined) {
          const history = observations.filter((o) => o.metricId === definition.id);
          metrics.push(servedMetric(definition, observation, history, publishedAt));
        }
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
        ...(overdue === undefined ? {} : { overdue: overdue.has(id) }),
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

    async dataVersion() {
      const [version, epoch] = await Promise.all([store.dataVersion(), reporting?.epoch()]);
      return epoch === undefined ? version : `${version}.${epoch}`;
    },
  };
}
