import { describe, expect, it } from 'vitest';
import {
  cleanDraftText,
  isGarbled,
  isJumpLinks,
  isTraditionalText,
  isWebFurniture,
  stripPinyin,
} from './article-parser-noise.ts';

// Lines below are taken from the shapes in eval/drafts (web notices, law databases, PDF conversions, reprints).

describe('web page furniture', () => {
  it.each([
    '首页 -> 政务公开 -> 其他政府信息 -> 公 告',
    '您当前的位置: 首页 > 法规草案征求意见 > 关于《海州经济特区志愿服务条例》公开征求意见的公告',
    '当前位置：首页 » 人大立法 » 立法征求意见',
    '首页>政务公开>法规文件>征求意见',
    '网站首页 > 法规规章 > 地方性法规 > 正文',
    ' 发布时间:2019-06-20 09:12:44      字体大小:[大][中][小]'.trim(),
    '作者: 发布时间:2022年10月11日 来源:',
    '下载地址: 点击此处下载',
    '分享到：',
    '上一篇：松阳县养犬管理办法（征求意见稿）',
    '【字体：大 中 小】 【打印】 【关闭】',
    '【打印本页】【关闭窗口】',
    '[字体: ] 打印',
    '索引号 | 6207250033/2025-00051 | 发文字号 | |',
    '点击上方蓝字“东坡普法”关注我们',
    '▲',
    '— THE END —',
    'END',
    '审核：陈某',
    '长按识别二维码关注我们',
    '分享 收藏 点赞 在看',
    '阅读原文',
  ])('drops %s', (line) => {
    expect(isWebFurniture(line)).toBe(true);
  });

  it.each([
    '第一条 为了规范养犬行为，制定本条例。',
    '绿源市养犬管理条例',
    '（一）衣着得体，言行举止文明；',
    '邮寄地址:海州市滨海路18号',
    '时间管理应当遵守下列规定：',
  ])('keeps %s', (line) => {
    expect(isWebFurniture(line)).toBe(false);
  });

  it('knows a row of article links from an article that cites another', () => {
    expect(isJumpLinks('第十条 第二十条')).toBe(true);
    expect(isJumpLinks('第十一條 第二十一條 第三十一條')).toBe(true);
    expect(isJumpLinks('第十条 违反本条例第七条规定的，处五十元罚款。')).toBe(false);
    expect(isJumpLinks('第十条')).toBe(false);
  });

  it('knows mojibake and replacement characters', () => {
    expect(isGarbled('ç¦æ­¢è½¬è½½ æ¬ç«æ¨è')).toBe(true);
    expect(isGarbled('锟斤拷锟斤拷')).toBe(true);
    expect(isGarbled('Café 条例')).toBe(false);
    expect(isGarbled('2020年青川市地方立法條例全文')).toBe(false);
  });
});

describe('reprints', () => {
  it('drops pinyin with tone marks after characters and keeps other bracketed Latin', () => {
    expect(stripPinyin('【傩(nuó)戏和皮影(yǐng)戏等濒(bīn)危(wēi)项目】')).toBe('【傩戏和皮影戏等濒危项目】');
    expect(stripPinyin('東海經(jīng)濟特區(qū)(以下簡稱特區(qū))')).toBe('東海經濟特區(以下簡稱特區)');
    expect(stripPinyin('应用程序(app)和(ABC)')).toBe('应用程序(app)和(ABC)');
  });

  it('calls a text Traditional only when enough characters change', () => {
    expect(isTraditionalText('第一條為了規範地方立法活動，提高立法質量，制定本條例。')).toBe(true);
    expect(isTraditionalText('第一条为了规范地方立法活动，提高立法质量，制定本条例。')).toBe(false);
    // One Traditional character in a Simplified draft is a typo, not a Traditional text.
    expect(isTraditionalText('第一条为了规范地方立法活动，提高立法质量，制定本條例，适用于全市。')).toBe(false);
  });
});

describe('cleanDraftText', () => {
  it('keeps every line break so reported line numbers are the lines the person gave', () => {
    const input = '首页 > 政务公开 > 征求意见\r\n某条例\n\n第一条　甲。 - 1 -\n- 2 -第二条　乙。\f第三条　丙。';
    const { text } = cleanDraftText(input);
    expect(text.split(/\r\n|\n|\f/)).toHaveLength(input.split(/\r\n|\n|\f/).length);
    expect(text).toBe('\r\n某条例\n\n第一条　甲。\n第二条　乙。\f第三条　丙。');
  });

  it('strips page numbers glued to an article line, at its start or after its last sentence', () => {
    expect(cleanDraftText('— 2 —第八条　集体经济组织成员对公开内容有疑问的，可以提出。').text).toBe(
      '第八条　集体经济组织成员对公开内容有疑问的，可以提出。',
    );
    expect(cleanDraftText('第十一条　本办法自2024年7月1日起施行。 — 3 —').text).toBe(
      '第十一条　本办法自2024年7月1日起施行。',
    );
    // A dash inside a sentence is not a page number.
    expect(cleanDraftText('第五条　期限为3—5日').text).toBe('第五条　期限为3—5日');
  });

  it('drops a running header or footer from its second copy on when it appears three times or more', () => {
    const pages = [
      '清河县人民政府行政规范性文件',
      '某办法',
      '第一条　甲。',
      '清河县人民政府行政规范性文件',
      '第二条　乙。',
    ];
    expect(cleanDraftText([...pages, '清河县人民政府行政规范性文件', '第三条　丙。'].join('\n')).text).toBe(
      '清河县人民政府行政规范性文件\n某办法\n第一条　甲。\n\n第二条　乙。\n\n第三条　丙。',
    );
    // Twice is not enough: a title repeated above the body stays.
    expect(cleanDraftText(pages.join('\n')).text).toBe(pages.join('\n'));
  });

  it('removes a law database tag before a heading or the title but keeps other tagged lines', () => {
    expect(cleanDraftText('【章名】 第一章 总则\n【法规名称】某办法\n【题注】（通过）').text).toBe(
      '第一章 总则\n某办法\n【题注】（通过）',
    );
  });

  it('converts Traditional text and the legal terms opencc leaves unconverted', () => {
    const cleaned = cleanDraftText('第五條當事人可以依法申請行政覆議或者提起訴訟。\n第六條本條例自公佈之日起施行。');
    expect(cleaned.isTraditional).toBe(true);
    expect(cleaned.text).toBe('第五条当事人可以依法申请行政复议或者提起诉讼。\n第六条本条例自公布之日起施行。');
  });

  it('drops zero-width and control characters but not tabs or line breaks', () => {
    expect(cleanDraftText('第一\u200B条\u0007　甲。\t乙').text).toBe('第一条　甲。\t乙');
  });
});
