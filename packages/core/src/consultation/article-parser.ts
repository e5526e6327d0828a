import { articleKey, articleLabel } from './article-key.ts';
import { cleanDraftText } from './article-parser-noise.ts';
import { formatChineseInteger, NUMERAL_CHARS, parseChineseInteger } from './chinese-numeral.ts';
import type { DraftIssue, DraftIssueCode, DraftNode, DraftNodeKind, ParsedDraft } from './draft-types.ts';

type Line = { text: string; start: number; end: number; lineNo: number; isIndented: boolean };
type HeadingKind = 'part' | 'chapter' | 'section';

const ANY_NUMERAL = `[${NUMERAL_CHARS}]+`;
const CHINESE_NUMERAL = `[${NUMERAL_CHARS.replace('0-9０-９', '')}]+`;
const HEADING_RE = new RegExp(`^第\\s*(${ANY_NUMERAL})\\s*([编編章节節])(.*)$`);
const ARTICLE_RE = new RegExp(`^第\\s*(${ANY_NUMERAL})\\s*[条條](?:\\s*之\\s*(${CHINESE_NUMERAL}))?(.*)$`);
const ITEM_RE = new RegExp(`^[（(]\\s*(${CHINESE_NUMERAL})\\s*[）)](.*)$`);
// 目 (1. 2.) under an item are kept as lines of the item's text.
const SUB_ITEM_RE = /^(?:[（(]\s*[0-9０-９]+\s*[）)]|[0-9０-９]+\s*[.．、])/;
const ARTICLE_HEADING_RE =
  /^(?:【([^【】]{1,40})】|〔([^〔〕]{1,40})〕|〖([^〖〗]{1,40})〗|[（(]([^（()）]{1,40})[）)]|\[([^[\]]{1,40})\])\s*/;
// 一、二、… : the items of a decision or an amendment (修正案), which are its articles when it has no 第X条.
const ENUMERATED_RE = new RegExp(`^(${CHINESE_NUMERAL})、(.*)$`);
// A document that amends another: its 第X条 lines cite the amended law, and its articles are its 一、二、… items.
const AMENDMENT_TITLE_RE = /修正案|关于修改.{0,80}的决定|关于废止.{0,80}的决定/;
// What follows an article number that is cited, not opened, at the start of a line: 第五条规定的…, 第五条第二款…
const CITATION_AFTER_NUMBER_RE =
  /^(?:[之的规規所中，,、和及或与與至到对對以外内內第]|有关|關於|关于|修改为|修改為|后增加|後增加|增加|删去|刪去|删除|刪除|改为|改為)/;
// An amendment's own wording about an article of the amended law: 第九条修改为：…, 第七条增加一项…
const AMENDMENT_VERB_RE =
  /^(?:第.{1,8}[款项項]|中的|修改为|修改為|后增加|後增加|增加|删去|刪去|删除|刪除|改为|改為|之后|的)/;
// A title names the kind of instrument at its end, before any bracketed draft marker.
const TITLE_RE =
  /^[^，。；：:,;！!？?]{2,80}?(?:条例|办法|规定|细则|规则|决定|修正案|章程|准则|守则|公约|实施意见|若干意见)(?:\s*[（(][^（()）]{1,30}[）)])*$/;
const NOT_TITLE_RE = /(?:通知|公告|全文|说明|意见的公告)$|^(?:关于印发|关于公开征求|关于征求|印发)/;
const SUPPLEMENTARY_RE = /^附\s*[则則]$/;
const TOC_RE = /^目\s*[录錄]$/;
const PAGE_NUMBER_RE =
  /^(?:[-—－–]+\s*\d+\s*[-—－–]+|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d{1,3}|\d+\s*\/\s*\d+)$/;
const DRAFT_MARKER_RE = /^[（(][^（()）]{0,20}(?:草案|稿|修订|修正)[^（()）]{0,10}[）)]$/;
const ATTACHMENT_LINE_RE = /^附件\s*[0-9一二三四五六七八九十]*\s*$/;
const APPENDIX_RE =
  /^(?:附件\s*[0-9一二三四五六七八九十]*\s*(?:[：:].*)?|(?:关于|關於)《.+》的(?:起草)?(?:说明|說明))$/;
