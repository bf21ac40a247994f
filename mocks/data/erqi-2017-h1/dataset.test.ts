/// <reference types="node" />
import fs from 'node:fs';
import path from 'node:path';
import {
  domainSchema,
  reportSchema,
  reportSourceSchema,
  type Domain,
  type Exclusion,
  type Metric,
  type SourceParagraph,
} from '../../../src/api/schemas';
import { domains, report, reportSource } from './index';
import { droppedLines, GAP_MARKER, joinFragments, LOST_TEXT, paragraphDrafts } from './source';

// The repository's own copy of the report (README.md beside it says what it is). Read without a
// fallback: a missing file must fail every test here, not turn into an empty text that proves nothing.
const REPORT_PATH = path.resolve(__dirname, 'report.txt');
const rawReport = fs.readFileSync(REPORT_PATH, 'utf8');
/** The report text with the markdown bold markers removed. */
const reportText = rawReport.replaceAll('**', '');
const reportLines = reportText
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.length > 0);

const NUMBER = /\d+(?:\.\d+)?/g;

/** The one-character Chinese numerals the report counts with ("两个民声互动栏目", "先后两次"). */
const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/**
 * A count written in Chinese numerals: a numeral and a measure word, not after 第 (an ordinal:
 * 第一批, 第一次). Names that contain numerals (“三员”, “六小”, 十六届, 二七区) have no measure word after them.
 */
const CHINESE_COUNT = /(?<!第)[一二两三四五六七八九十]+(?:个|次|季度|名|项|家|条|场|批)/gu;

/** The number a printed figure states, in digits ("94.3亿元") or a Chinese numeral ("两个"). */
function printedNumber(figure: string): number | undefined {
  const digits = figure.match(NUMBER)?.[0];
  if (digits !== undefined) return Number(digits);
  const numeral = [...figure].find((c) => c in CHINESE_DIGITS);
  return numeral === undefined ? undefined : CHINESE_DIGITS[numeral];
}

/** What a stated date looks like in the report's text. */
const DATE_PHRASES: Record<string, string> = {
  '2017-06-23': '截至6月23日',
  '2017-06-26': '截至6月26日',
  '2017-05-31': '1~5月份',
  '2017-05-09': '5月9日',
};

const DOMAIN_ORDER = [
  'economy',
  'air-pollution',
  'health-city-review',
  'civilized-city',
  'work-safety',
  'innovation-hub',
  'construction-waste',
  'greening',
  'garden-city',
  'rivers-yingtaogou',
  'warm-erqi',
  'resettlement-housing',
  'demolition-clearance',
  'land',
  'infrastructure',
];

/**
 * Quotes that had to span a layout break, so they occur only in the reassembled paragraph and not in
 * the printed text. Keep this list short; the test fails if an entry no longer spans a break.
 */
const SPANNING_QUOTES = new Set([
  'economy/metric/key-projects',
  'air-pollution/metric/relocating-firms',
  'air-pollution/metric/firms-relocated',
  'health-city-review/metric/model-streets',
  'innovation-hub/milestone/training-meeting-hosted',
  'greening/metric/pinghu-park',
  'greening/milestone/south-fourth-ring-corridor',
  'greening/milestone/pinghu-park-open',
  'economy/metric/key-projects-investment',
  'civilized-city/metric/moral-model-tours',
  'resettlement-housing/metric/finishing-works-area',
  'demolition-clearance/metric/vacated-not-demolished',
]);

const MEETING_DATES = new Set(['2017-06-27', '2017-06-23', '2017-06-26', '2017-05-31', '2017-05-09']);

function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count += 1;
  return count;
}

function decimals(value: number): number {
  return String(value).split('.')[1]?.length ?? 0;
}

/** The qualifier a printed figure carries: 余/多 more-than, 突破 passes, 近 nearly, 约 about, 以上 at-least. */
function qualifierOf(figure: string): Metric['qualifier'] {
  if (figure.startsWith('突破')) return 'passes';
  if (/余|多/.test(figure)) return 'more-than';
  if (figure.startsWith('近')) return 'nearly';
  if (figure.startsWith('约')) return 'about';
  if (figure.endsWith('以上')) return 'at-least';
  return 'exact';
}

interface QuoteOwner {
  key: string;
  domainId?: string;
  quote: string;
}

function quoteOwners(ds: readonly Domain[], exclusions: readonly Exclusion[]): QuoteOwner[] {
  return [
    ...ds.flatMap((d) => [
      ...d.metrics.map((m) => ({ key: `${d.id}/metric/${m.id}`, domainId: d.id, quote: m.source.quote })),
      ...d.milestones.map((m) => ({ key: `${d.id}/milestone/${m.id}`, domainId: d.id, quote: m.source.quote })),
    ]),
    ...exclusions.map((e, i) => ({ key: `exclusion/${i}/${e.figure}`, quote: e.quote })),
  ];
}

interface NumberToken {
  paragraphId: string;
  start: number;
  end: number;
  text: string;
  figureClaims: string[];
  otherClaims: string[];
}

