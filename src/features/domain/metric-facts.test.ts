import { analyseMetric } from '../../progress';
import { goodAirDays, keyProjectInvestment, metric, pm25 } from '../../progress/test-fixtures';
import { metricFacts } from './metric-facts';

const factsOf = (m: Parameters<typeof analyseMetric>[0]) =>
  Object.fromEntries(metricFacts(analyseMetric(m)).map((f) => [f.term, f.detail]));

describe('metricFacts', () => {
  it('spells out pace, gap, required rate and projection for good-air days', () => {
    expect(factsOf(goodAirDays)).toEqual({
      目标: '目标190天',
      完成: '34.7%',
      序时进度: '47.7%(截至6月23日)',
      与序时进度差距: '−13.0 个百分点',
      所需进度: '余下191天中需有124天(64.9%的天数),此前为37.9%',
      年底预计: '按目前进度,年底约138天,为全年目标的72.9%',
      数据截至: '2017年6月23日',
    });
  });

  it('compares a lower-is-better average with its target and gives the rest-of-year ceiling', () => {
    const facts = factsOf(pm25);
    expect(facts['与目标']).toBe('高于目标63微克/立方米共33.3%(越低越好)');
    expect(facts['所需进度']).toBe('余下191天平均不超过43.9微克/立方米,全年方能达标');
    expect(facts['完成']).toBeUndefined();
  });

  it('keeps the report’s own share and says a derived target is derived', () => {
    const facts = factsOf(keyProjectInvestment);
    expect(facts['目标']).toBe('年度计划约193.6亿元(推算)');
    expect(facts['完成']).toBe('48.7%(报告所列)');
  });

  it('names the qualifier, the year-on-year growth and the rank', () => {
    const facts = factsOf(
      metric({
        id: 'x',
        label: '签约额',
        value: 1000,
        unit: '亿元',
        qualifier: 'more-than',
        direction: 'neutral',
        yoyPct: -2.5,
        rank: { position: 1, scope: '市内六区' },
      }),
    );
    expect(facts['口径']).toContain('多于此数');
    expect(facts['同比']).toBe('下降2.5%');
    expect(facts['排名']).toBe('市内六区第1');
    expect(facts['目标']).toBeUndefined();
  });
});
