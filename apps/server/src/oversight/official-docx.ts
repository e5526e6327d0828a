import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';

/**
 * Official-document (GB/T 9704) layout for generated .docx: A4, margins 37/35/28/26 mm (top/bottom/left/right),
 * title 二号 方正小标宋简体, body 三号 仿宋_GB2312 with a two-character first-line indent and 28-point fixed lines,
 * headings 黑体 (一、) and 楷体_GB2312 (（一）). Chinese fonts go in `eastAsia`, where Word looks for them.
 */
const fonts = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  subheading: '楷体_GB2312',
} as const;
const size = { title: 44, body: 32 } as const;
const exactLine = { line: 560, lineRule: LineRuleType.EXACT } as const;

const run = (text: string, font: string, sz: number, bold = false) =>
  new TextRun({ text, size: sz, bold, font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: font } });

export type DocBlock =
  | { kind: 'title'; text: string }
  | { kind: 'docNo'; text: string }
  | { kind: 'addressee'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'body'; text: string; label?: string }
  | { kind: 'signature'; text: string }
  | { kind: 'blank' };

export function officialParagraph(block: DocBlock): Paragraph {
  switch (block.kind) {
    case 'title':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 560, line: 700, lineRule: LineRuleType.EXACT },
        children: [run(block.text, fonts.title, size.title)],
      });
    case 'docNo':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { ...exactLine, after: 280 },
        children: [run(block.text, fonts.body, size.body)],
      });
    case 'addressee':
      return new Paragraph({ spacing: exactLine, children: [run(block.text, fonts.body, size.body)] });
    case 'heading':
      return new Paragraph({
        spacing: exactLine,
        indent: { firstLine: 640 },
        children: [run(block.text, fonts.heading, size.body)],
      });
    case 'subheading':
      return new Paragraph({
        spacing: exactLine,
        indent: { firstLine: 640 },
        children: [run(block.text, fonts.subheading, size.body)],
      });
    case 'body':
      return new Paragraph({
        spacing: exactLine,
        indent: { firstLine: 640 },
        children: [
          ...(block.label ? [run(block.label, fonts.subheading, size.body)] : []),
          run(block.text, fonts.body, size.body),
        ],
      });
    case 'signature':
      return new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: exactLine,
        indent: { right: 1280 },
        children: [run(block.text, fonts.body, size.body)],
      });
    case 'blank':
      return new Paragraph({ spacing: exactLine, children: [] });
  }
}

export async function officialDocx(blocks: DocBlock[], meta: { title: string; creator: string }): Promise<Buffer> {
  const doc = new Document({
    creator: meta.creator,
    title: meta.title,
    styles: {
      default: {
        document: {
          run: { size: size.body, font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: fonts.body } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
          },
        },
        children: blocks.map(officialParagraph),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const digits = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const smallNumber = (n: number) =>
  n < 10
    ? digits[n]!
    : n < 20
      ? `十${n % 10 ? digits[n % 10] : ''}`
      : `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;

/** `2026-11-23` → `2026年11月23日` in the official style: 二〇二六年十一月二十三日. */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-');
  const year = [...(y ?? '')].map((c) => digits[Number(c)]).join('');
  return `${year}年${smallNumber(Number(m))}月${smallNumber(Number(d))}日`;
}

export const chineseOrdinal = (n: number) => smallNumber(n);
