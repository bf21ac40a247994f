import { analyseMetric } from '../progress';
import { domain, gdp, goodAirDays, keyProjectInvestment, pm25, wasteCleared } from '../progress/test-fixtures';
import { instantAt } from './dates';
import {
  afterDay,
  approvedHistory,
  changesSince,
  currentAt,
  latestAndPrevious,
  metricAsOf,
  metricHistory,
  paceAt,
  paceGuide,
  statusAt,
  statusChange,
  trendProjection,
} from './history';
import { reportObservation, update, updateObservation } from './test-fixtures';

const air66 = reportObservation(goodAirDays, 'superseded');
const air73 = updateObservation({ id: 'o-73', metric: goodAirDays, value: 73, asOf: '2017-06-30', supersedes: air66.id });

describe('a metric’s approved history', () => {
  it('keeps approved and superseded observations, oldest first, and leaves pending and returned ones out', () => {
    const pending = updateObservation({ id: 'o-75', metric: goodAirDays, value: 75, asOf: '2017-07-03', supersedes: 'o-73', state: 'submitted' });
    const returned = updateObservation({ id: 'o-99', metric: goodAirDays, value: 99, asOf: '2017-07-02', supersedes: 'o-73', state: 'returned' });
    const points = approvedHistory(goodAirDays, [pending, air73, returned, air66]);
    expect(points.map((p) => [p.asOf, p.value, p.day])).toEqual([
      ['2017-06-23', 66, 174],
      ['2017-06-30', 73, 181],
    ]);
  });

  it('gives 较上次: 66 → 73 good-air days is +7 in 7 days', () => {
    const { latest, previous, delta } = latestAndPrevious(goodAirDays, [air66, air73]);
    expect(latest?.observation.id).toBe('o-73');
    expect(previous?.observation.id).toBe(air66.id);
    expect(delta).toEqual({ value: 7, unit: '天', days: 7 });
  });

  it('shows a corrected figure once, at its date, against the figure before that date', () => {
    const first = { ...air73, state: 'superseded' as const, approvedAt: '2017-07-03T11:00:00+08:00' };
    const corrected = updateObservation({ id: 'o-72', metric: goodAirDays, value: 72, asOf: '2017-06-30', supersedes: 'o-73', approvedAt: '2017-07-04T09:00:00+08:00' });
    const points = approvedHistory(goodAirDays, [air66, first, corrected]);
    expect(points.map((p) => p.value)).toEqual([66, 72]);
    expect(latestAndPrevious(goodAirDays, [air66, first, corrected]).delta).toEqual({ value: 6, unit: '天', days: 7 });
  });

  it('subtracts exactly and in the metric’s unit: 94.3亿元 → 1,205,000万元 is +26.2亿元', () => {
    const report = reportObservation(keyProjectInvestment, 'superseded');
    const inWan = updateObservation({ id: 'o-k', metric: keyProjectInvestment, value: 1205000, unit: '万元', asOf: '2017-06-30', supersedes: report.id });
    expect(120.5 - 94.3).not.toBe(26.2);
    expect(latestAndPrevious(keyProjectInvestment, [report, inWan]).delta).toEqual({ value: 26.2, unit: '亿元', days: 30 });
  });

  it('has nothing to say about a metric with no approved figure', () => {
    expect(latestAndPrevious(goodAirDays, [])).toEqual({});
  });
});