/**
 * Accounts for every number printed in the reassembled report, by position: each digit run must be
 * claimed by a metric's figure, a target, share, year-on-year or rank the metric states, or an
 * exclusion's figure; and no digit run may be the figure of two things. Returns the problems found,
 * each naming the number and where it is.
 */
function accountForNumbers(
  paragraphs: readonly SourceParagraph[],
  ds: readonly Domain[],
  exclusions: readonly Exclusion[],
): string[] {
  const problems: string[] = [];
  const tokens = new Map<string, NumberToken[]>(
    paragraphs.map((p) => [
      p.id,
      [...p.text.matchAll(NUMBER)].map((match) => ({
        paragraphId: p.id,
        start: match.index,
        end: match.index + match[0].length,
        text: match[0],
        figureClaims: [],
        otherClaims: [],
      })),
    ]),
  );

  function locate(owner: string, quote: string): { paragraph: SourceParagraph; offset: number } | undefined {
    const hits = paragraphs.filter((p) => p.text.includes(quote));
    const paragraph = hits[0];
    if (hits.length !== 1 || !paragraph || countOccurrences(paragraph.text, quote) !== 1) {
      problems.push(`${owner}: quote 「${quote}」 must occur exactly once in the paragraphs`);
      return undefined;
    }
    return { paragraph, offset: paragraph.text.indexOf(quote) };
  }

  function claimFigure(owner: string, quote: string, figure: string): [number, number] | undefined {
    const at = locate(owner, quote);
    if (!at) return undefined;
    const index = quote.indexOf(figure);
    if (index === -1 || countOccurrences(quote, figure) !== 1) {
      problems.push(`${owner}: figure 「${figure}」 must occur exactly once in its quote 「${quote}」`);
      return undefined;
    }
    const start = at.offset + index;
    const end = start + figure.length;
    const inside = (tokens.get(at.paragraph.id) ?? []).filter((t) => t.end > start && t.start < end);
    for (const token of inside) {
      if (token.start < start || token.end > end) {
        problems.push(`${owner}: figure 「${figure}」 cuts the number ${token.text} in ${at.paragraph.id}`);
      } else {
        token.figureClaims.push(owner);
      }
    }
    if (inside.length === 0 && printedNumber(figure) === undefined) {
      problems.push(`${owner}: figure 「${figure}」 prints no number`);
    }
    return [start, end];
  }

  /** Claims a number the metric states besides its figure (target, share, yoy), inside its quote. */
  function claimInQuote(owner: string, quote: string, printed: string, figureSpan: [number, number]): boolean {
    const at = locate(owner, quote);
    if (!at) return false;
    const candidates = (tokens.get(at.paragraph.id) ?? []).filter(
      (t) => t.text === printed && t.start >= at.offset && t.end <= at.offset + quote.length,
    );
    const outsideFigure = candidates.find((t) => t.end <= figureSpan[0] || t.start >= figureSpan[1]);
    const chosen = outsideFigure ?? candidates[0];
    chosen?.otherClaims.push(owner);
    return chosen !== undefined;
  }

  for (const domain of ds) {
    for (const m of domain.metrics) {
      const owner = `${domain.id}/${m.id}`;
      const span = claimFigure(owner, m.source.quote, m.source.figure);
      if (!span) continue;
      if (m.target?.basis === 'stated') claimInQuote(owner, m.source.quote, String(m.target.value), span);
      if (m.target?.statedGap !== undefined) {
        if (!claimInQuote(owner, m.source.quote, String(m.target.statedGap), span)) {
          problems.push(`${owner}: stated gap ${m.target.statedGap} is not printed in its quote`);
        }
      }
      if (m.reportedProgressPct !== undefined) {
        if (!claimInQuote(owner, m.source.quote, String(m.reportedProgressPct), span)) {
          problems.push(`${owner}: reported share ${m.reportedProgressPct}% is not printed in its quote`);
        }
      }
      if (m.yoyPct !== undefined && !claimInQuote(owner, m.source.quote, String(m.yoyPct), span)) {
        problems.push(`${owner}: 同比增长 ${m.yoyPct}% is not printed in its quote`);
      }
      if (m.rank) {
        // A rank is printed in the same paragraph ("市内六区第1", "全市9个站点中排第1名").
        const paragraph = paragraphs.find((p) => p.text.includes(m.source.quote));
        const rankTokens = paragraph ? (tokens.get(paragraph.id) ?? []) : [];
        const scopeAt = paragraph ? paragraph.text.indexOf(m.rank.scope) : -1;
        for (const token of rankTokens) {
          const isPosition =
            token.text === String(m.rank.position) && paragraph?.text[token.start - 1] === '第';
          const inScope = scopeAt !== -1 && token.start >= scopeAt && token.end <= scopeAt + m.rank.scope.length;
          if (isPosition || inScope) token.otherClaims.push(owner);
        }
      }
    }
  }
  exclusions.forEach((e, i) => claimFigure(`exclusion ${i} (${e.figure})`, e.quote, e.figure));

  for (const list of tokens.values()) {
    for (const token of list) {
      const paragraph = paragraphs.find((p) => p.id === token.paragraphId);
      const context = paragraph?.text.slice(Math.max(0, token.start - 8), token.end + 6) ?? '';
      if (token.figureClaims.length > 1) {
        problems.push(`${token.text} in ${token.paragraphId} 「${context}」 is the figure of ${token.figureClaims.join(' and ')}`);
      }
      if (token.figureClaims.length + token.otherClaims.length === 0) {
        problems.push(`${token.text} in ${token.paragraphId} 「${context}」 is carried by no metric and no exclusion`);
      }
    }
  }
  return problems;
}

