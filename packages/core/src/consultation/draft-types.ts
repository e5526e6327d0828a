/** 编 / 章 / 节 / 条 / 款 / 项 */
export type DraftNodeKind = 'part' | 'chapter' | 'section' | 'article' | 'paragraph' | 'item';

export type DraftNode = {
  kind: DraftNodeKind;
  /** 第三条 → 3; a paragraph's number is its position in the article (第二款 → 2). */
  number: number;
  /** 第十条之一 → 1; null for every other node. */
  suffix: number | null;
  /** As a reader cites it: 第二章, 第十条之一, 第二款, （三）, or 附则 for an unnumbered supplementary chapter. */
  label: string;
  /** 总则 for a chapter; an article's 条旨 (【立法目的】) when the draft has one; otherwise ''. */
  heading: string;
  /** Text the node owns itself, without its children; a paragraph's lead-in before its items. */
  body: string;
  children: DraftNode[];
  /** Offsets into the parsed text: [start, end). */
  start: number;
  end: number;
};

export type DraftIssueCode =
  | 'no_articles'
  | 'duplicate_article'
  | 'missing_article'
  | 'article_out_of_order'
  | 'first_article_not_one'
  | 'duplicate_heading'
  | 'missing_heading'
  | 'heading_out_of_order'
  | 'empty_article'
  | 'article_outside_chapter'
  | 'stray_text'
  | 'item_out_of_order'
  | 'no_title'
  /** A short line taken as a chapter heading that has no 第X章. */
  | 'unnumbered_heading'
  /** Heading lines with no articles, taken as a table of contents although no 目录 line names it. */
  | 'toc_guessed'
  /** The text was Traditional and was converted to Simplified before splitting. */
  | 'converted_traditional'
  /** A decision or amendment split by its 一、二、… items instead of 第X条. */
  | 'enumerated_items';

export type DraftIssue = {
  /** An error blocks publishing the draft; a warning asks staff to look. */
  level: 'error' | 'warning';
  code: DraftIssueCode;
  message: string;
  /** 1-based line and offset of the place in the text, when there is one. */
  line: number | null;
  offset: number | null;
  /** The start of that line as given (after noise removal), so a reader can find it once the text is re-rendered. */
  source?: string;
};

export type ParsedDraft = {
  title: string;
  /** Text between the title and the first heading or article: adoption notes, 说明; a 目录 is dropped. */
  preamble: string;
  nodes: DraftNode[];
  /** Text after the articles that is not part of them: 附件, 关于《……》的说明. */
  appendix: string;
  issues: DraftIssue[];
};
