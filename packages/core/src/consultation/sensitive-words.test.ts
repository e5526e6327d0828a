import { describe, expect, it } from 'vitest';
import {
  checkSensitiveWord,
  createSensitiveWordFilter,
  DEFAULT_SENSITIVE_WORDS,
  parseSensitiveWordList,
} from './sensitive-words.ts';

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

describe('the office word list', () => {
  it('folds full-width forms and trims a word; refuses empty, too long or punctuation-only words', () => {
    expect(checkSensitiveWord('  ＡＢ刷单 ')).toEqual({ ok: true, word: 'AB刷单' });
    expect(checkSensitiveWord('   ')).toEqual({ ok: false, message: '请填写敏感词' });
    expect(checkSensitiveWord('一二三四五六七八九十一二三四五六七八九十一')).toEqual({
      ok: false,
      message: '敏感词不能超过20个字：一二三四五六七八九十一二三四五六七八九十一',
    });
    expect(checkSensitiveWord('！！')).toEqual({ ok: false, message: '敏感词不能只含标点或空白：!!' });
  });

  it('parses one word per line, skipping blank lines and repeats; refuses empty and oversized lists', () => {
    expect(parseSensitiveWordList('\uFEFF甲乙\r\n\r\n丙丁\n甲乙\n')).toEqual({ ok: true, words: ['甲乙', '丙丁'] });
    expect(parseSensitiveWordList(' \n\n')).toEqual({ ok: false, message: '词表为空：请每行填写一个敏感词' });
    const many = Array.from({ length: 501 }, (_, i) => `词${i}`).join('\n');
    expect(parseSensitiveWordList(many)).toEqual({ ok: false, message: '词表过大：一次最多导入500个敏感词' });
    expect(parseSensitiveWordList(Array.from({ length: 500 }, (_, i) => `词${i}`).join('\n')).ok).toBe(true);
  });
});
