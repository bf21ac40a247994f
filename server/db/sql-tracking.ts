import { cycleSettingsSchema, updateApprovedEventSchema } from '../../src/api/tracking-schemas';
import type { CycleSettings, Narrative, UpdateApprovedEvent, UpdateMilestone, UpdateState } from '../../src/api/tracking-schemas';
import { DEFAULT_CYCLE_SETTINGS } from '../../src/tracking';
import type { ObservationRecord } from '../core/records';
import type { TrackingStore, TrackingTransaction, UpdateRecord } from '../core/tracking-store';
import { EVENTS_CHANNEL } from '../core/tracking-store';
import type { Database, Queryable } from './database';
import { appendAudit } from './sql-audit';
import { INSTANT, OBSERVATION_COLUMNS, toObservation, type ObservationRow } from './sql-store';

const UPDATE_COLUMNS = `id::text AS id, report_id, domain_id, state, submitted_by, submitted_by_name,
  ${INSTANT('submitted_at')} AS submitted_at, narrative, resubmits::text AS resubmits, reviewed_by, reviewed_by_name,
  ${INSTANT('reviewed_at')} AS reviewed_at, decision, review_comment`;

interface UpdateRow {
  id: string;
  report_id: string;
  domain_id: string;
  state: UpdateState;
  submitted_by: string;
  submitted_by_name: string;
  submitted_at: string;
  narrative: Narrative | null;
  resubmits: string | null;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
  decision: 'approve' | 'return' | null;
  review_comment: string | null;
}

interface MilestoneRow {
  update_id: string;
  milestone_id: string;
  previous_state: UpdateMilestone['previousState'];
  state: UpdateMilestone['state'];
  note: string | null;
}

async function withMilestones(db: Queryable, rows: readonly UpdateRow[]): Promise<UpdateRecord[]> {
  if (rows.length === 0) return [];
  const milestones = await db.query<MilestoneRow>(
    `SELECT update_id::text AS update_id, milestone_id, previous_state, state, note
       FROM update_milestones WHERE update_id = ANY($1::bigint[]) ORDER BY update_id, position`,
    [rows.map((r) => r.id)],
  );
  return rows.map((row): UpdateRecord => {
    const review =
      row.decision === null || row.reviewed_by === null || row.reviewed_at === null
        ? undefined
        : {
            by: { id: row.reviewed_by, username: row.reviewed_by_name ?? row.reviewed_by },
            at: row.reviewed_at,
            decision: row.decision,
            comment: row.review_comment,
          };
    return {
      id: row.id,
      reportId: row.report_id,
      domainId: row.domain_id,
      state: row.state,
      submittedBy: { id: row.submitted_by, username: row.submitted_by_name },
      submittedAt: row.submitted_at,
      narrative: row.narrative,
      milestones: milestones
        .filter((m) => m.update_id === row.id)
        .map(({ milestone_id, previous_state, state, note }) => ({ milestoneId: milestone_id, previousState: previous_state, state, note })),
      ...(row.resubmits === null ? {} : { resubmits: row.resubmits }),
      ...(review === undefined ? {} : { review }),
    };
  });
}

