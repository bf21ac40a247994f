import {
  CURRENT_REPORT_ID,
  getDomain,
  getReport,
  getReportSource,
  type Exclusion,
  type SourceParagraph,
} from '../../api';
import { testApi } from '../../testing/api-client';
import { figureAnchorId, locateFigures, type LocatableMetric, type Segment } from './locate-figures';

function paragraph(id: string, text: string, domainId?: string): SourceParagraph {
  return { id, kind: 'text', text, ...(domainId === undefined ? {} : { domainId }) };
}

function metric(domainId: string, id: string, quote: string, figure: string): LocatableMetric {
  return { domainId, metric: { id, source: { quote, figure } } };
}

/** A segment list written compactly: plain text as is, a metric as [id], an exclusion as {figure}. */
function show(segments: Segment<LocatableMetric>[]): string {
  return segments
    .map((s) => {
      if (s.kind === 'text') return s.text;
      if (s.kind === 'metric') {
        const shared = s.sharing.map((m) => `+${m.metric.id}`).join('');
        return `[${s.item.metric.id}${shared}:${s.text}]`;
      }
      return `{${s.text}}`;
    })
    .join('');
}

const AIR = paragraph(
  'air-1',
  '截至6月23日,共完成优良天气66天,距离全年目标(190)还有124天的差距;PM2.5年累积浓度84微克/立方米,比目标值(63)高21微克/立方米。',
  'air-pollution',
);

