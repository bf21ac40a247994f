import type { ReportDataset } from '../core/dataset';
import { reportRecords } from '../core/dataset';
import type { MilestoneStateRecord, ObservationRecord, ReportRecords } from '../core/records';
import type { Store } from '../core/store';

/**
 * The store MSW serves from in the browser and in the unit tests: the dataset's records in arrays.
 * It must stay free of any database code (no PGlite, no pg): it ships in the demo's mock chunk.
 */
export function createMemoryStore(datasets: readonly ReportDataset[], enteredAt = new Date().toISOString()): Store {
  let nextId = 1;
  const all: ReportRecords[] = datasets.map((dataset) => reportRecords(dataset, enteredAt));
  const observations: ObservationRecord[] = all.flatMap((r) => r.observations.map((o) => ({ ...o, id: String(nextId++) })));
  const milestoneStates: MilestoneStateRecord[] = all.flatMap((r) => r.milestoneStates.map((s) => ({ ...s, id: String(nextId++) })));
  const version = 1;

  const of = (reportId: string) => all.find((r) => r.report.id === reportId);
  const byPosition = <T extends { position: number }>(rows: T[]) => [...rows].sort((a, b) => a.position - b.position);

  return {
    listReports: async () => all.map((r) => r.report),
    getReport: async (reportId) => of(reportId)?.report,
    listSections: async (reportId) => byPosition(of(reportId)?.sections ?? []),
    listDomains: async (reportId) => byPosition(of(reportId)?.domains ?? []),
    getDomain: async (reportId, domainId) => of(reportId)?.domains.find((d) => d.id === domainId),
    listMetrics: async (reportId, domainId) => {
      const records = of(reportId);
      if (records === undefined) return [];
      const domainOrder = new Map(records.domains.map((d) => [d.id, d.position]));
      return records.metrics
        .filter((m) => domainId === undefined || m.domainId === domainId)
        .sort((a, b) => (domainOrder.get(a.domainId) ?? 0) - (domainOrder.get(b.domainId) ?? 0) || a.position - b.position);
    },
    listObservations: async (reportId, domainId, states) =>
      observations.filter((o) => o.reportId === reportId && o.domainId === domainId && states.includes(o.state)),
    listMilestones: async (reportId, domainId) => byPosition(of(reportId)?.milestones.filter((m) => m.domainId === domainId) ?? []),
    listMilestoneStates: async (reportId, domainId, approvals) =>
      milestoneStates.filter((s) => s.reportId === reportId && s.domainId === domainId && approvals.includes(s.approval)),
    listParagraphs: async (reportId) => byPosition(of(reportId)?.paragraphs ?? []),
    listExclusions: async (reportId) => byPosition(of(reportId)?.exclusions ?? []),
    dataVersion: async () => String(version),
  };
}
