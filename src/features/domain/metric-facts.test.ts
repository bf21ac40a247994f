import { analyseDomain, analyseMetric } from '../../progress';
import {
  canalSitePrep,
  domain,
  goodAirDays,
  keyProjectInvestment,
  majorProjects,
  metric,
  patentGrants,
  pm25,
  resettlementReturns,
  returnBatches,
} from '../../progress/test-fixtures';
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
    // "比目标值(63)高21微克/立方米", beside the share.
    expect(facts['与目标']).toBe('比目标值63微克/立方米高21微克/立方米(高33.3%,越低越好)');
    // "全市9个站点中排第1名(与郑纺机、岗李水库并列)"
    expect(facts['排名']).toBe('全市9个站点中与郑纺机、岗李水库并列第1');
    expect(facts['所需进度']).toBe('余下191天平均不超过43.9微克/立方米,全年方能达标');
    expect(facts['完成']).toBeUndefined();
  });

  it('keeps the report’s own share and says a derived target is derived', () => {
    const facts = factsOf(keyProjectInvestment);
    expect(facts['目标']).toBe('年度计划约193.6亿元(按报告所列48.7%推算,在193.4~193.9亿元之间)');
    expect(facts['完成']).toBe('48.7%(报告所列)');
  });

  it('a batch delivery: the target at the precision of "8%", what is left, the batches, and no projection', () => {
    const [returns] = analyseDomain(domain('resettlement-housing', [resettlementReturns, ...returnBatches])).metrics;
    if (returns === undefined) throw new Error('no analysis');
    const facts = Object.fromEntries(metricFacts(returns).map((f) => [f.term, f.detail]));
    expect(facts['目标']).toBe('年度计划约290万㎡(按报告所列8%推算,在270~310万㎡之间)');
    expect(facts['所需进度']).toBe('余下187天需再完成约270万㎡(分批完成,不按月均推算)');
    expect(facts['后续批次']).toBe('已竣工验收待分配50万㎡、竣工前扫尾施工中65万㎡、主体已封顶150万㎡(分批完成,不按直线推算年底)');
    expect(facts['年底预计']).toBeUndefined();
    // No date of its own: the report's, said to be assumed.
    expect(facts['数据截至']).toBe('2017年6月27日(报告日期,未注明截至日期)');
    expect(facts['序时进度']).toBe('48.8%(按6月27日计;报告日期,未注明截至日期)');
  });

  it('an approximate task and 突破 read as printed', () => {
    expect(factsOf(canalSitePrep)).toMatchObject({ 目标: '总任务约188万平方米', 完成: '约29%' });
    expect(factsOf(patentGrants)['口径']).toBe('下限:已超过此数(突破)');
    expect(factsOf(majorProjects)['数据截至']).toBe('2017年5月31日(同段投资统计为“1~5月份”,未注明截至日期)');
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