async function getUpdate(db: Queryable, updateId: string, lock: boolean): Promise<UpdateRecord | undefined> {
  if (!/^\d{1,18}$/.test(updateId)) return undefined;
  const rows = await db.query<UpdateRow>(`SELECT ${UPDATE_COLUMNS} FROM updates WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [updateId]);
  const [update] = await withMilestones(db, rows);
  return update;
}

function transaction(tx: Queryable): TrackingTransaction {
  return {
    async lockDomain(reportId, domainId) {
      await tx.query('SELECT 1 FROM domains WHERE report_id = $1 AND id = $2 FOR UPDATE', [reportId, domainId]);
    },

    async listObservations(reportId, domainId, states) {
      const rows = await tx.query<ObservationRow>(
        `SELECT ${OBSERVATION_COLUMNS} FROM observations WHERE report_id = $1 AND domain_id = $2 AND state = ANY($3::text[]) ORDER BY id`,
        [reportId, domainId, [...states]],
      );
      return rows.map(toObservation);
    },

    async currentMilestoneStates(reportId, domainId) {
      const rows = await tx.query<{ milestone_id: string; state: string }>(
        `SELECT DISTINCT ON (milestone_id) milestone_id, state FROM milestone_states
          WHERE report_id = $1 AND domain_id = $2 AND approval = 'approved' ORDER BY milestone_id, id DESC`,
        [reportId, domainId],
      );
      return new Map(rows.map((r) => [r.milestone_id, r.state]));
    },

    getUpdate: (updateId) => getUpdate(tx, updateId, true),

    async insertUpdate(update, observations) {
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO updates (report_id, domain_id, state, submitted_by, submitted_by_name, submitted_at, narrative, resubmits)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::text AS id`,
        [
          update.reportId,
          update.domainId,
          update.state,
          update.submittedBy.id,
          update.submittedBy.username,
          update.submittedAt,
          update.narrative === null ? null : JSON.stringify(update.narrative),
          update.resubmits ?? null,
        ],
      );
      const id = row?.id;
      if (id === undefined) throw new Error('INSERT … RETURNING answered no row');
      for (const [position, m] of update.milestones.entries()) {
        await tx.query(
          `INSERT INTO update_milestones (update_id, report_id, domain_id, milestone_id, position, previous_state, state, note)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [id, update.reportId, update.domainId, m.milestoneId, position, m.previousState, m.state, m.note],
        );
      }
      for (const o of observations) {
        await tx.query(
          `INSERT INTO observations (report_id, domain_id, metric_id, value, unit, qualifier, as_of, as_of_stated, note, basis, source_kind,
                                     state, supersedes, entered_by, entered_by_name, entered_at, update_id, extra)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
          [
            o.reportId,
            o.domainId,
            o.metricId,
            String(o.value),
            o.unit,
            o.qualifier,
            o.asOf,
            o.asOfStated,
            o.note ?? null,
            o.basis ?? null,
            o.source.kind,
            o.state,
            o.supersedes ?? null,
            o.enteredBy ?? null,
            o.enteredByName ?? null,
            o.enteredAt,
            id,
            o.extra,
          ],
        );
      }
      return id;
    },

    async reviewUpdate(updateId, state, review) {
      await tx.query(
        `UPDATE updates SET state = $2, reviewed_by = $3, reviewed_by_name = $4, reviewed_at = $5, decision = $6, review_comment = $7
          WHERE id = $1`,
        [updateId, state, review.by.id, review.by.username, review.at, review.decision, review.comment],
      );
    },

    async setUpdateObservations(updateId, state, approvedAt) {
      await tx.query('UPDATE observations SET state = $2, approved_at = $3 WHERE update_id = $1', [updateId, state, approvedAt ?? null]);
    },

    async supersede(observationIds) {
      if (observationIds.length === 0) return;
      await tx.query(`UPDATE observations SET state = 'superseded' WHERE id = ANY($1::bigint[]) AND state = 'approved'`, [[...observationIds]]);
    },

    async insertMilestoneStates(update, approvedAt) {
      for (const m of update.milestones) {
        await tx.query(
          `INSERT INTO milestone_states (report_id, domain_id, milestone_id, state, source_kind, approval, entered_by, entered_at, update_id, approved_at)
           VALUES ($1, $2, $3, $4, 'update', 'approved', $5, $6, $7, $8)`,
          [update.reportId, update.domainId, m.milestoneId, m.state, update.submittedBy.id, update.submittedAt, update.id, approvedAt],
        );
      }
    },

    appendAudit: (entry) => appendAudit(tx, entry),

    async bumpDataVersion() {
      await tx.query('UPDATE data_version SET version = version + 1');
    },

    async setCycleSettings(settings) {
      await tx.query(
        `INSERT INTO settings (key, value) VALUES ('cycle', $1::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [JSON.stringify(settings)],
      );
    },

    async notify(event) {
      // Delivered by PostgreSQL at commit, to every session that LISTENs (this server's included); never if it rolls back.
      await tx.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, JSON.stringify(event)]);
    },
  };
}

/** The tracking store on PostgreSQL (a server, or PGlite embedded); approvals reach every server by LISTEN/NOTIFY. */
export function createSqlTrackingStore(db: Database): TrackingStore {
  const listeners = new Set<(event: UpdateApprovedEvent) => void>();
  let listening: Promise<() => Promise<void>> | undefined;
  let closed = false;

  function deliver(payload: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    const event = updateApprovedEventSchema.safeParse(parsed);
    if (!event.success) return;
    for (const listener of listeners) listener(event.data);
  }

  return {
    async listUpdates(filter) {
      const rows = await db.query<UpdateRow>(
        `SELECT ${UPDATE_COLUMNS} FROM updates
          WHERE ($1::text IS NULL OR report_id = $1) AND ($2::text IS NULL OR domain_id = $2)
            AND ($3::text IS NULL OR state = $3) AND ($4::text IS NULL OR submitted_by = $4)
          ORDER BY submitted_at, id`,
        [filter.reportId ?? null, filter.domainId ?? null, filter.state ?? null, filter.submittedBy ?? null],
      );
      return withMilestones(db, rows);
    },

    getUpdate: (updateId) => getUpdate(db, updateId, false),

    async listUpdateObservations(updateId): Promise<ObservationRecord[]> {
      if (!/^\d{1,18}$/.test(updateId)) return [];
      const rows = await db.query<ObservationRow>(`SELECT ${OBSERVATION_COLUMNS} FROM observations WHERE update_id = $1 ORDER BY id`, [updateId]);
      return rows.map(toObservation);
    },

    async cycleSettings(): Promise<CycleSettings> {
      const [row] = await db.query<{ value: unknown }>(`SELECT value FROM settings WHERE key = 'cycle'`);
      const parsed = cycleSettingsSchema.safeParse(row?.value);
      return parsed.success ? parsed.data : DEFAULT_CYCLE_SETTINGS;
    },

    transaction: (work) => db.transaction((tx) => work(transaction(tx))),

    async subscribe(listener) {
      listeners.add(listener);
      if (listening === undefined && !closed) {
        const started = db.listen(EVENTS_CHANNEL, deliver);
        listening = started;
        // A failed LISTEN (the database went away) is retried by the next subscriber.
        started.catch(() => {
          if (listening === started) listening = undefined;
        });
      }
      try {
        await listening;
      } catch (error) {
        listeners.delete(listener);
        throw error;
      }
      return () => {
        listeners.delete(listener);
      };
    },

    async close() {
      closed = true;
      listeners.clear();
      const unlisten = await listening?.catch(() => undefined);
      listening = undefined;
      await unlisten?.();
    },
  };
}
