import type { CycleSettings } from '../api/tracking-schemas';
import {
  currentCycle,
  DEFAULT_CYCLE_SETTINGS,
  defaultAsOf,
  districtTimestamp,
  lastDueCycle,
  metricDueInCycle,
  metricFrequency,
  reportingState,
  type UpdateStamp,
} from './cycles';
import { instantAt } from './dates';

// 2017-07-03 is the Monday after the plenary meeting (Tuesday 2017-06-27).
const at = (date: string, time: string) => instantAt(date, time);

describe('the current cycle', () => {
  it('runs from just after last Monday 12:00 to this Monday 12:00, district time', () => {
    const c = currentCycle(at('2017-07-03', '10:00'), 2017);
    expect(c).not.toBeNull();
    expect(districtTimestamp(c?.opensAt ?? 0)).toBe('2017-06-26T12:00:00+08:00');
    expect(districtTimestamp(c?.dueAt ?? 0)).toBe('2017-07-03T12:00:00+08:00');
    expect(c).toMatchObject({ opensOn: '2017-06-26', dueOn: '2017-07-03' });
    // At the deadline itself the cycle is still this one; a minute later the next has opened.
    expect(currentCycle(at('2017-07-03', '12:00'), 2017)?.dueOn).toBe('2017-07-03');
    expect(currentCycle(at('2017-07-03', '12:01'), 2017)?.dueOn).toBe('2017-07-10');
  });

  it('follows the deadline setting (Friday 17:30)', () => {
    const friday: CycleSettings = { deadline: { weekday: 5, time: '17:30' }, frequencies: {} };
    const c = currentCycle(at('2017-07-03', '10:00'), 2017, friday);
    expect(c && districtTimestamp(c.dueAt)).toBe('2017-07-07T17:30:00+08:00');
    expect(c && districtTimestamp(c.opensAt)).toBe('2017-06-30T17:30:00+08:00');
  });

  it('opens on 1 January and is due at the end of 31 December, within the plan’s year only', () => {
    // 2017-01-01 was a Sunday: the first cycle runs to Monday 2 January 12:00.
    const first = currentCycle(at('2017-01-01', '08:00'), 2017);
    expect(first && districtTimestamp(first.opensAt)).toBe('2017-01-01T00:00:00+08:00');
    expect(first?.dueOn).toBe('2017-01-02');
    const last = currentCycle(at('2017-12-28', '09:00'), 2017);
    expect(last && districtTimestamp(last.dueAt)).toBe('2018-01-01T00:00:00+08:00');
    expect(last?.dueOn).toBe('2017-12-31');
    expect(currentCycle(at('2018-01-02', '09:00'), 2017)).toBeNull();
    expect(currentCycle(at('2016-12-31', '09:00'), 2017)).toBeNull();
    expect(lastDueCycle(at('2017-01-02', '11:00'), 2017)).toBeNull();
  });
});