/**
 * Accounts for every count written in Chinese numerals ("两个民声互动栏目", "一季度"): each must be a
 * metric's figure, the text of a milestone, or an exclusion's figure. Returns the problems found.
 */
function accountForChineseCounts(
  paragraphs: readonly SourceParagraph[],
  ds: readonly Domain[],
  exclusions: readonly Exclusion[],
): string[] {
  const claims = [
    ...ds.flatMap((d) => d.metrics.map((m) => ({ quote: m.source.quote, figure: m.source.figure }))),
    ...ds.flatMap((d) => d.milestones.map((m) => ({ quote: m.source.quote, figure: '' }))),
    ...exclusions.map((e) => ({ quote: e.quote, figure: e.figure })),
  ];
  const problems: string[] = [];
  for (const p of paragraphs) {
    for (const match of p.text.matchAll(CHINESE_COUNT)) {
      const count = match[0];
      const claimed = claims.some(
        (c) => c.quote.includes(count) && p.text.includes(c.quote) && (c.figure === '' || c.figure.includes(count)),
      );
      if (!claimed) problems.push(`${count} in ${p.id} is carried by no metric, milestone or exclusion`);
    }
  }
  return problems;
}

function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

const allMetrics = domains.flatMap((d) => d.metrics.map((m) => ({ domain: d, metric: m })));
const paragraphs = reportSource.paragraphs;

function findMetric(domainId: string, metricId: string): Metric {
  const found = domains.find((d) => d.id === domainId)?.metrics.find((m) => m.id === metricId);
  if (!found) throw new Error(`no metric ${domainId}/${metricId}`);
  return found;
}

describe('erqi-2017-h1 report text', () => {
  it('is the repository’s own copy, beside this test', () => {
    expect(fs.existsSync(REPORT_PATH)).toBe(true);
    expect(reportText).toContain('关键词:主要经济指标');
  });
});

describe('erqi-2017-h1 data set: contract', () => {
  it('parses with the zod schemas, without extra or missing fields', () => {
    expect(reportSchema.parse(report)).toEqual(report);
    for (const domain of domains) expect(domainSchema.parse(domain)).toEqual(domain);
    expect(reportSourceSchema.parse(reportSource)).toEqual(reportSource);
  });

  it('has the report meta data', () => {
    expect(report).toMatchObject({
      id: 'erqi-2017-h1',
      district: '二七区',
      city: '郑州市',
      publishedOn: '2017-06-27',
      year: 2017,
    });
    expect(reportSource.reportId).toBe(report.id);
  });

  it('has 4 sections and 15 domains in report order', () => {
    expect(report.sections.map((s) => [s.id, s.title])).toEqual([
      ['results', '读数据 看成绩'],
      ['levers', '靠抓手 见成效'],
      ['structure', '调结构 重谋划'],
      ['livelihood', '保民生 促和谐'],
    ]);
    expect(domains.map((d) => d.id)).toEqual(DOMAIN_ORDER);
    expect(report.sections.flatMap((s) => s.domainIds)).toEqual(DOMAIN_ORDER);
    expect(report.domains.map((d) => d.id)).toEqual(DOMAIN_ORDER);
    expect(new Set(domains.map((d) => d.id)).size).toBe(15);
    for (const section of report.sections) {
      for (const id of section.domainIds) {
        expect(domains.find((d) => d.id === id)?.sectionId).toBe(section.id);
      }
    }
  });

  it('summarises each domain with its metric count', () => {
    expect(report.domains).toEqual(
      domains.map((d) => ({ id: d.id, name: d.name, sectionId: d.sectionId, metricCount: d.metrics.length })),
    );
  });

  it('names each domain exactly as printed after 关键词:', () => {
    for (const domain of domains) expect(reportLines).toContain(`关键词:${domain.name}`);
  });

  it('has unique metric and milestone ids per domain, and parents in the same domain', () => {
    for (const domain of domains) {
      const metricIds = domain.metrics.map((m) => m.id);
      expect(new Set(metricIds).size, domain.id).toBe(metricIds.length);
      const milestoneIds = domain.milestones.map((m) => m.id);
      expect(new Set(milestoneIds).size, domain.id).toBe(milestoneIds.length);
      for (const m of domain.metrics) {
        if (m.parentId === undefined) continue;
        expect(m.parentId, `${domain.id}/${m.id}`).not.toBe(m.id);
        const parent = domain.metrics.find((p) => p.id === m.parentId);
        expect(parent, `${domain.id}/${m.id} → ${m.parentId}`).toBeDefined();
        expect(parent?.parentId, `${domain.id}/${m.id}: parents are one level deep`).toBeUndefined();
      }
    }
  });
});

