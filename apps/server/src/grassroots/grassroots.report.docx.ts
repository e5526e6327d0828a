import { blocksDocx, type DocBlock } from '../platform/kernel/official-docx.ts';
import type { leaderReport } from './grassroots.service.ts';

type Report = Awaited<ReturnType<typeof leaderReport>>;

const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
const chineseNumber = (n: number) => '一二三四五六七八九十'[n - 1] ?? String(n);

/** The leader's yearly 挂点联系工作情况报告 as an official-layout .docx. */
export function liaisonReportDocx(report: Report): Promise<Buffer> {
  const { leader, year, totals } = report;
  const blocks: DocBlock[] = [
    { kind: 'title', text: `${leader.name}同志${year}年度挂点联系基层工作情况报告` },
    { kind: 'blank' },
    {
      kind: 'body',
      text: `${year}年，${leader.orgName}${leader.title}${leader.name}同志挂点联系${report.points.length}个单位，全年走访${totals.visits}次；按挂点联系要求应走访${totals.required}次，已完成${totals.done}次，完成率${percent(totals.rate)}${totals.overduePeriods > 0 ? `，有${totals.overduePeriods}个周期未按要求走访` : '，均按要求完成走访'}。`,
    },
  ];
  report.points.forEach((p, i) => {
    blocks.push({ kind: 'heading', text: `${chineseNumber(i + 1)}、${p.orgName}` });
    blocks.push({
      kind: 'body',
      text: `联系要求：${p.obligation}。应走访${p.rate.required}次，已完成${p.rate.done}次，完成率${percent(p.rate.rate)}。${p.overduePeriods.length ? `逾期未走访：${p.overduePeriods.join('、')}。` : ''}`,
    });
    if (p.visits.length === 0) blocks.push({ kind: 'body', text: '本年度暂无走访记录。' });
    p.visits.forEach((v, j) => {
      blocks.push({ kind: 'subheading', text: `（${chineseNumber(j + 1)}）${v.visitedOn}走访` });
      blocks.push({ kind: 'body', label: '座谈对象：', text: v.peopleMet });
      if (v.problemsHeard) blocks.push({ kind: 'body', label: '听取的问题：', text: v.problemsHeard });
      if (v.followUp) blocks.push({ kind: 'body', label: '跟进落实：', text: v.followUp });
      for (const q of v.problems)
        blocks.push({
          kind: 'body',
          text: `问题“${q.title}”${q.problemId ? '已转入问题池跟踪整改' : '待转入问题池'}。`,
        });
    });
  });
  blocks.push({ kind: 'blank' }, { kind: 'signature', text: leader.orgName });
  return blocksDocx(blocks, { title: `${leader.name}${year}年度挂点联系工作情况报告`, creator: leader.orgName });
}
