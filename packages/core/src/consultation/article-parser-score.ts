import { z } from '../shared/zod.ts';
import { articleLabel } from './article-key.ts';
import { parseChineseInteger } from './chinese-numeral.ts';
import type { DraftNode, ParsedDraft } from './draft-types.ts';

// Scores the draft parser against a hand-labelled text (eval/drafts/<half>/<name>.labels.json).

export const draftLabelsSchema = z.object({
  source: z.object({ url: z.string(), date: z.string(), shape: z.string() }),
  noise: z.array(z.string()).default([]),
  expected: z.object({
    title: z.string(),
    parts: z.number().int().min(0).default(0),
    chapters: z.array(z.string()).default([]),
    sections: z.number().int().min(0).default(0),
    articles: z.number().int().min(0),
    suffixArticles: z.array(z.string()).default([]),
    headings: z.record(z.string(), z.string()).default({}),
    contains: z.record(z.string(), z.string()).default({}),
    absent: z.array(z.string()).default([]),
    issues: z.array(z.string()).default([]),
  }),
});
export type DraftLabels = z.infer<typeof draftLabelsSchema>;

export type DraftCheck = { name: string; isRight: boolean; expected: string; actual: string };
export type DraftScore = { checks: DraftCheck[]; isFullyRight: boolean };

/** Spaces dropped and half-width brackets made full-width, so 条例(草案) and 条例（草案） compare equal. */
const loose = (text: string) => text.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');

function collect(nodes: DraftNode[], kind: DraftNode['kind'], out: DraftNode[] = []): DraftNode[] {
  for (const node of nodes) {
    if (node.kind === kind) out.push(node);
    if (node.kind !== 'article') collect(node.children, kind, out);
  }
  return out;
}

function articleFullText(article: DraftNode): string {
  const lines: string[] = [];
  const walk = (node: DraftNode) => {
    if (node.kind === 'item') lines.push(`${node.label}${node.body}`);
    else if (node.body) lines.push(node.body);
    for (const child of node.children) walk(child);
  };
  for (const child of article.children) walk(child);
  return lines.join('\n');
}

/** The labels the expected articles carry, in order: 第一条 … 第N条 with each 之X article after its base. */
export function expectedArticleLabels(expected: DraftLabels['expected']): string[] {
  const suffixed = expected.suffixArticles.map((label) => {
    const m = /^第(.+)条之(.+)$/.exec(label);
    return { number: parseChineseInteger(m?.[1] ?? '') ?? 0, label };
  });
  const base = expected.articles - suffixed.length;
  const labels: string[] = [];
  for (let n = 1; n <= base; n++) {
    labels.push(articleLabel(n));
    for (const s of suffixed) if (s.number === n) labels.push(s.label);
  }
  return labels;
}

export function scoreDraft(parsed: ParsedDraft, labels: DraftLabels): DraftScore {
  const e = labels.expected;
  const checks: DraftCheck[] = [];
  const check = (name: string, expected: string, actual: string) =>
    checks.push({ name, isRight: expected === actual, expected, actual });

  const articles = collect(parsed.nodes, 'article');
  const byLabel = new Map(articles.map((a) => [a.label, a]));
  check('标题', loose(e.title), loose(parsed.title));
  check('编数', String(e.parts), String(collect(parsed.nodes, 'part').length));
  check(
    '章',
    e.chapters.map(loose).join('、'),
    collect(parsed.nodes, 'chapter')
      .map((c) => loose(c.heading || c.label))
      .join('、'),
  );
  check('节数', String(e.sections), String(collect(parsed.nodes, 'section').length));
  check('条数', String(e.articles), String(articles.length));
  check('条的序号', expectedArticleLabels(e).join('、'), articles.map((a) => a.label).join('、'));
  for (const [label, heading] of Object.entries(e.headings)) {
    check(`${label}条旨`, loose(heading), loose(byLabel.get(label)?.heading ?? '（无此条）'));
  }
  for (const [label, text] of Object.entries(e.contains)) {
    const body = byLabel.get(label);
    const actual = body ? articleFullText(body) : '（无此条）';
    checks.push({ name: `${label}内容`, isRight: actual.includes(text), expected: text, actual: actual.slice(0, 80) });
  }
  // The title is checked above; the absent texts are page furniture that must not end up inside an article.
  const everything = articles.map(articleFullText).join('\n');
  for (const text of e.absent) {
    const at = everything.indexOf(text);
    checks.push({
      name: `不应出现“${text}”`,
      isRight: at < 0,
      expected: '不出现',
      actual: at < 0 ? '不出现' : everything.slice(Math.max(0, at - 10), at + text.length + 10),
    });
  }
  const codes = [...new Set(parsed.issues.map((i) => i.code))].sort();
  check('提示', [...e.issues].sort().join('、'), codes.join('、'));
  return { checks, isFullyRight: checks.every((c) => c.isRight) };
}
