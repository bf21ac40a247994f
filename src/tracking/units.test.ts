import { decimalToNumber, parseDecimal } from './decimal';
import { baseUnit, conversionPower, convertExact, readUnit, sameUnit } from './units';

function convert(value: string, from: string, to: string): number | undefined {
  const parsed = parseDecimal(value);
  if (parsed === undefined) throw new Error(`unreadable in test: ${value}`);
  const out = convertExact(parsed, from, to);
  return out === undefined ? undefined : decimalToNumber(out);
}

describe('units that convert exactly', () => {
  it('万元 ↔ 亿元 ↔ 元: the key-project investment 94.3亿元 in 万元 and back', () => {
    expect(convert('94.3', '亿元', '万元')).toBe(943000);
    expect(convert('943000', '万元', '亿元')).toBe(94.3);
    expect(convert('1090000', '元', '万元')).toBe(109);
  });

  it('平方米 ↔ 万平方米 ↔ 万㎡ ↔ 公顷', () => {
    expect(convert('460000', '平方米', '万平方米')).toBe(46);
    expect(convert('167', '万㎡', '万平方米')).toBe(167);
    expect(convert('23', '万㎡', '平方米')).toBe(230000);
    expect(convert('46', '公顷', '万平方米')).toBe(46);
    expect(sameUnit('万㎡', '万平方米')).toBe(true);
  });

  it('人 ↔ 万人 ↔ 名, 个 ↔ 万个, 吨 ↔ 千克', () => {
    expect(convert('90000', '人', '万人')).toBe(9);
    expect(convert('8', '万人', '名')).toBe(80000);
    expect(convert('2', '万个', '个')).toBe(20000);
    expect(convert('175', '吨', '千克')).toBe(175000);
    expect(convert('5131', '万美元', '亿美元')).toBe(0.5131);
  });

  it('refuses what does not convert by a power of ten', () => {
    // 1亩 = 2000/3 平方米: no exact decimal.
    expect(convert('3', '亩', '平方米')).toBeUndefined();
    expect(convert('5131', '万美元', '万元')).toBeUndefined();
    expect(convert('80', '%', '个')).toBeUndefined();
    expect(convert('66', '天', '周')).toBeUndefined();
    expect(conversionPower('百分点', '分点')).toBeUndefined();
  });

  it('reads multipliers, but not inside 百分点 or 千米', () => {
    expect(readUnit('亿元')).toEqual({ scale: 'yuan', power: 8 });
    expect(readUnit('万亿元')).toEqual({ scale: 'yuan', power: 12 });
    expect(readUnit('千米')).toEqual({ scale: 'length', power: 3 });
    expect(readUnit('百分点')).toEqual({ scale: 'unit:百分点', power: 0 });
    expect(baseUnit('万人')).toBe('人');
    expect(baseUnit('%')).toBe('%');
  });
});
