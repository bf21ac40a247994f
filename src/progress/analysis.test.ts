import { roundTo } from '../format';
import {
  analyseDomain,
  dataAsOf,
  analyseMetric,
  classifyExcess,
  classifyGap,
  elapsedAtReportDate,
  elapsedShare,
  readTarget,
  sortDomainsByUrgency,
  totalCounts,
} from './index';
import {
  canalSitePrep,
  domain,
  gdp,
  goodAirDays,
  keyProjectInvestment,
  majorProjects,
  metric,
  pm25,
  resettlementReturns,
  resettlementStarts,
  returnBatches,
  volunteers,
  wasteCleared,
  wasteInsideRing,
} from './test-fixtures';

describe('elapsedShare', () => {
  it('counts 1 January through the date inclusive', () => {
    expect(elapsedShare('2017-06-23')).toEqual({
      elapsedDays: 174,
      daysInYear: 365,
      remainingDays: 191,
      pct: (174 / 365) * 100,
    });
    expect(roundTo(elapsedShare('2017-06-23').pct, 1)).toBe(47.7);
    expect(elapsedShare('2017-05-31').elapsedDays).toBe(151);
    expect(roundTo(elapsedShare('2017-05-31').pct, 1)).toBe(41.4);
    expect(elapsedShare('2017-06-27').elapsedDays).toBe(178);
  });

  it('covers the ends of the year', () => {
    expect(elapsedShare('2017-01-01')).toMatchObject({ elapsedDays: 1, remainingDays: 364 });
    expect(elapsedShare('2017-12-31')).toMatchObject({ elapsedDays: 365, remainingDays: 0, pct: 100 });
  });

  it('handles leap years', () => {
    expect(elapsedShare('2016-03-01')).toMatchObject({ elapsedDays: 61, daysInYear: 366, remainingDays: 305 });
    expect(elapsedShare('2016-12-31')).toMatchObject({ elapsedDays: 366, daysInYear: 366, pct: 100 });
    expect(elapsedShare('2020-02-29')).toMatchObject({ elapsedDays: 60, daysInYear: 366 });
    expect(elapsedShare('2000-06-23').daysInYear).toBe(366);
    expect(elapsedShare('1900-06-23').daysInYear).toBe(365);
  });

  it('does not depend on the time zone around a daylight-saving change', () => {
    expect(elapsedShare('2017-03-27').elapsedDays).toBe(86);
    expect(elapsedShare('2017-10-30').elapsedDays).toBe(303);
  });

  it('rejects dates that do not exist', () => {
    expect(() => elapsedShare('2017-02-29')).toThrow(RangeError);
    expect(() => elapsedShare('2017-13-01')).toThrow(RangeError);
    expect(() => elapsedShare('June 23')).toThrow(RangeError);
  });

  it('reads 序时进度 on the day the report was published', () => {
    expect(elapsedAtReportDate({ publishedOn: '2017-06-27' }).elapsedDays).toBe(178);
  });
});

describe('classifyGap: the boundaries', () => {
  it.each([
    [5, 'ahead'],
    [4.9, 'on-track'],
    [0, 'on-track'],
    [-4.9, 'on-track'],
    [-5, 'behind'],
    [-14.9, 'behind'],
    [-15, 'far-behind'],
    [-40.8, 'far-behind'],
  ] as const)('gap %s → %s', (gap, status) => {
    expect(classifyGap(gap)).toBe(status);
  });
});

describe('classifyExcess: the boundaries', () => {
  it.each([
    [-10, 'on-track'],
    [0, 'on-track'],
    [0.1, 'behind'],
    [14.9, 'behind'],
    [15, 'far-behind'],
    [33.3, 'far-behind'],
  ] as const)('excess %s → %s', (excess, status) => {
    expect(classifyExcess(excess)).toBe(status);
  });
});

