import { describe, expect, it } from 'vitest';
import {
  controlCharacterMessage,
  dateSchema,
  dbId,
  dbIdParam,
  findControlCharacters,
  isCalendarDate,
  MAX_DB_ID,
} from './fields.ts';

describe('dbId / dbIdParam: integers 1..2147483647', () => {
  it('accepts the range and refuses everything else', () => {
    expect(dbId().safeParse(1).success).toBe(true);
    expect(dbId().safeParse(MAX_DB_ID).success).toBe(true);
    for (const bad of [0, -1, MAX_DB_ID + 1, 1e20, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '1', null]) {
      expect(dbId().safeParse(bad).success, String(bad)).toBe(false);
    }
    expect(dbIdParam().parse('42')).toBe(42);
    for (const bad of ['0', '-1', '2147483648', '1e20', 'abc', '\u0000', '1.5', '', 'Infinity']) {
      expect(dbIdParam().safeParse(bad).success, bad).toBe(false);
    }
  });

  it('names the problem in Chinese', () => {
    expect(dbIdParam().safeParse('2147483648').error?.issues[0]?.message).toBe('编号超出允许范围');
    expect(dbId('请选择牵头单位').safeParse(0).error?.issues[0]?.message).toBe('请选择牵头单位');
  });
});

describe('isCalendarDate / dateSchema', () => {
  it('is a real day in 1900–2100', () => {
    for (const ok of ['1900-01-01', '2024-02-29', '2000-02-29', '2100-12-31', '2025-12-31'])
      expect(isCalendarDate(ok), ok).toBe(true);
    for (const bad of [
      '2025-02-30',
      '2023-02-29',
      '1900-02-29',
      '2100-02-29',
      '0000-01-01',
      '1899-12-31',
      '2101-01-01',
    ])
      expect(isCalendarDate(bad), bad).toBe(false);
    for (const bad of [
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '2025-1-1',
      '20250101',
      ' 2025-01-01',
      '2025-01-01T00',
    ])
      expect(isCalendarDate(bad), bad).toBe(false);
  });

  it('agrees with the Date round trip on every day of 1900–2100', () => {
    const refused: string[] = [];
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      if (!isCalendarDate(day)) refused.push(day);
    }
    expect(refused).toEqual([]);
  });

  it('messages name the field', () => {
    expect(dateSchema('学法日期').safeParse('2025-02-30').error?.issues[0]?.message).toBe(
      '学法日期格式应为 YYYY-MM-DD，且须是1900年至2100年之间的真实日期',
    );
    expect(dateSchema('学法日期', '请填写学法日期').safeParse(undefined).error?.issues[0]?.message).toBe(
      '请填写学法日期',
    );
  });
});

describe('control characters', () => {
  it('finds the first string holding one, at any depth, keys included', () => {
    expect(findControlCharacters({ a: 'ok', b: ['x', { c: 'a\u0000b' }] })).toEqual(['b', '1', 'c']);
    expect(findControlCharacters({ title: 'x\u007f' })).toEqual(['title']);
    expect(findControlCharacters({ title: 'x\u001f' })).toEqual(['title']);
    expect(findControlCharacters({ 'k\u0001': 'v' })).toEqual(['k?']);
    expect(findControlCharacters({ text: '第一行\r\n第二行\t制表' })).toBeNull();
    expect(findControlCharacters([1, null, true, '正常'])).toBeNull();
    expect(findControlCharacters('\u0000')).toEqual([]);
  });

  it('says so in Chinese, naming the field', () => {
    expect(controlCharacterMessage('title')).toBe('字段「title」含有不可见控制字符，请删除后重试');
    expect(controlCharacterMessage('')).toBe('请求内容含有不可见控制字符，请删除后重试');
  });
});
