import { formatShanghai } from '@fazhi/core/assessment/assessment-lifecycle';
import { formatPoints } from '@fazhi/core/assessment/format';
import { groupLabel } from '@fazhi/core/assessment/ranking';
import { chineseDate } from '@fazhi/core/reports/report-text';
import type { Paragraph, Table } from 'docx';
import type { Executor } from '../db/client.ts';
import { shanghaiToday } from '../platform/kernel/clock.ts';
import type { Actor } from '../platform/kernel/context.ts';
import {
  blank,
  bodyParagraph,
  headingParagraph,
  officialDocument,
  officialTable,
  run,
  signatureBlock,
  type TableColumn,
  textWidth,
  titleParagraph,
} from '../platform/kernel/official-docx.ts';
import { loadRound } from './assessment.access.service.ts';
import { findRoundIssuer } from './assessment.rounds.repo.ts';
import { ranking } from './assessment.units.service.ts';

const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ordinal = (i: number) => ordinals[i] ?? String(i + 1);

/**
 * The 公示 of a round's results as a document (GB/T 9704 page and fonts): one table per ranking group — a rank is
 * within its group and the grade quotas were counted in it — then the appeal window and the office's 落款.
 */
export async function rankingDocx(db: Executor, actor: Actor, roundId: number, now: Date) {
  const data = await ranking(db, actor, roundId);
  const round = await loadRound(db, actor, roundId);
  const issuer = (await findRoundIssuer(db, roundId)) ?? round.org_name;
  const title = `${data.round.name}结果公示`;
  const [rankW, unitW, totalW] = [0.16, 0.46, 0.2].map((share) => Math.round(textWidth() * share)) as [
    number,
    number,
    number,
  ];
  const columns: TableColumn[] = [
    { header: '组内名次', width: rankW, align: 'center' },
    { header: '单位', width: unitW },
    { header: '总分', width: totalW, align: 'right' },
    { header: '等次', width: textWidth() - rankW - unitW - totalW, align: 'center' },
  ];
  const grouped = data.groups.length > 1 || (data.groups[0]?.name ?? '') !== '';
  const window = round.appeal_closes_at ? `公示期至${formatShanghai(new Date(round.appeal_closes_at))}。` : '';
  const children: (Paragraph | Table)[] = [
    titleParagraph(title),
    blank(),
    bodyParagraph([
      run(
        `根据${data.round.name}方案，现将考核结果予以公示。${
          grouped
            ? `参加考核的单位按${data.groups.map((g) => groupLabel(g.name)).join('、')}分组排名，等次比例在组内分别计算。`
            : ''
        }${window}对公示结果有异议的，请在公示期内通过平台提出申诉，写明有异议的指标并附佐证材料。`,
      ),
    ]),
  ];
  for (const [i, group] of data.groups.entries()) {
    const items = data.items.filter((r) => r.group === group.name);
    const heading = group.name
      ? `${ordinal(i)}、${groupLabel(group.name)}（${group.unitCount}个单位）`
      : `${ordinal(i)}、全部单位（${group.unitCount}个）`;
    children.push(headingParagraph(heading, 1));
    children.push(
      officialTable(
        columns,
        items.map((r) => [String(r.rank), r.orgName, formatPoints(r.total), r.grade]),
      ),
    );
    children.push(blank());
  }
  children.push(...signatureBlock(issuer, chineseDate(shanghaiToday(now))));
  const buffer = await officialDocument({ title, children, lineGrid: false });
  return { filename: `${title}.docx`, data: buffer };
}
