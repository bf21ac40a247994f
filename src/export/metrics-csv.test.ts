import {
  CURRENT_REPORT_ID,
  getDomain,
  getReport,
  type Domain,
  type Report,
} from '../api';
import { analyseDomain } from '../progress';
import { testApi } from '../testing/api-client';
import { gdp, goodAirDays, keyProjectInvestment, metric, pm25 } from '../progress/test-fixtures';
import { buildMetricsCsv, METRICS_CSV_HEADER, metricsCsvFileName, quoteCsvCell } from './metrics-csv';

/** An RFC 4180 reader, written independently of the builder so that the two check each other. */
function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < input.length; i += 1) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && input[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else cell += c;
  }
  if (quoted) throw new Error('unterminated quote');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function column(rows: string[][], name: (typeof METRICS_CSV_HEADER)[number]): number {
  return rows[0]!.indexOf(name);
}

function record(rows: string[][], label: string): Record<string, string> {
  const found = rows.find((r) => r[2] === label);
  if (!found) throw new Error(`no row for ${label}`);
  return Object.fromEntries(METRICS_CSV_HEADER.map((h, i) => [h, found[i] ?? '']));
}

const report: Pick<Report, 'sections'> = {
  sections: [
    { id: 'levers', title: '靠抓手 见成效', domainIds: ['air-pollution'] },
    { id: 'results', title: '读数据 看成绩', domainIds: ['economy'] },
  ],
};

const air: Domain = {
  id: 'air-pollution',
  name: '大气污染防治',
  sectionId: 'levers',
  milestones: [],
  metrics: [
    { ...goodAirDays, source: { quote: '共完成优良天气66天,距离全年目标(190)还有124天的差距', figure: '66天' } },
    { ...pm25, source: { quote: 'PM2.5年累积浓度84微克/立方米', figure: '84微克/立方米' } },
  ],
};

const economy: Domain = {
  id: 'economy',
  name: '主要经济指标',
  sectionId: 'results',
  milestones: [],
  metrics: [
    { ...keyProjectInvestment, source: { quote: '项目共计完成投资94.3亿元,占年度计划的48.7%', figure: '94.3亿元' } },
    { ...gdp, source: { quote: '地区生产总值完成253亿元,同比增长7.5%', figure: '253亿元' } },
    metric({ id: 'demo-entered', label: '演示填报', value: 90, unit: '天', source: { kind: 'example', quote: '', figure: '' } }),
    metric({ id: 'volunteers', label: '志愿者', value: 9, unit: '万人', qualifier: 'more-than', source: { quote: '注册志愿者9万余人', figure: '9万余人' } }),
    metric({ id: 'signed', label: '签约额', value: 1000, unit: '亿元', qualifier: 'more-than', source: { quote: '签约额达1000多亿元', figure: '1000多亿元' } }),
    metric({ id: 'dirty', label: '=HYPERLINK("http://x","点我")', value: -2.5, unit: '@单位', source: { quote: '-1+1 "引号",逗号\n换行', figure: '-2.5' } }),
  ],
};

const csv = buildMetricsCsv(report, [economy, air].map(analyseDomain));
const rows = parseCsv(csv.slice(1));

