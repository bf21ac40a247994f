import { goodAirDays, keyProjectInvestment, pm25 } from '../progress/test-fixtures';
import {
  checkImpossible,
  checkOdd,
  checkSubmittedObservation,
  checkTypedRow,
  isCumulative,
  type MetricForChecks,
} from './figure-checks';

const context = { today: '2017-07-03', year: 2017 };
const constructionSites: MetricForChecks = { label: '施工工地', unit: '个', direction: 'neutral' };
const sweepingRate: MetricForChecks = { label: '道路人工清扫率', unit: '%', direction: 'higher' };

describe('impossible figures are refused', () => {
  it('refuses negative counts and amounts', () => {
    expect(checkImpossible(-1, '2017-06-30', constructionSites)).toMatchObject({ code: 'negative', field: 'value' });
    expect(checkImpossible(0, '2017-06-30', constructionSites)).toBeUndefined();
  });

  it('refuses a percentage over 100 where the unit is %', () => {
    expect(checkImpossible(100, '2017-06-30', sweepingRate)).toBeUndefined();
    expect(checkImpossible(100.1, '2017-06-30', sweepingRate)).toMatchObject({ code: 'over-100-percent' });
  });

  it('refuses more good-air days than the year has, or than have passed by the as-of date', () => {
    // 06-23 is day 174: 66 of them were good.
    expect(checkImpossible(66, '2017-06-23', goodAirDays)).toBeUndefined();
    expect(checkImpossible(174, '2017-06-23', goodAirDays)).toBeUndefined();
    expect(checkImpossible(175, '2017-06-23', goodAirDays)).toMatchObject({
      code: 'more-days-than-elapsed',
      message: '优良天数的数值175天超过了截至2017-06-23已过去的174天',
    });
    expect(checkImpossible(366, '2017-12-31', goodAirDays)).toMatchObject({ code: 'more-days-than-year' });
  });

  it('refuses NaN, Infinity and figures past 15 significant digits', () => {
    expect(checkImpossible(Number.NaN, '2017-06-30', goodAirDays)).toMatchObject({ code: 'not-a-number' });
    expect(checkImpossible(Number.POSITIVE_INFINITY, undefined, pm25)).toMatchObject({ code: 'not-a-number' });
    expect(checkImpossible(0.1 + 0.2, undefined, sweepingRate)).toMatchObject({ code: 'too-precise' });
  });
});

describe('odd figures are questioned, not refused', () => {
  const lastAir = { value: goodAirDays.value, asOf: goodAirDays.asOf };
  const lastInvestment = { value: keyProjectInvestment.value, asOf: keyProjectInvestment.asOf };

  it('treats year-to-date totals as cumulative and rates, averages and stocks as not', () => {
    expect(isCumulative(goodAirDays)).toBe(true);
    expect(isCumulative(keyProjectInvestment)).toBe(true);
    expect(isCumulative(pm25)).toBe(false);
    expect(isCumulative(sweepingRate)).toBe(false);
    expect(isCumulative(constructionSites)).toBe(false);
    expect(isCumulative({ ...constructionSites, cumulative: true })).toBe(true);
  });

  it('asks when a cumulative figure goes down versus the last approved value', () => {
    const warnings = checkOdd(60, '2017-06-30', goodAirDays, lastAir);
    expect(warnings.map((w) => w.code)).toEqual(['went-down']);
    expect(warnings[0]?.message).toBe(
      '优良天数的新值60天比上次（2017-06-23）66天减少了6天；累计数一般不会减少，请确认',
    );
    // An average may fall: PM2.5 from 84 to 80 is good news, not a typo.
    expect(checkOdd(80, '2017-06-30', pm25, { value: 84, asOf: '2017-06-23' })).toEqual([]);
  });

  it('asks about a jump beyond 3× either way (a slipped 万, a figure in the wrong unit)', () => {
    expect(checkOdd(943, '2017-06-30', keyProjectInvestment, lastInvestment).map((w) => w.code)).toEqual(['jump']);
    expect(checkOdd(27, '2017-06-30', pm25, { value: 84, asOf: '2017-06-23' }).map((w) => w.code)).toEqual(['jump']);
    expect(checkOdd(29, '2017-06-30', pm25, { value: 84, asOf: '2017-06-23' })).toEqual([]);
    expect(checkOdd(300, '2017-06-30', constructionSites, { value: 278, asOf: '2017-06-27' })).toEqual([]);
  });

  it('asks about a gain far beyond the pace: 150亿 by 06-30 passes, 160亿 is questioned', () => {
    // 94.3亿 by 05-31 is 0.62亿 a day; 3× is 1.87亿 a day over the 30 days to 06-30.
    expect(checkOdd(150, '2017-06-30', keyProjectInvestment, lastInvestment)).toEqual([]);
    expect(checkOdd(160, '2017-06-30', keyProjectInvestment, lastInvestment).map((w) => w.code)).toEqual([
      'fast-pace',
    ]);
  });

  it('asks when more good-air days were gained than days passed', () => {
    expect(checkOdd(73, '2017-06-30', goodAirDays, lastAir)).toEqual([]);
    const warnings = checkOdd(75, '2017-06-30', goodAirDays, lastAir);
    expect(warnings.map((w) => w.code)).toEqual(['more-days-than-passed']);
    expect(warnings[0]?.message).toContain('只过去了7天');
  });

  it('asks when the as-of date is before the last one, naming the date field', () => {
    const warnings = checkOdd(66, '2017-06-20', goodAirDays, lastAir, 'observations[0].value');
    expect(warnings).toEqual([expect.objectContaining({ code: 'older-than-last', field: 'observations[0].asOf' })]);
  });

  it('has nothing to compare for a first observation', () => {
    expect(checkOdd(1, '2017-06-30', goodAirDays, undefined)).toEqual([]);
  });
});

