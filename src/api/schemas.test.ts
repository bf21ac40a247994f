import { metricSchema } from './schemas';

const metric = {
  id: 'good-air-days',
  label: '优良天数',
  value: 66,
  unit: '天',
  qualifier: 'exact',
  asOf: '2017-06-23',
  asOfStated: true,
  direction: 'higher',
  source: { quote: '共完成优良天气66天', figure: '66天' },
};

describe('the contract schemas', () => {
  it('accept a metric as the report states it', () => {
    expect(metricSchema.parse(metric).value).toBe(66);
  });

  it.each(['2017-02-30', '2017-13-01', '2017-6-23', '23/06/2017'])('reject the date %s, so it fails the panel rather than the analysis', (asOf) => {
    expect(metricSchema.safeParse({ ...metric, asOf }).success).toBe(false);
  });

  it('accept 29 February in a leap year only', () => {
    expect(metricSchema.safeParse({ ...metric, asOf: '2016-02-29' }).success).toBe(true);
    expect(metricSchema.safeParse({ ...metric, asOf: '2017-02-29' }).success).toBe(false);
  });

  it('require saying whether the date is stated, and carry how an inferred one was arrived at', () => {
    const { asOfStated: _, ...undated } = metric;
    expect(metricSchema.safeParse(undated).success).toBe(false);
    const inferred = { ...metric, asOf: '2017-06-27', asOfStated: false, asOfNote: '报告日期' };
    expect(metricSchema.parse(inferred)).toEqual(inferred);
  });

  it('carry what the report says as printed: 突破, an approximate task, a stated gap, a tie, batches', () => {
    const read = {
      ...metric,
      qualifier: 'passes',
      target: { value: 188, period: 'task', basis: 'approximate', qualifier: 'about', statedGap: 124 },
      rank: { position: 1, scope: '全市9个站点', tiedWith: ['郑纺机', '岗李水库'], subject: '完成投资、开工率' },
      projection: false,
      pipeline: ['completed-awaiting-allocation'],
    };
    expect(metricSchema.parse(read)).toEqual(read);
    expect(metricSchema.safeParse({ ...read, rank: { position: 1, scope: 'x', tiedWith: [] } }).success).toBe(false);
    expect(metricSchema.safeParse({ ...read, pipeline: ['Not Kebab'] }).success).toBe(false);
  });

  it('reject ids that are not kebab-case', () => {
    expect(metricSchema.safeParse({ ...metric, id: 'Good Air' }).success).toBe(false);
  });
});
