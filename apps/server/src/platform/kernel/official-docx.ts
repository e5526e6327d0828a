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
  SectionType,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
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
  grid: { linePitch: 579, linesPerPage: 22 },
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
  /**
   * The 版记 (抄送, 印发): GB/T 9704-2012 §7.4 puts it at the foot of the last page, an even page (封四). It gets a
   * section of its own that starts on the next even page, bottom-aligned (Word) and filled from the top with blank grid
   * lines (LibreOffice); when the body ends on an even page, a blank odd page comes between (the standard allows a
   * blank page before the 版记 page).
   */
  backPage?: Paragraph[];
};

/** The .docx of an official document: page, margins, line grid, default fonts and "— 1 —" page numbers. */
export async function officialDocument(doc: OfficialDocument): Promise<Buffer> {
  const isLandscape = doc.orientation === 'landscape';
  const m = gbt9704.margin;
  const margin = isLandscape ? { top: m.left, bottom: m.right, left: m.top, right: m.bottom } : m;
  const pageProperties = {
    page: {
      size: { ...gbt9704.page, ...(isLandscape ? { orientation: PageOrientation.LANDSCAPE } : {}) },
      margin: { ...margin, header: 851, footer: 1134 },
    },
    ...(doc.lineGrid === false ? {} : { grid: { type: DocumentGridType.LINES, linePitch: gbt9704.grid.linePitch } }),
  };
  const footers = { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
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
      { properties: pageProperties, footers, children: doc.children },
      ...(doc.backPage?.length
        ? [
            {
              properties: {
                ...pageProperties,
                type: SectionType.EVEN_PAGE,
                verticalAlign: VerticalAlign.BOTTOM,
              },
              footers,
              children: doc.backPage,
            },
          ]
        : []),
    ],
  });
  return Packer.toBuffer(document);
}

/** 版头 (GB/T 9704-2012 §7.2): the 发文机关标志 in red 小标宋, the 发文字号 under it, and the red separator line. */
export type RedHeader = { issuer: string; docNo?: string };

/** The red used for the 发文机关标志 and the separator line. */
export const officialRed = 'FF0000';

/**
 * 版头: three blank lines (the mark's top sits about 35 mm below the text block's top, §7.2.3), the 发文机关标志
 * centred in red 方正小标宋简体 sized to fit one line (at most 初号-like 42 pt), two blank lines, the 发文字号 centred,
 * then the red separator line 4 mm below it across the text block's width (§7.2.5).
 */
export function redHeaderParagraphs(header: RedHeader): Paragraph[] {
  const width = widthInChars(header.issuer) || 1;
  // Half-points: the mark fits the 156 mm (442 pt) text block on one line.
  const size = Math.min(84, Math.floor((2 * 430) / width));
  const mark = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: Math.max(gbt9704.grid.linePitch, size * 12), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [
      new TextRun({
        text: header.issuer,
        font: font(gbt9704.font.title),
        size,
        color: officialRed,
        snapToGrid: false,
      }),
    ],
  });
  const redLine = new Paragraph({
    spacing: { line: 120, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: officialRed, space: 1 } },
    children: [],
  });
  return [
    blank(),
    blank(),
    mark,
    blank(),
    blank(),
    ...(header.docNo ? [centredParagraph(header.docNo)] : []),
    redLine,
    blank(),
  ];
}

/**
 * 落款 with the 印章 position (§7.3.5.1): the signing office centred over the date, the date 右空四字, and a note
 * where the seal goes (端正、居中下压发文机关署名和成文日期). The note is grey and small: it marks the place for the
 * person who stamps the paper.
 */
export function sealedSignatureBlock(signedBy: string, date: string): Paragraph[] {
  const [first, second, ...rest] = signatureBlock(signedBy, date);
  const note = new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: exactLine,
    indent: { right: Math.round(4 * CHAR + ((widthInChars(date) - 6) / 2) * CHAR) },
    children: [
      new TextRun({
        text: '（印章位置）',
        font: font(gbt9704.font.body),
        size: 21,
        color: '999999',
        snapToGrid: false,
      }),
    ],
  });
  return [first!, second!, note, ...rest];
}

/**
 * 版记 (§7.4): 抄送机关 and 印发机关 with 印发日期, between black separator lines (first and last thicker), 四号
 * 仿宋_GB2312, one character in from each side; the 印发日期 in Arabic numerals followed by 印发.
 */
export type Distribution = { cc?: string; printedBy: string; printedOn: string };

export function distributionBlock(d: Distribution): Paragraph[] {
  const size = gbt9704.size.table;
  const line = { line: Math.round(size * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 };
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
  const textRun = (text: string) => new TextRun({ text, font: font(gbt9704.font.body), size, snapToGrid: false });
  const rows: Paragraph[] = [];
  if (d.cc)
    rows.push(
      new Paragraph({
        spacing: line,
        indent: { left: 280, right: 280, hanging: 0 },
        border: { top: thick, bottom: thin },
        children: [textRun(`抄送：${d.cc}。`)],
      }),
    );
  rows.push(
    new Paragraph({
      spacing: line,
      indent: { left: 280, right: 280 },
      tabStops: [{ type: TabStopType.RIGHT, position: textWidth() - 280 }],
      border: { ...(d.cc ? {} : { top: thick }), bottom: thick },
      children: [
        textRun(d.printedBy),
        new TextRun({ children: [new Tab(), `${d.printedOn}印发`], font: font(gbt9704.font.body), size }),
      ],
    }),
  );
  // The 版记 has a page of its own (the document's last section, see `backPage`): blank grid lines fill the text block
  // above it so it sits at the foot of the page (LibreOffice ignores a section's bottom alignment, a frame's, and an
  // exact line taller than the page's grid). One line is kept spare for the border lines, so nothing spills over.
  const spare = 1;
  const fill = Array.from({ length: gbt9704.grid.linesPerPage - rows.length - spare }, () => blank());
  return [...fill, ...rows];
}

export type DocBlock =
  | { kind: 'redHeader'; header: RedHeader }
  | { kind: 'sealedSignature'; signedBy: string; date: string }
  | { kind: 'distribution'; distribution: Distribution }
  | { kind: 'title'; text: string }
  | { kind: 'docNo'; text: string }
  | { kind: 'addressee'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'body'; text: string; label?: string }
  | { kind: 'signature'; text: string }
  | { kind: 'blank' };

/** A document as a list of blocks (通报, 情况报告): each block becomes its GB/T 9704 paragraph(s). */
export function blockParagraphs(block: DocBlock): Paragraph[] {
  switch (block.kind) {
    case 'redHeader':
      return redHeaderParagraphs(block.header);
    case 'sealedSignature':
      return sealedSignatureBlock(block.signedBy, block.date);
    case 'distribution':
      return distributionBlock(block.distribution);
    default:
      return [blockParagraph(block)];
  }
}

type SingleBlock = Exclude<DocBlock, { kind: 'redHeader' | 'sealedSignature' | 'distribution' }>;

export function blockParagraph(block: SingleBlock): Paragraph {
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
  officialDocument({
    ...meta,
    children: blocks.filter((b) => b.kind !== 'distribution').flatMap(blockParagraphs),
    backPage: blocks.filter((b) => b.kind === 'distribution').flatMap(blockParagraphs),
  });
