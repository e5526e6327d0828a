import { defaultReportType, type ReportType, reportTypeLabels } from '@fazhi/core/reports/outlines';
import { type ReportStatus, reportStatusLabels } from '@fazhi/core/reports/report-lifecycle';
import type { Executor } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { loadDeadlineResolver } from './reports.deadlines.service.ts';
import { queryReportListRows } from './reports.repo.ts';
import { deadlinesOf } from './reports.view.service.ts';

const toDate = (v: string | Date | null) => (v ? new Date(v) : null);

/**
 * Every reporting unit in the user's scope (counties, departments, townships) with its report for the year, if
 * any, and where it stands against the deadlines — one query for the whole table.
 */
export async function listReportsWithDeadlines(
  db: Executor,
  actor: Actor,
  filter: { year: number; orgId?: number },
  now: Date,
) {
  const rows = await queryReportListRows(db, actor.user, filter);
  const resolve = await loadDeadlineResolver(db, filter.year);
  const items = rows.map((r) => {
    const type = (r.type ?? defaultReportType(r.org_kind, r.org_name)) as ReportType;
    const deadlines = deadlinesOf(
      { year: filter.year, type, submittedAt: toDate(r.submitted_at), publishedAt: toDate(r.published_at) },
      now,
      resolve(r.org_path, type),
    );
    return {
      key: `${r.org_id}-${r.id ?? 'none'}`,
      orgId: r.org_id,
      orgName: r.org_name,
      orgKind: r.org_kind,
      parentName: r.parent_name,
      year: filter.year,
      type,
      typeLabel: reportTypeLabels[type],
      report: r.id
        ? {
            id: r.id,
            title: r.title!,
            status: r.status as ReportStatus,
            statusLabel: reportStatusLabels[r.status as ReportStatus],
            updatedAt: toDate(r.updated_at)!.toISOString(),
          }
        : null,
      deadlines,
    };
  });
  const summary = {
    units: new Set(items.map((i) => i.orgId)).size,
    composed: items.filter((i) => i.report).length,
    final: items.filter((i) => i.report && ['final', 'submitted', 'published'].includes(i.report.status)).length,
    submitted: items.filter((i) => i.deadlines.submit === 'done' || i.deadlines.submit === 'done_late').length,
    published: items.filter((i) => i.deadlines.publish === 'done' || i.deadlines.publish === 'done_late').length,
    overdue: items.filter((i) => i.deadlines.submit === 'overdue' || i.deadlines.publish === 'overdue').length,
  };
  return { items, summary };
}
