import { formatChineseDate } from '@fazhi/core/consultation/consultation-window';
import { groupOpinionsByArticle } from '@fazhi/core/consultation/opinion-grouping';
import { OPINION_STATUS_LABELS } from '@fazhi/core/consultation/opinion-lifecycle';
import type { Executor } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { writeSheet } from '../platform/kernel/excel.ts';
import {
  blank,
  bodyParagraph,
  centredParagraph,
  gbt9704,
  officialDocument,
  officialTable,
  run,
  textWidth,
  titleParagraph,
} from '../platform/kernel/official-docx.ts';
import { opinionsOfConsultation } from './consultation.opinions.repo.ts';
import { opinionView } from './consultation.opinions.service.ts';
import { requireConsultation } from './consultation.service.ts';

const channelLabel = { portal: '网上征集', offline: '线下收集' } as const;

/** The rows of the 意见采纳情况表: approved opinions, the whole draft first, then article by article. */
async function adoptionRows(db: Executor, actor: Actor, id: number, now: Date) {
  const consultation = await requireConsultation(db, actor, id, now);
  const rows = await opinionsOfConsultation(db, actor.user, id, { approvedOnly: true });
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

/** A4 landscape (the margins turn with the page), per GB/T 9704; title 二号 方正小标宋简体, the table in 五号. */
export async function adoptionDocx(db: Executor, actor: Actor, id: number, now: Date) {
  const { consultation, lines, summary } = await adoptionRows(db, actor, id, now);
  // Relative widths, fitted to the landscape text block.
  const shares = [700, 1500, 3900, 1100, 1800, 1900, 1200, 2900];
  const total = shares.reduce((a, b) => a + b, 0);
  const width = textWidth('landscape');
  const table = officialTable(
    columns.map((c, i) => ({
      header: c.header,
      width: Math.floor((shares[i]! * width) / total),
      align: c.key === 'no' ? ('center' as const) : undefined,
    })),
    lines.map((l) => columns.map((c) => String(l[c.key]))),
    { size: 21 },
  );
  const meta = `来文机关：${consultation.legislature}　征求意见期限：${formatChineseDate(consultation.opensOn)}至${formatChineseDate(consultation.closesOn)}　报送单位：${consultation.pointName}`;
  const data = await officialDocument({
    title: `《${consultation.title}》意见采纳情况表`,
    orientation: 'landscape',
    lineGrid: false,
    children: [
      titleParagraph(`《${consultation.title}》意见采纳情况表`),
      centredParagraph(meta, gbt9704.font.body, { size: 24 }),
      bodyParagraph([run(summary)]),
      table,
      ...(consultation.finalSummary
        ? [
            blank(),
            bodyParagraph([
              run(
                `立法机关最终采纳情况（${formatChineseDate(consultation.finalAdoptedOn!)}）：`,
                gbt9704.font.heading1,
              ),
              run(consultation.finalSummary),
            ]),
          ]
        : []),
    ],
  });
  return { filename: `${consultation.title}-意见采纳情况表.docx`, data };
}