describe('status from the latest approved figure (src/progress’s analysis)', () => {
  it('measures a later figure against the target, not the report’s share', () => {
    const later = metricAsOf(keyProjectInvestment, { observation: updateObservation({ id: 'o', metric: keyProjectInvestment, value: 120.5, asOf: '2017-06-30', supersedes: null }), value: 120.5 });
    expect(later.reportedProgressPct).toBeUndefined();
    // 120.5 / 193.6 = 62.2% against 序时进度 49.6% on 06-30; 193.6 is derived from the printed 48.7%,
    // so what follows from it is shown at that share's precision: 约62%.
    expect(analyseMetric(later)).toMatchObject({ completionPct: 62, elapsedPct: 49.6, status: 'ahead' });
    const asPrinted = metricAsOf(keyProjectInvestment, { observation: reportObservation(keyProjectInvestment), value: 94.3 });
    expect(asPrinted.reportedProgressPct).toBe(48.7);
  });

  it('moves good-air days from 滞后 to 正常 when 140 are reached by 30 September', () => {
    const sep = updateObservation({ id: 'o-140', metric: goodAirDays, value: 140, asOf: '2017-09-30', supersedes: air66.id, approvedAt: '2017-10-09T11:00:00+08:00' });
    const observations = [air66, sep];
    expect(statusAt(goodAirDays, observations, instantAt('2017-10-01', '00:00'))).toBe('behind');
    expect(statusAt(goodAirDays, observations, instantAt('2017-10-09', '12:00'))).toBe('on-track');
    expect(statusAt(goodAirDays, observations, instantAt('2017-06-26', '12:00'))).toBeUndefined();
    expect(statusChange(goodAirDays, observations, instantAt('2017-10-01', '00:00'), instantAt('2017-10-10', '00:00'))).toEqual({
      from: 'behind',
      to: 'on-track',
    });
    expect(statusChange(goodAirDays, observations, instantAt('2017-07-01', '00:00'), instantAt('2017-10-01', '00:00'))).toBeUndefined();
  });

  it('takes the figure current at a moment from approval times, not as-of dates', () => {
    const lateMay = updateObservation({ id: 'o-may', metric: goodAirDays, value: 60, asOf: '2017-05-31', supersedes: air66.id, approvedAt: '2017-07-10T11:00:00+08:00' });
    expect(currentAt(goodAirDays, [air66, lateMay], instantAt('2017-07-05', '00:00'))?.value).toBe(66);
    expect(currentAt(goodAirDays, [air66, lateMay], instantAt('2017-07-11', '00:00'))?.value).toBe(60);
  });
});

