import type { CycleSettings, Narrative, UpdateApprovedEvent, UpdateMilestone, UpdateState, UserRef } from '../../src/api/tracking-schemas';
import type { AuditEntry } from '../auth/audit';
import type { ObservationRecord, ObservationState } from './records';

// Storage of weekly updates (issue 16), beside ./store.ts and as dumb as it: rows in, rows out. The
// rules (superseding, who may see what, 逾期未报) live in ./tracking.ts and src/tracking, once for both
// implementations (memory/ for MSW, db/sql-tracking.ts on PostgreSQL or PGlite).

/** One update (填报) as stored; its observations are observation rows carrying its id. */
export interface UpdateRecord {
  id: string;
  reportId: string;
  domainId: string;
  state: UpdateState;
  submittedBy: UserRef;
  /** ISO timestamp. */
  submittedAt: string;
  narrative: Narrative | null;
  milestones: UpdateMilestone[];
  resubmits?: string;
  review?: { by: UserRef; at: string; decision: 'approve' | 'return'; comment: string | null };
}

export interface UpdateFilter {
  reportId?: string;
  domainId?: string;
  state?: UpdateState;
  /** Only those this account submitted. */
  submittedBy?: string;
}

export type NewObservation = Omit<ObservationRecord, 'id' | 'updateId'>;

/** What one transaction may read and write. Everything written is committed together or not at all. */
export interface TrackingTransaction {
  /**
   * Serialises writers of one domain: a second submission or review of the same domain waits here
   * until the first commits, then reads what it wrote (so the supersede check sees it).
   */
  lockDomain(reportId: string, domainId: string): Promise<void>;
  /** The domain's observations in these states, by id. */
  listObservations(reportId: string, domainId: string, states: readonly ObservationState[]): Promise<ObservationRecord[]>;
  /** Each milestone's current (approved) state. */
  currentMilestoneStates(reportId: string, domainId: string): Promise<Map<string, string>>;
  getUpdate(updateId: string): Promise<UpdateRecord | undefined>;
  /** Stores a new update with its observations; answers its id. */
  insertUpdate(update: Omit<UpdateRecord, 'id' | 'review'>, observations: readonly NewObservation[]): Promise<string>;
  /** Records the review and the update's new state. */
  reviewUpdate(updateId: string, state: 'approved' | 'returned', review: NonNullable<UpdateRecord['review']>): Promise<void>;
  /** Moves the update's observations to a state (approved: live at `approvedAt`). */
  setUpdateObservations(updateId: string, state: ObservationState, approvedAt?: string): Promise<void>;
  /** Marks observations superseded (they were approved; a later approval replaced them). */
  supersede(observationIds: readonly string[]): Promise<void>;
  /** The approved milestone states an approved update brings. */
  insertMilestoneStates(update: UpdateRecord, approvedAt: string): Promise<void>;
  /** The audit entry of this change, in this transaction: no change without its entry, no entry without it. */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Every committed change of what is served moves the data version (ETags, the rendered overview). */
  bumpDataVersion(): Promise<void>;
  /** Replaces the `cycle` setting (the weekly deadline, metrics' frequencies). */
  setCycleSettings(settings: CycleSettings): Promise<void>;
  /** Sent to every server's event listeners once (and only if) the transaction commits. */
  notify(event: UpdateApprovedEvent): Promise<void>;
}

export interface TrackingStore {
  listUpdates(filter: UpdateFilter): Promise<UpdateRecord[]>;
  getUpdate(updateId: string): Promise<UpdateRecord | undefined>;
  /** The update's observations, by id. */
  listUpdateObservations(updateId: string): Promise<ObservationRecord[]>;
  cycleSettings(): Promise<CycleSettings>;
  transaction<T>(work: (tx: TrackingTransaction) => Promise<T>): Promise<T>;
  /**
   * Calls `listener` with every approval committed by any server on this database (LISTEN/NOTIFY on
   * PostgreSQL, an in-process emitter in memory). Resolves, once listening, to the function that stops.
   */
  subscribe(listener: (event: UpdateApprovedEvent) => void): Promise<() => void>;
  /** Stops listening to the database (the Node server at shutdown, tests at the end). */
  close(): Promise<void>;
}

/** The channel of approvals across app servers. */
export const EVENTS_CHANNEL = 'jindu_events';

/**
 * PostgreSQL's unique violation (23505), which the memory store imitates: the one-approved-per-metric
 * index caught two approvals that both passed the check.
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === '23505';
}