describe('analyseMetric: higher-is-better yearly targets', () => {
  it('good-air days: 66 of 190 on 06-23 is behind, 124 needed in 191 days', () => {
    const p = analyseMetric(goodAirDays);
    expect(p.completionPct).toBe(34.7);
    expect(p.completionSource).toBe('computed');
    expect(p.elapsedPct).toBe(47.7);
    expect(p.gapPts).toBe(-13);
    expect(p.status).toBe('behind');
    expect(p.requiredRate).toMatchObject({ remaining: 124, remainingDays: 191 });
    expect(p.requiredRate?.requiredSharePct).toBe(64.9);
    expect(p.requiredRate?.achievedSharePct).toBe(37.9);
    expect(p.requiredRate?.perDay).toBeCloseTo(124 / 191);
    expect(p.requiredRate?.achievedPerDay).toBeCloseTo(66 / 174);
    // At 66 in 174 days, the year ends near 138 of 190.
    expect(p.projection?.value).toBeCloseTo((66 / 174) * 365);
    expect(p.projection?.projectedPct).toBe(72.9);
  });

  it('never projects a count of days past the days in the year, nor a percentage past 100', () => {
    // 180 good days by day 174 cannot be (the server refuses more days than passed), yet even then the
    // straight line's 378 is said as the year's 365.
    const fast = analyseMetric({ ...goodAirDays, value: 180 });
    expect(fast.projection?.value).toBe(365);
    expect(fast.projection?.projectedPct).toBe(192.1);
    const share = analyseMetric({ ...goodAirDays, unit: '%', value: 80, target: { value: 90, period: 'year', basis: 'stated' } });
    expect(share.projection?.value).toBe(100);
    expect(share.projection?.projectedPct).toBe(111.1);
    // Below the ceiling nothing changes.
    expect(analyseMetric(goodAirDays).projection?.value).toBeCloseTo((66 / 174) * 365);
  });

  it('key-project investment: 94.3亿 at a reported 48.7% on 05-31 is ahead', () => {
    const p = analyseMetric(keyProjectInvestment);
    expect(p.completionPct).toBe(48.7);
    expect(p.completionSource).toBe('reported');
    expect(p.elapsed.elapsedDays).toBe(151);
    expect(p.elapsedPct).toBe(41.4);
    expect(p.gapPts).toBe(7.3);
    expect(p.status).toBe('ahead');
    expect(p.requiredRate?.remaining).toBeCloseTo(99.3);
    expect(p.requiredRate?.remainingDays).toBe(214);
    expect(p.requiredRate?.requiredSharePct).toBeUndefined();
  });

  it('uses the reported share over the computed one', () => {
    const p = analyseMetric({ ...keyProjectInvestment, target: { value: 100, period: 'year', basis: 'stated' } });
    expect(p.completionPct).toBe(48.7);
  });

  it('resettlement starts: about 167万㎡ at 56% on the meeting date is ahead', () => {
    const p = analyseMetric(resettlementStarts);
    expect(p.elapsedPct).toBe(48.8);
    expect(p.gapPts).toBe(7.2);
    expect(p.status).toBe('ahead');
  });

  it('resettlement returns: 8% on 06-27 is far behind', () => {
    const p = analyseMetric(resettlementReturns);
    expect(p.gapPts).toBe(-40.8);
    expect(p.status).toBe('far-behind');
  });

  it('projects no year end for a batch delivery, and resolves the batches within the domain', () => {
    // "约23万㎡回迁,占全年总任务的8%" with 50/65/150万㎡ on the way: the first half's line says nothing.
    const [returns] = analyseDomain(domain('resettlement-housing', [resettlementReturns, ...returnBatches])).metrics;
    expect(returns?.straightLine).toBe(false);
    expect(returns?.projection).toBeUndefined();
    expect(returns?.pipeline?.map((m) => m.value)).toEqual([50, 65, 150]);
    expect(analyseMetric(goodAirDays)).toMatchObject({ straightLine: true, projection: { projectedPct: 72.9 } });
    // On its own, a metric cannot see its domain: no batches, still no projection.
    expect(analyseMetric(resettlementReturns).pipeline).toBeUndefined();
  });

  it('is complete at 100%, computed or reported, whatever the pace', () => {
    const done = analyseMetric(metric({ id: 'a', label: 'A', value: 190, unit: '天', target: { value: 190, period: 'year', basis: 'stated' } }));
    expect(done.status).toBe('complete');
    expect(done.completionPct).toBe(100);
    expect(done.requiredRate).toBeUndefined();
    const reported = analyseMetric({ ...keyProjectInvestment, reportedProgressPct: 100 });
    expect(reported.status).toBe('complete');
  });

  it('does not print 100.0% for a target not yet met', () => {
    const p = analyseMetric(metric({ id: 'a', label: 'A', value: 9996, unit: '个', target: { value: 10000, period: 'year', basis: 'stated' } }));
    expect(p.completionPct).toBe(99.9);
    expect(p.status).not.toBe('complete');
  });

  it('compares the gap at printed precision, so exact boundaries classify as written', () => {
    // 06-30 of 2017: 181 / 365 = 49.6%.
    const at = (pct: number) =>
      analyseMetric(
        metric({
          id: 'x',
          label: 'X',
          value: pct,
          unit: '个',
          asOf: '2017-06-30',
          target: { value: 100, period: 'year', basis: 'stated' },
        }),
      );
    expect(at(54.6)).toMatchObject({ gapPts: 5, status: 'ahead' });
    expect(at(54.5)).toMatchObject({ gapPts: 4.9, status: 'on-track' });
    expect(at(44.6)).toMatchObject({ gapPts: -5, status: 'behind' });
    expect(at(44.7)).toMatchObject({ gapPts: -4.9, status: 'on-track' });
    expect(at(34.6)).toMatchObject({ gapPts: -15, status: 'far-behind' });
    expect(at(34.7)).toMatchObject({ gapPts: -14.9, status: 'behind' });
  });

  it('has no required rate on the last day of the year', () => {
    const p = analyseMetric({ ...goodAirDays, asOf: '2017-12-31' });
    expect(p.requiredRate).toBeUndefined();
    expect(p.status).toBe('far-behind');
  });

  it('uses pace in a leap year too', () => {
    // 2016-06-23: 175 / 366 = 47.8%.
    const p = analyseMetric({ ...goodAirDays, asOf: '2016-06-23' });
    expect(p.elapsedPct).toBe(47.8);
    expect(p.gapPts).toBe(-13.1);
    expect(p.requiredRate?.remainingDays).toBe(191);
  });
});