// A wrapped line ends mid-sentence; a paragraph, an item or a lead-in ends with one of these.
const TERMINAL_RE = /[。；;：:！!？?…]["”’」』）)]*$/;
// Body text that merely cites an article or chapter at the start of a wrapped line: 第十条规定的……
const SENTENCE_PUNCTUATION_RE = /[。；;，,：:！!？?]/;

const KIND_NAMES: Record<HeadingKind, string> = { part: '编', chapter: '章', section: '节' };
const HEADING_KINDS: Record<string, HeadingKind> = {
  编: 'part',
  編: 'part',
  章: 'chapter',
  节: 'section',
  節: 'section',
};

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n|\f|\u2028|\u2029/g;
  let from = 0;
  let lineNo = 1;
  const push = (to: number) => {
    const raw = text.slice(from, to);
    const leading = /^\s*/.exec(raw)![0];
    const content = raw.trim();
    const indentWidth = Array.from(leading).reduce((w, c) => w + (c === '\u3000' ? 2 : c === '\t' ? 4 : 1), 0);
    const start = from + leading.length;
    lines.push({ text: content, start, end: start + content.length, lineNo, isIndented: indentWidth >= 2 });
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(m.index);
    from = m.index + m[0].length;
    lineNo += 1;
  }
  push(text.length);
  return lines;
}

// Drafts exported from Word usually carry no indentation; ones copied from PDF or a web page indent every
// paragraph. When most article lines are indented, an unindented line after a full stop is a wrapped line.
function detectIndentMode(lines: Line[]): boolean {
  const articleLines = lines.filter((l) => ARTICLE_RE.test(l.text));
  if (articleLines.length === 0) return false;
  return articleLines.filter((l) => l.isIndented).length * 2 >= articleLines.length;
}

