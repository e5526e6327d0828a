import { articleKey } from './article-key.ts';
import type { DraftNode, ParsedDraft } from './draft-types.ts';

const INDENT = '\u3000\u3000';
const SEPARATOR = '\u3000';

export type DraftArticle = {
  key: string;
  number: number;
  suffix: number | null;
  label: string;
  heading: string;
  /** The article's paragraphs joined by line breaks, items on their own lines. */
  text: string;
  /** Labels of the enclosing 编/章/节, outermost first: ['第一章　总则']. */
  path: string[];
  node: DraftNode;
};

function headingLine(node: DraftNode): string {
  return node.heading ? `${node.label}${SEPARATOR}${node.heading}` : node.label;
}

function paragraphLines(paragraph: DraftNode): string[] {
  const lines = paragraph.body === '' ? [] : paragraph.body.split('\n');
  for (const item of paragraph.children) {
    const [first = '', ...rest] = item.body.split('\n');
    lines.push(`${item.label}${first}`, ...rest);
  }
  return lines;
}

/** The article's own text, without its label: what a reader comments on and what a new version is compared by. */
export function articleText(article: DraftNode): string {
  return article.children.flatMap(paragraphLines).join('\n');
}

function renderArticle(article: DraftNode): string[] {
  const heading = article.heading ? `【${article.heading}】` : '';
  const [first, ...rest] = article.children;
  const firstLines = first ? paragraphLines(first) : [];
  // A lead-in-less first paragraph starts with an item, which must stay on a line of its own.
  const isItemFirst = first !== undefined && first.body === '' && first.children.length > 0;
  const lines = isItemFirst ? ['', ...firstLines] : firstLines;
  const [head = '', ...tail] = lines;
  const out = [`${INDENT}${article.label}${SEPARATOR}${heading}${head}`.trimEnd()];
  for (const line of [...tail, ...rest.flatMap(paragraphLines)]) out.push(`${INDENT}${line}`);
  return out;
}

function renderNodes(nodes: DraftNode[]): string[] {
  return nodes.flatMap((node) =>
    node.kind === 'article' ? renderArticle(node) : [headingLine(node), ...renderNodes(node.children)],
  );
}

/**
 * Writes a parsed draft back as normalised text (standard labels, full-width separators, one line per paragraph,
 * item and 目). Staff correct a split by editing this text; parsing it again gives the same tree.
 */
export function renderDraft(draft: ParsedDraft): string {
  const blocks = [draft.title, draft.preamble, renderNodes(draft.nodes).join('\n'), draft.appendix];
  return blocks.filter((b) => b !== '').join('\n');
}

/** Every article in document order, with its key and the headings it sits under. */
export function listArticles(draft: ParsedDraft): DraftArticle[] {
  const out: DraftArticle[] = [];
  const walk = (nodes: DraftNode[], path: string[]) => {
    for (const node of nodes) {
      if (node.kind !== 'article') {
        walk(node.children, [...path, headingLine(node)]);
        continue;
      }
      out.push({
        key: articleKey(node.number, node.suffix),
        number: node.number,
        suffix: node.suffix,
        label: node.label,
        heading: node.heading,
        text: articleText(node),
        path,
        node,
      });
    }
  };
  walk(draft.nodes, []);
  return out;
}

/** Whether the draft may be published for comment: true when parsing found no error (warnings allowed). */
export function isDraftPublishable(draft: ParsedDraft): boolean {
  return draft.issues.every((issue) => issue.level !== 'error');
}
