import { checkCompliance } from '@fazhi/core/reports/compliance';
import { findFigureMismatches } from '@fazhi/core/reports/figure-check';
import type { Executor } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { ledgerValues, loadReportFigures } from './reports.figures.service.ts';
import { requireScopedOrg } from './reports.service.ts';

/**
 * Checks a report that was not composed here (uploaded or pasted): parts, basis, signature and date; with an org
 * and year, also every figure against that org's ledgers.
 */
export async function checkReportText(db: Executor, actor: Actor, text: string, orgId?: number, year?: number) {
  let mismatches = null;
  if (orgId && year) {
    const org = await requireScopedOrg(db, actor, orgId);
    mismatches = findFigureMismatches(text, ledgerValues(await loadReportFigures(db, actor.user, org, year)));
  }
  const report = checkCompliance({ text, mismatches });
  return {
    items: report.items,
    passed: report.passed,
    total: report.total,
    title: report.structure.title,
    year: report.structure.year,
    signedBy: report.structure.signedBy,
    signedDate: report.structure.signedDate,
    sections: report.structure.sections.map((s) => ({
      level: s.level,
      marker: s.marker,
      title: s.title,
      part: s.part,
    })),
    text,
  };
}
