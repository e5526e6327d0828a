import { defaultReportType, type ReportType, reportTypeLabels } from '@fazhi/core/reports/outlines';
import { type ReportStatus, reportStatusLabels } from '@fazhi/core/reports/report-lifecycle';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { Actor } from '../platform/context.ts';
import { orgScopeSql } from '../platform/scope.ts';
import { loadDeadlineResolver } from './reports.deadlines.ts';
import { deadlinesOf } from './reports.view.ts';

type Row = {
  org_id: number;
  org_name: string;
  org_kind: string;
  org_path: string;
  parent_name: string | null;
  id: number | null;
  type: string | null;
  title: string | null;
  status: string | null;
  submitted_at: string | Date | null;
  published_at: string | Date | null;
  updated_at: string | Date | null;
};

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
  const rows = await queryRows<Row>(
    db,
    sql`select o.id as org_id, o.name as org_name, o.kind as org_kind, o.path as org_path, p.name as parent_name,
               r.id, r.type, r.title, r.status, r.submitted_at, r.published_at, r.updated_at
        from orgs o
        left join orgs p on p.id = o.parent_id
        left join reports r on r.org_id = o.id and r.year = ${filter.year}
        where o.kind in ('county', 'department', 'township')
          and ${orgScopeSql(actor.user, sql`o.id`)}
          and (${filter.orgId ?? null}::int is null or o.id = ${filter.orgId ?? null}::int)
        order by o.path, r.id`,
  );
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
