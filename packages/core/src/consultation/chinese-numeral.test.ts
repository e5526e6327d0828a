import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatChineseInteger, parseChineseInteger } from './chinese-numeral.ts';

describe('parseChineseInteger', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一百十', 110],
    ['一百二十三', 123],
    ['一千零一', 1001],
    ['一千零一十', 1010],
    ['两千零五', 2005],
    ['一〇五', 105],
    ['壹佰贰拾叁', 123],
    ['貳拾', 20],
    ['一万零五', 10005],
    ['十二万三千', 123000],
    ['123', 123],
    ['１２', 12],
  ])('%s → %i', (text, value) => {
    expect(parseChineseInteger(text)).toBe(value);
  });

  it.each(['', '十十', '百', '百一', '一百五', '零五', '一百零十', '二十零', '甲', '一万五', '一万零一千'])(
    'rejects the malformed numeral %s',
    (text) => {
      expect(parseChineseInteger(text)).toBeNull();
    },
  );
});

describe('formatChineseInteger', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [15, '十五'],
    [20, '二十'],
    [105, '一百零五'],
    [110, '一百一十'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [10000, '一万'],
    [10010, '一万零一十'],
    [100000, '十万'],
  ])('%i → %s', (value, text) => {
    expect(formatChineseInteger(value)).toBe(text);
  });

  it('round-trips through the parser for every integer it formats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
        expect(parseChineseInteger(formatChineseInteger(n))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses numbers it cannot write', () => {
    expect(() => formatChineseInteger(-1)).toThrow('无法转换');
    expect(() => formatChineseInteger(1.5)).toThrow('无法转换');
  });
});
