import { formatChineseDate } from '@fazhi/core/consultation/consultation-window';
import { groupOpinionsByArticle } from '@fazhi/core/consultation/opinion-grouping';
import { OPINION_STATUS_LABELS } from '@fazhi/core/consultation/opinion-lifecycle';
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import type { Actor } from '../platform/context.ts';
import { writeSheet } from '../platform/excel.ts';
import { orgScopeSql } from '../platform/scope.ts';
import { queryOpinionRows } from './consultation.repo.ts';
import { requireConsultation } from './consultation.service.ts';
import { opinionView } from './consultation.views.ts';

const channelLabel = { portal: '网上征集', offline: '线下收集' } as const;

/** The rows of the 意见采纳情况表: approved opinions, the whole draft first, then article by article. */
async function adoptionRows(db: Executor, actor: Actor, id: number, now: Date) {
  const consultation = await requireConsultation(db, actor, id, now);
  const rows = await queryOpinionRows(
    db,
    sql`o.consultation_id = ${id} and o.moderation = 'approved' and ${orgScopeSql(actor.user, sql`o.org_id`)}`,
  );
  const views = rows.map((r) => opinionView(actor.user, r));
  const numbers = new Map<number, number>();
  const ordered = groupOpinionsByArticle(views).flatMap((g) => g.opinions);
  for (const [i, o] of ordered.entries()) numbers.set(o.id, i + 1);
  const lines = ordered.map((o) => ({
    no: numbers.get(o.id)!,
    article: o.articleLabel,
    content: o.content,
    submitter: o.name,
    phone: o.phone ?? '',
    source: `${channelLabel[o.channel]}（${o.pointName}）`,
    result:
      o.status === 'merged'
        ? `已合并至第${numbers.get(o.mergedIntoId!) ?? '?'}号`
        : o.decision
          ? OPINION_STATUS_LABELS[o.decision]
          : OPINION_STATUS_LABELS[o.status],
    reason: o.decisionReason ?? '',
  }));
  const count = (d: string) => ordered.filter((o) => o.status !== 'merged' && o.decision === d).length;
  const summary = `共收集意见建议${ordered.length}条，其中采纳${count('adopted')}条、部分采纳${count('partly_adopted')}条、未采纳${count('rejected')}条。`;
  return { consultation, lines, summary };
}

const columns = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'article', header: '条文', width: 14 },
  { key: 'content', header: '意见建议', width: 60 },
  { key: 'submitter', header: '提出人', width: 10 },
  { key: 'phone', header: '联系电话', width: 14 },
  { key: 'source', header: '收集渠道', width: 24 },
  { key: 'result', header: '采纳情况', width: 12 },
  { key: 'reason', header: '理由说明', width: 40 },
] as const;

export async function adoptionXlsx(db: Executor, actor: Actor, id: number, now: Date) {
  const { consultation, lines } = await adoptionRows(db, actor, id, now);
  const data = await writeSheet('意见采纳情况表', columns, lines);
  return { filename: `${consultation.title}-意见采纳情况表.xlsx`, data };
}

const font = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const run = (text: string, size = 24, bold = false, eastAsia = font.eastAsia) =>
  new TextRun({ text, size, bold, font: { ...font, eastAsia } });

function cell(text: string, width: number, isHeader = false) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: isHeader ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(line, 21, isHeader, isHeader ? '黑体' : font.eastAsia)],
        }),
    ),
  });
}

/** A4 landscape, GB/T 9704 margins; title 二号 方正小标宋简体, body 仿宋. */
export async function adoptionDocx(db: Executor, actor: Actor, id: number, now: Date) {
  const { consultation, lines, summary } = await adoptionRows(db, actor, id, now);
  const widths = [700, 1500, 4200, 1100, 1500, 1900, 1200, 2900];
  const header = new TableRow({ tableHeader: true, children: columns.map((c, i) => cell(c.header, widths[i]!, true)) });
  const body = lines.map(
    (l) =>
      new TableRow({
        children: columns.map((c, i) => cell(String(l[c.key]), widths[i]!)),
      }),
  );
  const doc = new Document({
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
            margin: { top: 1588, bottom: 1474, left: 2098, right: 1984 },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [run(`《${consultation.title}》意见采纳情况表`, 44, false, '方正小标宋简体')],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 200 },
            children: [
              run(
                `来文机关：${consultation.legislature}　征求意见期限：${formatChineseDate(consultation.opensOn)}至${formatChineseDate(consultation.closesOn)}　报送单位：${consultation.pointName}`,
                24,
              ),
            ],
          }),
          new Paragraph({ spacing: { after: 200 }, children: [run(summary, 28)] }),
          new Table({ width: { size: 15000, type: WidthType.DXA }, rows: [header, ...body] }),
          ...(consultation.finalSummary
            ? [
                new Paragraph({
                  spacing: { before: 300 },
                  children: [
                    run(
                      `立法机关最终采纳情况（${formatChineseDate(consultation.finalAdoptedOn!)}）：`,
                      28,
                      false,
                      '黑体',
                    ),
                    run(consultation.finalSummary, 28),
                  ],
                }),
              ]
            : []),
        ],
      },
    ],
  });
  const data = await Packer.toBuffer(doc);
  return { filename: `${consultation.title}-意见采纳情况表.docx`, data };
}
