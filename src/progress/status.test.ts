import { emptyCounts, STATUSES, STATUS_META, statusesPresent, THRESHOLDS } from './index';

describe('STATUS_META', () => {
  it('orders statuses by urgency, with ranks that match', () => {
    expect(STATUSES).toEqual(['far-behind', 'behind', 'on-track', 'ahead', 'complete', 'in-progress', 'no-target']);
    STATUSES.forEach((s, i) => expect(STATUS_META[s].rank).toBe(i));
  });

  it('gives every status a word and a shape, all distinct', () => {
    expect(STATUS_META['far-behind']).toMatchObject({ label: '严重滞后', icon: '‼' });
    expect(STATUS_META.behind).toMatchObject({ label: '滞后', icon: '▼' });
    expect(STATUS_META['on-track']).toMatchObject({ label: '正常', icon: '●' });
    expect(STATUS_META.ahead).toMatchObject({ label: '超前', icon: '▲' });
    expect(STATUS_META.complete).toMatchObject({ label: '已完成', icon: '✓' });
    expect(STATUS_META['in-progress']).toMatchObject({ label: '推进中', icon: '◐' });
    expect(STATUS_META['no-target']).toMatchObject({ label: '无目标', icon: '–' });
    expect(new Set(STATUSES.map((s) => STATUS_META[s].icon)).size).toBe(STATUSES.length);
    expect(new Set(STATUSES.map((s) => STATUS_META[s].label)).size).toBe(STATUSES.length);
  });

  it('keeps the status thresholds: met at 100%, ahead from +5 points against 序时进度, behind from −5, far behind from −15', () => {
    expect(THRESHOLDS).toMatchObject({ completePct: 100, aheadGapPts: 5, behindGapPts: -5, farBehindGapPts: -15 });
  });
});

describe('statusesPresent', () => {
  it('lists the statuses with metrics in them, most urgent first', () => {
    expect(statusesPresent({ ...emptyCounts(), 'no-target': 13, ahead: 2, behind: 1 })).toEqual(['behind', 'ahead', 'no-target']);
  });

  it('is empty when no status has a metric', () => {
    expect(statusesPresent(emptyCounts())).toEqual([]);
  });
});