describe('the chart: 序时线, target and projection', () => {
  it('draws the pace line from 0 on 1 January to the target on 31 December', () => {
    expect(paceGuide(goodAirDays, 2017)).toEqual({
      kind: 'pace',
      points: [
        { day: 0, date: '2017-01-01', value: 0 },
        { day: 365, date: '2017-12-31', value: 190 },
      ],
    });
    // On 06-23 the pace stands at 190 × 174/365.
    expect(paceAt(goodAirDays, '2017-06-23')).toBeCloseTo(90.6, 1);
    expect(paceAt(wasteCleared, '2017-06-23')).toBeUndefined();
  });

  it('draws a lower-is-better average’s target, and a task’s, as a flat line; nothing without a target', () => {
    expect(paceGuide(pm25, 2017)).toEqual({
      kind: 'target',
      points: [
        { day: 0, date: '2017-01-01', value: 63 },
        { day: 365, date: '2017-12-31', value: 63 },
      ],
    });
    expect(paceGuide(wasteCleared, 2017)?.kind).toBe('target');
    expect(paceGuide(gdp, 2017)).toBeNull();
    expect(paceGuide(goodAirDays, 2016)?.points[1].day).toBe(366);
  });

  it('projects a single running total from 1 January, as the analysis does: 66 by 06-23 → 138 days, 72.9%', () => {
    const p = trendProjection(goodAirDays, [reportObservation(goodAirDays)]);
    expect(p).toMatchObject({ method: 'from-year-start', basedOn: 1, projectedPct: 72.9 });
    expect(p?.value).toBeCloseTo(analyseMetric(goodAirDays).projection?.value ?? Number.NaN, 6);
    expect(p?.line[0]).toEqual({ day: 0, date: '2017-01-01', value: 0 });
  });

  it('projects from the observed trend once there are two points, not from 1 January', () => {
    // 66 on day 174, 73 on day 181: a day a day, so 73 + 184 = 257 by day 365.
    const two = trendProjection(goodAirDays, [air66, air73]);
    expect(two).toMatchObject({ method: 'least-squares', basedOn: 2, perDay: 1 });
    expect(two?.value).toBeCloseTo(257, 9);
    expect(two?.projectedPct).toBe(135.3);
    expect(two?.line[0]).toMatchObject({ day: 174, date: '2017-06-23' });
    // Three points off a straight line: the least-squares fit, slope 84/98.
    const third = updateObservation({ id: 'o-78', metric: goodAirDays, value: 78, asOf: '2017-07-07', supersedes: 'o-73' });
    const three = trendProjection(goodAirDays, [air66, { ...air73, state: 'superseded' }, third]);
    expect(three?.perDay).toBeCloseTo(84 / 98, 12);
    expect(three?.value).toBeCloseTo(217 / 3 + (84 / 98) * (365 - 181), 9);
  });

  it('never projects more days than the year has: 66 → 80 in a week is 2 a day, yet the year ends at 365, not 448', () => {
    const air80 = updateObservation({ id: 'o-80', metric: goodAirDays, value: 80, asOf: '2017-06-30', supersedes: 'report:good-air-days' });
    const p = trendProjection(goodAirDays, [{ ...air66, state: 'superseded' }, air80]);
    expect(p?.perDay).toBeCloseTo(2, 12);
    // Unbounded: 66 + 2 × (365 − 174) = 448.
    expect(p?.value).toBe(365);
    expect(p?.projectedPct).toBe(192.1);
    // The line keeps the trend's slope and stops where it meets 365: day 174 + (365 − 66) / 2 = 323.5.
    expect(p?.line[1]).toEqual({ day: 323.5, date: '2017-11-20', value: 365 });
    expect(metricHistory(goodAirDays, [{ ...air66, state: 'superseded' }, air80], 2017).progress?.projection?.value).toBe(365);
  });

  it('never projects a percentage past 100', () => {
    const share = { ...goodAirDays, id: 'share', unit: '%', value: 40, asOf: '2017-06-23', target: { value: 90, period: 'year' as const, basis: 'stated' as const } };
    const first = updateObservation({ id: 'o-s1', metric: share, value: 40, asOf: '2017-06-23', supersedes: null });
    const second = updateObservation({ id: 'o-s2', metric: share, value: 60, asOf: '2017-06-30', supersedes: 'o-s1' });
    const p = trendProjection(share, [{ ...first, state: 'superseded' }, second]);
    expect(p?.value).toBe(100);
    expect(p?.line[1].value).toBe(100);
  });

  it('holds a single average flat and follows two of them: PM2.5 84 → 80 in a week', () => {
    expect(trendProjection(pm25, [reportObservation(pm25)])).toMatchObject({ method: 'held', value: 84, projectedPct: 133.3 });
    const pm80 = updateObservation({ id: 'o-80', metric: pm25, value: 80, asOf: '2017-06-30', supersedes: 'report:pm25' });
    const p = trendProjection(pm25, [reportObservation(pm25, 'superseded'), pm80]);
    expect(p?.method).toBe('least-squares');
    expect(p?.perDay).toBeCloseTo(-4 / 7, 12);
  });

  it('gives none where a projection would mislead or there is no yearly target', () => {
    expect(trendProjection({ ...goodAirDays, projection: false }, [air66, air73])).toBeNull();
    expect(trendProjection(gdp, [reportObservation(gdp)])).toBeNull();
    expect(trendProjection(wasteCleared, [reportObservation(wasteCleared)])).toBeNull();
  });

  it('puts it together for the domain page: status from the latest figure, projection from the trend', () => {
    const h = metricHistory(goodAirDays, [air66, air73], 2017);
    expect(h.points).toHaveLength(2);
    expect(h.delta).toEqual({ value: 7, unit: '天', days: 7 });
    // 73 / 190 = 38.4% against 49.6% on 06-30: −11.2 points, still 滞后.
    expect(h.progress).toMatchObject({ status: 'behind', completionPct: 38.4, gapPts: -11.2 });
    expect(h.progress?.projection?.projectedPct).toBe(135.3);
    expect(h.guide?.kind).toBe('pace');
    const noProjection = metricHistory({ ...goodAirDays, projection: false }, [air66, air73], 2017);
    expect(noProjection.progress?.projection).toBeUndefined();
  });
});

