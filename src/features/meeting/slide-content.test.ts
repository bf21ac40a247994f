import { analyseDomain, analyseMetric } from '../../progress';
import {
  domain,
  gdp,
  goodAirDays,
  keyProjectInvestment,
  majorProjects,
  pm25,
  resettlementReturns,
  resettlementStarts,
  returnBatches,
  volunteers,
  wasteCleared,
  wasteInsideRing,
} from '../../progress/test-fixtures';
import { behindLines, milestoneColumn, prominentCount, slideGauges, splitTalkingPoints, talkingOrder } from './slide-content';

describe('behindLines', () => {
  it('says how far good-air days are behind and what the rest of the year needs', () => {
    const [line] = behindLines([analyseMetric(goodAirDays)]);
    expect(line?.gap).toBe('完成34.7%,序时进度47.7%,差距−13.0 个百分点');
    expect(line?.need).toBe('余下191天须有124天优良(占64.9%),此前仅37.9%');
  });

  it('gives PM2.5 its excess over the ceiling and the average the rest of the year must keep under', () => {
    const [line] = behindLines([analyseMetric(pm25)]);
    expect(line?.gap).toBe('84微克/立方米,比目标值63微克/立方米高21微克/立方米(高33.3%)');
    expect(line?.need).toBe('余下191天平均须降至43.9微克/立方米以下');
  });

  it('gives amounts per month against the pace so far, what is left at the precision of the share', () => {
    // "全区150个亿元以上重大项目完成投资170亿元,占年度计划的36%": 约472亿元, dated by its 1~5月份.
    const [major] = behindLines([analyseMetric(majorProjects)]);
    expect(major?.gap).toBe('完成36%,序时进度41.4%,差距−5.4 个百分点');
    expect(major?.need).toBe('余下214天须再完成约302亿元,约每月42.9亿元;此前月均约34.2亿元');
  });

  it('gives a batch delivery what is left and its batches, no monthly rate', () => {
    const progress = analyseDomain(domain('resettlement-housing', [resettlementReturns, ...returnBatches]));
    const [returns] = behindLines(progress.metrics);
    expect(returns?.gap).toBe('完成8%,序时进度48.8%,差距−40.8 个百分点');
    expect(returns?.need).toBe(
      '余下187天须再完成约270万㎡;分批完成,后续批次:已竣工验收待分配50万㎡、竣工前扫尾施工中65万㎡、主体已封顶150万㎡',
    );
  });

  it('lists only behind metrics, far behind first', () => {
    const lines = behindLines(
      [goodAirDays, keyProjectInvestment, pm25, resettlementStarts, gdp, wasteCleared].map(analyseMetric),
    );
    expect(lines.map((l) => l.progress.metric.id)).toEqual(['pm25', 'good-air-days']);
  });
});

describe('talking order', () => {
  const metrics = [gdp, wasteInsideRing, volunteers, goodAirDays, wasteCleared, resettlementStarts, pm25].map(
    analyseMetric,
  );

  it('talks about targeted metrics by urgency, then the figures without targets', () => {
    expect(talkingOrder(metrics).map((p) => p.metric.id)).toEqual([
      'pm25',
      'good-air-days',
      'resettlement-starts',
      'waste-cleared',
      'waste-cleared-inside',
      'gdp',
      'volunteers',
    ]);
  });

  it('keeps the rest in report order, so breakdowns stay beside their totals', () => {
    const { main, rest } = splitTalkingPoints(metrics, 3);
    expect(main.map((p) => p.metric.id)).toEqual(['pm25', 'good-air-days', 'resettlement-starts']);
    expect(rest.map((p) => p.metric.id)).toEqual(['gdp', 'waste-cleared-inside', 'volunteers', 'waste-cleared']);
  });

  it('shows every talking point prominently when only a few would be left over', () => {
    expect(prominentCount(8, 5)).toBe(8);
    expect(prominentCount(9, 5)).toBe(5);
    expect(prominentCount(3, 5)).toBe(3);
  });
});

describe('slideGauges', () => {
  it('draws the targeted metrics, most urgent first', () => {
    const progress = analyseDomain(domain('d', [gdp, wasteCleared, goodAirDays, pm25, resettlementStarts]));
    expect(slideGauges(progress, 3).map((p) => p.metric.id)).toEqual(['pm25', 'good-air-days', 'resettlement-starts']);
  });

  it('shows the headline figures of a domain without targets', () => {
    const progress = analyseDomain(domain('d', [gdp, volunteers]));
    expect(slideGauges(progress, 4).map((p) => p.metric.id)).toEqual(['gdp', 'volunteers']);
  });
});

describe('milestoneColumn', () => {
  it('puts milestones under the shorter column', () => {
    const long = Array.from({ length: 8 }, () => '字'.repeat(90));
    expect(milestoneColumn({ gauges: 1, behind: 0, points: long, compact: 10 })).toBe('main');
    expect(milestoneColumn({ gauges: 4, behind: 2, points: ['短'], compact: 0 })).toBe('side');
  });
});
