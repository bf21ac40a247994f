import {
  addDays,
  checkAsOf,
  daysBetween,
  instantAt,
  instantOf,
  isCalendarDate,
  isoWeekday,
  localDateOf,
  readAsOf,
} from './dates';

const context = { today: '2017-07-03', year: 2017, label: '优良天数' };

describe('as-of dates', () => {
  it('accepts the report’s dates in the plan’s year up to today', () => {
    expect(checkAsOf('2017-06-23', context)).toEqual({ ok: true, value: '2017-06-23' });
    expect(checkAsOf('2017-07-03', context)).toEqual({ ok: true, value: '2017-07-03' });
    expect(checkAsOf('2017-01-01', context).ok).toBe(true);
  });

  it('refuses a day that does not exist, naming the field', () => {
    expect(checkAsOf('2017-02-29', { ...context, field: 'observations[1].asOf' })).toEqual({
      ok: false,
      refusal: {
        field: 'observations[1].asOf',
        code: 'not-a-date',
        message: '优良天数的截至日期2017-02-29不是真实存在的日期',
      },
    });
    expect(checkAsOf('2016-02-29', { ...context, today: '2016-12-31', year: 2016 }).ok).toBe(true);
    expect(checkAsOf('2017-6-3', context)).toMatchObject({ ok: false, refusal: { code: 'format', field: 'asOf' } });
  });

  it('refuses a date after the server’s today', () => {
    const r = checkAsOf('2017-07-04', context);
    expect(r).toMatchObject({ ok: false, refusal: { code: 'future' } });
    expect(!r.ok && r.refusal.message).toBe('优良天数的截至日期2017-07-04晚于今天（2017-07-03），不能填报尚未到来的日期');
  });

  it('refuses a date outside the plan’s year, and still takes corrections within it after the year is over', () => {
    expect(checkAsOf('2016-12-31', context)).toMatchObject({ ok: false, refusal: { code: 'outside-year' } });
    const afterTheYear = { today: '2018-01-15', year: 2017 };
    expect(checkAsOf('2017-12-31', afterTheYear).ok).toBe(true);
    expect(checkAsOf('2018-01-10', afterTheYear)).toMatchObject({ ok: false, refusal: { code: 'outside-year' } });
  });

  it('reads typed dates: 2017/6/30, 2017.6.30, 2017年6月30日, 6月30日, full-width digits', () => {
    const ctx = { today: '2017-07-03', year: 2017 };
    for (const typed of ['2017-06-30', '2017/6/30', '2017.6.30', '2017年6月30日', '6月30日', '６月３０日', '6/30']) {
      expect(readAsOf(typed, ctx)).toEqual({ ok: true, value: '2017-06-30' });
    }
    expect(readAsOf('', ctx)).toMatchObject({ ok: false, refusal: { code: 'empty', message: '截至日期未填写' } });
    expect(readAsOf('上周五', ctx)).toMatchObject({ ok: false, refusal: { code: 'format' } });
    expect(readAsOf('2月30日', ctx)).toMatchObject({ ok: false, refusal: { code: 'not-a-date' } });
  });
});

describe('calendar arithmetic', () => {
  it('counts whole days and weekdays', () => {
    expect(isCalendarDate('2017-06-23')).toBe(true);
    expect(isCalendarDate('2017-06-31')).toBe(false);
    expect(daysBetween('2017-06-23', '2017-07-03')).toBe(10);
    expect(daysBetween('2017-07-03', '2017-06-23')).toBe(-10);
    expect(addDays('2017-12-31', 1)).toBe('2018-01-01');
    expect(isoWeekday('2017-06-27')).toBe(2); // the plenary meeting was a Tuesday
    expect(isoWeekday('2017-07-02')).toBe(7);
  });

  it('reads the district clock at +08:00, whatever the machine’s zone', () => {
    const noonMonday = instantAt('2017-07-03', '12:00');
    expect(new Date(noonMonday).toISOString()).toBe('2017-07-03T04:00:00.000Z');
    expect(localDateOf(Date.parse('2017-07-02T16:30:00Z'))).toBe('2017-07-03');
    expect(localDateOf(Date.parse('2017-07-02T15:59:59Z'))).toBe('2017-07-02');
    expect(instantOf('2017-07-03T12:00:00+08:00')).toBe(noonMonday);
    expect(instantOf('2017-07-03')).toBe(instantAt('2017-07-03', '00:00'));
    expect(() => instantAt('2017-07-03', '25:00')).toThrow(RangeError);
  });
});
