import * as z from 'zod/mini';
import { qualifierSchema } from '../api/schemas';
import { readFigure, type FigureContext, type TypedFigure } from './read-figure';
import type { Refusal } from './verdict';

function read(text: string, context: FigureContext): TypedFigure {
  const result = readFigure(text, context);
  if (!result.ok) throw new Error(`refused in test: ${result.refusal.message}`);
  return result.value;
}

function refused(text: string, context: FigureContext): Refusal {
  const result = readFigure(text, context);
  if (result.ok) throw new Error(`read in test: ${text} → ${result.value.value}`);
  return result.refusal;
}

const days = { unit: '天', label: '优良天数' };
const yuan100m = { unit: '亿元', label: '省市重点项目完成投资' };

describe('reading what people type', () => {
  it('reads full-width digits and punctuation: ６６ is 66, １，２３４．５ is 1234.5', () => {
    expect(read('６６', days).value).toBe(66);
    expect(read('１，２３４．５', yuan100m).value).toBe(1234.5);
    expect(read('９４．３亿元', yuan100m).value).toBe(94.3);
    expect(read('　66　', days).value).toBe(66);
  });

  it('reads digit grouping with commas, spaces and 、, and the IME full stop between digits', () => {
    expect(read('1,234', yuan100m).value).toBe(1234);
    expect(read('1 234', yuan100m).value).toBe(1234);
    expect(read('1\u202f234.5', yuan100m).value).toBe(1234.5);
    expect(read('1、234', yuan100m).value).toBe(1234);
    expect(read('94。3', yuan100m).value).toBe(94.3);
    expect(read('1,234,567 万元', { unit: '万元' }).value).toBe(1234567);
  });

  it('refuses grouping that is not in threes, and decimal commas', () => {
    expect(refused('1,23', yuan100m).code).toBe('grouping');
    expect(refused('12,34,567', yuan100m).code).toBe('grouping');
    expect(refused('1,234 567', yuan100m).code).toBe('grouping');
    expect(refused('1.234,5', yuan100m).code).toBe('grouping');
    expect(refused('1、5', yuan100m).message).toContain('分隔符位置不对');
  });

  it('reads a qualifier typed with the number: 约23, 近5, 700余, 9万余, 20余万平方米, 85%以上', () => {
    expect(read('约23', { unit: '万㎡' })).toEqual({ value: 23, decimal: '23', qualifier: 'about' });
    expect(read('近5', { unit: '亿元' }).qualifier).toBe('nearly');
    expect(read('700余', { unit: '处' })).toMatchObject({ value: 700, qualifier: 'more-than' });
    expect(read('9万余', { unit: '万人' })).toMatchObject({ value: 9, qualifier: 'more-than' });
    expect(read('9万余人', { unit: '万人' })).toMatchObject({ value: 9, qualifier: 'more-than' });
    expect(read('20余万平方米', { unit: '万平方米' })).toMatchObject({ value: 20, qualifier: 'more-than' });
    expect(read('85%以上', { unit: '%' })).toMatchObject({ value: 85, qualifier: 'at-least' });
    expect(read('80%', { unit: '%' })).toEqual({ value: 80, decimal: '80' });
    expect(read('66', days).qualifier).toBeUndefined();
  });

  it('reads 突破 as `passes` once the contract has it, and refuses it by name until then', () => {
    const contractHasPasses = z.safeParse(qualifierSchema, 'passes').success;
    const result = readFigure('突破1000', { unit: '项' });
    if (contractHasPasses) expect(result).toMatchObject({ ok: true, value: { value: 1000, qualifier: 'passes' } });
    else expect(result).toMatchObject({ ok: false, refusal: { code: 'qualifier' } });
  });

  it('refuses two qualifiers and bounds the contract cannot carry', () => {
    expect(refused('约700余', { unit: '处' }).message).toContain('只能有一个限定词');
    expect(refused('100以下', { unit: '个' }).message).toContain('以下');
    expect(refused('不到100', { unit: '个' })).toMatchObject({ code: 'qualifier' });
  });

  it('converts a unit typed with the number exactly into the metric unit (万 ↔ 亿)', () => {
    expect(read('943000万元', yuan100m)).toEqual({ value: 94.3, decimal: '94.3', typedUnit: '万元' });
    expect(read('9430万', yuan100m).value).toBe(0.943);
    expect(read('94.3亿', { unit: '万元' }).value).toBe(943000);
    expect(read('9万', { unit: '人' }).value).toBe(90000);
    expect(read('46万平方米', { unit: '平方米' }).value).toBe(460000);
    expect(read('167万㎡', { unit: '万平方米' }).value).toBe(167);
    expect(read('¥94.3亿', { unit: '万元' }).value).toBe(943000);
    expect(read('￥1,090,000', { unit: '万元' }).value).toBe(109);
    expect(refused('¥5131', { unit: '万美元' }).code).toBe('unit');
  });

  it('refuses a unit that does not convert exactly, naming the field and both units', () => {
    const r = refused('80%', yuan100m);
    expect(r).toMatchObject({ field: 'value', code: 'unit' });
    expect(r.message).toBe('省市重点项目完成投资的数值的单位「%」不能精确换算为「亿元」，请按「亿元」填写');
    expect(refused('3亩', { unit: '平方米' }).code).toBe('unit');
    expect(refused('5131万美元', { unit: '万元' }).code).toBe('unit');
  });

  it('refuses what is not a number, naming the field', () => {
    expect(refused('', { ...days, field: 'observations[0].value' })).toEqual({
      field: 'observations[0].value',
      code: 'empty',
      message: '优良天数的数值未填写',
    });
    expect(refused('NaN', days).code).toBe('not-a-number');
    expect(refused('Infinity', days).code).toBe('not-a-number');
    expect(refused('六十六', days).code).toBe('not-a-number');
    expect(refused('66-70', days).message).toContain('无法识别为一个数值');
    expect(refused('1e5', days).code).toBe('not-a-number');
  });

  it('refuses more than 15 significant digits and magnitudes beyond 10^15', () => {
    expect(read('123456789012345', { unit: '元' }).value).toBe(123456789012345);
    expect(refused('1234567890123456', { unit: '元' }).code).toBe('too-precise');
    expect(refused('0.30000000000000004', { unit: '%' }).code).toBe('too-precise');
    expect(refused('2000万亿', { unit: '元' }).code).toBe('too-large');
  });

  it('keeps the sign for the bounds check to judge', () => {
    expect(read('−5', { unit: '个' }).value).toBe(-5);
    expect(read('-0.5', { unit: '%' }).value).toBe(-0.5);
  });
});
