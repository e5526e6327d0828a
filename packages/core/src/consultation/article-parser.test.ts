import { describe, expect, it } from 'vitest';
import { parseDraft } from './article-parser.ts';
import { listArticles } from './draft-render.ts';
import type { DraftNode } from './draft-types.ts';
import { sampleDraftText } from './sample-draft.fixture.ts';

const messages = (text: string) => parseDraft(text).issues.map((i) => i.message);
const keys = (text: string) => listArticles(parseDraft(text)).map((a) => a.key);

describe('parseDraft on a realistic 条例 draft', () => {
  const text = sampleDraftText();
  const draft = parseDraft(text);
  const articles = listArticles(draft);

  it('reads the title with its draft marker, the preamble, and drops the 目录', () => {
    expect(draft.title).toBe('大连市基层立法联系点工作条例（草案征求意见稿）');
    expect(draft.preamble).toBe('（2025年3月1日大连市人民代表大会常务委员会法制工作委员会公布）');
    expect(draft.issues).toEqual([]);
  });

  it('builds five chapters with the articles under them, 附则 last', () => {
    expect(draft.nodes.map((n) => `${n.label}${n.heading}`)).toEqual([
      '第一章总则',
      '第二章设置与职责',
      '第三章意见征询',
      '第四章保障与监督',
      '第五章附则',
    ]);
    expect(articles.map((a) => a.key)).toEqual([
      'a1',
      'a2',
      'a3',
      'a4',
      'a5',
      'a6',
      'a7',
      'a7-1',
      'a8',
      'a9',
      'a10',
      'a11',
      'a12',
      'a13',
      'a14',
      'a15',
    ]);
    expect(articles.find((a) => a.key === 'a15')?.path).toEqual(['第五章　附则']);
  });

  it('gives 第七条之一 its suffix and label, and two paragraphs', () => {
    const article = articles.find((a) => a.key === 'a7-1')!.node;
    expect(article).toMatchObject({ kind: 'article', number: 7, suffix: 1, label: '第七条之一' });
    expect(article.children.map((p) => p.label)).toEqual(['第一款', '第二款']);
    expect(article.children[1]!.body).toBe('立法议事小院的工作纳入所属基层立法联系点统一管理。');
  });

  it('puts items under the lead-in paragraph', () => {
    const [paragraph] = articles.find((a) => a.key === 'a6')!.node.children;
    expect(paragraph!.body).toBe('基层立法联系点履行下列职责：');
    expect(paragraph!.children.map((i) => [i.kind, i.number, i.label])).toEqual([
      ['item', 1, '（一）'],
      ['item', 2, '（二）'],
      ['item', 3, '（三）'],
      ['item', 4, '（四）'],
      ['item', 5, '（五）'],
    ]);
    expect(paragraph!.children[4]!.body).toBe('法制工作委员会交办的其他事项。');
  });

  it('keeps the 说明 after the articles out of the last article', () => {
    expect(draft.appendix.startsWith('关于《大连市基层立法联系点工作条例（草案征求意见稿）》的说明')).toBe(true);
    expect(articles.at(-1)!.text).toBe('本条例自2025年7月1日起施行。');
  });

  it('records offsets that point back into the source text', () => {
    const check = (node: DraftNode) => {
      expect(node.start).toBeLessThanOrEqual(node.end);
      for (const child of node.children) {
        expect(child.start).toBeGreaterThanOrEqual(node.start);
        expect(child.end).toBeLessThanOrEqual(node.end);
        check(child);
      }
    };
    draft.nodes.forEach(check);
    const a4 = articles.find((a) => a.key === 'a4')!.node;
    const source = text.slice(a4.start, a4.end);
    expect(source.startsWith('第四条')).toBe(true);
    expect(source.endsWith('支持本行政区域内基层立法联系点开展工作。')).toBe(true);
    const chapter2 = draft.nodes[1]!;
    expect(text.slice(chapter2.start, chapter2.end)).toMatch(/^第二章　设置与职责[\s\S]*统一管理。$/);
    const item = a4.children[1]!;
    expect(text.slice(item.start, item.end)).toBe(item.body);
  });
});

