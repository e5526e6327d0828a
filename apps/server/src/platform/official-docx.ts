import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/**
 * The one builder of official documents (GB/T 9704-2012, 党政机关公文格式) every module's .docx goes through: A4;
 * margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; 22 lines × 28 characters; title 二号 方正小标宋简体; body
 * 三号 仿宋_GB2312; level-1 headings 黑体, level-2 楷体_GB2312; page numbers "— 1 —" in 四号 宋体, odd pages right
 * and even pages left, one character in from the edge. Modules supply only their content.
 */
export const gbt9704 = {
  page: { width: 11906, height: 16838 },
  margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
  grid: { linePitch: 579 },
  size: { title: 44, body: 32, pageNumber: 28, table: 28 },
  font: {
    title: '方正小标宋简体',
    body: '仿宋_GB2312',
    heading1: '黑体',
    heading2: '楷体_GB2312',
    pageNumber: '宋体',
    latin: 'Times New Roman',
  },
} as const;

/** One character of 三号 (16 pt) in twips: indents are counted in characters. */
export const CHAR = 320;

// The East-Asian hint sets ambiguous characters (“ ” ‘ ’ — …) in the Chinese font, full width, as 公文 expects.
const font = (eastAsia: string) => ({
  ascii: gbt9704.font.latin,
  hAnsi: gbt9704.font.latin,
  eastAsia,
  cs: gbt9704.font.latin,
  hint: 'eastAsia',
});

/** Body lines at the grid's pitch: 22 a page. */
export const exactLine = { line: gbt9704.grid.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/**
 * 28 characters of 三号 (16 pt) are 448 pt, a little wider than the 442 pt text block. A lines-and-characters grid
 * (charSpace −849) makes Word squeeze them onto a 15.8 pt pitch, but LibreOffice then gives every glyph two cells
 * (14 a line). So the grid here fixes the 22 lines only, and each body character is tightened by 0.25 pt: 28 a line
 * in Word, WPS and LibreOffice alike.
 */
const gridFit = -5;

export type RunOptions = { bold?: boolean };

/** A run in a Chinese font (body 仿宋_GB2312 三号 by default); only body-size text is fitted to the grid. */
export const run = (
  text: string,
  eastAsia: string = gbt9704.font.body,
  size: number = gbt9704.size.body,
  options: RunOptions = {},
) =>
  new TextRun({
    text,
    font: font(eastAsia),
    size,
    bold: options.bold,
    // A larger title would take two cells a character.
    ...(size === gbt9704.size.body ? { characterSpacing: gridFit } : { snapToGrid: false }),
  });

/** A body paragraph: two characters' first-line indent, justified, on the line grid. */
export const bodyParagraph = (children: TextRun[]) =>
  new Paragraph({ children, spacing: exactLine, indent: { firstLine: 2 * CHAR }, alignment: AlignmentType.JUSTIFIED });

/** 一、… in 黑体 (level 1) or （一）… in 楷体_GB2312 (level 2), indented like the body. */
export const headingParagraph = (text: string, level: 1 | 2) =>
  bodyParagraph([run(text, level === 1 ? gbt9704.font.heading1 : gbt9704.font.heading2)]);

/** The title, 二号 方正小标宋简体, centred. */
export const titleParagraph = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exactLine,
    children: [run(text, gbt9704.font.title, gbt9704.size.title)],
  });

/** A centred line (发文字号, a table caption in 黑体 …), body size unless told. */
export const centredParagraph = (
  text: string,
  eastAsia: string = gbt9704.font.body,
  options: { keepNext?: boolean; size?: number } = {},
) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exactLine,
    keepNext: options.keepNext,
    children: [run(text, eastAsia, options.size)],
  });

/** A line flush left without indent (主送机关). */
export const flushParagraph = (text: string) => new Paragraph({ spacing: exactLine, children: [run(text)] });

export const blank = () => new Paragraph({ children: [], spacing: exactLine });

/** Width of a line in characters: Han and full-width count 1, digits and Latin ½. */
const widthInChars = (text: string) => [...text].reduce((n, ch) => n + ((ch.codePointAt(0) ?? 0) < 0x100 ? 0.5 : 1), 0);

/**
 * 落款 and 成文日期 after two blank lines: the date 右空四字, the signing unit centred above it. Either may be empty.
 */
export function signatureBlock(signedBy: string, date: string): Paragraph[] {
  const dateRight = 4 * CHAR;
  const signerRight = Math.max(0, dateRight + ((widthInChars(date) - widthInChars(signedBy)) / 2) * CHAR);
  const right = (text: string, indent: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exactLine,
      indent: { right: Math.round(indent) },
      children: [run(text)],
    });
  return [
    blank(),
    blank(),
    ...(signedBy ? [right(signedBy, date ? signerRight : dateRight)] : []),
    ...(date ? [right(date, dateRight)] : []),
  ];
}

type Align = 'left' | 'center' | 'right';
const alignments = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

export type TableColumn = { header: string; width: number; align?: Align };

