import type { ConflictProblem, Observation, Update, UserRef } from '../api/tracking-schemas';

// Superseding (DESIGN.md "Tracking over time"): every submitted observation names the observation it
// replaces, which must be its metric's latest approved one, checked when the update is submitted and
// again when it is approved. Several pending updates may exist; the first approved wins, and the others
// are refused at approval (409, returned to their authors) instead of silently overwriting it.

export interface SupersedeClaim {
  metricId: string;
  /** The observation the form showed as the metric's current one; null if it showed none. */
  supersedes: string | null;
}

export interface SupersedeConflict {
  metricId: string;
  supersedes: string | null;
  /** The metric's latest approved observation now; null if it has none. */
  observation: Observation | null;
}

/** Each metric's current (approved) observation, from observations in any state. */
export function currentApproved(observations: readonly Observation[]): Map<string, Observation> {
  const current = new Map<string, Observation>();
  for (const o of observations) if (o.state === 'approved') current.set(o.metricId, o);
  return current;
}

/** Every claim that no longer names its metric's current observation, or none. */
export function staleClaims(
  claims: readonly SupersedeClaim[],
  current: ReadonlyMap<string, Observation>,
): SupersedeConflict[] {
  const conflicts: SupersedeConflict[] = [];
  for (const claim of claims) {
    const now = current.get(claim.metricId) ?? null;
    if ((now?.id ?? null) !== claim.supersedes) {
      conflicts.push({ metricId: claim.metricId, supersedes: claim.supersedes, observation: now });
    }
  }
  return conflicts;
}

export const CONFLICT_PROBLEM_TYPE = 'https://jindu.example/problems/superseded';

/** The 409 answer: the current observation of each metric in conflict, for the form to show what changed. */
export function conflictProblem(conflicts: readonly SupersedeConflict[], at: 'submission' | 'approval'): ConflictProblem {
  const metrics = conflicts.map((c) => c.metricId).join('、');
  return {
    type: CONFLICT_PROBLEM_TYPE,
    title: '数据已被他人更新',
    status: 409,
    detail:
      at === 'submission'
        ? `以下指标在填报期间已有新的审核通过数据：${metrics}。请核对最新数据后重新提交。`
        : `以下指标在审核前已有新的审核通过数据：${metrics}。本次填报已退回填报人核对。`,
    current: conflicts.map((c) => ({ ...c })),
  };
}

export type ApprovalPlan =
  | {
      decision: 'approve';
      /** The update as approved, its observations approved at `at`. */
      update: Update;
      /** Ids of the observations that become `superseded`. */
      superseded: string[];
    }
  | {
      decision: 'return';
      /** The update as returned to its author, its observations returned, the conflict in the comment. */
      update: Update;
      conflicts: SupersedeConflict[];
    };

/**
 * What approving a submitted update does, given each metric's current observation: either every
 * observation goes live and the ones they name are superseded, or (if any is stale) none does and the
 * update goes back to its author. The caller writes the plan in one transaction.
 */
export function planApproval(
  update: Update,
  current: ReadonlyMap<string, Observation>,
  review: { by: UserRef; at: string; comment?: string | null },
): ApprovalPlan {
  if (update.state !== 'submitted') throw new RangeError(`only a submitted update can be reviewed: ${update.state}`);
  const conflicts = staleClaims(update.observations, current);
  if (conflicts.length > 0) {
    const problem = conflictProblem(conflicts, 'approval');
    return {
      decision: 'return',
      conflicts,
      update: {
        ...update,
        state: 'returned',
        observations: update.observations.map((o) => ({ ...o, state: 'returned' })),
        review: { by: review.by, at: review.at, decision: 'return', comment: problem.detail ?? problem.title },
      },
    };
  }
  return {
    decision: 'approve',
    superseded: update.observations.flatMap((o) => (o.supersedes === null ? [] : [o.supersedes])),
    update: {
      ...update,
      state: 'approved',
      observations: update.observations.map((o) => ({ ...o, state: 'approved', approvedAt: review.at })),
      review: { by: review.by, at: review.at, decision: 'approve', comment: review.comment ?? null },
    },
  };
}

/** Returning an update for a reason the reviewer gives: nothing goes live, the author fixes and resubmits. */
export function planReturn(update: Update, review: { by: UserRef; at: string; comment: string }): Update {
  if (update.state !== 'submitted') throw new RangeError(`only a submitted update can be reviewed: ${update.state}`);
  return {
    ...update,
    state: 'returned',
    observations: update.observations.map((o) => ({ ...o, state: 'returned' })),
    review: { by: review.by, at: review.at, decision: 'return', comment: review.comment },
  };
}

/** Who may review an update: reviewers and admins, never its author (DESIGN.md: no one approves their own). */
export function mayReview(user: { id: string; role: string }, update: Pick<Update, 'submittedBy'>): boolean {
  return (user.role === 'reviewer' || user.role === 'admin') && user.id !== update.submittedBy.id;
}
