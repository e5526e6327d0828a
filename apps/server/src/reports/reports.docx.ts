import { formatFigure } from '@fazhi/core/reports/figure-phrases';
import { ordinalMarker } from '@fazhi/core/reports/outlines';
import { chineseDate, paragraphsOf, type ReportContent, splitRunInHeading } from '@fazhi/core/reports/report-text';
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/**
 * GB/T 9704-2012 (党政机关公文格式): A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; a 22 lines × 28
 * characters grid; title 二号 方正小标宋简体; body 三号 仿宋_GB2312; level-1 headings 黑体, level-2 楷体_GB2312;
 * page numbers "— 1 —" in 四号 宋体, odd pages right and even pages left, one character in from the edge.
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
const CHAR = 320;

// The East-Asian hint sets ambiguous characters (“ ” ‘ ’ — …) in the Chinese font, full width, as 公文 expects.
const font = (eastAsia: string) => ({
  ascii: gbt9704.font.latin,
  hAnsi: gbt9704.font.latin,
  eastAsia,
  cs: gbt9704.font.latin,
  hint: 'eastAsia',
});
const exactLine = { line: gbt9704.grid.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/**
 * 28 characters of 三号 (16 pt) are 448 pt, a little wider than the 442 pt text block. A lines-and-characters grid
 * (charSpace −849) makes Word squeeze them onto a 15.8 pt pitch, but LibreOffice then gives every glyph two cells
 * (14 a line). So the grid here fixes the 22 lines only, and each body character is tightened by 0.25 pt: 28 a line
 * in Word, WPS and LibreOffice alike.
 */
const gridFit = -5;

const run = (text: string, eastAsia: string = gbt9704.font.body, size: number = gbt9704.size.body) =>
  new TextRun({
    text,
    font: font(eastAsia),
    size,
    // Only body-size text lives on the character grid; a larger title would take two cells a character.
    ...(size === gbt9704.size.body ? { characterSpacing: gridFit } : { snapToGrid: false }),
  });

const bodyParagraph = (children: TextRun[]) =>
  new Paragraph({ children, spacing: exactLine, indent: { firstLine: 2 * CHAR }, alignment: AlignmentType.JUSTIFIED });

const blank = () => new Paragraph({ children: [], spacing: exactLine });

/** Width of a line in characters: Han and full-width count 1, digits and Latin ½. */
const widthInChars = (text: string) => [...text].reduce((n, ch) => n + ((ch.codePointAt(0) ?? 0) < 0x100 ? 0.5 : 1), 0);

export type FigureTableRow = { name: string; unit: string; value: number; previous: number | null };

function figureTable(rows: readonly FigureTableRow[]) {
  const cell = (text: string, align: (typeof AlignmentType)[keyof typeof AlignmentType], bold = false) =>
    new TableCell({
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: align,
          spacing: { line: 400, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: [run(text, bold ? gbt9704.font.heading1 : gbt9704.font.body, gbt9704.size.table)],
        }),
      ],
    });
  const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const change = (r: FigureTableRow) => {
    if (r.previous === null) return '—';
    const delta = Math.round((r.value - r.previous) * 100) / 100;
    return delta === 0 ? '持平' : `${delta > 0 ? '+' : '−'}${formatFigure(Math.abs(delta))}`;
  };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [3844, 1100, 1600, 1600, 1700],
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        children: ['指标', '单位', '本年', '上年', '增减'].map((h) => cell(h, AlignmentType.CENTER, true)),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: [
              cell(r.name, AlignmentType.LEFT),
              cell(r.unit, AlignmentType.CENTER),
              cell(formatFigure(r.value), AlignmentType.RIGHT),
              cell(r.previous === null ? '—' : formatFigure(r.previous), AlignmentType.RIGHT),
              cell(change(r), AlignmentType.RIGHT),
            ],
          }),
      ),
    ],
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

/** The report as a .docx; `table` rows follow the first section (主要举措和成效) as 主要数据对照表. */
export async function buildReportDocx(content: ReportContent, table: readonly FigureTableRow[] = []): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exactLine,
      children: [run(content.title, gbt9704.font.title, gbt9704.size.title)],
    }),
    blank(),
  ];
  for (const line of paragraphsOf(content.preamble)) children.push(bodyParagraph([run(line)]));
  content.sections.forEach((section, index) => {
    children.push(bodyParagraph([run(`${ordinalMarker(index)}${section.heading}`, gbt9704.font.heading1)]));
    for (const paragraph of paragraphsOf(section.body)) {
      const { heading, rest } = splitRunInHeading(paragraph);
      children.push(bodyParagraph(heading ? [run(heading, gbt9704.font.heading2), run(rest)] : [run(rest)]));
    }
    if (index === 0 && table.length > 0) {
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: exactLine,
          keepNext: true,
          children: [run('主要数据对照表', gbt9704.font.heading1)],
        }),
        figureTable(table),
      );
    }
  });
  // 成文日期右空四字; the signing unit is centred above the date.
  const date = chineseDate(content.signedDate);
  const dateRight = 4 * CHAR;
  const signerRight = Math.max(0, dateRight + ((widthInChars(date) - widthInChars(content.signedBy)) / 2) * CHAR);
  children.push(blank(), blank());
  if (content.signedBy) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: exactLine,
        indent: { right: date ? Math.round(signerRight) : dateRight },
        children: [run(content.signedBy)],
      }),
    );
  }
  if (date) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: exactLine,
        indent: { right: dateRight },
        children: [run(date)],
      }),
    );
  }

  const doc = new Document({
    creator: 'Fazhi 法治建设综合管理平台',
    title: content.title,
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
          page: { size: gbt9704.page, margin: { ...gbt9704.margin, header: 851, footer: 1134 } },
          grid: { type: DocumentGridType.LINES, linePitch: gbt9704.grid.linePitch },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