describe('erqi-2017-h1 data set: reassembled text', () => {
  it('builds every paragraph from verbatim fragments of the de-bolded report', () => {
    expect(paragraphDrafts.map((d) => d.id)).toEqual(paragraphs.map((p) => p.id));
    paragraphDrafts.forEach((draft, i) => {
      expect(paragraphs[i]?.text).toBe(joinFragments(draft.fragments));
      expect(draft.fragments[0], draft.id).not.toBe(LOST_TEXT);
      for (const fragment of draft.fragments) {
        if (typeof fragment === 'string') expect(reportText, draft.id).toContain(fragment);
      }
    });
    expect(reportText).not.toContain(GAP_MARKER);
  });

  it('uses every printed line exactly once, except captions and repeated keyword headings', () => {
    const fragments = paragraphDrafts.flatMap((d) => d.fragments.filter((f) => typeof f === 'string'));
    expect(tally([...fragments, ...droppedLines.map((l) => l.text)])).toEqual(tally(reportLines));
    expect(droppedLines.map((l) => l.text)).toEqual([
      '南水北调带状公园风景如画',
      '铭功路街道西彩社区',
      '关键词:安置房建设',
      '关键词:动迁清零',
    ]);
  });

  it('marks the three places where text was lost, the end of 安全生产 included', () => {
    const gaps = paragraphs.filter((p) => p.text.includes(GAP_MARKER));
    expect(gaps.map((p) => p.text.match(/.{3}\[…\].{0,3}/u)?.[0])).toEqual([
      '整治和[…]',
      '采取抬[…]方米。',
      '现供地[…]同时做',
    ]);
    // "深入开展重点行业领域专项整治和" is all that survives of 安全生产: it breaks off mid-sentence.
    expect(paragraphs.find((p) => p.id === 'work-safety-1')?.text).toMatch(/专项整治和\[…\]$/u);
  });

  it('keeps captions out of the paragraphs and heads them in order', () => {
    for (const caption of ['南水北调带状公园风景如画', '铭功路街道西彩社区']) {
      expect(paragraphs.some((p) => p.text.includes(caption))).toBe(false);
    }
    expect(paragraphs[0]?.kind).toBe('title');
    expect(paragraphs.filter((p) => p.kind === 'section').map((p) => p.text)).toEqual(
      report.sections.map((s) => `【${s.title}】`),
    );
    const keywords = paragraphs.filter((p) => p.kind === 'keyword');
    expect(keywords.map((p) => p.domainId)).toEqual(DOMAIN_ORDER);
    for (const p of keywords) {
      expect(p.text).toBe(`关键词:${domains.find((d) => d.id === p.domainId)?.name ?? ''}`);
    }
    // Every text paragraph after the first section belongs to the keyword that heads it.
    let current: string | undefined;
    for (const p of paragraphs) {
      if (p.kind === 'keyword') current = p.domainId;
      if (p.kind === 'section') current = undefined;
      if (p.kind === 'text' && p.id !== 'preface') expect(p.domainId, p.id).toBe(current);
    }
  });

  it('joins the continuations that the column layout split (README.md beside report.txt)', () => {
    const joined = [
      '49个省市重点项目共计完成投资',
      ';6家外迁企业已完成1家',
      '先后打造了兴华北街等18条',
      '举办“道德模范故事汇”巡演活动',
      '打造郑州市首家“点单”式志愿服务公众平台',
      '生态廊道持续加强和市园林局的对接沟通',
      '萍湖路以南区域建成并开放20余万平方米萍湖路综合性公园',
      '新植乔木25445棵',
      '承办市科技局',
      '激发群众力量广泛参与“温暖二七”建设的有效载体。第一批项目',
      ';滨河花园一期A地块',
      '其中,已搬空未拆除101万平方米,未搬空84万平方米。',
      '实现供地[…]同时做好与下游华侨城项目的设计对接。樱桃沟',
    ];
    const all = paragraphs.map((p) => p.text).join('');
    for (const text of joined) expect(all).toContain(text);
  });
});

