import { describe, expect, it } from 'vitest';
import { createSensitiveWordFilter, DEFAULT_SENSITIVE_WORDS } from './sensitive-words.ts';

describe('sensitive-word filter', () => {
  const filter = createSensitiveWordFilter(['代开发票', '博彩', 'VX加群']);

  it('finds listed words in list order', () => {
    expect(filter('专业博彩，代开发票')).toEqual(['代开发票', '博彩']);
    expect(filter('建议增加听证程序。')).toEqual([]);
  });

  it('sees through spacing, punctuation, zero-width characters, width, case and Traditional characters', () => {
    expect(filter('代 开*发-票')).toEqual(['代开发票']);
    expect(filter('代开\u200b发票')).toEqual(['代开发票']);
    expect(filter('代開發票')).toEqual(['代开发票']);
    expect(filter('ｖｘ加群')).toEqual(['VX加群']);
  });

  it('ignores blank and duplicate entries', () => {
    expect(createSensitiveWordFilter(['', '  ', '博彩', '博彩'])('博彩')).toEqual(['博彩']);
  });

  it('has a default list', () => {
    expect(DEFAULT_SENSITIVE_WORDS.length).toBeGreaterThan(5);
    expect(createSensitiveWordFilter()('提供网络赌博')).toEqual(['网络赌博']);
  });
});