describe('buildMetricsCsv', () => {
  it('starts with a UTF-8 byte-order mark so that Excel reads the Chinese', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('ends every record with CRLF and has no bare line breaks outside quotes', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(() => parseCsv(csv.slice(1))).not.toThrow();
  });

  it('has the Chinese header and one row per metric, every row as wide as the header', () => {
    expect(rows[0]).toEqual([...METRICS_CSV_HEADER]);
    expect(rows).toHaveLength(1 + air.metrics.length + economy.metrics.length);
    for (const r of rows) expect(r).toHaveLength(METRICS_CSV_HEADER.length);
  });

  it('orders domains as the report does, whatever order they are given in', () => {
    expect(rows.slice(1).map((r) => r[0])).toEqual(['大气污染防治', '大气污染防治', ...economy.metrics.map(() => '主要经济指标')]);
  });

  it('writes the good-air-days row with plain numbers and the analysis', () => {
    expect(record(rows, '优良天数')).toEqual({
      领域: '大气污染防治',
      部分: '靠抓手 见成效',
      指标: '优良天数',
      数值: '66',
      单位: '天',
      限定词: '',
      截至日期: '2017-06-23',
      日期说明: '',
      目标: '190',
      目标类型: '年度目标',
      完成率: '34.7',
      序时进度: '47.7',
      '差距(百分点)': '-13.0',
      状态: '滞后',
      同比: '',
      排名: '',
      原文: '共完成优良天气66天,距离全年目标(190)还有124天的差距',
      来源: '报告',
    });
  });

  it('labels a figure entered in the demo 示例, never the report’s', () => {
    expect(record(rows, '演示填报')['来源']).toBe('示例');
    expect(rows.slice(1).filter((r) => r[column(rows, '来源')] === '示例').map((r) => r[2])).toEqual(['演示填报']);
  });

  it('keeps a reported share as printed and says a target was derived', () => {
    const row = record(rows, '省市重点项目完成投资');
    expect(row['完成率']).toBe('48.7');
    expect(row['目标']).toBe('193.6');
    expect(row['目标类型']).toContain('推算');
    expect(row['截至日期']).toBe('2017-05-31');
  });

  it('writes year-on-year growth, rank and the status of a lower-is-better average', () => {
    expect(record(rows, '地区生产总值')['同比']).toBe('7.5');
    const pm = record(rows, 'PM2.5累积浓度');
    // "全市9个站点中排第1名(与郑纺机、岗李水库并列)"
    expect(pm['排名']).toBe('全市9个站点中与郑纺机、岗李水库并列第1');
    expect(pm['状态']).toBe('严重滞后');
    expect(pm['差距(百分点)']).toBe('');
    expect(pm['序时进度']).toBe('');
  });

  it('writes the qualifier in the report’s own word', () => {
    expect(record(rows, '志愿者')['限定词']).toBe('余');
    expect(record(rows, '签约额')['限定词']).toBe('多');
  });

  it('quotes commas, quotes and line breaks so that they survive a round trip', () => {
    const dirty = rows.find((r) => r[3] === '-2.5');
    expect(dirty?.[column(rows, '原文')]).toBe(`'-1+1 "引号",逗号\n换行`);
    expect(csv).toContain('"\'-1+1 ""引号"",逗号\n换行"');
  });

  it('defuses cells that a spreadsheet would run as a formula, but not negative numbers', () => {
    const dirty = rows.find((r) => r[3] === '-2.5');
    expect(dirty?.[column(rows, '指标')]).toBe(`'=HYPERLINK("http://x","点我")`);
    expect(dirty?.[column(rows, '单位')]).toBe(`'@单位`);
    expect(dirty?.[column(rows, '数值')]).toBe('-2.5');
  });

  it('is just the header for a report with no figures', () => {
    expect(buildMetricsCsv(report, [])).toBe(`\uFEFF${METRICS_CSV_HEADER.join(',')}\r\n`);
  });
});

describe('quoteCsvCell', () => {
  it('leaves plain cells alone and quotes the rest', () => {
    expect(quoteCsvCell('66')).toBe('66');
    expect(quoteCsvCell('')).toBe('');
    expect(quoteCsvCell('a,b')).toBe('"a,b"');
    expect(quoteCsvCell('说"好"')).toBe('"说""好"""');
    expect(quoteCsvCell('a\r\nb')).toBe('"a\r\nb"');
  });
});

describe('metricsCsvFileName', () => {
  it('names the report', () => {
    expect(metricsCsvFileName({ id: 'erqi-2017-h1' })).toBe('jindu-erqi-2017-h1-metrics.csv');
  });
});

describe('buildMetricsCsv on the report itself (through the mocked API)', () => {
  it('has one row per metric, 153, and the good-air-days row as analysed', async () => {
    const fullReport = await getReport(testApi, CURRENT_REPORT_ID);
    const domains = await Promise.all(
      fullReport.domains.map((d) => getDomain(testApi, CURRENT_REPORT_ID, d.id)),
    );
    const all = parseCsv(buildMetricsCsv(fullReport, domains.map(analyseDomain)).slice(1));
    expect(all).toHaveLength(1 + 153);
    const goodAir = record(all, '优良天数');
    expect([goodAir['数值'], goodAir['单位'], goodAir['目标'], goodAir['完成率'], goodAir['序时进度'], goodAir['差距(百分点)'], goodAir['状态']]).toEqual(
      ['66', '天', '190', '34.7', '47.7', '-13.0', '滞后'],
    );
    // A date the report does not state says so: "目前,全区注册志愿者达8万余人".
    expect(record(all, '注册志愿者')).toMatchObject({ 截至日期: '2017-06-27', 日期说明: '报告日期,未注明截至日期' });
    expect(record(all, '重大项目完成投资')).toMatchObject({ 截至日期: '2017-05-31', 日期说明: '同段投资统计为“1~5月份”,未注明截至日期' });
    // "约23万㎡回迁,占全年总任务的8%": the derived target at the precision of 8%, with its range.
    expect(record(all, '回迁面积')).toMatchObject({ 目标: '290', 目标类型: '年度目标(约数,由报告所列占比8%推算,在270~310之间)' });
    // "剩余段约188万平方米": an approximate task, so about 29%.
    expect(record(all, '场地整理')).toMatchObject({ 目标: '188', 目标类型: '任务总量(约数)', 完成率: '29' });
    // "突破1000项", "全区150个亿元以上…": qualifiers and ranks as printed.
    expect(record(all, '第一批专利资助')['限定词']).toBe('突破');
    expect(record(all, '省市重点项目投资')['排名']).toBe('完成投资、开工率市内六区第1');
    // No number anywhere is grouped or uses the typographic minus.
    for (const r of all.slice(1)) {
      for (const name of ['数值', '目标', '完成率', '序时进度', '差距(百分点)', '同比'] as const) {
        expect(r[column(all, name)]).toMatch(/^(-?\d+(\.\d+)?)?$/);
      }
    }
  });
});
