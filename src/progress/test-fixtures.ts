import type { Domain, Metric } from '../api/schemas';

// Built inline rather than read from the data set: these tests pin the rules, not the data.

type MetricInput = Partial<Metric> & Pick<Metric, 'id' | 'label' | 'value' | 'unit'>;

export function metric(input: MetricInput): Metric {
  return {
    qualifier: 'exact',
    asOf: '2017-06-27',
    asOfStated: true,
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
  // "比目标值(63)高21微克/立方米,全市9个站点中排第1名(与郑纺机、岗李水库并列)"
  target: { value: 63, period: 'year', basis: 'stated', statedGap: 21 },
  rank: { position: 1, scope: '全市9个站点', tiedWith: ['郑纺机', '岗李水库'] },
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
  asOfStated: false,
  asOfNote: '报告日期',
  target: { value: 298.2, period: 'year', basis: 'derived' },
  reportedProgressPct: 56,
  // Delivered in batches, as in the report: no straight-line projection.
  projection: false,
});

export const resettlementReturns = metric({
  id: 'resettlement-returns',
  label: '安置房回迁',
  value: 23,
  unit: '万㎡',
  qualifier: 'about',
  asOfStated: false,
  asOfNote: '报告日期',
  target: { value: 287.5, period: 'year', basis: 'derived' },
  reportedProgressPct: 8,
  // Delivered in batches, as in the report: no straight-line projection, the batches instead.
  projection: false,
  pipeline: ['awaiting-allocation', 'finishing-works', 'topped-out'],
});

/** "齐礼阎安置区2、3号院50万㎡已完成竣工验收待分配;…65万㎡正在竣工前扫尾工程施工;…150万㎡主体已封顶" */
export const returnBatches = [
  metric({ id: 'awaiting-allocation', label: '已竣工验收待分配', value: 50, unit: '万㎡' }),
  metric({ id: 'finishing-works', label: '竣工前扫尾施工中', value: 65, unit: '万㎡' }),
  metric({ id: 'topped-out', label: '主体已封顶', value: 150, unit: '万㎡' }),
];

/** "全区150个亿元以上重大项目完成投资170亿元,占年度计划的36%": no date of its own. */
export const majorProjects = metric({
  id: 'major-projects-investment',
  label: '重大项目完成投资',
  value: 170,
  unit: '亿元',
  asOf: '2017-05-31',
  asOfStated: false,
  asOfNote: '同段投资统计为“1~5月份”',
  target: { value: 472.2, period: 'year', basis: 'derived' },
  reportedProgressPct: 36,
});

/** "剩余段约188万平方米绿化建设,…现已累计完成场地整理近55万平方米" */
export const canalSitePrep = metric({
  id: 'canal-park-site-prep',
  label: '场地整理',
  value: 55,
  unit: '万平方米',
  qualifier: 'nearly',
  asOfStated: false,
  asOfNote: '报告日期',
  target: { value: 188, period: 'task', basis: 'approximate', qualifier: 'about' },
});

/** "2017年第一批专利资助突破1000项" */
export const patentGrants = metric({
  id: 'patent-grants',
  label: '第一批专利资助',
  value: 1000,
  unit: '项',
  qualifier: 'passes',
  source: { quote: '2017年第一批专利资助突破1000项', figure: '突破1000项' },
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