describe('targets at the precision of their source', () => {
  it('a stated target is exact', () => {
    expect(readTarget(goodAirDays)).toEqual({ value: 190, approximate: false });
  });

  it('a target derived from a share is rounded to what the share’s rounding leaves certain', () => {
    // "占全年总任务的8%": 7.5–8.5% of the year → 270.6–306.7万㎡ → about 290.
    expect(readTarget(resettlementReturns)).toEqual({
      value: 290,
      approximate: true,
      digits: -1,
      range: { low: 270, high: 310 },
      fromPct: 8,
    });
    // "56%" → 295.6–300.9 → about 298; "36%" → 465.8–478.9 → about 472; "48.7%" → 193.4–193.8.
    expect(readTarget(resettlementStarts)).toMatchObject({ value: 298, digits: 0, range: { low: 295, high: 301 } });
    expect(readTarget(majorProjects)).toMatchObject({ value: 472, digits: 0, range: { low: 465, high: 479 } });
    expect(readTarget(keyProjectInvestment)).toMatchObject({ value: 193.6, digits: 1, range: { low: 193.4, high: 193.9 } });
  });

  it('what is left of a derived target is as precise as the target: 约270, not 264.5', () => {
    expect(analyseMetric(resettlementReturns).requiredRate).toMatchObject({ remaining: 270, approximate: true });
    expect(analyseMetric(goodAirDays).requiredRate).toMatchObject({ remaining: 124, approximate: false });
  });

  it('an approximate task: completion in whole percent, marked approximate', () => {
    // 近55 of 约188万平方米 = 29.26…%: "约29%".
    expect(analyseMetric(canalSitePrep)).toMatchObject({
      status: 'in-progress',
      completionPct: 29,
      completionSource: 'computed',
      completionApproximate: true,
      target: { value: 188, approximate: true },
    });
    expect(analyseMetric(wasteCleared).completionApproximate).toBeUndefined();
  });
});

describe('analyseMetric: lower-is-better', () => {
  it('PM2.5 84 against 63 is 33.3% over, far behind, and needs 43.9 for the rest of the year', () => {
    const p = analyseMetric(pm25);
    expect(p.excessPct).toBe(33.3);
    // "比目标值(63)高21微克/立方米": the report's own gap.
    expect(p.excess).toBe(21);
    expect(p.status).toBe('far-behind');
    expect(roundTo(p.requiredAverage ?? Number.NaN, 1)).toBe(43.9);
    expect(p.completionPct).toBeUndefined();
    expect(p.gapPts).toBeUndefined();
  });

  it('is behind when over by less than 15%, on track at or under the target', () => {
    expect(analyseMetric({ ...pm25, value: 70 }).status).toBe('behind');
    expect(analyseMetric({ ...pm25, value: 72.45 })).toMatchObject({ excessPct: 15, status: 'far-behind' });
    expect(analyseMetric({ ...pm25, value: 63 })).toMatchObject({ excessPct: 0, status: 'on-track' });
    expect(analyseMetric({ ...pm25, value: 60 }).status).toBe('on-track');
    expect(analyseMetric({ ...pm25, value: 63.01 }).status).toBe('behind');
  });
});

describe('analyseMetric: tasks and figures', () => {
  it('construction waste at 83.36% of the task is in progress, with no pace', () => {
    const p = analyseMetric(wasteCleared);
    expect(p.status).toBe('in-progress');
    expect(p.completionPct).toBe(83.36);
    expect(p.elapsedPct).toBeUndefined();
    expect(p.gapPts).toBeUndefined();
    expect(p.requiredRate).toBeUndefined();
  });

  it('a finished task is complete', () => {
    expect(analyseMetric({ ...wasteCleared, reportedProgressPct: 100 }).status).toBe('complete');
    const computed = analyseMetric({ ...wasteCleared, reportedProgressPct: undefined, value: 105.9 });
    expect(computed).toMatchObject({ status: 'complete', completionPct: 100 });
  });

  it('computes a task share when none is reported', () => {
    const p = analyseMetric({ ...wasteCleared, reportedProgressPct: undefined });
    expect(p.completionPct).toBe(83.4);
    expect(p.status).toBe('in-progress');
  });

  it('a share without a target has no pace', () => {
    const p = analyseMetric(
      metric({ id: 'approvals', label: '联审联批审批事项', value: 16, unit: '项', reportedProgressPct: 80 }),
    );
    expect(p).toMatchObject({ status: 'in-progress', completionPct: 80 });
    expect(p.elapsedPct).toBeUndefined();
  });

  it('a figure with no target is no-target', () => {
    const p = analyseMetric(gdp);
    expect(p.status).toBe('no-target');
    expect(p.completionPct).toBeUndefined();
    expect(analyseMetric({ ...pm25, target: undefined }).status).toBe('no-target');
  });
});