describe('erqi-2017-h1 data set: sources', () => {
  const owners = quoteOwners(domains, reportSource.exclusions);

  it('quotes verbatim clauses that occur once in the reassembled text', () => {
    for (const owner of owners) {
      const hits = paragraphs.filter((p) => p.text.includes(owner.quote));
      expect(hits.length, `${owner.key}: 「${owner.quote}」`).toBe(1);
      expect(countOccurrences(hits[0]?.text ?? '', owner.quote), owner.key).toBe(1);
      expect(owner.quote, owner.key).not.toContain(GAP_MARKER);
      if (owner.domainId) expect(hits[0]?.domainId, owner.key).toBe(owner.domainId);
    }
  });

  it('quotes the printed text, except the few quotes that have to span a layout break', () => {
    for (const owner of owners) {
      expect(reportText.includes(owner.quote), `${owner.key}: 「${owner.quote}」`).toBe(
        !SPANNING_QUOTES.has(owner.key),
      );
    }
    for (const key of SPANNING_QUOTES) expect(owners.map((o) => o.key)).toContain(key);
  });

  it('prints each figure once inside its quote, with the value, unit and qualifier of the metric', () => {
    for (const { domain, metric: m } of allMetrics) {
      const key = `${domain.id}/${m.id}`;
      expect(countOccurrences(m.source.quote, m.source.figure), key).toBe(1);
      expect(printedNumber(m.source.figure), key).toBe(m.value);
      const bare = m.source.figure.replace(/余|多|近|约|以上|突破/g, '').replace(/^[一二两三四五六七八九十]/u, String(m.value));
      expect(bare, key).toBe(`${m.value}${m.unit}`);
      expect(m.qualifier, key).toBe(qualifierOf(m.source.figure));
      expect(MEETING_DATES.has(m.asOf), key).toBe(true);
    }
    for (const e of reportSource.exclusions) {
      expect(countOccurrences(e.quote, e.figure), e.figure).toBe(1);
      expect(printedNumber(e.figure), e.figure).toBeDefined();
    }
  });

  it('states targets, shares, year-on-year growth and ranks as printed', () => {
    for (const { domain, metric: m } of allMetrics) {
      const key = `${domain.id}/${m.id}`;
      if (m.reportedProgressPct !== undefined) {
        expect(m.source.quote, key).toContain(`${m.reportedProgressPct}%`);
      }
      if (m.yoyPct !== undefined) expect(m.source.quote, key).toContain(`同比增长${m.yoyPct}%`);
      if (m.rank) {
        const paragraph = paragraphs.find((p) => p.text.includes(m.source.quote))?.text ?? '';
        expect(paragraph, key).toContain(m.rank.scope);
        expect([`第${m.rank.position}`, '第一'].some((r) => paragraph.includes(r)), key).toBe(true);
        if (m.rank.tiedWith) expect(paragraph, key).toContain(`与${m.rank.tiedWith.join('、')}并列`);
        if (m.rank.subject) expect(paragraph, key).toContain(`${m.rank.subject}${m.rank.scope}第${m.rank.position}`);
      }
      const target = m.target;
      if (!target) continue;
      if (target.statedGap !== undefined) {
        // "比目标值(63)高21微克/立方米", "还有124天的差距": printed, and what the figures give.
        expect(m.source.quote, key).toMatch(new RegExp(`${target.statedGap}(?:${m.unit}|天的差距)`, 'u'));
        expect(Math.abs(m.value - target.value), key).toBeCloseTo(target.statedGap, 10);
      }
      if (target.basis === 'approximate') {
        // An approximate size used as the task: a metric of the domain prints it, with that qualifier.
        const size = domain.metrics.find((t) => t.id !== m.id && t.value === target.value && t.unit === m.unit);
        expect(size?.qualifier, `${key}: approximate task ${target.value}`).toBe(target.qualifier);
        expect(target.qualifier, key).not.toBe('exact');
      } else if (target.basis === 'derived') {
        // Derived from a stated share, rounded to at most one decimal more than the value printed.
        expect(m.reportedProgressPct, key).toBeDefined();
        const computed = m.value / ((m.reportedProgressPct ?? 100) / 100);
        expect(Math.abs(target.value - computed), key).toBeLessThanOrEqual(0.05);
        expect(decimals(target.value), key).toBeLessThanOrEqual(decimals(m.value) + 1);
      } else if (target.period === 'year') {
        // A yearly target printed beside the figure: "全年目标(190)", "目标值(63)".
        expect(m.source.quote, key).toContain(`(${target.value})`);
      } else if (target.value === m.value) {
        // "已全部整治完成", "全部启动": the whole task is the figure itself.
        expect(paragraphs.some((p) => p.text.includes(m.source.quote) && p.text.includes('全部')), key).toBe(true);
      } else {
        // A task total is itself a metric of the domain ("积存建筑垃圾总量105.9万立方米").
        const total = domain.metrics.find((t) => t.id !== m.id && t.value === target.value && t.unit === m.unit);
        expect(total, `${key}: task target ${target.value} is no metric of ${domain.id}`).toBeDefined();
      }
    }
  });
});