describe('locateFigures', () => {
  it('wraps each figure inside its quote and leaves the rest as text', () => {
    const result = locateFigures(
      [AIR],
      [
        metric('air-pollution', 'good-air-days', '共完成优良天气66天,距离全年目标(190)还有124天的差距', '66天'),
        metric('air-pollution', 'pm25', 'PM2.5年累积浓度84微克/立方米,比目标值(63)高21微克/立方米', '84微克/立方米'),
      ],
      [],
    );
    expect(show(result.paragraphs[0]!.segments)).toBe(
      '截至6月23日,共完成优良天气[good-air-days:66天],距离全年目标(190)还有124天的差距;PM2.5年累积浓度[pm25:84微克/立方米],比目标值(63)高21微克/立方米。',
    );
    expect(result.unlocated).toEqual([]);
  });

  it('finds the figure inside the quote, not an earlier equal text in the paragraph', () => {
    const p = paragraph('p', '新建游园2个,改造游园2个。', 'greening');
    const result = locateFigures([p], [metric('greening', 'parks-renovated', '改造游园2个', '2个')], []);
    expect(show(result.paragraphs[0]!.segments)).toBe('新建游园2个,改造游园[parks-renovated:2个]。');
  });

  it('keeps the text exactly: the segments concatenate back to the paragraph', () => {
    const result = locateFigures(
      [AIR],
      [metric('air-pollution', 'good-air-days', '共完成优良天气66天', '66天')],
      [{ figure: '6月23日', quote: '截至6月23日', reason: '截止日期' }],
    );
    expect(result.paragraphs[0]!.segments.map((s) => s.text).join('')).toBe(AIR.text);
  });

  it('marks excluded figures with their reason and index', () => {
    const exclusions: Exclusion[] = [
      { figure: '124天', quote: '还有124天的差距', reason: '由目标减去已完成得出' },
      { figure: '21微克/立方米', quote: '高21微克/立方米', reason: '差值' },
    ];
    const result = locateFigures([AIR], [], exclusions);
    const excluded = result.paragraphs[0]!.segments.filter((s) => s.kind === 'excluded');
    expect(excluded.map((s) => [s.text, s.exclusion.reason, s.index])).toEqual([
      ['124天', '由目标减去已完成得出', 0],
      ['21微克/立方米', '差值', 1],
    ]);
    expect(result.unplacedExclusions).toEqual([]);
  });

  it('lets quotes overlap as long as the figures do not (a date clause around a metric quote)', () => {
    const result = locateFigures(
      [AIR],
      [metric('air-pollution', 'good-air-days', '共完成优良天气66天,距离全年目标(190)', '66天')],
      [{ figure: '6月23日', quote: '截至6月23日,共完成优良天气66天', reason: '截止日期' }],
    );
    expect(show(result.paragraphs[0]!.segments)).toMatch(/^截至\{6月23日\},共完成优良天气\[good-air-days:66天\],/);
  });

  it('gives two metrics quoting the same clause each their own occurrence of an equal figure', () => {
    const p = paragraph('p', '完成5家,其余5家全部停产。', 'air-pollution');
    const quote = '完成5家,其余5家全部停产';
    const result = locateFigures([p], [metric('air-pollution', 'a', quote, '5家'), metric('air-pollution', 'b', quote, '5家')], []);
    expect(show(result.paragraphs[0]!.segments)).toBe('完成[a:5家],其余[b:5家]全部停产。');
  });

  it('never wraps the same characters twice: a metric whose only place is taken shares it', () => {
    const p = paragraph('p', '共签约19个重大项目。', 'economy');
    const result = locateFigures(
      [p],
      [metric('economy', 'first', '签约19个重大项目', '19个'), metric('economy', 'second', '19个重大项目', '19个')],
      [],
    );
    const segments = result.paragraphs[0]!.segments;
    expect(show(segments)).toBe('共签约[first+second:19个]重大项目。');
    expect(segments.filter((s) => s.kind === 'metric')).toHaveLength(1);
    expect(result.unlocated).toEqual([]);
  });

  it('shares a figure that only partly overlaps an earlier claim rather than splitting it', () => {
    const p = paragraph('p', '拆迁9万余平方米。', 'demolition-clearance');
    const result = locateFigures(
      [p],
      [metric('demolition-clearance', 'whole', '拆迁9万余平方米', '9万余平方米'), metric('demolition-clearance', 'part', '拆迁9万', '9万')],
      [],
    );
    expect(show(result.paragraphs[0]!.segments)).toBe('拆迁[whole+part:9万余平方米]。');
  });

  it('never lets an exclusion take a metric’s characters', () => {
    const result = locateFigures(
      [AIR],
      [metric('air-pollution', 'good-air-days', '共完成优良天气66天', '66天')],
      [{ figure: '66天', quote: '优良天气66天', reason: '重复' }],
    );
    expect(show(result.paragraphs[0]!.segments)).toContain('[good-air-days:66天]');
    expect(result.paragraphs[0]!.segments.some((s) => s.kind === 'excluded')).toBe(false);
    expect(result.unplacedExclusions).toEqual([{ figure: '66天', quote: '优良天气66天', reason: '重复' }]);
  });

  it('places the same excluded figure twice when two exclusions quote two places', () => {
    const title = { ...paragraph('title', '2017已过半,看看期中成绩单'), kind: 'title' as const };
    const preface = paragraph('preface', '2017已经过半,各项任务完成得怎么样?');
    const result = locateFigures(
      [title, preface],
      [],
      [
        { figure: '2017', quote: '2017已过半', reason: '年份(标题)' },
        { figure: '2017', quote: '2017已经过半', reason: '年份(导语)' },
      ],
    );
    expect(result.paragraphs.map((p) => show(p.segments))).toEqual(['{2017}已过半,看看期中成绩单', '{2017}已经过半,各项任务完成得怎么样?']);
  });

  it('prefers the paragraphs of the metric’s own domain when a quote occurs in two domains', () => {
    const a = paragraph('a', '新建游园2个。', 'greening');
    const b = paragraph('b', '新建游园2个。', 'garden-city');
    const result = locateFigures([a, b], [metric('garden-city', 'parks', '新建游园2个', '2个')], []);
    expect(result.paragraphs.map((p) => show(p.segments))).toEqual(['新建游园2个。', '新建游园[parks:2个]。']);
  });

  it('falls back to all paragraphs when the quote is not in the domain’s own', () => {
    const a = paragraph('a', '以南区域建成并开放20余万平方米萍湖路综合性公园。', 'garden-city');
    const result = locateFigures([a], [metric('greening', 'pinghu-park', '建成并开放20余万平方米萍湖路综合性公园', '20余万平方米')], []);
    expect(show(result.paragraphs[0]!.segments)).toBe('以南区域建成并开放[pinghu-park:20余万平方米]萍湖路综合性公园。');
  });

  it('finds a quote that spans two fragments of a reassembled paragraph', () => {
    const p = paragraph('p', '1~5月份,49个省市重点' + '项目共计完成投资94.3亿元', 'economy');
    const result = locateFigures([p], [metric('economy', 'key-projects', '49个省市重点项目共计完成投资94.3亿元', '94.3亿元')], []);
    expect(show(result.paragraphs[0]!.segments)).toBe('1~5月份,49个省市重点项目共计完成投资[key-projects:94.3亿元]');
  });

  it('lists metrics it cannot place instead of dropping them or failing', () => {
    const missingQuote = metric('air-pollution', 'missing-quote', '这句话不在原文中', '66天');
    const missingFigure = metric('air-pollution', 'missing-figure', '共完成优良天气66天', '67天');
    const emptyFigure = metric('air-pollution', 'empty-figure', '共完成优良天气66天', '');
    const result = locateFigures([AIR], [missingQuote, missingFigure, emptyFigure], [
      { figure: '5月9日', quote: '5月9日拨付', reason: '不在本段' },
    ]);
    expect(result.unlocated).toEqual([missingQuote, missingFigure, emptyFigure]);
    expect(result.unplacedExclusions).toHaveLength(1);
    expect(show(result.paragraphs[0]!.segments)).toBe(AIR.text);
  });

  it('copes with no paragraphs and an empty paragraph', () => {
    expect(locateFigures([], [metric('d', 'm', 'q', 'f')], []).unlocated).toHaveLength(1);
    const result = locateFigures([paragraph('empty', '')], [], []);
    expect(result.paragraphs[0]!.segments).toEqual([{ kind: 'text', text: '' }]);
  });

  it('puts a figure at the very start and the very end of a paragraph', () => {
    const p = paragraph('p', '66天到190天', 'd');
    const result = locateFigures([p], [metric('d', 'a', '66天到', '66天'), metric('d', 'b', '到190天', '190天')], []);
    expect(show(result.paragraphs[0]!.segments)).toBe('[a:66天]到[b:190天]');
  });
});