/**
 * A bordered table: header row in 黑体 repeated on every page, rows never split across pages, cells on exact lines
 * (so the page's line grid does not stretch them). `size` is the text size in half-points (四号 28 by default); a
 * cell's `\n` starts a new line. `headerless` drops the header row (a label/value sheet).
 */
export function officialTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  options: { size?: number; boldFirstColumn?: boolean; headerless?: boolean } = {},
) {
  const size = options.size ?? gbt9704.size.table;
  const line = Math.round(size * 12.5);
  const cell = (text: string, column: TableColumn, isHeader: boolean, isLabel: boolean) =>
    new TableCell({
      width: { size: column.width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 80, right: 80 },
      children: text.split('\n').map(
        (part) =>
          new Paragraph({
            alignment: alignments[isHeader ? 'center' : (column.align ?? 'left')],
            spacing: { line, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
            children: [
              run(part, isHeader ? gbt9704.font.heading1 : gbt9704.font.body, size, { bold: isLabel && !isHeader }),
            ],
          }),
      ),
    });
  const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const header = new TableRow({
    tableHeader: true,
    children: columns.map((c) => cell(c.header, c, true, false)),
  });
  const body = rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: columns.map((c, i) => cell(r[i] ?? '', c, false, Boolean(options.boldFirstColumn) && i === 0)),
      }),
  );
  return new Table({
    width: { size: columns.reduce((n, c) => n + c.width, 0), type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: options.headerless ? body : [header, ...body],
  });
}

function pageNumberFooter(side: 'odd' | 'even') {
  const size = gbt9704.size.pageNumber;
  const f = font(gbt9704.font.pageNumber);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({ text: '— ', font: f, size }),
          new TextRun({ children: [PageNumber.CURRENT], font: f, size }),
          new TextRun({ text: ' —', font: f, size }),
        ],
      }),
    ],
  });
}

/** Text width of the page in twips (portrait 8844; landscape turns the page and its margins). */
export const textWidth = (orientation: 'portrait' | 'landscape' = 'portrait') =>
  orientation === 'portrait'
    ? gbt9704.page.width - gbt9704.margin.left - gbt9704.margin.right
    : gbt9704.page.height - gbt9704.margin.top - gbt9704.margin.bottom;

export type OfficialDocument = {
  title: string;
  creator?: string;
  children: (Paragraph | Table)[];
  /** A wide table turns the page: the margins turn with it (top 37 mm becomes left). */
  orientation?: 'portrait' | 'landscape';
  /**
   * The 22-line grid (default) suits running text; a document that is mostly a table leaves it off, since
   * LibreOffice would stretch every table line to a grid line.
   */
  lineGrid?: boolean;
};

/** The .docx of an official document: page, margins, line grid, default fonts and "— 1 —" page numbers. */
export async function officialDocument(doc: OfficialDocument): Promise<Buffer> {
  const isLandscape = doc.orientation === 'landscape';
  const m = gbt9704.margin;
  const margin = isLandscape ? { top: m.left, bottom: m.right, left: m.top, right: m.bottom } : m;
  const document = new Document({
    creator: doc.creator ?? 'Fazhi 法治建设综合管理平台',
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(gbt9704.font.body), size: gbt9704.size.body },
          paragraph: { spacing: exactLine },
        },
      },
      // LibreOffice reads the default size from the Normal style, not from the document defaults.
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          run: { font: font(gbt9704.font.body), size: gbt9704.size.body },
          paragraph: { spacing: exactLine },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { ...gbt9704.page, ...(isLandscape ? { orientation: PageOrientation.LANDSCAPE } : {}) },
            margin: { ...margin, header: 851, footer: 1134 },
          },
          ...(doc.lineGrid === false
            ? {}
            : { grid: { type: DocumentGridType.LINES, linePitch: gbt9704.grid.linePitch } }),
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: doc.children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

export type DocBlock =
  | { kind: 'title'; text: string }
  | { kind: 'docNo'; text: string }
  | { kind: 'addressee'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'body'; text: string; label?: string }
  | { kind: 'signature'; text: string }
  | { kind: 'blank' };

/** A document as a list of blocks (通报, 情况报告): each block becomes its GB/T 9704 paragraph. */
export function blockParagraph(block: DocBlock): Paragraph {
  switch (block.kind) {
    case 'title':
      return titleParagraph(block.text);
    case 'docNo':
      return centredParagraph(block.text);
    case 'addressee':
      return flushParagraph(block.text);
    case 'heading':
      return headingParagraph(block.text, 1);
    case 'subheading':
      return headingParagraph(block.text, 2);
    case 'body':
      return bodyParagraph([...(block.label ? [run(block.label, gbt9704.font.heading2)] : []), run(block.text)]);
    case 'signature':
      return new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: exactLine,
        indent: { right: 4 * CHAR },
        children: [run(block.text)],
      });
    case 'blank':
      return blank();
  }
}

export const blocksDocx = (blocks: readonly DocBlock[], meta: { title: string; creator: string }) =>
  officialDocument({ ...meta, children: blocks.map(blockParagraph) });
