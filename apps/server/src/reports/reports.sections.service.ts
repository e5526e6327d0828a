import { type ReportType, reportOutlines, type SectionKey, withOptionalSection } from '@fazhi/core/reports/outlines';
import { isReportEditable, type ReportStatus } from '@fazhi/core/reports/report-lifecycle';
import type { Db } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { badRequest, conflict } from '../platform/kernel/errors.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { updateReportSections } from './reports.repo.ts';
import { requireReport } from './reports.service.ts';

const optionalOnly = (type: string, key: string, year: number) => {
  const spec = reportOutlines[type as ReportType].sections.find((s) => s.key === key);
  if (!spec) throw badRequest(`该类报告的提纲中没有“${key}”章节`);
  if (spec.isRequired) throw badRequest(`“${spec.heading(year)}”是必备章节，不能添加或删除`);
  return spec;
};

/**
 * Adds an optional section (五、其他需要报告的情况) to a draft, at its place in the outline, or removes it; the
 * version goes up so an editor open elsewhere must reload. Audited.
 */
export async function changeOptionalSection(
  db: Db,
  actor: Actor,
  id: number,
  key: string,
  change: 'add' | 'remove',
  now: Date,
) {
  return db.transaction(async (tx) => {
    const row = await requireReport(tx, actor, id);
    if (!isReportEditable(row.status as ReportStatus)) throw conflict('只有起草中的报告可以增删章节');
    const spec = optionalOnly(row.type, key, row.year);
    const has = row.sections.some((s) => s.key === key);
    if (change === 'add' && has) throw conflict(`报告已有“${spec.heading(row.year)}”一节`);
    if (change === 'remove' && !has) throw conflict(`报告中没有“${spec.heading(row.year)}”一节`);
    const sections =
      change === 'add'
        ? withOptionalSection(reportOutlines[row.type as ReportType], row.sections, key as SectionKey, row.year)
        : row.sections.filter((s) => s.key !== key);
    await updateReportSections(tx, id, sections, row.version + 1, now);
    await writeAudit(tx, actor, {
      action: change === 'add' ? 'report.section_add' : 'report.section_remove',
      entity: 'report',
      entityId: id,
      orgId: row.orgId,
      before: { version: row.version, sections: row.sections.map((s) => s.key) },
      after: { version: row.version + 1, sections: sections.map((s) => s.key) },
    });
    return { id, version: row.version + 1, sections: sections.map((s) => s.key) };
  });
}