describe('figureAnchorId', () => {
  it('names the anchor the domain page links to', () => {
    expect(figureAnchorId('air-pollution', 'good-air-days')).toBe('fig-air-pollution-good-air-days');
  });
});

describe('locateFigures on the report itself (through the mocked API)', () => {
  it('places every one of the 153 metrics and every exclusion, each on its own characters', async () => {
    const report = await getReport(testApi, CURRENT_REPORT_ID);
    const source = await getReportSource(testApi, CURRENT_REPORT_ID);
    const domains = await Promise.all(
      report.domains.map((d) => getDomain(testApi, CURRENT_REPORT_ID, d.id)),
    );
    const metrics = domains.flatMap((d) => d.metrics.map((m) => ({ domainId: d.id, metric: m })));
    expect(metrics).toHaveLength(153);

    const result = locateFigures(source.paragraphs, metrics, source.exclusions);
    expect(result.unlocated.map((m) => `${m.domainId}/${m.metric.id}`)).toEqual([]);
    expect(result.unplacedExclusions).toEqual([]);

    const segments = result.paragraphs.flatMap((p) => p.segments);
    const wrapped = segments.filter((s) => s.kind === 'metric');
    const placed = wrapped.flatMap((s) => [s.item, ...s.sharing]);
    expect(new Set(placed.map((m) => `${m.domainId}/${m.metric.id}`)).size).toBe(153);
    expect(wrapped.every((s) => s.text === s.item.metric.source.figure)).toBe(true);
    expect(segments.filter((s) => s.kind === 'excluded')).toHaveLength(source.exclusions.length);
    // Nothing was lost or duplicated on the way: each paragraph reads exactly as served.
    for (const { paragraph, segments: parts } of result.paragraphs) expect(parts.map((s) => s.text).join('')).toBe(paragraph.text);
  });
});