function joinWrapped(before: string, after: string): string {
  if (before === '') return after;
  const isWordBoundary = /[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(after);
  return isWordBoundary ? `${before} ${after}` : `${before}${after}`;
}

function compactTitle(text: string): string {
  return text.replace(/\s+/g, (space, at: number, whole: string) => {
    const prev = whole[at - 1] ?? '';
    const next = whole[at + space.length] ?? '';
    return /[A-Za-z0-9]/.test(prev) && /[A-Za-z0-9]/.test(next) ? ' ' : '';
  });
}

function isValidHeadingText(text: string): boolean {
  return Array.from(text).length <= 40 && !SENTENCE_PUNCTUATION_RE.test(text);
}

function numberRangeLabel(from: number, to: number, label: (n: number) => string): string {
  return from === to ? label(from) : `${label(from)}至${label(to)}`;
}

function headingLabel(kind: HeadingKind, number: number): string {
  return `第${formatChineseInteger(number)}${KIND_NAMES[kind]}`;
}

function makeNode(
  kind: DraftNodeKind,
  number: number,
  suffix: number | null,
  label: string,
  start: number,
  end: number,
): DraftNode {
  return { kind, number, suffix, label, heading: '', body: '', children: [], start, end };
}

/**
 * Splits a draft law into its article tree. Never throws: problems a person must look at (no articles, duplicated
 * or skipped numbers, headings out of order) are returned as `issues` with a Chinese message naming the place.
 */
export function parseDraft(text: string): ParsedDraft {
  const cleaned = cleanDraftText(text);
  const lines = splitLines(cleaned.text);
  const isIndentMode = detectIndentMode(lines);
  const issues: DraftIssue[] = [];
  const quoted = markQuotedLines(lines);
  const isAmendment = isAmendmentDocument(lines, quoted);
  const isItemsMode = isItemsDocument(lines, quoted, isAmendment);
  const toc = findTableOfContents(lines, quoted);
  if (cleaned.isTraditional) {
    issues.push({
      level: 'warning',
      code: 'converted_traditional',
      message: '原文为繁体字，已转换为简体字后拆分，请核对转换结果',
      line: null,
      offset: null,
    });
  }
  if (isItemsMode) {
    issues.push({
      level: 'warning',
      code: 'enumerated_items',
      message: isAmendment
        ? '本件是修改决定或修正案，已按“一、二、……”各项拆分为条；引号内的条文属于被修改的法规，不作为本件的条文'
        : '本件没有“第X条”，已按“一、二、……”各项拆分为条，请核对',
      line: null,
      offset: null,
    });
  }
  for (const run of toc.guessed) {
    const first = lines[run.from]!;
    issues.push({
      level: 'warning',
      code: 'toc_guessed',
      message: `从这一行起的${run.count}行只有章节标题、没有条文，看起来是目录（原文没有“目录”二字），已略去；如有误请核对`,
      line: first.lineNo,
      offset: first.start,
    });
  }
  const nodes: DraftNode[] = [];
  const frontLines: string[] = [];
  const appendixLines: string[] = [];

  let phase: 'front' | 'body' | 'appendix' = 'front';
  let hasUnnumberedChapters = false;
  let titleKeys = new Set<string>();
  let part: DraftNode | null = null;
  let chapter: DraftNode | null = null;
  let section: DraftNode | null = null;
  let article: DraftNode | null = null;
  let paragraph: DraftNode | null = null;
  let item: DraftNode | null = null;
  let lastHeadingLine = -1;
  let isPrevTerminated = true;
  let lastArticle: { number: number; suffix: number | null; label: string } | null = null;
  const seenArticles = new Set<string>();
  const headingState: Record<HeadingKind, { last: number | null; seen: Set<number> }> = {
    part: { last: null, seen: new Set() },
    chapter: { last: null, seen: new Set() },
    section: { last: null, seen: new Set() },
  };

  const report = (level: DraftIssue['level'], code: DraftIssueCode, message: string, line: Line | null) => {
    issues.push({ level, code, message, line: line?.lineNo ?? null, offset: line?.start ?? null });
  };

  const extendOpenNodes = (end: number) => {
    for (const node of [part, chapter, section, article, paragraph, item]) {
      if (node && node.end < end) node.end = end;
    }
  };

  const checkHeadingNumber = (kind: HeadingKind, number: number, line: Line) => {
    const state = headingState[kind];
    const scope =
      kind === 'chapter' && part ? `${part.label}中，` : kind === 'section' && chapter ? `${chapter.label}中，` : '';
    const label = headingLabel(kind, number);
    const labelOf = (n: number) => headingLabel(kind, n);
    if (state.seen.has(number)) {
      report('warning', 'duplicate_heading', `${scope}${label}重复出现`, line);
    } else if (state.last === null) {
      if (number > 1)
        report(
          'warning',
          'missing_heading',
          `${scope}${label}之前缺少${numberRangeLabel(1, number - 1, labelOf)}`,
          line,
        );
    } else if (number < state.last) {
      report(
        'warning',
        'heading_out_of_order',
        `${scope}${labelOf(state.last)}之后出现${label}，${KIND_NAMES[kind]}的序号顺序有误`,
        line,
      );
    } else if (number > state.last + 1) {
      report(
        'warning',
        'missing_heading',
        `${scope}${labelOf(state.last)}之后缺少${numberRangeLabel(state.last + 1, number - 1, labelOf)}`,
        line,
      );
    }
    state.seen.add(number);
    state.last = Math.max(state.last ?? 0, number);
  };

  const openHeading = (kind: HeadingKind, number: number, label: string, heading: string, line: Line) => {
    const node = makeNode(kind, number, null, label, line.start, line.end);
    node.heading = heading;
    article = null;
    paragraph = null;
    item = null;
    if (kind === 'part') {
      nodes.push(node);
      part = node;
      chapter = null;
      section = null;
      headingState.chapter = { last: null, seen: new Set() };
      headingState.section = { last: null, seen: new Set() };
    } else if (kind === 'chapter') {
      (part ? part.children : nodes).push(node);
      chapter = node;
      section = null;
      headingState.section = { last: null, seen: new Set() };
    } else {
      const parent: DraftNode | null = chapter ?? part;
      (parent ? parent.children : nodes).push(node);
      section = node;
    }
    extendOpenNodes(line.end);
    lastHeadingLine = line.lineNo;
    isPrevTerminated = true;
  };

  const checkArticleNumber = (number: number, suffix: number | null, label: string, line: Line) => {
    const key = articleKey(number, suffix);
    if (seenArticles.has(key)) {
      report('error', 'duplicate_article', `${label}重复出现，请删除或改正其中一条`, line);
      return;
    }
    seenArticles.add(key);
    const last = lastArticle;
    lastArticle = { number, suffix, label };
    if (last === null) {
      if (number > 1) {
        const missing = numberRangeLabel(1, number - 1, (n) => articleLabel(n));
        report('warning', 'first_article_not_one', `${label}之前缺少${missing}`, line);
      } else if (suffix) {
        report('warning', 'first_article_not_one', `${label}之前缺少第一条`, line);
      }
      return;
    }
    const order = number - last.number || (suffix ?? 0) - (last.suffix ?? 0);
    if (order < 0) {
      report('warning', 'article_out_of_order', `${last.label}之后出现${label}，条文序号顺序有误`, line);
      lastArticle = last;
      return;
    }
    const missing: string[] = [];
    if (number === last.number) {
      const expected = (last.suffix ?? 0) + 1;
      if (suffix! > expected) missing.push(numberRangeLabel(expected, suffix! - 1, (s) => articleLabel(number, s)));
    } else {
      const lastBase = suffix ? number : number - 1;
      if (lastBase >= last.number + 1)
        missing.push(numberRangeLabel(last.number + 1, lastBase, (n) => articleLabel(n)));
      if (suffix && suffix > 1) missing.push(numberRangeLabel(1, suffix - 1, (s) => articleLabel(number, s)));
    }
    if (missing.length > 0) report('warning', 'missing_article', `${last.label}之后缺少${missing.join('、')}`, line);
  };

  const openParagraph = (body: string, start: number, end: number) => {
    if (!article) return;
    paragraph = makeNode('paragraph', article.children.length + 1, null, '', start, end);
    paragraph.label = `第${formatChineseInteger(paragraph.number)}款`;
    paragraph.body = body;
    article.children.push(paragraph);
    item = null;
    extendOpenNodes(end);
  };

  const openArticle = (number: number, suffix: number | null, rest: string, line: Line) => {
    const label = articleLabel(number, suffix);
    checkArticleNumber(number, suffix, label, line);
    const node = makeNode('article', number, suffix, label, line.start, line.end);
    let body = rest.trim();
    const headingMatch = ARTICLE_HEADING_RE.exec(body);
    const headingText = headingMatch ? (headingMatch.slice(1).find((g) => g !== undefined) ?? '') : '';
    if (headingMatch && parseChineseInteger(headingText) === null) {
      node.heading = headingText.trim();
      body = body.slice(headingMatch[0].length);
    }
    const parent: DraftNode | null = section ?? chapter ?? part;
    (parent ? parent.children : nodes).push(node);
    article = node;
    paragraph = null;
    item = null;
    extendOpenNodes(line.end);
    if (body !== '') openParagraph(body, line.end - body.length, line.end);
    isPrevTerminated = body === '' || TERMINAL_RE.test(body);
  };

  // Returns true when the line opened a heading or an article.
  const nextLine = (line: Line): Line | null => {
    for (let i = line.lineNo; i < lines.length; i++) {
      const next = lines[i]!;
      if (next.text !== '' && !PAGE_NUMBER_RE.test(next.text) && !toc.skip.has(i)) return next;
    }
    return null;
  };

  const isArticleOrSectionLine = (line: Line | null): boolean => {
    if (!line || quoted[line.lineNo - 1]) return false;
    const heading = HEADING_RE.exec(line.text);
    if (heading && HEADING_KINDS[heading[2]!] === 'section') return true;
    const match = ARTICLE_RE.exec(line.text);
    return match !== null && parseChineseInteger(match[1]!) !== null;
  };

  const openUnnumberedChapter = (line: Line) => {
    const number = (headingState.chapter.last ?? 0) + 1;
    const label = headingLabel('chapter', number);
    const heading = compactTitle(line.text);
    checkHeadingNumber('chapter', number, line);
    openHeading('chapter', number, label, heading, line);
    report(
      'warning',
      'unnumbered_heading',
      `“${heading}”没有“第X章”字样，已作为${label}的标题；如不是章的标题，请修改`,
      line,
    );
  };

  // Returns true when the line opened a heading or an article.
  const tryStructure = (line: Line): boolean => {
    if (quoted[line.lineNo - 1]) return false;
    if (isItemsMode) {
      const item = ENUMERATED_RE.exec(line.text);
      const number = item ? parseChineseInteger(item[1]!) : null;
      if (!item || number !== (lastArticle?.number ?? 0) + 1) return false;
      openArticle(number, null, ` ${item[2]!}`, line);
      return true;
    }
    const heading = HEADING_RE.exec(line.text);
    if (heading) {
      const number = parseChineseInteger(heading[1]!);
      const rest = heading[3]!;
      const hasSeparator = rest === '' || /^\s/.test(rest);
      const headingText = compactTitle(rest.trim());
      if (number !== null && number > 0 && isValidHeadingText(headingText) && (hasSeparator || isPrevTerminated)) {
        const kind = HEADING_KINDS[heading[2]!]!;
        checkHeadingNumber(kind, number, line);
        openHeading(kind, number, headingLabel(kind, number), headingText, line);
        return true;
      }
    }
    const container = section ?? chapter ?? part;
    const isHeadingTitleLine = container !== null && container.heading === '' && article === null;
    if (phase === 'body' && SUPPLEMENTARY_RE.test(line.text) && !isHeadingTitleLine) {
      const number = (headingState.chapter.last ?? 0) + 1;
      headingState.chapter.last = number;
      headingState.chapter.seen.add(number);
      openHeading('chapter', number, '附则', '', line);
      return true;
    }
    if (
      isPrevTerminated &&
      !isHeadingTitleLine &&
      isUnnumberedHeadingText(line.text) &&
      // Only a draft whose first chapter is an unnumbered 总则 lost its 第X章 throughout; elsewhere such a line is
      // more likely a short paragraph without its full stop.
      (phase === 'body' ? hasUnnumberedChapters : compactTitle(line.text) === '总则') &&
      isArticleOrSectionLine(nextLine(line))
    ) {
      hasUnnumberedChapters = true;
      openUnnumberedChapter(line);
      return true;
    }
    const match = ARTICLE_RE.exec(line.text);
    if (!match) return false;
    const number = parseChineseInteger(match[1]!);
    const suffix = match[2] ? parseChineseInteger(match[2]) : null;
    if (number === null || number === 0 || suffix === 0 || (match[2] && suffix === null)) return false;
    const rest = match[3]!;
    const hasSeparator = rest === '' || /^[\s【〔〖[（(]/.test(rest);
    if (!hasSeparator) {
      // 第五条为了…: the next article with no space after its number, even after a line missing its full stop;
      // 第五条规定的… at the start of a line is a citation inside the article before.
      const last = lastArticle;
      const isExpected = last
        ? number === last.number + 1 || (number === last.number && (suffix ?? 0) === (last.suffix ?? 0) + 1)
        : number === 1 && suffix === null;
      if (!isExpected || CITATION_AFTER_NUMBER_RE.test(rest)) return false;
    }
    openArticle(number, suffix, rest, line);
    return true;
  };

  const addText = (line: Line) => {
    if (!article) {
      const container = section ?? chapter ?? part;
      if (!container) return;
      if (container.heading === '' && lastHeadingLine === line.lineNo - 1 && isValidHeadingText(line.text)) {
        // 第一章 on one line and 总则 on the next.
        container.heading = compactTitle(line.text);
      } else {
        report('warning', 'stray_text', `${container.label}中有不属于任何条的文字：“${line.text.slice(0, 20)}”`, line);
        container.body = container.body ? `${container.body}\n${line.text}` : line.text;
      }
      lastHeadingLine = line.lineNo;
      container.end = Math.max(container.end, line.end);
      isPrevTerminated = true;
      return;
    }
    const itemMatch = ITEM_RE.exec(line.text);
    const itemNumber = itemMatch ? parseChineseInteger(itemMatch[1]!) : null;
    if (itemMatch && itemNumber) {
      if (!paragraph) openParagraph('', line.start, line.start);
      const current = paragraph as DraftNode | null;
      if (!current) return;
      const previous = current.children.at(-1);
      const label = `（${formatChineseInteger(itemNumber)}）`;
      const expected = (previous?.number ?? 0) + 1;
      if (current.children.some((c) => c.number === itemNumber)) {
        report('warning', 'item_out_of_order', `${article.label}中，第${label}项重复出现`, line);
      } else if (itemNumber !== expected) {
        const expectedLabel = `（${formatChineseInteger(expected)}）`;
        const where = previous ? `第${previous.label}项之后` : '第一项';
        report(
          'warning',
          'item_out_of_order',
          `${article.label}中，${where}应为第${expectedLabel}项，实为第${label}项`,
          line,
        );
      }
      item = makeNode('item', itemNumber, null, label, line.start, line.end);
      item.body = itemMatch[2]!.trim();
      current.children.push(item);
      extendOpenNodes(line.end);
      isPrevTerminated = TERMINAL_RE.test(line.text);
      return;
    }
    const target = item ?? paragraph;
    // In an amendment, each 第X条修改为… and each quoted paragraph is a paragraph of its own.
    const citation = ARTICLE_RE.exec(line.text);
    const isOwnParagraph =
      (isItemsMode || isAmendment) &&
      (OPEN_QUOTES.some((q) => line.text.startsWith(q)) ||
        (citation !== null &&
          !quoted[line.lineNo - 1] &&
          (isPrevTerminated || AMENDMENT_VERB_RE.test(citation[3]!.trim()))));
    if (target && SUB_ITEM_RE.test(line.text)) {
      target.body = target.body ? `${target.body}\n${line.text}` : line.text;
    } else if (!paragraph || isOwnParagraph || (isPrevTerminated && (!isIndentMode || line.isIndented))) {
      openParagraph(line.text, line.start, line.end);
    } else {
      const wrapped = item ?? paragraph;
      wrapped.body = joinWrapped(wrapped.body, line.text);
    }
    extendOpenNodes(line.end);
    isPrevTerminated = TERMINAL_RE.test(line.text);
  };

  for (const line of lines) {
    if (line.text === '' || PAGE_NUMBER_RE.test(line.text) || toc.skip.has(line.lineNo - 1)) continue;
    if (phase === 'appendix') {
      appendixLines.push(line.text);
      continue;
    }
    if (phase === 'front') {
      if (tryStructure(line)) {
        phase = 'body';
        titleKeys = titleCopyKeys(frontLines);
        continue;
      }
      frontLines.push(line.text);
      continue;
    }
    // A decision amending a law is often published with the law as revised after it (附：修正本): from the law's
    // title on, that text is an appendix, not more of the decision's items.
    const isRevisedLawTitle = isAmendment && isTitleLine(line.text);
    if (article && (APPENDIX_RE.test(line.text) || isRevisedLawTitle) && !quoted[line.lineNo - 1]) {
      phase = 'appendix';
      appendixLines.push(line.text);
      continue;
    }
    // A PDF's page header repeating the title, even when it appears only twice (too few for a running header).
    if (titleKeys.has(compactTitle(stripBookTitle(line.text)))) continue;
    if (tryStructure(line)) continue;
    addText(line);
  }

  const { title, preamble } = splitFrontMatter(frontLines);
  const lineAt = (offset: number) => lines.findLast((l) => l.start <= offset)?.lineNo ?? null;
  checkWholeDraft(nodes, title, issues, lineAt);
  for (const issue of issues) {
    const text = issue.line === null ? '' : (lines[issue.line - 1]?.text ?? '');
    if (text !== '') issue.source = Array.from(text).length > 30 ? `${Array.from(text).slice(0, 30).join('')}…` : text;
  }
  return { title, preamble, nodes, appendix: appendixLines.join('\n'), issues };
}

const UNNUMBERED_HEADING_BLOCK_RE = /应当|可以|不得|本条例|本办法|本规定|本决定|施行|规定的|的规定/;

/** 信用信息管理 between two articles: a chapter heading that lost its 第X章 (or never had one). */
function isUnnumberedHeadingText(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  const length = Array.from(compact).length;
  return (
    length >= 2 &&
    length <= 15 &&
    /^[\p{Script=Han}、]+$/u.test(compact) &&
    !UNNUMBERED_HEADING_BLOCK_RE.test(compact) &&
    !TITLE_RE.test(compact) &&
    !ARTICLE_RE.test(compact) &&
    !HEADING_RE.test(compact)
  );
}

const OPEN_QUOTES = ['“', '「', '『'];
const CLOSE_QUOTES = ['”', '」', '』'];
const lastIndexOfAny = (text: string, chars: string[]) => Math.max(...chars.map((c) => text.lastIndexOf(c)));

/**
 * Lines inside quotation marks: an amendment quotes the articles it writes into another law (“第十三条　……”), and a
 * quoted paragraph opens with “ on every line of its own. A quotation wrapped onto the next line stays open only
 * across a line that does not end a sentence, so one unbalanced mark cannot swallow the rest of the draft.
 */
function markQuotedLines(lines: Line[]): boolean[] {
  const quoted: boolean[] = [];
  let isOpen = false;
  let isPrevTerminated = true;
  for (const line of lines) {
    const text = line.text;
    if (text === '') {
      quoted.push(false);
      continue;
    }
    const startsQuoted = OPEN_QUOTES.some((q) => text.startsWith(q));
    quoted.push(startsQuoted || (isOpen && !isPrevTerminated));
    const lastOpen = lastIndexOfAny(text, OPEN_QUOTES);
    const lastClose = lastIndexOfAny(text, CLOSE_QUOTES);
    if (lastOpen > lastClose) isOpen = true;
    else if (lastClose > lastOpen) isOpen = false;
    else if (!quoted.at(-1)) isOpen = false;
    isPrevTerminated = TERMINAL_RE.test(text);
  }
  return quoted;
}

const stripBookTitle = (text: string) => text.replace(/^《([^《》]+)》/, '$1');

function isTitleLine(text: string): boolean {
  const compact = stripBookTitle(text.trim());
  const opens = compact.split('《').length;
  const closes = compact.split('》').length;
  return opens === closes && TITLE_RE.test(compact) && !NOT_TITLE_RE.test(compact.replace(/[（(][^（()）]*[）)]$/, ''));
}

/** A 修正案 or a decision amending other laws, judged by its title. */
function isAmendmentDocument(lines: Line[], quoted: boolean[]): boolean {
  for (const line of lines) {
    if (quoted[line.lineNo - 1] || line.text === '') continue;
    if (ARTICLE_RE.test(line.text) || ENUMERATED_RE.test(line.text)) return false;
    if (isTitleLine(line.text) && AMENDMENT_TITLE_RE.test(line.text)) return true;
  }
  return false;
}

/** A decision or amendment whose articles are its 一、二、… items: it has such items and (unless it amends) no 第X条. */
function isItemsDocument(lines: Line[], quoted: boolean[], isAmendment: boolean): boolean {
  let expected = 1;
  let hasOwnArticles = false;
  for (const line of lines) {
    if (quoted[line.lineNo - 1]) continue;
    const item = ENUMERATED_RE.exec(line.text);
    if (item && parseChineseInteger(item[1]!) === expected) expected += 1;
    const article = ARTICLE_RE.exec(line.text);
    if (article && (article[3] === '' || /^[\s【〔〖[（(]/.test(article[3]!))) {
      if (!isAmendment || !AMENDMENT_VERB_RE.test(article[3]!.trim())) hasOwnArticles = true;
    }
  }
  return expected > 2 && (isAmendment || !hasOwnArticles);
}

type TocEntry = { index: number; kind: HeadingKind; number: number; isBare: boolean };

function tocEntryOf(text: string): Omit<TocEntry, 'index'> | null {
  const entry = text.replace(/[\s.…·・\-—_]*\d*$/, '').trim();
  if (SUPPLEMENTARY_RE.test(entry.replace(/\s+/g, ''))) return { kind: 'chapter', number: 0, isBare: false };
  const heading = HEADING_RE.exec(entry);
  if (!heading) return null;
  const number = parseChineseInteger(heading[1]!);
  const title = compactTitle(heading[3]!.trim());
  if (!number || !isValidHeadingText(title)) return null;
  return { kind: HEADING_KINDS[heading[2]!]!, number, isBare: title === '' };
}

/**
 * Finds tables of contents: runs of heading lines with nothing between them, either after a 目录 line or holding two
 * headings of the same kind in a row (two chapters with no article between cannot be the body). When the body's
 * first heading follows the run directly, the run ends where its first entry comes again.
 */
function findTableOfContents(lines: Line[], quoted: boolean[]) {
  const skip = new Set<number>();
  const guessed: { from: number; count: number }[] = [];
  let run: TocEntry[] = [];
  let tocLine: number | null = null;
  const close = () => {
    if (run.length >= 2) {
      const hasTitle = tocLine !== null && tocLine === (run[0]!.index > 0 ? lastBefore(run[0]!.index) : null);
      const isToc = hasTitle || run.some((e, i) => i > 0 && e.kind === run[i - 1]!.kind);
      if (isToc) {
        const first = run[0]!;
        const repeat = run.findIndex((e, i) => i > 0 && e.kind === first.kind && e.number === first.number);
        const entries = repeat > 0 ? run.slice(0, repeat) : run;
        for (const e of entries) skip.add(e.index);
        if (hasTitle) skip.add(tocLine!);
        else guessed.push({ from: entries[0]!.index, count: entries.length });
      }
    }
    run = [];
  };
  const lastBefore = (index: number) => {
    for (let i = index - 1; i >= 0; i--) if (lines[i]!.text !== '' && !PAGE_NUMBER_RE.test(lines[i]!.text)) return i;
    return null;
  };
  lines.forEach((line, index) => {
    if (line.text === '' || PAGE_NUMBER_RE.test(line.text)) return;
    const entry = quoted[index] ? null : tocEntryOf(line.text);
    // 第五章 on one line and 附则 on the next: the second line is the heading's title, not another entry.
    if (entry && entry.number === 0 && run.at(-1)?.isBare) return;
    if (entry) {
      run.push({ index, ...entry });
    } else {
      close();
      if (TOC_RE.test(line.text.replace(/\s+/g, ''))) tocLine = index;
    }
  });
  close();
  return { skip, guessed };
}

/** The title as a page header would repeat it: with and without its draft marker. */
function titleCopyKeys(front: string[]): Set<string> {
  const at = front.findIndex(isTitleLine);
  if (at < 0) return new Set();
  const base = compactTitle(stripBookTitle(front[at]!.trim()));
  const { title } = splitFrontMatter(front);
  return new Set([base, title]);
}

/**
 * The title is the first line before the body that names an instrument (…条例, …办法, …的决定, …修正案), with its
 * draft marker; breadcrumbs, notices (…的公告) and page titles (…全文) before it are preamble.
 */
function splitFrontMatter(front: string[]): { title: string; preamble: string } {
  let at = front.findIndex(isTitleLine);
  if (at < 0) at = front.findIndex((t) => !ATTACHMENT_LINE_RE.test(t) && !/^[（(]/.test(t));
  if (at < 0) return { title: '', preamble: front.join('\n') };
  const used = new Set([at]);
  const parts = [stripBookTitle(front[at]!.trim())];
  for (let i = at + 1; i < front.length && DRAFT_MARKER_RE.test(front[i]!); i++) {
    parts.push(front[i]!);
    used.add(i);
  }
  const title = compactTitle(parts.join(''));
  // A page repeats the title (in its header and above the text): the copies are not preamble.
  const isTitleCopy = (t: string) => compactTitle(stripBookTitle(t.trim())) === compactTitle(parts[0]!);
  return { title, preamble: front.filter((t, i) => !used.has(i) && !isTitleCopy(t)).join('\n') };
}

function checkWholeDraft(
  nodes: DraftNode[],
  title: string,
  issues: DraftIssue[],
  lineAt: (offset: number) => number | null,
): void {
  const articles: { node: DraftNode; isInChapter: boolean }[] = [];
  let hasChapters = false;
  const walk = (list: DraftNode[], isInChapter: boolean) => {
    for (const node of list) {
      if (node.kind === 'chapter') hasChapters = true;
      if (node.kind === 'article') articles.push({ node, isInChapter });
      else walk(node.children, isInChapter || node.kind === 'chapter' || node.kind === 'section');
    }
  };
  walk(nodes, false);
  const at = (node: DraftNode) => ({ line: lineAt(node.start), offset: node.start });
  if (articles.length === 0) {
    issues.unshift({
      level: 'error',
      code: 'no_articles',
      message: '未识别到任何条文，请确认条文以“第一条”“第二条”……开头',
      line: null,
      offset: null,
    });
  }
  for (const { node, isInChapter } of articles) {
    const hasText = node.children.some((p) => p.body !== '' || p.children.length > 0);
    if (!hasText)
      issues.push({ level: 'warning', code: 'empty_article', message: `${node.label}没有条文内容`, ...at(node) });
    if (hasChapters && !isInChapter) {
      issues.push({
        level: 'warning',
        code: 'article_outside_chapter',
        message: `${node.label}不属于任何一章，请检查章的标题`,
        ...at(node),
      });
    }
  }
  if (title === '' && articles.length > 0) {
    issues.push({
      level: 'warning',
      code: 'no_title',
      message: '未识别到草案标题，请在第一行填写草案名称',
      line: null,
      offset: null,
    });
  }
}
