import type { CycleSettings } from '../../src/api/tracking-schemas';
import type { ReportDataset } from '../core/dataset';
import { reportRecords } from '../core/dataset';
import type { MilestoneStateRecord, ObservationRecord, ReportRecords } from '../core/records';
import type { Store } from '../core/store';
import type { UpdateRecord } from '../core/tracking-store';

/** What the in-memory stores share: the report's records and everything entered since, like the database's tables. */
export interface MemoryData {
  reports: ReportRecords[];
  observations: ObservationRecord[];
  milestoneStates: MilestoneStateRecord[];
  updates: UpdateRecord[];
  settings: CycleSettings;
  version: number;
  nextId: number;
}

/** The same cycle setting migration 0003 writes: GDP is reported quarterly. */
const SEEDED_CYCLE_SETTINGS: CycleSettings = { deadline: { weekday: 1, time: '12:00' }, frequencies: { 'economy/gdp': 'quarterly' } };

export function createMemoryData(datasets: readonly ReportDataset[], enteredAt = new Date().toISOString()): MemoryData {
  const data: MemoryData = {
    reports: datasets.map((dataset) => reportRecords(dataset, enteredAt)),
    observations: [],
    milestoneStates: [],
    updates: [],
    settings: structuredClone(SEEDED_CYCLE_SETTINGS),
    version: 1,
    nextId: 1,
  };
  data.observations = data.reports.flatMap((r) => r.observations.map((o) => ({ ...o, id: String(data.nextId++) })));
  data.milestoneStates = data.reports.flatMap((r) => r.milestoneStates.map((s) => ({ ...s, id: String(data.nextId++) })));
  return data;
}

/**
 * The store MSW serves from in the browser and in the unit tests: the dataset's records in arrays.
 * It must stay free of any database code (no PGlite, no pg): it ships in the demo's mock chunk.
 * Given MemoryData, it reads the same arrays the memory tracking store writes.
 */
export function createMemoryStore(source: readonly ReportDataset[] | MemoryData, enteredAt?: string): Store {
  const data = 'reports' in source ? source : createMemoryData(source, enteredAt);
  const all = data.reports;

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
      data.observations.filter((o) => o.reportId === reportId && o.domainId === domainId && states.includes(o.state)).map((o) => ({ ...o })),
    listMilestones: async (reportId, domainId) => byPosition(of(reportId)?.milestones.filter((m) => m.domainId === domainId) ?? []),
    listMilestoneStates: async (reportId, domainId, approvals) =>
      data.milestoneStates.filter((s) => s.reportId === reportId && s.domainId === domainId && approvals.includes(s.approval)),
    listParagraphs: async (reportId) => byPosition(of(reportId)?.paragraphs ?? []),
    listExclusions: async (reportId) => byPosition(of(reportId)?.exclusions ?? []),
    dataVersion: async () => String(data.version),
  };
}