describe('逾期未报', () => {
  const onTime: UpdateStamp = { state: 'submitted', submittedAt: '2017-06-30T16:00:00+08:00' };

  it('is not a domain that reported last cycle, before this cycle’s deadline', () => {
    const lastWeek: UpdateStamp = { state: 'approved', submittedAt: '2017-06-24T10:00:00+08:00' };
    const state = reportingState([lastWeek], at('2017-07-03', '11:59'), 2017);
    expect(state.overdue).toBe(false);
    expect(state.reportedThisCycle).toBe(false);
    // Nothing at all since 19 June: the 26 June deadline was missed already.
    expect(reportingState([], at('2017-07-03', '11:59'), 2017).overdue).toBe(true);
  });

  it('is a domain with nothing since the deadline before, once the deadline has passed', () => {
    const state = reportingState([], at('2017-07-03', '12:01'), 2017);
    expect(state.overdue).toBe(true);
    expect(state.missedDueAt && districtTimestamp(state.missedDueAt)).toBe('2017-07-03T12:00:00+08:00');
    // An update from the cycle before does not cover this one.
    const old: UpdateStamp = { state: 'approved', submittedAt: '2017-06-26T11:00:00+08:00' };
    expect(reportingState([old], at('2017-07-03', '12:01'), 2017).overdue).toBe(true);
  });

  it('is not a domain that submitted in time, whether approved yet or not', () => {
    expect(reportingState([onTime], at('2017-07-03', '14:00'), 2017).overdue).toBe(false);
    expect(reportingState([{ ...onTime, state: 'approved' }], at('2017-07-03', '14:00'), 2017).overdue).toBe(false);
    expect(reportingState([onTime], at('2017-07-03', '10:00'), 2017).reportedThisCycle).toBe(true);
  });

  it('counts a returned update as not reported until it is resubmitted', () => {
    const returned: UpdateStamp = { ...onTime, state: 'returned' };
    expect(reportingState([returned], at('2017-07-03', '14:00'), 2017).overdue).toBe(true);
    const resubmitted: UpdateStamp = { state: 'submitted', submittedAt: '2017-07-03T13:30:00+08:00' };
    expect(reportingState([returned, resubmitted], at('2017-07-03', '14:00'), 2017).overdue).toBe(false);
  });

  it('ends when a late update arrives, which also counts for the cycle it falls in', () => {
    const late: UpdateStamp = { state: 'submitted', submittedAt: '2017-07-03T12:30:00+08:00' };
    const state = reportingState([late], at('2017-07-03', '14:00'), 2017);
    expect(state).toMatchObject({ overdue: false, reportedThisCycle: true });
  });

  it('is nobody once the plan’s year is over', () => {
    const state = reportingState([], at('2018-01-08', '14:00'), 2017);
    expect(state).toEqual({ current: null, reportedThisCycle: false, overdue: false });
  });
});

describe('monthly and quarterly metrics', () => {
  const settings: CycleSettings = {
    ...DEFAULT_CYCLE_SETTINGS,
    frequencies: { 'economy/gdp': 'quarterly', 'economy/fixed-asset-investment': 'monthly' },
  };
  const cycleOf = (date: string) => {
    const c = currentCycle(at(date, '10:00'), 2017, settings);
    if (c === null) throw new Error(`no cycle in test on ${date}`);
    return c;
  };

  it('reads each metric’s frequency, weekly by default', () => {
    expect(metricFrequency(settings, 'economy', 'gdp')).toBe('quarterly');
    expect(metricFrequency(settings, 'air-pollution', 'good-air-days')).toBe('weekly');
  });

  it('expects GDP in the cycle that takes in 1 July, and not the week before', () => {
    expect(metricDueInCycle('quarterly', cycleOf('2017-07-03'))).toBe(true);
    expect(metricDueInCycle('quarterly', cycleOf('2017-06-26'))).toBe(false);
    expect(metricDueInCycle('quarterly', cycleOf('2017-08-01'))).toBe(false);
    expect(defaultAsOf('quarterly', cycleOf('2017-07-03'), '2017-07-03')).toBe('2017-06-30');
  });

  it('expects a monthly figure once a month, the December one in the year’s last cycle', () => {
    const dueWeeks = [];
    for (let day = 0; day < 364; day += 7) {
      const date = new Date(Date.UTC(2017, 0, 2 + day)).toISOString().slice(0, 10);
      if (metricDueInCycle('monthly', cycleOf(date))) dueWeeks.push(date.slice(0, 7));
    }
    // Mondays 2 January to 25 December: January's figure is due in early February … November's in early December.
    expect(dueWeeks).toHaveLength(11);
    expect(metricDueInCycle('monthly', cycleOf('2017-12-28'))).toBe(true);
    expect(defaultAsOf('monthly', cycleOf('2017-12-28'), '2017-12-28')).toBe('2017-12-31');
    expect(metricDueInCycle('weekly', cycleOf('2017-03-15'))).toBe(true);
    expect(defaultAsOf('weekly', cycleOf('2017-07-03'), '2017-06-30')).toBe('2017-06-30');
  });
});
