import type { Domain, Metric } from '../api/schemas';

// Built inline rather than read from the data set: these tests pin the rules, not the data.

type MetricInput = Partial<Metric> & Pick<Metric, 'id' | 'label' | 'value' | 'unit'>;

export function metric(input: MetricInput): Metric {
  return {
    qualifier: 'exact',
    asOf: '2017-06-27',
    direction: 'higher',
    source: { quote: '(test)', figure: String(input.value) },
    ...input,
  };
}

export function domain(id: string, metrics: Metric[]): Domain {
  return { id, name: id, sectionId: 'test', metrics, milestones: [] };
}

export const goodAirDays = metric({
  id: 'good-air-days',
  label: '优良天数',
  value: 66,
  unit: '天',
  asOf: '2017-06-23',
  target: { value: 190, period: 'year', basis: 'stated' },
});

export const pm25 = metric({
  id: 'pm25',
  label: 'PM2.5累积浓度',
  value: 84,
  unit: '微克/立方米',
  asOf: '2017-06-23',
  direction: 'lower',
  target: { value: 63, period: 'year', basis: 'stated' },
});

export const keyProjectInvestment = metric({
  id: 'key-project-investment',
  label: '省市重点项目完成投资',
  value: 94.3,
  unit: '亿元',
  asOf: '2017-05-31',
  target: { value: 193.6, period: 'year', basis: 'derived' },
  reportedProgressPct: 48.7,
});

export const resettlementStarts = metric({
  id: 'resettlement-starts',
  label: '安置房开工',
  value: 167,
  unit: '万㎡',
  qualifier: 'about',
  target: { value: 298.2, period: 'year', basis: 'derived' },
  reportedProgressPct: 56,
});

export const resettlementReturns = metric({
  id: 'resettlement-returns',
  label: '安置房回迁',
  value: 23,
  unit: '万㎡',
  qualifier: 'about',
  target: { value: 287.5, period: 'year', basis: 'derived' },
  reportedProgressPct: 8,
});

export const wasteCleared = metric({
  id: 'waste-cleared',
  label: '清运建筑垃圾',
  value: 88.28,
  unit: '万立方米',
  asOf: '2017-06-26',
  target: { value: 105.9, period: 'task', basis: 'stated' },
  reportedProgressPct: 83.36,
});

export const wasteInsideRing = metric({
  id: 'waste-cleared-inside',
  label: '四环内清运',
  value: 15.36,
  unit: '万立方米',
  asOf: '2017-06-26',
  target: { value: 18.3, period: 'task', basis: 'stated' },
  reportedProgressPct: 83.93,
  parentId: 'waste-cleared',
});

export const gdp = metric({
  id: 'gdp',
  label: '地区生产总值',
  value: 253,
  unit: '亿元',
  yoyPct: 7.5,
});

export const volunteers = metric({
  id: 'volunteers',
  label: '注册志愿者',
  value: 8,
  unit: '万人',
  qualifier: 'more-than',
  rank: { position: 1, scope: '全市各区' },
});
