import { emptyCounts, type Status, type StatusCounts } from '../../progress';
import { meetingOrder, slideIndexOf, slidePath } from './slides';

function entry(id: string, counts?: Partial<StatusCounts>) {
  if (counts === undefined) return { id, progress: undefined };
  const full = { ...emptyCounts(), ...counts };
  const order: Status[] = ['far-behind', 'behind', 'on-track', 'ahead', 'complete', 'in-progress', 'no-target'];
  const worstStatus = order.find((s) => full[s] > 0) ?? 'no-target';
  return { id, progress: { counts: full, worstStatus } };
}

describe('meetingOrder', () => {
  it('puts what is behind first and domains without targets last', () => {
    // In report order, as the API lists them.
    const domains = [
      entry('economy', { behind: 1, ahead: 2, 'no-target': 13 }),
      entry('air-pollution', { 'far-behind': 1, behind: 1, complete: 5, 'in-progress': 2, 'no-target': 20 }),
      entry('health-city-review', { 'no-target': 7 }),
      entry('work-safety', {}),
      entry('construction-waste', { 'in-progress': 3, 'no-target': 6 }),
      entry('warm-erqi', { complete: 1, 'no-target': 9 }),
      entry('resettlement-housing', { 'far-behind': 1, ahead: 1, 'no-target': 15 }),
      entry('on-pace', { 'on-track': 2 }),
    ];
    expect(meetingOrder(domains).map((d) => d.id)).toEqual([
      'air-pollution',
      'resettlement-housing',
      'economy',
      'on-pace',
      'warm-erqi',
      'construction-waste',
      'health-city-review',
      'work-safety',
    ]);
  });

  it('keeps report order between equally urgent domains', () => {
    const domains = [entry('a', { behind: 1 }), entry('b', { behind: 1 }), entry('c', { behind: 1 })];
    expect(meetingOrder(domains).map((d) => d.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps a domain whose figures failed to load, after the ranked ones', () => {
    const domains = [entry('failed'), entry('figures', { 'no-target': 3 }), entry('behind', { behind: 1 })];
    expect(meetingOrder(domains).map((d) => d.id)).toEqual(['behind', 'figures', 'failed']);
  });
});

describe('slide routes', () => {
  const order = [{ id: 'air-pollution' }, { id: 'resettlement-housing' }, { id: 'economy' }];

  it('maps the agenda to /meeting and each domain to its own path', () => {
    expect(slidePath(order, 0)).toBe('/meeting');
    expect(slidePath(order, 1)).toBe('/meeting/air-pollution');
    expect(slidePath(order, 3)).toBe('/meeting/economy');
  });

  it('clamps indices past either end', () => {
    expect(slidePath(order, -1)).toBe('/meeting');
    expect(slidePath(order, 9)).toBe('/meeting/economy');
    expect(slidePath([], 2)).toBe('/meeting');
  });

  it('finds the slide of a route, and says when there is none', () => {
    expect(slideIndexOf(order, undefined)).toBe(0);
    expect(slideIndexOf(order, 'air-pollution')).toBe(1);
    expect(slideIndexOf(order, 'economy')).toBe(3);
    expect(slideIndexOf(order, 'nope')).toBe(-1);
  });
});
