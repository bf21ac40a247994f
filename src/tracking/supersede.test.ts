import * as z from 'zod/mini';
import { conflictProblemSchema } from '../api/tracking-schemas';
import { goodAirDays, pm25 } from '../progress/test-fixtures';
import {
  conflictProblem,
  currentApproved,
  mayReview,
  planApproval,
  planReturn,
  staleClaims,
} from './supersede';
import { reportObservation, update, updateObservation } from './test-fixtures';

const air66 = reportObservation(goodAirDays);
const pm84 = reportObservation(pm25);
const reviewer = { id: 'u-ducha', username: 'ducha' };
const at = '2017-07-03T11:00:00+08:00';

function submitted(id: string, observations = [
  updateObservation({ id: `${id}-air`, metric: goodAirDays, value: 73, asOf: '2017-06-30', supersedes: air66.id, state: 'submitted', updateId: id }),
  updateObservation({ id: `${id}-pm`, metric: pm25, value: 80, asOf: '2017-06-30', supersedes: pm84.id, state: 'submitted', updateId: id }),
]) {
  return update({ id, domainId: 'air-pollution', state: 'submitted', submittedAt: '2017-07-03T09:00:00+08:00', observations });
}

describe('superseding', () => {
  it('finds each metric’s current approved observation', () => {
    const pending = updateObservation({ id: 'p', metric: goodAirDays, value: 70, asOf: '2017-06-30', supersedes: air66.id, state: 'submitted' });
    const current = currentApproved([air66, pm84, pending]);
    expect([...current.keys()]).toEqual(['good-air-days', 'pm25']);
    expect(current.get('good-air-days')?.id).toBe(air66.id);
  });

  it('accepts a submission that names the current observations', () => {
    const current = currentApproved([air66, pm84]);
    expect(staleClaims([{ metricId: 'good-air-days', supersedes: air66.id }], current)).toEqual([]);
    // A metric with no approved figure yet is claimed with null.
    expect(staleClaims([{ metricId: 'new-metric', supersedes: null }], current)).toEqual([]);
  });

  it('lists each stale claim with the metric’s current observation, for the 409', () => {
    const newer = updateObservation({ id: 'o-73', metric: goodAirDays, value: 73, asOf: '2017-06-30', supersedes: air66.id });
    const current = currentApproved([{ ...air66, state: 'superseded' }, newer, pm84]);
    const conflicts = staleClaims(
      [
        { metricId: 'good-air-days', supersedes: air66.id },
        { metricId: 'pm25', supersedes: pm84.id },
        { metricId: 'new-metric', supersedes: 'ghost' },
      ],
      current,
    );
    expect(conflicts.map((c) => [c.metricId, c.supersedes, c.observation?.id ?? null])).toEqual([
      ['good-air-days', air66.id, 'o-73'],
      ['new-metric', 'ghost', null],
    ]);
    const problem = conflictProblem(conflicts, 'submission');
    expect(z.safeParse(conflictProblemSchema, problem).success).toBe(true);
    expect(problem).toMatchObject({ status: 409, title: '数据已被他人更新' });
    expect(problem.detail).toContain('good-air-days、new-metric');
    expect(problem.current[0]?.observation?.value).toBe(73);
  });
});

describe('approval', () => {
  it('puts every observation live and supersedes the ones they name', () => {
    const plan = planApproval(submitted('upd-1'), currentApproved([air66, pm84]), { by: reviewer, at });
    expect(plan.decision).toBe('approve');
    if (plan.decision !== 'approve') return;
    expect(plan.superseded).toEqual([air66.id, pm84.id]);
    expect(plan.update.state).toBe('approved');
    expect(plan.update.observations.map((o) => [o.state, o.approvedAt])).toEqual([
      ['approved', at],
      ['approved', at],
    ]);
    expect(plan.update.review).toEqual({ by: reviewer, at, decision: 'approve', comment: null });
  });

  it('lets the first of two pending updates win and returns the second to its author', () => {
    const first = planApproval(submitted('upd-1'), currentApproved([air66, pm84]), { by: reviewer, at });
    if (first.decision !== 'approve') throw new Error('first approval refused in test');
    const afterFirst = currentApproved(first.update.observations);
    const second = planApproval(submitted('upd-2'), afterFirst, { by: reviewer, at: '2017-07-03T11:05:00+08:00' });
    expect(second.decision).toBe('return');
    if (second.decision !== 'return') return;
    expect(second.conflicts.map((c) => c.observation?.id)).toEqual(['upd-1-air', 'upd-1-pm']);
    expect(second.update.state).toBe('returned');
    expect(second.update.observations.every((o) => o.state === 'returned')).toBe(true);
    expect(second.update.review?.comment).toContain('已退回填报人核对');
  });

  it('returns for the reviewer’s reason, and reviews only submitted updates', () => {
    const returned = planReturn(submitted('upd-3'), { by: reviewer, at, comment: 'PM2.5请附监测站数据' });
    expect(returned).toMatchObject({ state: 'returned', review: { decision: 'return', comment: 'PM2.5请附监测站数据' } });
    expect(() => planApproval(returned, new Map(), { by: reviewer, at })).toThrow(RangeError);
  });

  it('lets reviewers and admins review, never the author', () => {
    const u = submitted('upd-4');
    expect(mayReview({ id: 'u-ducha', role: 'reviewer' }, u)).toBe(true);
    expect(mayReview({ id: 'u-admin', role: 'admin' }, u)).toBe(true);
    expect(mayReview({ id: 'u-huanbao', role: 'admin' }, u)).toBe(false);
    expect(mayReview({ id: 'u-other', role: 'updater' }, u)).toBe(false);
  });
});