describe('parseDraft on text from PDF or web pages', () => {
  it('joins wrapped lines and skips page numbers when paragraphs are indented', () => {
    const draft = parseDraft(
      [
        '某某条例',
        '　　第一条　为了规范基层立法联系点工作，根据有关法律',
        '规定，制定本条例。',
        '— 1 —',
        '　　第二条　本条例适用于本市行政区域。',
        '本市各级人民政府应当予以支持。',
        '　　本条例所称联系点，是指基层单位。',
      ].join('\n'),
    );
    const [a1, a2] = listArticles(draft);
    expect(a1!.text).toBe('为了规范基层立法联系点工作，根据有关法律规定，制定本条例。');
    // Unindented after a full stop is still a wrapped line in an indented document.
    expect(a2!.node.children.map((p) => p.body)).toEqual([
      '本条例适用于本市行政区域。本市各级人民政府应当予以支持。',
      '本条例所称联系点，是指基层单位。',
    ]);
  });

  it('joins a line that does not end a sentence when nothing is indented', () => {
    const draft = parseDraft(
      '某某条例\n第一条　公民、法人和其他组织可以通过\n网络平台提交意见。\n第二条　意见应当真实。\n意见不得含有违法内容。',
    );
    const [a1, a2] = listArticles(draft);
    expect(a1!.text).toBe('公民、法人和其他组织可以通过网络平台提交意见。');
    expect(a2!.node.children).toHaveLength(2);
  });

  it('keeps a space when a wrap falls between two Latin words', () => {
    const [a1] = listArticles(parseDraft('某某条例\n第一条　平台支持 Microsoft\nWord 文档上传。'));
    expect(a1!.text).toBe('平台支持 Microsoft Word 文档上传。');
  });

  it('accepts CRLF, full-width spaces inside labels and no separator after the label', () => {
    const draft = parseDraft('某某条例\r\n第 一 条为了规范工作，制定本条例。\r\n第二条本条例适用于本市。\r\n');
    expect(listArticles(draft).map((a) => [a.key, a.text])).toEqual([
      ['a1', '为了规范工作，制定本条例。'],
      ['a2', '本条例适用于本市。'],
    ]);
  });

  it('does not mistake a wrapped citation of an article for a new article', () => {
    const draft = parseDraft(
      '某某条例\n第一条　依照本条例\n第二条规定的程序办理。\n第二条　本条例自公布之日起施行。\n第三条之规定不适用于下列情形。',
    );
    expect(listArticles(draft).map((a) => a.key)).toEqual(['a1', 'a2']);
    expect(listArticles(draft)[0]!.text).toBe('依照本条例第二条规定的程序办理。');
  });

  it('reads Traditional characters and normalises labels to Simplified', () => {
    const draft = parseDraft(
      '某某條例\n第一章　總則\n第一條　為了規範工作，制定本條例。\n第一條之一　本條例適用於本市。\n附則\n第二條　本條例自公佈之日起施行。',
    );
    expect(draft.issues.map((i) => i.code)).toEqual(['converted_traditional']);
    expect(listArticles(draft).map((a) => a.label)).toEqual(['第一条', '第一条之一', '第二条']);
    expect(draft.nodes.map((n) => n.label)).toEqual(['第一章', '附则']);
  });

  it('reads big numbers, 之二 and Arabic-numbered labels', () => {
    const text = [
      '某某法',
      '第一百二十二条　甲。',
      '第一百二十三条　乙。',
      '第一百二十三条之一　丙。',
      '第一百二十三条之二　丁。',
      '第124条　戊。',
    ].join('\n');
    const draft = parseDraft(text);
    expect(listArticles(draft).map((a) => a.key)).toEqual(['a122', 'a123', 'a123-1', 'a123-2', 'a124']);
    expect(draft.issues.map((i) => i.message)).toEqual(['第一百二十二条之前缺少第一条至第一百二十一条']);
  });

  it('joins a chapter heading split over two lines and accepts headings without a space', () => {
    const draft = parseDraft('某某条例\n第一章\n总　则\n第一条　甲。\n第二章监督管理\n第二条　乙。');
    expect(draft.nodes.map((n) => [n.label, n.heading])).toEqual([
      ['第一章', '总则'],
      ['第二章', '监督管理'],
    ]);
    expect(draft.issues).toEqual([]);
  });

  it('nests parts, chapters and sections; chapters restart in each part and sections in each chapter', () => {
    const text = [
      '某某法典',
      '第一编　总则',
      '第一章　基本规定',
      '第一条　甲。',
      '第二章　自然人',
      '第一节　民事权利能力',
      '第二条　乙。',
      '第二节　监护',
      '第三条　丙。',
      '第二编　物权',
      '第一章　通则',
      '第一节　一般规定',
      '第四条　丁。',
    ].join('\n');
    const draft = parseDraft(text);
    expect(draft.issues).toEqual([]);
    expect(draft.nodes.map((n) => n.kind)).toEqual(['part', 'part']);
    const a3 = listArticles(draft).find((a) => a.key === 'a3')!;
    expect(a3.path).toEqual(['第一编　总则', '第二章　自然人', '第二节　监护']);
  });

  it('reads an article heading in 【】 and 目 under an item', () => {
    const draft = parseDraft(
      '某某条例\n第一条【立法目的】为了规范工作，制定本条例。\n第二条　下列事项应当公开：\n（一）征询事项，包括：\n1．草案文本；\n2．起草说明；\n（二）征询期限。',
    );
    const [a1, a2] = listArticles(draft);
    expect(a1!.heading).toBe('立法目的');
    expect(a1!.text).toBe('为了规范工作，制定本条例。');
    expect(a2!.node.children[0]!.children[0]!.body).toBe('征询事项，包括：\n1．草案文本；\n2．起草说明；');
  });

  it('skips an 附件 line before the title and joins a （草案） line to it', () => {
    const draft = parseDraft('附件1\n某某市物业管理条例\n（修订草案征求意见稿）\n第一条　甲。');
    expect(draft.title).toBe('某某市物业管理条例（修订草案征求意见稿）');
    expect(draft.preamble).toBe('附件1');
  });

  it('lets an article start directly with its items', () => {
    const [a1] = listArticles(parseDraft('某某条例\n第一条\n（一）甲；\n（二）乙。'));
    expect(a1!.node.children).toHaveLength(1);
    expect(a1!.node.children[0]!.body).toBe('');
    expect(a1!.text).toBe('（一）甲；\n（二）乙。');
  });
});

