import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleKey, articleLabel, compareArticleKeys, parseArticleKey } from './article-key.ts';
import { parseDraft } from './article-parser.ts';
import { formatChineseInteger } from './chinese-numeral.ts';
import { articleText, isDraftPublishable, listArticles, renderDraft } from './draft-render.ts';
import type { DraftNode, ParsedDraft } from './draft-types.ts';
import { sampleDraftText } from './sample-draft.fixture.ts';

type Shape = Omit<DraftNode, 'start' | 'end' | 'children'> & { children: Shape[] };

function shapeOf(node: DraftNode): Shape {
  const { start: _start, end: _end, children, ...rest } = node;
  return { ...rest, children: children.map(shapeOf) };
}

function node(partial: Partial<DraftNode> & Pick<DraftNode, 'kind' | 'number' | 'label'>): DraftNode {
  return { suffix: null, heading: '', body: '', children: [], start: 0, end: 0, ...partial };
}

const ALPHABET = Array.from('法治建设基层立法联系点意见征询工作人民群众应当可以规定本市单位组织');
const phrase = (min: number, max: number) =>
  fc.array(fc.constantFrom(...ALPHABET), { minLength: min, maxLength: max }).map((cs) => cs.join(''));
const sentence = fc
  .tuple(phrase(1, 12), fc.option(phrase(1, 12), { nil: undefined }))
  .map(([a, b]) => (b ? `${a}，${b}` : a));

const itemsArb = fc.array(fc.tuple(sentence, fc.constantFrom('；', '。')), { maxLength: 3 });
const paragraphArb = fc.record({ lead: sentence, items: itemsArb, hasLead: fc.boolean() });
const articleArb = fc.record({
  heading: fc.option(phrase(2, 6), { nil: undefined }),
  paragraphs: fc.array(paragraphArb, { minLength: 1, maxLength: 3 }),
  insertsSuffixed: fc.boolean(),
});
const draftArb = fc.record({
  title: phrase(2, 8).map((t) => `${t}条例`),
  preamble: fc.option(
    sentence.map((s) => `${s}。`),
    { nil: undefined },
  ),
  chapters: fc.array(fc.tuple(phrase(2, 6), fc.array(articleArb, { minLength: 1, maxLength: 3 })), {
    minLength: 0,
    maxLength: 3,
  }),
  looseArticles: fc.array(articleArb, { minLength: 1, maxLength: 3 }),
});

// Builds the tree the parser should produce, numbering articles through the whole draft.
type DraftSpec = typeof draftArb extends fc.Arbitrary<infer T> ? T : never;

function buildDraft(spec: DraftSpec): ParsedDraft {
  let articleNumber = 0;
  const buildArticles = (specs: DraftSpec['looseArticles']) =>
    specs.flatMap((a) => {
      articleNumber += 1;
      const make = (suffix: number | null) => {
        const paragraphs = a.paragraphs.map((p, i) => {
          const hasLead = p.hasLead || p.items.length === 0 || i > 0;
          const items = p.items.map(([text, end], j) =>
            node({ kind: 'item', number: j + 1, label: `（${formatChineseInteger(j + 1)}）`, body: `${text}${end}` }),
          );
          return node({
            kind: 'paragraph',
            number: i + 1,
            label: `第${formatChineseInteger(i + 1)}款`,
            body: hasLead ? `${p.lead}${items.length > 0 ? '：' : '。'}` : '',
            children: items,
          });
        });
        return node({
          kind: 'article',
          number: articleNumber,
          suffix,
          label: articleLabel(articleNumber, suffix),
          heading: a.heading ?? '',
          children: paragraphs,
        });
      };
      return a.insertsSuffixed ? [make(null), make(1)] : [make(null)];
    });
  const chapters = spec.chapters.map(([heading, articles], i) =>
    node({
      kind: 'chapter',
      number: i + 1,
      label: `第${formatChineseInteger(i + 1)}章`,
      heading,
      children: buildArticles(articles),
    }),
  );
  const nodes = chapters.length > 0 ? chapters : buildArticles(spec.looseArticles);
  return { title: spec.title, preamble: spec.preamble ?? '', nodes, appendix: '', issues: [] };
}