describe('erqi-2017-h1 data set: completeness', () => {
  it('keeps every number of the printed text in the reassembled paragraphs', () => {
    // Every digit run of the de-bolded report, by occurrence, minus those of the dropped lines (captions).
    const printed = [...(reportText.match(NUMBER) ?? [])];
    for (const dropped of droppedLines.flatMap((l) => l.text.match(NUMBER) ?? [])) {
      printed.splice(printed.indexOf(dropped), 1);
    }
    const reassembled = paragraphs.flatMap((p) => p.text.match(NUMBER) ?? []);
    expect(tally(reassembled)).toEqual(tally(printed));
    expect(printed).toHaveLength(198);
  });

  it('accounts for every printed number by a metric, a stated target/share/rank or an exclusion', () => {
    expect(accountForNumbers(paragraphs, domains, reportSource.exclusions)).toEqual([]);
  });

  it('accounts for the counts written in Chinese numerals as well ("两个民声互动栏目", "一季度")', () => {
    const counts = paragraphs.flatMap((p) => [...p.text.matchAll(CHINESE_COUNT)].map((m) => m[0]));
    expect(counts).toEqual(['两次', '一季度', '四个', '两个']);
    expect(accountForChineseCounts(paragraphs, domains, reportSource.exclusions)).toEqual([]);
    expect(findMetric('warm-erqi', 'interactive-columns')).toMatchObject({
      value: 2,
      unit: '个',
      source: { quote: '其中,“志愿汇”和“温暖帮”是两个民声互动栏目', figure: '两个' },
    });
    expect(reportSource.exclusions.find((e) => e.figure === '一季度')?.reason).toMatch(/不是计数/u);
    const without = domains.map((d) =>
      d.id === 'warm-erqi' ? { ...d, metrics: d.metrics.filter((m) => m.id !== 'interactive-columns') } : d,
    );
    expect(accountForChineseCounts(paragraphs, without, reportSource.exclusions)).toEqual([
      '两个 in warm-erqi-2 is carried by no metric, milestone or exclusion',
    ]);
  });

  it('names the figure when a metric or an exclusion is dropped', () => {
    const withoutMetric = domains.map((d) =>
      d.id === 'air-pollution' ? { ...d, metrics: d.metrics.filter((m) => m.id !== 'coal-inspections') } : d,
    );
    expect(accountForNumbers(paragraphs, withoutMetric, reportSource.exclusions)).toEqual([
      expect.stringMatching(/^45 in air-pollution-4 「.*督导行动45次.*」 is carried by no metric/u),
    ]);
    const withoutExclusion = reportSource.exclusions.filter((e) => e.figure !== '81中学');
    expect(accountForNumbers(paragraphs, domains, withoutExclusion)).toEqual([
      expect.stringMatching(/^81 in infrastructure-1 .* is carried by no metric/u),
    ]);
    const duplicated = [...reportSource.exclusions, { figure: '66天', quote: '共完成优良天气66天', reason: 'x' }];
    expect(accountForNumbers(paragraphs, domains, duplicated)).toEqual([
      expect.stringMatching(/^66 in air-pollution-1 .* is the figure of air-pollution\/good-air-days and exclusion/u),
    ]);
  });
});

describe('erqi-2017-h1 data set: spot checks', () => {
  it('good-air days: 66 of 190 as of 06-23', () => {
    expect(findMetric('air-pollution', 'good-air-days')).toMatchObject({
      value: 66,
      unit: '天',
      qualifier: 'exact',
      asOf: '2017-06-23',
      direction: 'higher',
      target: { value: 190, period: 'year', basis: 'stated' },
    });
  });

  it('PM2.5: 84 against 63, lower is better, first of the 9 stations', () => {
    expect(findMetric('air-pollution', 'pm25')).toMatchObject({
      value: 84,
      unit: '微克/立方米',
      asOf: '2017-06-23',
      direction: 'lower',
      target: { value: 63, period: 'year', basis: 'stated', statedGap: 21 },
      rank: { position: 1, scope: '全市9个站点', tiedWith: ['郑纺机', '岗李水库'] },
    });
  });

  it('GDP: 253亿元, +7.5%', () => {
    expect(findMetric('economy', 'gdp')).toMatchObject({ value: 253, unit: '亿元', yoyPct: 7.5, direction: 'higher' });
  });

  it('key projects: 94.3亿元 = 48.7% of 193.6 (derived), 1~5月份, first of 市内六区', () => {
    expect(findMetric('economy', 'key-projects-investment')).toMatchObject({
      value: 94.3,
      unit: '亿元',
      reportedProgressPct: 48.7,
      target: { value: 193.6, period: 'year', basis: 'derived' },
      asOf: '2017-05-31',
      rank: { position: 1, scope: '市内六区', subject: '完成投资、开工率' },
    });
  });

  it('construction waste: 88.28 of 105.9万立方米 = 83.36%, inner/outer below it', () => {
    expect(findMetric('construction-waste', 'waste-cleared')).toMatchObject({
      value: 88.28,
      unit: '万立方米',
      reportedProgressPct: 83.36,
      asOf: '2017-06-26',
      target: { value: 105.9, period: 'task', basis: 'stated' },
    });
    expect(findMetric('construction-waste', 'waste-cleared-inner')).toMatchObject({
      value: 15.36,
      reportedProgressPct: 83.93,
      parentId: 'waste-cleared',
    });
    expect(findMetric('construction-waste', 'waste-cleared-outer')).toMatchObject({
      value: 72.92,
      reportedProgressPct: 83.24,
      parentId: 'waste-cleared',
    });
  });

  it('resettlement: 约23万㎡ moved back = 8% of 287.5 (derived)', () => {
    expect(findMetric('resettlement-housing', 'move-back-area')).toMatchObject({
      value: 23,
      unit: '万㎡',
      qualifier: 'about',
      reportedProgressPct: 8,
      target: { value: 287.5, period: 'year', basis: 'derived' },
    });
  });

  it('dates figures by what the report says they hold for', () => {
    const asOf = (domainId: string, ids: string[]) => ids.map((id) => findMetric(domainId, id).asOf);
    // "1~5月份,49个省市重点项目…第1" — one sentence, dated by the report.
    expect(asOf('economy', ['key-projects', 'key-projects-investment', 'joint-approvals', 'projects-started'])).toEqual(
      Array(4).fill('2017-05-31'),
    );
    // The 150/170 sentence carries no period of its own: dated by its paragraph, as an inference.
    expect(asOf('economy', ['major-projects', 'major-projects-investment', 'gdp'])).toEqual([
      '2017-05-31',
      '2017-05-31',
      '2017-06-27',
    ]);
    expect(asOf('air-pollution', ['good-air-days', 'pm25', 'coal-subsidy'])).toEqual([
      '2017-06-23',
      '2017-06-23',
      '2017-05-09',
    ]);
    expect(asOf('construction-waste', ['waste-cleared', 'waste-cleared-inner', 'waste-cleared-outer'])).toEqual(
      Array(3).fill('2017-06-26'),
    );
  });

  it('approximate figures keep their qualifier', () => {
    expect(findMetric('health-city-review', 'manpower')).toMatchObject({ value: 9, unit: '万人', qualifier: 'more-than' });
    expect(findMetric('civilized-city', 'volunteers-serving')).toMatchObject({ value: 1.9, unit: '万名' });
    expect(findMetric('land', 'area-reviewed')).toMatchObject({ value: 2684.185, unit: '亩', qualifier: 'exact' });
    expect(findMetric('greening', 'canal-park-site-prep').source.figure).toBe('近55万平方米');
  });

  it('work safety: an honest note and no data', () => {
    const workSafety = domains.find((d) => d.id === 'work-safety');
    expect(workSafety?.note).toMatch(/\S/);
    expect(workSafety?.metrics).toEqual([]);
    expect(workSafety?.milestones).toEqual([]);
  });
});

