import { countMilestones, MILESTONE_META, MILESTONE_STATES } from './milestones';

describe('MILESTONE_META', () => {
  it('gives every state its own word and shape', () => {
    const labels = MILESTONE_STATES.map((s) => MILESTONE_META[s].label);
    const icons = MILESTONE_STATES.map((s) => MILESTONE_META[s].icon);
    expect(labels).toEqual(['已完成', '推进中', '计划中']);
    expect(new Set(icons).size).toBe(MILESTONE_STATES.length);
  });

  it('shows a done milestone in the colour of a completed metric', () => {
    expect(MILESTONE_META.done.status).toBe('complete');
  });
});

describe('countMilestones', () => {
  it('counts each state, done first, and leaves out states with none', () => {
    const milestones = [{ state: 'planned' }, { state: 'done' }, { state: 'planned' }] as const;
    expect(countMilestones(milestones)).toEqual([
      { state: 'done', count: 1 },
      { state: 'planned', count: 2 },
    ]);
  });

  it('is empty for a domain without milestones', () => {
    expect(countMilestones([])).toEqual([]);
  });
});
