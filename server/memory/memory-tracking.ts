import type { UpdateApprovedEvent } from '../../src/api/tracking-schemas';
import type { AuditEntry } from '../auth/audit';
import type { TrackingStore, TrackingTransaction, UpdateRecord } from '../core/tracking-store';
import type { MemoryAuditLog } from './memory-accounts';
import type { MemoryData } from './memory-store';

/** PostgreSQL's answer to a second approved observation of a metric, imitated. */
class UniqueViolation extends Error {
  readonly code = '23505';
}

type Snapshot = Pick<MemoryData, 'observations' | 'milestoneStates' | 'updates' | 'version' | 'nextId' | 'settings'>;

function snapshot(data: MemoryData): Snapshot {
  return structuredClone({
    observations: data.observations,
    milestoneStates: data.milestoneStates,
    updates: data.updates,
    version: data.version,
    nextId: data.nextId,
    settings: data.settings,
  });
}

const copy = (update: UpdateRecord): UpdateRecord => structuredClone(update);

/**
 * Weekly updates in memory, for MSW (the demo, `npm run dev`, the unit tests): transactions run one
 * at a time and are undone when they throw, so an update and its audit entry (appended to the accounts'
 * audit log at the commit) are stored together or not at all, as on PostgreSQL; approvals reach subscribers after the commit, in this process only.
 */
export function createMemoryTrackingStore(data: MemoryData, audit: Pick<MemoryAuditLog, 'append'>): TrackingStore {
  const listeners = new Set<(event: UpdateApprovedEvent) => void>();
  let queue: Promise<unknown> = Promise.resolve();

  function transaction(pending: UpdateApprovedEvent[], entries: AuditEntry[]): TrackingTransaction {
    return {
      lockDomain: async () => undefined,
      listObservations: async (reportId, domainId, states) =>
        data.observations.filter((o) => o.reportId === reportId && o.domainId === domainId && states.includes(o.state)).map((o) => ({ ...o })),
      async currentMilestoneStates(reportId, domainId) {
        const current = new Map<string, string>();
        for (const s of data.milestoneStates) {
          if (s.reportId === reportId && s.domainId === domainId && s.approval === 'approved') current.set(s.milestoneId, s.state);
        }
        return current;
      },
      getUpdate: async (updateId) => {
        const found = data.updates.find((u) => u.id === updateId);
        return found === undefined ? undefined : copy(found);
      },
      async insertUpdate(update, observations) {
        const id = String(data.nextId++);
        data.updates.push(structuredClone({ ...update, id }));
        for (const o of observations) data.observations.push({ ...structuredClone(o), id: String(data.nextId++), updateId: id });
        return id;
      },
      async reviewUpdate(updateId, state, review) {
        const update = data.updates.find((u) => u.id === updateId);
        if (update === undefined) throw new Error(`no update ${updateId}`);
        update.state = state;
        update.review = structuredClone(review);
      },
      async setUpdateObservations(updateId, state, approvedAt) {
        for (const o of data.observations) {
          if (o.updateId !== updateId) continue;
          if (state === 'approved') {
            const clash = data.observations.some(
              (other) => other !== o && other.state === 'approved' && other.reportId === o.reportId && other.domainId === o.domainId && other.metricId === o.metricId,
            );
            if (clash) throw new UniqueViolation(`a second approved observation of ${o.domainId}/${o.metricId}`);
          }
          o.state = state;
          if (approvedAt === undefined) delete o.approvedAt;
          else o.approvedAt = approvedAt;
        }
      },
      async supersede(observationIds) {
        for (const o of data.observations) if (observationIds.includes(o.id) && o.state === 'approved') o.state = 'superseded';
      },
      async insertMilestoneStates(update, approvedAt) {
        for (const m of update.milestones) {
          data.milestoneStates.push({
            id: String(data.nextId++),
            reportId: update.reportId,
            domainId: update.domainId,
            milestoneId: m.milestoneId,
            state: m.state,
            sourceKind: 'update',
            approval: 'approved',
            enteredBy: update.submittedBy.id,
            enteredAt: approvedAt,
          });
        }
      },
      async appendAudit(entry) {
        // Written to the audit log with the commit, in the same synchronous step as nothing else can interleave.
        entries.push(entry);
      },
      async bumpDataVersion() {
        data.version += 1;
      },
      async setCycleSettings(settings) {
        data.settings = structuredClone(settings);
      },
      async notify(event) {
        pending.push(event);
      },
    };
  }

  return {
    async listUpdates(filter) {
      return data.updates
        .filter(
          (u) =>
            (filter.reportId === undefined || u.reportId === filter.reportId) &&
            (filter.domainId === undefined || u.domainId === filter.domainId) &&
            (filter.state === undefined || u.state === filter.state) &&
            (filter.submittedBy === undefined || u.submittedBy.id === filter.submittedBy),
        )
        .map(copy);
    },
    getUpdate: async (updateId) => {
      const found = data.updates.find((u) => u.id === updateId);
      return found === undefined ? undefined : copy(found);
    },
    listUpdateObservations: async (updateId) => data.observations.filter((o) => o.updateId === updateId).map((o) => ({ ...o })),
    cycleSettings: async () => structuredClone(data.settings),

    transaction<T>(work: (tx: TrackingTransaction) => Promise<T>): Promise<T> {
      const run = async (): Promise<T> => {
        const before = snapshot(data);
        const pending: UpdateApprovedEvent[] = [];
        const entries: AuditEntry[] = [];
        try {
          const result = await work(transaction(pending, entries));
          for (const entry of entries) audit.append(entry);
          for (const event of pending) for (const listener of listeners) listener(event);
          return result;
        } catch (error) {
          Object.assign(data, before);
          throw error;
        }
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },

    async subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    async close() {
      listeners.clear();
    },
  };
}
