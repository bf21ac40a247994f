import { analyseDomain, analyseMetric, toGaugeModel } from './index';
import {
  canalSitePrep,
  domain,
  gdp,
  goodAirDays,
  keyProjectInvestment,
  metric,
  patentGrants,
  pm25,
  resettlementReturns,
  resettlementStarts,
  returnBatches,
  volunteers,
  wasteCleared,
} from './test-fixtures';

const gauge = (m: Parameters<typeof analyseMetric>[0]) => toGaugeModel(analyseMetric(m));

describe('toGaugeModel', () => {
  it('good-air days: a progress arc with a 序时进度 tick', () => {
    expect(gauge(goodAirDays)).toMatchObject({
      kind: 'progress',
      label: '优良天数',
      valueText: '66',
      unitText: '天',
      targetText: '目标190天',
      min: 0,
      max: 190,
      value: 66,
      fillPct: 34.7,
      pacePct: 47.7,
      completionText: '34.7%',
      status: 'behind',
      statusLabel: '滞后',
      statusIcon: '▼',
      centreText: '66 / 190 天',
      ariaValueText: '66 / 190 天, 完成34.7%, 序时进度47.7%, 滞后',
    });
  });

  it('PM2.5: a track past the target, the target a tick, the excess from target to value', () => {
    const g = gauge(pm25);
    expect(g).toMatchObject({
      kind: 'lower-better',
      valueText: '84',
      unitText: '微克/立方米',
      targetText: '目标63微克/立方米',
      min: 0,
      max: 105,
      value: 84,
      fillPct: 80,
      targetPct: 60,
      excessFromPct: 60,
      status: 'far-behind',
      statusLabel: '严重滞后',
      statusIcon: '‼',
      centreText: '84 / 63 微克/立方米',
    });
    // "比目标值(63)高21微克/立方米": the report's framing beside the share.
    expect(g.ariaValueText).toBe('84 / 63 微克/立方米(越低越好), 比目标值63微克/立方米高21微克/立方米(高33.3%), 严重滞后');
    expect(g.pacePct).toBeUndefined();
  });

  it('PM2.5 under its target draws no excess', () => {
    const g = gauge({ ...pm25, value: 50 });
    expect(g.excessFromPct).toBeUndefined();
    expect(g.max).toBeCloseTo(78.75);
    expect(g.targetPct).toBe(80);
    expect(g.status).toBe('on-track');
  });

  it('a figure with no target shows only itself', () => {
    expect(gauge(gdp)).toMatchObject({
      kind: 'figure',
      valueText: '253',
      unitText: '亿元',
      min: 0,
      max: 253,
      value: 253,
      fillPct: 0,
      status: 'no-target',
      statusLabel: '无目标',
      statusIcon: '–',
      centreText: '253亿元',
      ariaValueText: '253亿元, 同比增长7.5%, 无目标',
    });
    const g = gauge(volunteers);
    expect(g).toMatchObject({ valueText: '8', unitText: '万余人', centreText: '8万余人' });
    expect(g.targetText).toBeUndefined();
  });

  it('a reported share: value over target for aria, the stated share on the arc', () => {
    expect(gauge(keyProjectInvestment)).toMatchObject({
      kind: 'progress',
      value: 94.3,
      max: 193.6,
      fillPct: 48.7,
      pacePct: 41.4,
      targetText: '年度计划约193.6亿元(推算)',
      ariaValueText: '94.3 / 约193.6 亿元, 完成48.7%, 序时进度41.4%, 超前',
    });
  });

  it('keeps 约 in the centre text, and a derived target at the precision of its share', () => {
    // "约167万㎡桩基施工,占全年总任务的56%": 56% is 55.5–56.5%, so the task is 296–301万㎡, not 298.2.
    expect(gauge(resettlementStarts)).toMatchObject({
      valueText: '约167',
      centreText: '约167 / 约298 万㎡',
      targetText: '年度计划约298万㎡(推算)',
      max: 298,
    });
    // "约23万㎡回迁,占全年总任务的8%": 287.5 from a share of one digit is about 290.
    expect(gauge(resettlementReturns)).toMatchObject({ centreText: '约23 / 约290 万㎡', targetText: '年度计划约290万㎡(推算)' });
  });

  it('a batch delivery names its batches to a screen reader', () => {
    const [returns] = analyseDomain(domain('resettlement-housing', [resettlementReturns, ...returnBatches])).metrics;
    if (returns === undefined) throw new Error('no analysis');
    expect(toGaugeModel(returns).ariaValueText).toMatch(
      /, 严重滞后, 分批完成,后续批次:已竣工验收待分配50万㎡、竣工前扫尾施工中65万㎡、主体已封顶150万㎡$/u,
    );
    expect(gauge(goodAirDays).ariaValueText).not.toContain('分批');
  });

  it('an approximate task keeps its 约, and the completion is about whole percent', () => {
    // "剩余段约188万平方米", "完成场地整理近55万平方米"
    expect(gauge(canalSitePrep)).toMatchObject({
      centreText: '近55 / 约188 万平方米',
      targetText: '总任务约188万平方米',
      completionText: '约29%',
      fillPct: 29,
      status: 'in-progress',
    });
  });

  it('a tied rank and 突破 read as printed', () => {
    expect(gauge({ ...pm25, target: undefined }).ariaValueText).toBe('84微克/立方米, 全市9个站点中与郑纺机、岗李水库并列第1, 无目标');
    expect(gauge(patentGrants)).toMatchObject({ valueText: '突破1,000', unitText: '项', centreText: '突破1,000项' });
  });

  it('a task has no pace tick', () => {
    const g = gauge(wasteCleared);
    expect(g).toMatchObject({ kind: 'progress', fillPct: 83.36, completionText: '83.36%', targetText: '总任务105.9万立方米' });
    expect(g.pacePct).toBeUndefined();
    expect(g.ariaValueText).toBe('88.28 / 105.9 万立方米, 完成83.36%, 推进中');
  });

  it('a surpassed target keeps aria-valuenow within range and the fill at 100', () => {
    const g = gauge({ ...goodAirDays, value: 200 });
    expect(g).toMatchObject({ max: 200, value: 200, fillPct: 100, status: 'complete' });
  });

  it('a share with no target is in percent, and says so', () => {
    const g = gauge(metric({ id: 'approvals', label: '联审联批审批事项', value: 16, unit: '项', reportedProgressPct: 80 }));
    expect(g).toMatchObject({ kind: 'progress', min: 0, max: 100, value: 80, fillPct: 80 });
    expect(g.ariaValueText).toBe('16项, 完成计划的80%(按百分比), 推进中');
  });
});
