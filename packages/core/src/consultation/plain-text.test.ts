import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textLength, toPlainText } from './plain-text.ts';

describe('toPlainText', () => {
  it.each([
    ['建议<script>alert(1)</script>增加听证程序。', '建议增加听证程序。'],
    ['<p>第一段</p><p>第二段</p>', '第一段\n第二段'],
    ['建议<b>删除</b>第三条', '建议删除第三条'],
    ['<img src=x onerror="alert(1)">有图', '有图'],
    ['<SCRIPT type="text/javascript">x()</SCRIPT>正文', '正文'],
    ['正文<script>没有闭合', '正文没有闭合'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;建议', '建议'],
    ['&amp;lt;script&amp;gt;建议', '建议'],
    ['a &lt; b 且 c &gt; d', 'a ＜ b 且 c ＞ d'],
    ['数量<5件', '数量＜5件'],
    ['&#20316;&#x4e1a;&nbsp;时间', '作业 时间'],
    ['赌\u200b博', '赌博'],
    ['甲\u202e乙\u0007丙\u00ad丁', '甲乙丙丁'],
    ['  第一行  \r\n\r\n\r\n\r\n第二行\t\t结束  ', '第一行\n\n第二行 结束'],
    ['<!-- 注释 -->意见', '意见'],
    ['保留全角空格\u3000在中间', '保留全角空格\u3000在中间'],
  ])('%j → %j', (input, expected) => {
    expect(toPlainText(input)).toBe(expected);
  });

  it('collapses all whitespace for single-line fields', () => {
    expect(toPlainText(' 王\n小明\t', { isSingleLine: true })).toBe('王 小明');
  });

  it('never lets a tag through, whatever the input', () => {
    const fragment = fc.constantFrom(
      '<',
      '>',
      '<script>',
      '</script>',
      '<scr',
      'ipt>',
      'script',
      '&lt;',
      '&gt;',
      '&#60;',
      '&#x3c;',
      '&amp;',
      '<!--',
      '-->',
      '<img src=x onerror=alert(1)>',
      '<svg/onload=alert(1)>',
      'javascript:',
      '意见',
      '\u200b',
    );
    const input = fc.array(fc.oneof(fragment, fc.string({ maxLength: 4 })), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(input, (text) => {
        const out = toPlainText(text);
        expect(out.toLowerCase()).not.toContain('<script');
        expect(out).not.toMatch(/[<>\u200b]/);
        expect(toPlainText(out)).toBe(out);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts characters outside the BMP once', () => {
    expect(textLength('𠀀意见')).toBe(3);
  });
});
