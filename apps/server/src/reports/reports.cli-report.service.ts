import { writeFile } from 'node:fs/promises';
import { composeReport } from '@fazhi/core/reports/compose';
import { figureMetricInfo } from '@fazhi/core/reports/figure-phrases';
import { defaultReportType, reportOutlines } from '@fazhi/core/reports/outlines';
import { shanghaiToday } from '../platform/kernel/clock.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { openFromEnv } from '../platform/kernel/open-database.ts';
import { buildReportDocx } from './reports.docx.ts';
import { loadReportFigures, type OrgRow } from './reports.figures.service.ts';
import { findLatestReport, queryOrg, queryOrgByName } from './reports.repo.ts';
import { contentOf } from './reports.view.service.ts';
import { queryWorkSummary } from './reports.work-summary.service.ts';

const usage = '用法：npx fazhi report <单位名称或编号> <年度> -o <文件.docx>';

/** The command line acts with the whole tree in scope, as the operator of the installation. */
const operator: AuthUser = {
  id: 0,
  username: 'cli',
  displayName: '命令行',
  role: 'office',
  dataScope: 'all',
  orgId: 0,
  orgName: '',
  scopePath: '/',
  mustChangePassword: false,
  sessionId: 'cli',
  csrfToken: 'cli',
};

/**
 * `fazhi report <org> <year> -o out.docx`: the org's report of that year as a GB/T 9704 .docx — the stored one
 * (frozen if final), or else a fresh composition from the ledgers, which is not saved.
 */
export async function reportCommand(args: string[]) {
  const outIndex = args.findIndex((a) => a === '-o' || a === '--output');
  const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
  const [orgArg, yearArg] = args.filter((_, i) => i !== outIndex && i !== outIndex + 1);
  const year = Number(yearArg);
  if (!orgArg || !out || !Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(usage);
  const database = await openFromEnv('fazhi report');
  try {
    const { db } = database;
    let org: OrgRow | null = /^\d+$/.test(orgArg) ? await queryOrg(db, Number(orgArg)) : null;
    if (!org) {
      const byName = await queryOrgByName(db, orgArg);
      if (byName.length > 1) throw new Error(`有 ${byName.length} 个单位名为“${orgArg}”，请改用单位编号`);
      org = byName[0] ?? null;
    }
    if (!org) throw new Error(`未找到单位“${orgArg}”`);
    const type = defaultReportType(org.kind, org.name);
    const stored = await findLatestReport(db, org.id, year, type);
    let content: Parameters<typeof buildReportDocx>[0];
    let slots: { metric: string; unit: string; value: number; previous: number | null }[];
    if (stored) {
      content = contentOf(stored);
      slots = stored.snapshot?.slots ?? stored.slots;
    } else {
      const today = shanghaiToday();
      const [figures, summary] = await Promise.all([
        loadReportFigures(db, operator, org, year),
        queryWorkSummary(db, org, year, today),
      ]);
      const composed = composeReport({ outline: reportOutlines[type], org, year, figures, ...summary, today });
      content = composed;
      slots = composed.slots;
    }
    const table = slots.map((s) => ({
      name: figureMetricInfo(s.metric).name,
      unit: s.unit,
      value: s.value,
      previous: s.previous,
    }));
    await writeFile(out, await buildReportDocx(content, table));
    const status = stored ? `已保存的报告（状态：${stored.status}）` : '按台账新生成的初稿（未保存）';
    console.log(`已生成 ${out}：${content.title}，${status}`);
  } finally {
    await database.close();
  }
}
