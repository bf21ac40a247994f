import type { Direction, Target } from '../../src/api/schemas';

// What the stores keep, one record per table row. Both stores (in memory for MSW, SQL for the server)
// hold exactly these; the contract's JSON is assembled from them above the stores (./reports.ts), so
// the rules that read them (a metric's current value is its latest approved observation) exist once.
//
// Contract fields that are not modelled as columns travel in `extra`: a field added to the contract
// (src/api/schemas.ts) and to the dataset reaches the API without a migration, and the contract test
// proves the served JSON equals the dataset's.

/** Fields of the contract kept as they are, not modelled: JSON values. */
export type Extra = Record<string, unknown>;

export interface ReportRecord {
  id: string;
  title: string;
  district: string;
  city: string;
  publishedOn: string;
  year: number;
  extra: Extra;
}

export interface SectionRecord {
  reportId: string;
  id: string;
  position: number;
  title: string;
  extra: Extra;
}

export interface DomainRecord {
  reportId: string;
  id: string;
  sectionId: string;
  /** Report order, across sections. */
  position: number;
  name: string;
  note?: string;
  extra: Extra;
}

/** A metric's definition: what is measured and against what. Its values are observations. */
export interface MetricRecord {
  reportId: string;
  domainId: string;
  id: string;
  position: number;
  label: string;
  /** The unit the metric is kept in; an observation may state an exactly convertible one (万 ↔ 亿). */
  unit: string;
  direction: Direction;
  target?: Target;
  parentId?: string;
  extra: Extra;
}

/** Where an observation came from: the published report, an approved update, or labelled 示例 data. */
export type ObservationSourceKind = 'report' | 'update' | 'example';
/**
 * Only `approved` observations are ever served as a metric's value (one per metric at most);
 * `superseded` ones were approved and then replaced, and stay as the metric's history.
 */
export type ObservationState = 'submitted' | 'approved' | 'superseded' | 'returned';

/** A metric's value as of a date. Never overwritten: a new one supersedes the one before. */
export interface ObservationRecord {
  id: string;
  reportId: string;
  domainId: string;
  metricId: string;
  value: number;
  unit: string;
  qualifier: string;
  asOf: string;
  /** `false` when the source gave no date and `asOf` was inferred, as `asOfNote` says. */
  asOfStated: boolean;
  asOfNote?: string;
  note?: string;
  basis?: string;
  source: { kind: ObservationSourceKind; quote?: string; figure?: string };
  state: ObservationState;
  /** The observation this one replaces (the latest approved one when it was entered). */
  supersedes?: string;
  /** Who entered it (an account id); absent for the report's own figures, loaded by the seed. */
  enteredBy?: string;
  /** Their username when they entered it, for `enteredBy: { id, username }`. */
  enteredByName?: string;
  /** ISO timestamp. */
  enteredAt: string;
  /** When it went live (ISO); absent for the report's figures, live since the report was published. */
  approvedAt?: string;
  /** The update (填报) it came in with; absent for the report's figures. */
  updateId?: string;
  /** Contract fields about the figure that are not columns. */
  extra: Extra;
}

export interface MilestoneRecord {
  reportId: string;
  domainId: string;
  id: string;
  position: number;
  text: string;
  sourceQuote: string;
  extra: Extra;
}

/** A milestone's state from a date on; like observations, a history, the latest approved one current. */
export interface MilestoneStateRecord {
  id: string;
  reportId: string;
  domainId: string;
  milestoneId: string;
  state: string;
  sourceKind: ObservationSourceKind;
  approval: ObservationState;
  enteredBy?: string;
  enteredAt: string;
}

/** A paragraph of the reassembled report text (GET …/source). */
export interface ParagraphRecord {
  reportId: string;
  position: number;
  id: string;
  domainId?: string;
  kind: string;
  text: string;
  extra: Extra;
}

/** A figure left out of the data on purpose, with why. */
export interface ExclusionRecord {
  reportId: string;
  position: number;
  figure: string;
  quote: string;
  reason: string;
  extra: Extra;
}

/** Everything of one report, as the seed writes it and the in-memory store holds it. */
export interface ReportRecords {
  report: ReportRecord;
  sections: SectionRecord[];
  domains: DomainRecord[];
  metrics: MetricRecord[];
  /** Without ids: the store numbers them. */
  observations: Omit<ObservationRecord, 'id'>[];
  milestones: MilestoneRecord[];
  milestoneStates: Omit<MilestoneStateRecord, 'id'>[];
  paragraphs: ParagraphRecord[];
  exclusions: ExclusionRecord[];
}
