import {
  MINUS,
  formatAssumedDateMark,
  formatAsOf,
  formatDate,
  formatFigure,
  formatFigureParts,
  formatMagnitude,
  formatNumber,
  type NumberFormatOptions,
  formatPct,
  formatPts,
  formatRank,
  formatShortAsOf,
  formatShortDate,
  formatStatedPct,
  formatTime,
  roundTo,
} from './index';
import type { FigureLike } from './index';

const fig = (value: number, unit: string, qualifier: FigureLike['qualifier'] = 'exact', printed?: string): FigureLike =>
  printed === undefined ? { value, unit, qualifier } : { value, unit, qualifier, source: { figure: printed } };

describe('formatNumber', () => {
  it('groups with zh-CN separators and keeps the printed decimals', () => {
    expect(formatNumber(25445)).toBe('25,445');
    expect(formatNumber(2684.185)).toBe('2,684.185');
    expect(formatNumber(272.4585)).toBe('272.4585');
    expect(formatNumber(1198.91)).toBe('1,198.91');
    expect(formatNumber(105.9)).toBe('105.9');
    expect(formatNumber(83.36)).toBe('83.36');
    expect(formatNumber(253)).toBe('253');
    expect(formatNumber(0)).toBe('0');
  });

  it('prints what Intl.NumberFormat("zh-CN") prints, for thousands of values and every rounding we use', () => {
    // A fixed-seed generator: the same values every run, spread over halves, carries, floats' noise,
    // and magnitudes that JavaScript writes with an exponent (1e+21, 1e-7).
    let seed = 20170630;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const values = [0.5, 1.5, 2.5, 0.05, 0.15, 1.005, 2.675, 9.995, 999.95, 99999.5, 0.30000000000000004, 1e21, 1.5e22, 1e-7, 1.23e-8, 123456789.9876543];
    for (let i = 0; i < 3000; i++) {
      const magnitude = 10 ** Math.floor(random() * 14 - 4);
      const digits = Math.floor(random() * 6);
      values.push(Number((random() * magnitude).toFixed(digits)), random() * magnitude, Math.round(random() * 20000) / 8);
    }
    const reference = (min: number, max: number) => new Intl.NumberFormat('zh-CN', { minimumFractionDigits: min, maximumFractionDigits: max });
    const settings: [NumberFormatOptions, Intl.NumberFormat][] = [
      [{}, reference(0, 10)],
      [{ fractionDigits: 0 }, reference(0, 0)],
      [{ fractionDigits: 1 }, reference(1, 1)],
      [{ fractionDigits: 2 }, reference(2, 2)],
    ];
    const mismatches: string[] = [];
    for (const value of values) {
      for (const [options, intl] of settings) {
        if (formatNumber(value, options) !== intl.format(value)) mismatches.push(`${value} ${JSON.stringify(options)}: ${formatNumber(value, options)} ≠ ${intl.format(value)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('hides float noise from arithmetic', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
  });

  it('rounds to fixed decimals when asked', () => {
    expect(formatNumber(34.736842, { fractionDigits: 1 })).toBe('34.7');
    expect(formatNumber(10, { fractionDigits: 1 })).toBe('10.0');
    expect(formatNumber(19360.5, { fractionDigits: 0 })).toBe('19,361');
  });

  it('uses a true minus sign, and no sign on a value that rounds to zero', () => {
    expect(formatNumber(-3.5)).toBe(`${MINUS}3.5`);
    expect(formatNumber(-1234.5)).toBe(`${MINUS}1,234.5`);
    expect(formatNumber(-0.04, { fractionDigits: 1 })).toBe('0.0');
    expect(formatNumber(-0)).toBe('0');
  });

  it('does not print NaN or Infinity', () => {
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('–');
  });
});

describe('formatFigure', () => {
  it('prints exact figures as number + unit', () => {
    expect(formatFigure(fig(253, '亿元'))).toBe('253亿元');
    expect(formatFigure(fig(25445, '棵'))).toBe('25,445棵');
    expect(formatFigure(fig(97.7, '%'))).toBe('97.7%');
    expect(formatFigure(fig(2684.185, '亩'))).toBe('2,684.185亩');
  });

  it('puts 近 and 约 before the number', () => {
    expect(formatFigure(fig(55, '万平方米', 'nearly'))).toBe('近55万平方米');
    expect(formatFigure(fig(120, '万元', 'nearly'))).toBe('近120万元');
    expect(formatFigure(fig(175, '吨', 'about'))).toBe('约175吨');
    expect(formatFigure(fig(68.33, '亿元', 'about'))).toBe('约68.33亿元');
    expect(formatFigure(fig(167, '万㎡', 'about'))).toBe('约167万㎡');
  });

  it('prints 突破 as printed, before the number, never as 余 ("2017年第一批专利资助突破1000项")', () => {
    expect(formatFigure(fig(1000, '项', 'passes', '突破1000项'))).toBe('突破1,000项');
    expect(formatFigureParts(fig(1000, '项', 'passes'))).toMatchObject({ prefix: '突破', number: '1,000', suffix: '', unit: '项' });
    expect(formatFigure(fig(1000, '项', 'passes'))).not.toContain('余');
  });

  it('puts 以上 after the unit', () => {
    expect(formatFigure(fig(85, '%', 'at-least'))).toBe('85%以上');
    expect(formatFigure(fig(90, '%', 'at-least'))).toBe('90%以上');
  });

  it('puts 余 after the number for plain units', () => {
    expect(formatFigure(fig(200, '人', 'more-than'))).toBe('200余人');
    expect(formatFigure(fig(650, '场', 'more-than'))).toBe('650余场');
    expect(formatFigure(fig(700, '处', 'more-than'))).toBe('700余处');
    expect(formatFigure(fig(5400, '人', 'more-than'))).toBe('5,400余人');
    expect(formatFigure(fig(6300, '平方米', 'more-than'))).toBe('6,300余平方米');
  });

  it('puts 余 after 万/亿 unless the number is round (rule used when the printed form is unknown)', () => {
    expect(formatFigure(fig(9, '万人', 'more-than'))).toBe('9万余人');
    expect(formatFigure(fig(8, '万人', 'more-than'))).toBe('8万余人');
    expect(formatFigure(fig(6, '万人', 'more-than'))).toBe('6万余人');
    expect(formatFigure(fig(1.9, '万名', 'more-than'))).toBe('1.9万余名');
    expect(formatFigure(fig(20, '万平方米', 'more-than'))).toBe('20余万平方米');
    expect(formatFigure(fig(8000, '万元', 'more-than'))).toBe('8,000余万元');
  });

  it('follows the printed figure where the report differs from the rule', () => {
    expect(formatFigure(fig(10, '万平方米', 'more-than'))).toBe('10余万平方米');
    expect(formatFigure(fig(10, '万平方米', 'more-than', '10万余'))).toBe('10万余平方米');
    expect(formatFigure(fig(1000, '亿元', 'more-than', '1000多亿元'))).toBe('1,000多亿元');
    expect(formatFigure(fig(9, '万人', 'more-than', '9万余人'))).toBe('9万余人');
    expect(formatFigure(fig(1000, '亿元', 'more-than'), { moreThanWord: '多' })).toBe('1,000多亿元');
    expect(formatFigure(fig(20, '万平方米', 'more-than'), { moreThanPlacement: 'after-magnitude' })).toBe(
      '20万余平方米',
    );
  });

  it('splits a figure into parts that concatenate to the text', () => {
    const cases: [FigureLike, Partial<ReturnType<typeof formatFigureParts>>][] = [
      [fig(55, '万平方米', 'nearly'), { prefix: '近', number: '55', suffix: '', unit: '万平方米', postfix: '' }],
      [fig(9, '万人', 'more-than'), { prefix: '', number: '9', suffix: '万余', unit: '人', postfix: '' }],
      [fig(200, '人', 'more-than'), { prefix: '', number: '200', suffix: '余', unit: '人', postfix: '' }],
      [fig(85, '%', 'at-least'), { prefix: '', number: '85', suffix: '', unit: '%', postfix: '以上' }],
      [fig(66, '天'), { prefix: '', number: '66', suffix: '', unit: '天', postfix: '' }],
    ];
    for (const [input, expected] of cases) {
      const parts = formatFigureParts(input);
      expect(parts).toMatchObject(expected);
      expect(parts.prefix + parts.number + parts.suffix + parts.unit + parts.postfix).toBe(parts.text);
    }
  });

  it('handles an empty unit', () => {
    expect(formatFigure(fig(17, ''))).toBe('17');
    expect(formatFigure(fig(80, '', 'more-than'))).toBe('80余');
  });
});

describe('percentages', () => {
  it('formatPct gives one decimal', () => {
    expect(formatPct(34.736842)).toBe('34.7%');
    expect(formatPct(47.671233)).toBe('47.7%');
    expect(formatPct(100)).toBe('100.0%');
    expect(formatPct(-2)).toBe(`${MINUS}2.0%`);
  });

  it('formatStatedPct keeps the printed decimals', () => {
    expect(formatStatedPct(83.36)).toBe('83.36%');
    expect(formatStatedPct(56)).toBe('56%');
    expect(formatStatedPct(48.7)).toBe('48.7%');
  });

  it('formatPts is always signed, with U+2212', () => {
    expect(formatPts(-13)).toBe('\u221213.0 个百分点');
    expect(formatPts(1)).toBe('+1.0 个百分点');
    expect(formatPts(7.33)).toBe('+7.3 个百分点');
    expect(formatPts(0)).toBe('0.0 个百分点');
    expect(formatPts(-0.04)).toBe('0.0 个百分点');
  });
});

describe('formatMagnitude', () => {
  it('uses 亿 from 1e8 and 万 from 1e4', () => {
    expect(formatMagnitude(19360000000, '元')).toBe('193.6亿元');
    expect(formatMagnitude(25300000000, '元')).toBe('253亿元');
    expect(formatMagnitude(100000000, '元')).toBe('1亿元');
    expect(formatMagnitude(99999999, '元')).toBe('10,000万元');
    expect(formatMagnitude(1059000, '立方米')).toBe('105.9万立方米');
    expect(formatMagnitude(10000, '人')).toBe('1万人');
    expect(formatMagnitude(9999, '人')).toBe('9,999人');
    expect(formatMagnitude(51310000, '美元')).toBe('5,131万美元');
    expect(formatMagnitude(-19360000000, '元')).toBe(`${MINUS}193.6亿元`);
  });

  it('rounds to at most the given decimals', () => {
    expect(formatMagnitude(6833000000, '元')).toBe('68.33亿元');
    expect(formatMagnitude(6833333333, '元')).toBe('68.33亿元');
    expect(formatMagnitude(6833333333, '元', 1)).toBe('68.3亿元');
    expect(formatMagnitude(1234)).toBe('1,234');
  });
});

describe('roundTo', () => {
  it('rounds halves away from zero', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-12.25, 1)).toBe(-12.3);
    expect(roundTo(34.7 - 47.7, 1)).toBe(-13);
    expect(roundTo(8379 / 191, 1)).toBe(43.9);
  });
});

describe('formatRank', () => {
  it('keeps a tie a tie: "全市9个站点中排第1名(与郑纺机、岗李水库并列)"', () => {
    expect(formatRank({ position: 1, scope: '全市9个站点', tiedWith: ['郑纺机', '岗李水库'] })).toBe(
      '全市9个站点中与郑纺机、岗李水库并列第1',
    );
  });

  it('says what is ranked when it is more than the metric: "完成投资、开工率市内六区第1"', () => {
    expect(formatRank({ position: 1, scope: '市内六区', subject: '完成投资、开工率' })).toBe('完成投资、开工率市内六区第1');
    expect(formatRank({ position: 1, scope: '全市各区' })).toBe('全市各区第1');
  });
});

describe('dates and times', () => {
  it('formats ISO dates without a time zone', () => {
    expect(formatDate('2017-06-23')).toBe('2017年6月23日');
    expect(formatDate('2017-01-01')).toBe('2017年1月1日');
    expect(formatDate('2017-12-31')).toBe('2017年12月31日');
    expect(formatShortDate('2017-06-23')).toBe('6月23日');
    expect(formatShortDate('2017-05-31')).toBe('5月31日');
  });

  it('marks a date the report does not state as assumed, with how it was inferred', () => {
    const stated = { asOf: '2017-06-23', asOfStated: true };
    expect(formatAsOf(stated)).toBe('2017年6月23日');
    expect(formatShortAsOf(stated)).toBe('6月23日');
    const meeting = { asOf: '2017-06-27', asOfStated: false, asOfNote: '报告日期' };
    expect(formatAsOf(meeting)).toBe('2017年6月27日(报告日期,未注明截至日期)');
    expect(formatShortAsOf(meeting)).toBe('6月27日(报告日期,未注明截至日期)');
    expect(formatAsOf({ asOf: '2017-05-31', asOfStated: false })).toBe('2017年5月31日(未注明截至日期)');
    expect(formatAssumedDateMark(meeting)).toBe('报告日期,未注明截至日期');
    expect(formatAssumedDateMark(stated)).toBe('');
  });

  it('rejects what is not a date', () => {
    expect(() => formatDate('23/06/2017')).toThrow(RangeError);
  });

  it('formats a clock as HH:MM', () => {
    expect(formatTime(new Date(2017, 5, 27, 9, 5))).toBe('09:05');
    expect(formatTime(new Date(2017, 5, 27, 23, 59, 59))).toBe('23:59');
    expect(formatTime(new Date(2017, 5, 27, 0, 0))).toBe('00:00');
  });
});
