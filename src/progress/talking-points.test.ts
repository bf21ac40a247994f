import { analyseMetric, talkingPoint } from './index';
import {
  gdp,
  goodAirDays,
  keyProjectInvestment,
  metric,
  pm25,
  resettlementReturns,
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

  it('PM2.5: the excess and the average the rest of the year must keep under', () => {
    expect(point(pm25)).toBe(
      'PM2.5累积浓度84微克/立方米,高于目标63微克/立方米33.3%;余下191天均值须降至43.9微克/立方米以下。',
    );
  });

  it('PM2.5 under target: the ceiling for the rest of the year', () => {
    expect(point({ ...pm25, value: 60 })).toBe(
      'PM2.5累积浓度60微克/立方米,低于目标63微克/立方米4.8%;余下191天均值不超过65.7微克/立方米即可达标。',
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
    expect(text).toContain('余下214天需再完成99.3亿元');
    expect(text).toContain('每月约14.1亿元');
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
    expect(point(volunteers)).toBe('注册志愿者8万余人,全市各区排名第1。');
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
