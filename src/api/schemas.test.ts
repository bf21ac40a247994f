import { metricSchema } from './schemas';

const metric = {
  id: 'good-air-days',
  label: '优良天数',
  value: 66,
  unit: '天',
  qualifier: 'exact',
  asOf: '2017-06-23',
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

  it('reject ids that are not kebab-case', () => {
    expect(metricSchema.safeParse({ ...metric, id: 'Good Air' }).success).toBe(false);
  });
});