describe('a row of the 填报 table', () => {
  it('reads, checks and questions in one go', () => {
    const row = checkTypedRow(
      { value: '６０', asOf: '6月30日' },
      goodAirDays,
      { value: 66, asOf: '2017-06-23' },
      { ...context, path: 'observations[0]' },
    );
    expect(row.figure?.value).toBe(60);
    expect(row.asOf).toBe('2017-06-30');
    expect(row.refusals).toEqual([]);
    expect(row.warnings).toEqual([expect.objectContaining({ code: 'went-down', field: 'observations[0].value' })]);
  });

  it('lists every refusal, each naming its field', () => {
    const row = checkTypedRow({ value: '200', asOf: '7月5日' }, goodAirDays, undefined, context);
    expect(row.refusals.map((r) => [r.field, r.code])).toEqual([['asOf', 'future']]);
    const both = checkTypedRow({ value: 'abc', asOf: '2017-02-30' }, goodAirDays, undefined, context);
    expect(both.refusals.map((r) => [r.field, r.code])).toEqual([
      ['asOf', 'not-a-date'],
      ['value', 'not-a-number'],
    ]);
    const tooMany = checkTypedRow({ value: '180', asOf: '2017-06-23' }, goodAirDays, undefined, context);
    expect(tooMany.refusals.map((r) => r.code)).toEqual(['more-days-than-elapsed']);
  });
});

describe('an observation of a submitted body, as the server checks it', () => {
  it('converts an exactly convertible unit into the metric’s', () => {
    expect(
      checkSubmittedObservation({ value: 943000, unit: '万元', asOf: '2017-06-30' }, keyProjectInvestment, context),
    ).toEqual({ ok: true, value: 94.3, asOf: '2017-06-30' });
    expect(checkSubmittedObservation({ value: 70, asOf: '2017-06-30' }, goodAirDays, context)).toEqual({
      ok: true,
      value: 70,
      asOf: '2017-06-30',
    });
  });

  it('refuses a unit that does not convert, an impossible figure and a future date, all named', () => {
    const r = checkSubmittedObservation(
      { value: 70, unit: '周', asOf: '2017-07-10' },
      goodAirDays,
      { ...context, path: 'observations[2]' },
    );
    expect(r.ok ? [] : r.refusals.map((x) => [x.field, x.code])).toEqual([
      ['observations[2].asOf', 'future'],
      ['observations[2].unit', 'unit'],
    ]);
    const negative = checkSubmittedObservation({ value: -3, asOf: '2017-06-30' }, keyProjectInvestment, context);
    expect(negative.ok ? [] : negative.refusals.map((x) => x.code)).toEqual(['negative']);
    const nan = checkSubmittedObservation({ value: Number.NaN, asOf: '2017-06-30' }, keyProjectInvestment, context);
    expect(nan.ok ? [] : nan.refusals.map((x) => x.code)).toEqual(['not-a-number']);
  });
});