describe('parseDraft reports malformed drafts in Chinese, naming the place', () => {
  it('an error when there are no articles at all', () => {
    const draft = parseDraft('关于征求意见的通知\n请于五月底前反馈。');
    expect(draft.issues[0]).toMatchObject({ level: 'error', code: 'no_articles' });
    expect(draft.issues[0]!.message).toContain('未识别到任何条文');
    expect(parseDraft('').issues.map((i) => i.code)).toEqual(['no_articles']);
  });

  it('an error for a duplicated article, with its line', () => {
    const draft = parseDraft('某某条例\n第一条　甲。\n第二条　乙。\n第二条　丙。\n第三条　丁。');
    expect(draft.issues).toEqual([
      {
        level: 'error',
        code: 'duplicate_article',
        message: '第二条重复出现，请删除或改正其中一条',
        line: 4,
        offset: 19,
        source: '第二条　丙。',
      },
    ]);
  });

  it('a warning for each skipped article, single or a range', () => {
    const lines = [
      '某某条例',
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(
        (n) => `第${'一二三四五六七八九'[n - 1] ?? (n === 10 ? '十' : `十${'一二'[n - 11]}`)}条　甲。`,
      ),
    ];
    lines.push('第十四条　乙。', '第十八条　丙。');
    expect(messages(lines.join('\n'))).toEqual(['第十二条之后缺少第十三条', '第十四条之后缺少第十五条至第十七条']);
  });

  it('warnings for missing 之一 and for a 之一 article whose base article is missing', () => {
    expect(messages('某某条例\n第一条　甲。\n第一条之二　乙。')).toEqual(['第一条之后缺少第一条之一']);
    expect(messages('某某条例\n第一条　甲。\n第二条之一　乙。')).toEqual(['第一条之后缺少第二条']);
    expect(messages('某某条例\n第一条　甲。\n第三条之二　乙。')).toEqual(['第一条之后缺少第二条至第三条、第三条之一']);
  });

  it('a warning for articles out of order, without further noise', () => {
    expect(messages('某某条例\n第一条　甲。\n第三条　乙。\n第二条　丙。\n第四条　丁。')).toEqual([
      '第一条之后缺少第二条',
      '第三条之后出现第二条，条文序号顺序有误',
    ]);
  });

  it('warnings for chapters out of order or skipped, naming the part', () => {
    expect(
      messages('某某条例\n第一章　总则\n第一条　甲。\n第三章　管理\n第二条　乙。\n第二章　监督\n第三条　丙。'),
    ).toEqual(['第一章之后缺少第二章', '第三章之后出现第二章，章的序号顺序有误']);
    expect(messages('某某法\n第一编　总则\n第一章　甲\n第一条　甲。\n第二编　分则\n第二章　乙\n第二条　乙。')).toEqual([
      '第二编中，第二章之前缺少第一章',
    ]);
    expect(messages('某某条例\n第一章　总则\n第一条　甲。\n第一章　总则\n第二条　乙。')).toEqual(['第一章重复出现']);
  });

  it('warnings for empty articles, articles outside any chapter, stray text and skipped items', () => {
    const text = '某某条例\n第一条　甲。\n第一章　总则\n说明文字。\n第二条\n第三条　下列：\n（一）甲；\n（三）乙。';
    expect(parseDraft(text).issues.map((i) => [i.code, i.message])).toEqual([
      ['stray_text', '第一章中有不属于任何条的文字：“说明文字。”'],
      ['item_out_of_order', '第三条中，第（一）项之后应为第（二）项，实为第（三）项'],
      ['article_outside_chapter', '第一条不属于任何一章，请检查章的标题'],
      ['empty_article', '第二条没有条文内容'],
    ]);
  });

  it('places whole-draft warnings on their line', () => {
    const issue = parseDraft('某某条例\n第一条　甲。\n第二条').issues[0]!;
    expect(issue).toMatchObject({ code: 'empty_article', line: 3, offset: 12 });
  });

  it('a warning when there is no title line', () => {
    expect(parseDraft('第一条　甲。').issues.map((i) => i.code)).toEqual(['no_title']);
  });

  it('treats a line that only looks like a heading as text', () => {
    expect(keys('某某条例\n第一条　依照下列规定：\n第二章规定的措施，由市政府负责实施。')).toEqual(['a1']);
  });
});