describe('analyseDomain', () => {
  const economy = domain('economy', [gdp, volunteers, keyProjectInvestment, resettlementReturns]);

  it('counts statuses and finds the worst', () => {
    const d = analyseDomain(economy);
    expect(d.counts).toMatchObject({ 'no-target': 2, ahead: 1, 'far-behind': 1, behind: 0 });
    expect(d.behindCount).toBe(1);
    expect(d.worstStatus).toBe('far-behind');
    expect(d.metrics.map((m) => m.metric.id)).toEqual(['gdp', 'volunteers', 'key-project-investment', 'resettlement-returns']);
  });

  it('headlines targeted metrics by urgency, then top-level figures in report order', () => {
    expect(analyseDomain(economy).headline.map((m) => m.metric.id)).toEqual([
      'resettlement-returns',
      'key-project-investment',
      'gdp',
    ]);
  });

  it('puts a total before its breakdown at equal urgency, and leaves out untargeted breakdowns', () => {
    const child = { ...gdp, id: 'gdp-part', parentId: 'gdp' };
    const waste = domain('waste', [wasteInsideRing, wasteCleared, child, gdp]);
    expect(analyseDomain(waste).headline.map((m) => m.metric.id)).toEqual([
      'waste-cleared',
      'waste-cleared-inside',
      'gdp',
    ]);
  });

  it('a domain without figures has no target', () => {
    const d = analyseDomain(domain('safety', []));
    expect(d.worstStatus).toBe('no-target');
    expect(d.headline).toEqual([]);
    expect(d.behindCount).toBe(0);
  });
});

describe('sortDomainsByUrgency', () => {
  it('puts far-behind first, then behind, then the rest, no targets last, otherwise report order', () => {
    const analyses = [
      analyseDomain(domain('figures-only', [gdp])),
      analyseDomain(domain('ahead', [keyProjectInvestment])),
      analyseDomain(domain('behind', [goodAirDays])),
      analyseDomain(domain('empty', [])),
      analyseDomain(domain('far-1', [pm25])),
      analyseDomain(domain('far-2', [pm25, resettlementReturns])),
      analyseDomain(domain('task', [wasteCleared])),
      analyseDomain(domain('ahead-2', [resettlementStarts])),
    ];
    expect(sortDomainsByUrgency(analyses).map((a) => a.domain.id)).toEqual([
      'far-2',
      'far-1',
      'behind',
      'ahead',
      'ahead-2',
      'task',
      'figures-only',
      'empty',
    ]);
  });

  it('totals counts across domains', () => {
    const total = totalCounts([analyseDomain(domain('a', [pm25, gdp])), analyseDomain(domain('b', [pm25]))]);
    expect(total).toMatchObject({ 'far-behind': 2, 'no-target': 1, ahead: 0 });
  });
});

describe('dataAsOf: what a header says of figures with different as-of dates', () => {
  const report = { publishedOn: '2017-06-27' };
  it('is the report’s date and 序时进度 while every figure is the report’s own', () => {
    const asOf = dataAsOf(report, [goodAirDays]);
    expect(asOf).toMatchObject({ date: '2017-06-27', updated: false });
    expect(roundTo(asOf.elapsed.pct, 1)).toBe(48.8);
  });

  it('is the newest approved figure’s as-of once updates are in, with 序时进度 then', () => {
    const updated = { ...goodAirDays, asOf: '2017-07-02', source: { kind: 'update' as const, quote: '', figure: '' } };
    const older = { ...goodAirDays, asOf: '2017-06-30', source: { kind: 'example' as const, quote: '', figure: '' } };
    const asOf = dataAsOf(report, [goodAirDays, older, updated]);
    expect(asOf).toMatchObject({ date: '2017-07-02', updated: true });
    // 2 July is day 183 of 365.
    expect(roundTo(asOf.elapsed.pct, 1)).toBe(50.1);
    // A correction dated before the report does not move the header before the report's date.
    expect(dataAsOf(report, [{ ...updated, asOf: '2017-06-20' }]).date).toBe('2017-06-27');
  });
});