describe('renderDraft', () => {
  it('parse(render(tree)) gives the tree back', () => {
    fc.assert(
      fc.property(draftArb, (spec) => {
        const draft = buildDraft(spec);
        const reparsed = parseDraft(renderDraft(draft));
        expect(reparsed.issues).toEqual([]);
        expect(reparsed.title).toBe(draft.title);
        expect(reparsed.preamble).toBe(draft.preamble);
        expect(reparsed.nodes.map(shapeOf)).toEqual(draft.nodes.map(shapeOf));
      }),
      { numRuns: 300 },
    );
  });

  it('is a fixed point on the sample draft after one normalisation', () => {
    const once = renderDraft(parseDraft(sampleDraftText()));
    expect(renderDraft(parseDraft(once))).toBe(once);
    expect(once).toContain('\u3000\u3000第七条之一\u3000基层立法联系点可以在社区');
    expect(once).not.toContain('目　录');
  });

  it('never throws and keeps offsets inside the text for arbitrary input', () => {
    const fragment = fc.constantFrom(
      '第一条　',
      '第二条',
      '第三条之一　',
      '第二章　总则',
      '第一编',
      '第一节　',
      '（一）',
      '（二）',
      '1．',
      '\n',
      '\r\n',
      '　　',
      '甲。',
      '乙',
      '目录',
      '附则',
      '附件1',
      '— 2 —',
      '【目的】',
    );
    const input = fc.array(fc.oneof(fragment, fc.string({ maxLength: 5 })), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(input, (text) => {
        const draft = parseDraft(text);
        const check = (n: DraftNode) => {
          expect(n.start).toBeGreaterThanOrEqual(0);
          expect(n.end).toBeLessThanOrEqual(text.length);
          expect(n.start).toBeLessThanOrEqual(n.end);
          n.children.forEach(check);
        };
        draft.nodes.forEach(check);
        for (const issue of draft.issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('listArticles and articleText', () => {
  it('joins paragraphs and items on separate lines', () => {
    const [a1] = listArticles(parseDraft('某某条例\n第一条　下列：\n（一）甲；\n（二）乙。\n前款规定适用于全市。'));
    expect(articleText(a1!.node)).toBe('下列：\n（一）甲；\n（二）乙。\n前款规定适用于全市。');
  });

  it('a draft with an error is not publishable; one with only warnings is', () => {
    expect(isDraftPublishable(parseDraft('没有条文'))).toBe(false);
    expect(isDraftPublishable(parseDraft('某某条例\n第二条　甲。'))).toBe(true);
  });
});

describe('article keys', () => {
  it('are stable strings that round-trip to numbers and labels', () => {
    expect(articleKey(3)).toBe('a3');
    expect(articleKey(20, 1)).toBe('a20-1');
    expect(parseArticleKey('a20-1')).toEqual({ number: 20, suffix: 1 });
    expect(parseArticleKey('a0')).toBeNull();
    expect(parseArticleKey('20')).toBeNull();
    expect(articleLabel(20, 1)).toBe('第二十条之一');
    expect(articleLabel(123)).toBe('第一百二十三条');
  });

  it('sort in legal order', () => {
    expect(['a11', 'a10-1', 'a2', 'a10', 'a10-2'].sort(compareArticleKeys)).toEqual([
      'a2',
      'a10',
      'a10-1',
      'a10-2',
      'a11',
    ]);
  });

  it('round-trip for any number and suffix', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
        (n, s) => {
          expect(parseArticleKey(articleKey(n, s))).toEqual({ number: n, suffix: s });
        },
      ),
    );
  });
});