describe('since the last meeting', () => {
  const air = domain('air-pollution', [goodAirDays, pm25]);
  air.milestones = [{ id: 'coal-free', text: '散煤清零', state: 'in-progress', source: { quote: '(test)' } }];
  const economy = domain('economy', [gdp]);
  const safety = domain('work-safety', []);

  const pm72 = updateObservation({ id: 'o-72', metric: pm25, value: 72, asOf: '2017-06-30', supersedes: 'report:pm25' });
  const approved = update({
    id: 'upd-1',
    domainId: 'air-pollution',
    state: 'approved',
    submittedAt: '2017-07-03T09:00:00+08:00',
    milestones: [{ milestoneId: 'coal-free', previousState: 'in-progress', state: 'done', note: null }],
    review: { by: { id: 'u-ducha', username: 'ducha' }, at: '2017-07-03T11:00:00+08:00', decision: 'approve', comment: null },
  });
  const pendingGdp = update({ id: 'upd-2', domainId: 'economy', state: 'submitted', submittedAt: '2017-07-03T10:00:00+08:00' });

  const changes = changesSince({
    reportId: 'erqi-2017-h1',
    domains: [
      { domain: air, observations: [air66, air73, reportObservation(pm25, 'superseded'), pm72], updates: [approved] },
      { domain: economy, observations: [reportObservation(gdp), updateObservation({ id: 'o-gdp', metric: gdp, value: 380, asOf: '2017-06-30', supersedes: 'report:gdp', state: 'submitted' })], updates: [pendingGdp] },
      { domain: safety, observations: [], updates: [] },
    ],
    since: '2017-06-27',
    now: instantAt('2017-07-03', '14:00'),
    year: 2017,
  });

  it('lists the new approved values with their deltas against what the meeting saw', () => {
    expect(changes).toMatchObject({ reportId: 'erqi-2017-h1', since: '2017-06-27', until: '2017-07-03' });
    expect(changes.observations.map((c) => [c.metricId, c.observation.value, c.previous?.value, c.delta])).toEqual([
      ['good-air-days', 73, 66, { value: 7, unit: '天', days: 7 }],
      ['pm25', 72, 84, { value: -12, unit: '微克/立方米', days: 7 }],
    ]);
  });

  it('lists the status changes: PM2.5 from 严重滞后 to 滞后, good-air days unchanged', () => {
    expect(changes.statusChanges).toEqual([{ domainId: 'air-pollution', metricId: 'pm25', from: 'far-behind', to: 'behind' }]);
  });

  it('lists the milestones reached in approved updates', () => {
    expect(changes.milestones).toEqual([
      { domainId: 'air-pollution', milestoneId: 'coal-free', from: 'in-progress', to: 'done', at: '2017-07-03T11:00:00+08:00', updateId: 'upd-1' },
    ]);
  });

  it('names the domains that did not report, and those overdue; a pending update counts as reported', () => {
    expect(changes.notReported).toEqual(['work-safety']);
    expect(changes.overdue).toEqual(['work-safety']);
  });

  it('leaves out what the meeting day itself saw', () => {
    expect(afterDay('2017-06-27')).toBe(instantAt('2017-06-28', '00:00'));
    const sameDay = updateObservation({ id: 'o-70', metric: goodAirDays, value: 70, asOf: '2017-06-26', supersedes: air66.id, approvedAt: '2017-06-27T20:00:00+08:00' });
    const c = changesSince({
      reportId: 'erqi-2017-h1',
      domains: [{ domain: domain('air-pollution', [goodAirDays]), observations: [air66, sameDay], updates: [] }],
      since: '2017-06-27',
      now: instantAt('2017-07-03', '14:00'),
      year: 2017,
    });
    expect(c.observations).toEqual([]);
  });
});
