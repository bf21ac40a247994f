import type {
  DomainRecord,
  ExclusionRecord,
  MetricRecord,
  MilestoneRecord,
  MilestoneStateRecord,
  ObservationRecord,
  ObservationState,
  ParagraphRecord,
  ReportRecord,
  SectionRecord,
} from './records';

/**
 * Storage, and nothing more: rows in, rows out, in a stable order (report order, then position).
 * No rule of the product lives here; ./reports.ts reads these and applies them, the same for both
 * implementations (memory/ for MSW in the browser, db/sql-store.ts on PostgreSQL or PGlite).
 */
export interface Store {
  listReports(): Promise<ReportRecord[]>;
  getReport(reportId: string): Promise<ReportRecord | undefined>;
  listSections(reportId: string): Promise<SectionRecord[]>;
  /** The report's domains in report order. */
  listDomains(reportId: string): Promise<DomainRecord[]>;
  getDomain(reportId: string, domainId: string): Promise<DomainRecord | undefined>;
  /** Metric definitions of one domain, or of the whole report (in report order) without `domainId`. */
  listMetrics(reportId: string, domainId?: string): Promise<MetricRecord[]>;
  /** Observations of one domain's metrics in the given states, in the order they were entered. */
  listObservations(reportId: string, domainId: string, states: readonly ObservationState[]): Promise<ObservationRecord[]>;
  listMilestones(reportId: string, domainId: string): Promise<MilestoneRecord[]>;
  listMilestoneStates(reportId: string, domainId: string, approvals: readonly ObservationState[]): Promise<MilestoneStateRecord[]>;
  listParagraphs(reportId: string): Promise<ParagraphRecord[]>;
  listExclusions(reportId: string): Promise<ExclusionRecord[]>;
  /**
   * Changes whenever anything served changes (every committed write bumps it). Answers cached under
   * one version stay valid until the next: the API's ETags and the server's rendered overview.
   */
  dataVersion(): Promise<string>;
}
