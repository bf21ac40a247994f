import { analyseDomain, analyseMetric, talkingPoint } from './index';
import {
  canalSitePrep,
  domain,
  gdp,
  goodAirDays,
  keyProjectInvestment,
  majorProjects,
  metric,
  patentGrants,
  pm25,
  resettlementReturns,
  returnBatches,
  volunteers,
  wasteCleared,
} from './test-fixtures';

const point = (m: Parameters<typeof analyseMetric>[0]) => analyseMetric(m).talkingPoint;

describe('talkingPoint', () => {
  it('good-air days: the pace and what the rest of the year needs', () => {
    expect(point(goodAirDays)).toBe(
      '优良天数66天,完成全年目标190天的34.7%,低于序时进度47.7%共13.0个百分点;' +
        '余下191天需有124天优良,即64.9%的天数,而截至6月23日仅37.9%。',
    );
  });

  it('PM2.5: the tie, the report’s "比目标值(63)高21微克/立方米" beside the 33.3%, and the average needed', () => {
    expect(point(pm25)).toBe(
      'PM2.5累积浓度84微克/立方米,全市9个站点中与郑纺机、岗李水库并列第1,' +
        '比目标值63微克/立方米高21微克/立方米(高33.3%);余下191天均值须降至43.9微克/立方米以下。',
    );
  });

  it('PM2.5 under target: the ceiling for the rest of the year', () => {
    const under = { ...pm25, value: 60, target: { value: 63, period: 'year' as const, basis: 'stated' as const }, rank: undefined };
    expect(point(under)).toBe(
      'PM2.5累积浓度60微克/立方米,比目标值63微克/立方米低3微克/立方米(低4.8%);余下191天均值不超过65.7微克/立方米即可达标。',
    );
  });

  it('PM2.5 past saving: says so instead of a negative average', () => {
    expect(point({ ...pm25, value: 140 })).toContain('均值无论多低,全年均值都将高于目标');
  });

  it('a derived yearly target says it was worked out, keeps the reported share, and gives a monthly rate', () => {
    const text = point(keyProjectInvestment);
    expect(text).toContain('省市重点项目完成投资94.3亿元');
    expect(text).toContain('年度计划(按占比推算约193.6亿元)的48.7%');
    expect(text).toContain('高于序时进度41.4%共7.3个百分点');
    // 193.6 from "48.7%" is known to a tenth either way: what is left follows from it, and says 约.
    expect(text).toContain('余下214天需再完成约99.3亿元');
    expect(text).toContain('每月约14.1亿元');
  });

  it('a batch delivery: no monthly rate, what is left at the precision of "8%", and the batches on their way', () => {
    // "实现2个项目约23万㎡回迁,占全年总任务的8%。齐礼阎安置区2、3号院50万㎡已完成竣工验收待分配;…"
    const [returns] = analyseDomain(domain('resettlement-housing', [resettlementReturns, ...returnBatches])).metrics;
    expect(returns?.talkingPoint).toBe(
      '安置房回迁约23万㎡,完成年度计划(按占比推算约290万㎡)的8%,低于序时进度48.8%共40.8个百分点;' +
        '余下187天需再完成约270万㎡;分批完成,不按直线推算,' +
        '后续批次:已竣工验收待分配50万㎡、竣工前扫尾施工中65万㎡、主体已封顶150万㎡。',
    );
    expect(returns?.talkingPoint).not.toMatch(/287\.5|264\.5|每月/u);
  });

  it('an approximate task: "约188万平方米", completion about 29%', () => {
    expect(point(canalSitePrep)).toBe('场地整理近55万平方米,已完成总任务约188万平方米的约29%。');
  });

  it('says when the date is not the report’s own', () => {
    // "全区150个亿元以上重大项目完成投资170亿元,占年度计划的36%": dated by its paragraph's 1~5月份.
    expect(point(majorProjects)).toContain('截至5月31日(同段投资统计为“1~5月份”,未注明截至日期)月均约');
    expect(point(keyProjectInvestment)).toContain('截至5月31日月均约');
  });

  it('keeps 突破 and says what a rank covers', () => {
    expect(point(patentGrants)).toBe('第一批专利资助突破1,000项。');
    const both = { ...gdp, yoyPct: undefined, rank: { position: 1, scope: '市内六区', subject: '完成投资、开工率' } };
    expect(point(both)).toBe('地区生产总值253亿元,完成投资、开工率市内六区第1。');
  });

  it('keeps the qualifier of an approximate figure', () => {
    expect(point(resettlementReturns)).toMatch(/^安置房回迁约23万㎡,.*的8%,低于序时进度48\.8%共40\.8个百分点/);
  });

  it('a task: the share of the total, printed as the report printed it', () => {
    expect(point(wasteCleared)).toBe('清运建筑垃圾88.28万立方米,已完成总任务105.9万立方米的83.36%。');
    expect(point({ ...wasteCleared, reportedProgressPct: 100 })).toBe(
      '清运建筑垃圾88.28万立方米,总任务105.9万立方米已全部完成。',
    );
    expect(point({ ...wasteCleared, reportedProgressPct: 104 })).toContain('已全部完成(104%)');
  });

  it('a figure with no target: year-on-year and rank', () => {
    expect(point(gdp)).toBe('地区生产总值253亿元,同比增长7.5%。');
    expect(point({ ...gdp, yoyPct: -2 })).toBe('地区生产总值253亿元,同比下降2%。');
    expect(point(volunteers)).toBe('注册志愿者8万余人,全市各区第1。');
    expect(point(metric({ id: 'sites', label: '施工工地', value: 278, unit: '个' }))).toBe('施工工地278个。');
  });

  it('a share without a target', () => {
    expect(point(metric({ id: 'approvals', label: '联审联批审批事项', value: 16, unit: '项', reportedProgressPct: 80 }))).toBe(
      '联审联批审批事项16项,完成计划的80%。',
    );
  });

  it('a rate that is its own share does not repeat itself', () => {
    const rate = metric({ id: 'sweeping', label: '道路人工清扫率', value: 100, unit: '%', reportedProgressPct: 100 });
    expect(point(rate)).toBe('道路人工清扫率100%,已全部完成。');
    expect(point({ ...rate, value: 90, reportedProgressPct: 90 })).toBe('道路人工清扫率90%。');
  });

  it('a met yearly target', () => {
    expect(point({ ...goodAirDays, value: 200 })).toBe('优良天数200天,已完成全年目标190天,完成率105.3%。');
  });

  it('a day count already at the needed rate says so', () => {
    // 100 of 190 by 06-23: 90 needed in 191 days (47.1%), against 57.5% so far.
    expect(point({ ...goodAirDays, value: 100 })).toContain('余下191天需有90天优良,即47.1%的天数,截至6月23日已达57.5%,保持即可完成');
  });

  it('is the same sentence whether called directly or through analyseMetric', () => {
    const p = analyseMetric(goodAirDays);
    expect(talkingPoint(p)).toBe(p.talkingPoint);
  });
});