describe('erqi-2017-h1 data set: read right (issue 12)', () => {
  const paragraphOf = (m: Metric) => paragraphs.find((p) => p.text.includes(m.source.quote))?.text ?? '';

  it('marks every date the report does not state as inferred, and says how', () => {
    for (const { domain, metric: m } of allMetrics) {
      const key = `${domain.id}/${m.id}`;
      const phrase = DATE_PHRASES[m.asOf];
      if (m.asOfStated) {
        // A stated date is printed in the figure's paragraph ("截至6月23日", "1~5月份").
        expect(phrase, key).toBeDefined();
        expect(paragraphOf(m), key).toContain(phrase);
        expect(m.asOfNote, key).toBeUndefined();
      } else if (m.asOf === report.publishedOn) {
        expect(m.asOfNote, key).toBe('报告日期');
      } else {
        // Inferred from context: the date's phrase is in the paragraph, and the note says so.
        expect(paragraphOf(m), key).toContain(phrase);
        expect(m.asOfNote, key).toMatch(/同段/u);
      }
    }
    // "目前,全区注册志愿者达8万余人": no date, so not "数据截至2017年6月27日" without saying it is assumed.
    expect(findMetric('civilized-city', 'registered-volunteers')).toMatchObject({
      asOf: '2017-06-27',
      asOfStated: false,
      asOfNote: '报告日期',
    });
    expect(allMetrics.filter(({ metric: m }) => !m.asOfStated).length).toBeGreaterThan(100);
  });

  it('dates the 150 major projects’ 170亿元 by its paragraph of “1~5月份” investment statistics', () => {
    const paragraph = paragraphOf(findMetric('economy', 'major-projects-investment'));
    expect(paragraph).toMatch(/1~5月份,49个省市重点项目共计完成投资94\.3亿元.*全区150个亿元以上重大项目完成投资170亿元,占年度计划的36%/u);
    for (const id of ['major-projects', 'major-projects-investment']) {
      expect(findMetric('economy', id)).toMatchObject({
        asOf: '2017-05-31',
        asOfStated: false,
        asOfNote: '同段投资统计为“1~5月份”',
      });
    }
  });

  it('says per metric whether a straight-line projection applies: not for 回迁 or 开工, delivered in batches', () => {
    const batched = allMetrics.filter(({ metric: m }) => m.projection === false).map(({ domain, metric: m }) => `${domain.id}/${m.id}`);
    expect(batched).toEqual(['resettlement-housing/piling-area', 'resettlement-housing/move-back-area']);
    // "实现2个项目约23万㎡回迁,占全年总任务的8%。齐礼阎安置区2、3号院50万㎡已完成竣工验收待分配;
    //  滨河花园一期A地块、刘胡垌一期等项目65万㎡正在竣工前扫尾工程施工;…150万㎡主体已封顶"
    const moveBack = findMetric('resettlement-housing', 'move-back-area');
    const stages = (moveBack.pipeline ?? []).map((id) => findMetric('resettlement-housing', id));
    expect(stages.map((m) => [m.label, m.value, m.unit])).toEqual([
      ['已竣工验收待分配', 50, '万㎡'],
      ['竣工前扫尾施工中', 65, '万㎡'],
      ['主体已封顶', 150, '万㎡'],
    ]);
    expect(stages.map((m) => m.source.quote)).toEqual([
      '齐礼阎安置区2、3号院50万㎡已完成竣工验收待分配',
      '滨河花园一期A地块、刘胡垌一期等项目65万㎡正在竣工前扫尾工程施工',
      '二七新区南、北安置区一期、冯庄等5个项目150万㎡主体已封顶',
    ]);
    const piling = findMetric('resettlement-housing', 'piling-area');
    expect((piling.pipeline ?? []).map((id) => findMetric('resettlement-housing', id).source.quote)).toEqual([
      '二七新区南安置区等4个项目正在加快办理前期建设手续',
      '侯寨新镇区等4个项目正在进行地表清理',
      '荆寨红花寺等5个项目正在进行控规方案编制报批',
    ]);
    // Every pipeline names metrics of its own paragraph, on a metric with no projection.
    for (const { domain, metric: m } of allMetrics) {
      if (m.pipeline === undefined) continue;
      expect(m.projection, m.id).toBe(false);
      for (const id of m.pipeline) {
        const stage = domain.metrics.find((s) => s.id === id);
        expect(stage, `${m.id} → ${id}`).toBeDefined();
        expect(paragraphOf(m), `${m.id} → ${id}`).toContain(stage?.source.quote ?? '(none)');
      }
    }
  });

  it('keeps the PM2.5 tie: "全市9个站点中排第1名(与郑纺机、岗李水库并列)"', () => {
    const pm25 = findMetric('air-pollution', 'pm25');
    expect(paragraphOf(pm25)).toContain('全市9个站点中排第1名(与郑纺机、岗李水库并列)');
    expect(pm25.rank).toEqual({ position: 1, scope: '全市9个站点', tiedWith: ['郑纺机', '岗李水库'] });
  });

  it('carries the report’s own framing of the PM2.5 gap: "比目标值(63)高21微克/立方米"', () => {
    expect(findMetric('air-pollution', 'pm25').target).toEqual({ value: 63, period: 'year', basis: 'stated', statedGap: 21 });
    expect(findMetric('air-pollution', 'good-air-days').target?.statedGap).toBe(124);
    // No exclusion claims the analysis computes what the report printed.
    expect(reportSource.exclusions.map((e) => e.figure)).not.toContain('21微克/立方米');
    expect(reportSource.exclusions.map((e) => e.figure)).not.toContain('124天');
  });

  it('keeps 突破 as its own qualifier: "2017年第一批专利资助突破1000项"', () => {
    expect(findMetric('innovation-hub', 'patent-grants')).toMatchObject({
      value: 1000,
      unit: '项',
      qualifier: 'passes',
      source: { figure: '突破1000项' },
    });
  });

  it('keeps the approximate task approximate: "南水北调生态文化公园剩余段约188万平方米绿化建设"', () => {
    for (const id of ['canal-park-site-prep', 'canal-park-greened']) {
      expect(findMetric('greening', id).target).toEqual({ value: 188, period: 'task', basis: 'approximate', qualifier: 'about' });
    }
    expect(findMetric('greening', 'canal-park-remaining').source.figure).toBe('约188万平方米');
    // No target is "stated" unless the report prints it as a target or as the whole of the task.
    const stated = allMetrics.filter(({ metric: m }) => m.target?.basis === 'stated');
    for (const { metric: m } of stated) expect(m.target?.qualifier, m.id).toBeUndefined();
  });

  it('quotes keep their meaning across a layout break', () => {
    // "其中,已搬空" | "未拆除101万平方米": vacated, not yet demolished.
    expect(findMetric('demolition-clearance', 'vacated-not-demolished').source.quote).toBe('已搬空未拆除101万平方米');
    // "滨河" | "花园一期A地块、刘胡垌一期等项目65万㎡…": both projects.
    expect(findMetric('resettlement-housing', 'finishing-works-area').source.quote).toMatch(/^滨河花园一期A地块、刘胡垌一期/u);
    // No quote starts where a printed line continues a sentence: it spans the break instead. (After
    // lost text there is nothing to span to.)
    const continuations = paragraphDrafts.flatMap((d) =>
      d.fragments.filter((f, i): f is string => i > 0 && typeof f === 'string' && typeof d.fragments[i - 1] === 'string'),
    );
    const atBreak = quoteOwners(domains, []).filter((owner) => continuations.some((line) => line.startsWith(owner.quote)));
    expect(atBreak.map((o) => `${o.key}: 「${o.quote}」`)).toEqual([]);
  });

  it('labels keep their context', () => {
    // "2人入选一季度郑州市文明市民"
    expect(findMetric('civilized-city', 'model-citizens').label).toBe('一季度郑州市文明市民');
    // "已建成或即将建成各类“温暖二七”建设项目服务站点近200个"
    expect(findMetric('warm-erqi', 'service-points').label).toBe('已建成或即将建成服务站点');
    // "省市重点项目完成投资、开工率市内六区第1": the rank covers both.
    expect(findMetric('economy', 'key-projects-investment').rank?.subject).toBe('完成投资、开工率');
    // The talking point says so too.
    expect(findMetric('economy', 'key-projects-investment').rank).toEqual({
      position: 1,
      scope: '市内六区',
      subject: '完成投资、开工率',
    });
  });
});
