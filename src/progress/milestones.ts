import type { Milestone, MilestoneState } from '../api/schemas';
import type { Status } from './types';

/** From done to not started: the order milestones are counted in. */
export const MILESTONE_STATES: readonly MilestoneState[] = ['done', 'in-progress', 'planned'];

export interface MilestoneMeta {
  /** The word shown with the state, like a status's: no one needs the colour. */
  label: string;
  icon: string;
  /** The status whose colour the state is shown in. */
  status: Status;
}

export const MILESTONE_META: Record<MilestoneState, MilestoneMeta> = {
  done: { label: '已完成', icon: '✓', status: 'complete' },
  'in-progress': { label: '推进中', icon: '◐', status: 'in-progress' },
  planned: { label: '计划中', icon: '○', status: 'no-target' },
};

/** How many milestones are in each state, in `MILESTONE_STATES` order; states with none are left out. */
export function countMilestones(milestones: readonly Pick<Milestone, 'state'>[]): { state: MilestoneState; count: number }[] {
  return MILESTONE_STATES.map((state) => ({ state, count: milestones.filter((m) => m.state === state).length })).filter(
    ({ count }) => count > 0,
  );
}
