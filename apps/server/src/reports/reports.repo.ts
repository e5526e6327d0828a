import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { orgScopeSql } from '../platform/platform.scope.service.ts';
import {
  type ImportedFigure,
  metricHistory,
  reportDeadlineSettings,
  reportEvents,
  reportImports,
  reportKeyPhrases,
  reports,
} from './reports.schema.ts';

export type OrgRow = { id: number; name: string; kind: string; path: string; parentId: number | null };

export async function queryOrg(db: Executor, id: number): Promise<OrgRow | null> {
  const [row] = await queryRows<{ id: number; name: string; kind: string; path: string; parent_id: number | null }>(
    db,
    sql`select id, name, kind, path, parent_id from orgs where id = ${id}`,
  );
  return row ? { id: row.id, name: row.name, kind: row.kind, path: row.path, parentId: row.parent_id } : null;
}

export async function queryOrgByName(db: Executor, name: string): Promise<OrgRow[]> {
  const rows = await queryRows<{ id: number; name: string; kind: string; path: string; parent_id: number | null }>(
    db,
    sql`select id, name, kind, path, parent_id from orgs where name = ${name} or short_name = ${name} order by id`,
  );
  return rows.map((row) => ({ id: row.id, name: row.name, kind: row.kind, path: row.path, parentId: row.parent_id }));
}

export type ReportListRow = {
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

/**
 * Every reporting unit (county, department, township) in the user's scope, or the one asked for, with its parent's
 * name and its report of the year if any — one query for the whole list.
 */
export async function queryReportListRows(db: Executor, user: AuthUser, filter: { year: number; orgId?: number }) {
  return queryRows<ReportListRow>(
    db,
    sql`select o.id as org_id, o.name as org_name, o.kind as org_kind, o.path as org_path, p.name as parent_name,
               r.id, r.type, r.title, r.status, r.submitted_at, r.published_at, r.updated_at
        from orgs o
        left join orgs p on p.id = o.parent_id
        left join reports r on r.org_id = o.id and r.year = ${filter.year}
        where o.kind in ('county', 'department', 'township')
          and ${orgScopeSql(user, sql`o.id`)}
          and (${filter.orgId ?? null}::int is null or o.id = ${filter.orgId ?? null}::int)
        order by o.path, r.id`,
  );
}

/** The counties in the user's scope, of one city or all, in tree order. */
export async function queryComparedCounties(db: Executor, user: AuthUser, cityId?: number) {
  const cityFilter: SQL = cityId ? sql`and c.parent_id = ${cityId}` : sql``;
  return queryRows<{ id: number; name: string }>(
    db,
    sql`select c.id, c.name from orgs c where c.kind = 'county' and ${orgScopeSql(user, sql`c.id`)} ${cityFilter}
        order by c.path`,
  );
}

export type CountyReportSource = {
  org_id: number;
  org_name: string;
  kind: 'report' | 'import';
  id: number;
  title: string;
  status: string;
  is_demo: boolean;
  text: string | null;
  preamble: string | null;
  sections: { key: string; heading: string; body: string }[] | null;
  signed_by: string | null;
  signed_date: string | null;
};

/**
 * The government reports composed here and the imported texts of a year for the given counties, a county's composed
 * report first, then the newest import (one query).
 */
export async function queryCountyReportSources(
  db: Executor,
  orgIds: number[],
  year: number,
): Promise<CountyReportSource[]> {
  if (orgIds.length === 0) return [];
  const ids = sql.join(
    orgIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return queryRows<CountyReportSource>(
    db,
    sql`select * from (
          select r.org_id, o.name as org_name, 'report' as kind, r.id, r.title, r.status, false as is_demo,
                 null as text, r.preamble, r.sections, r.signed_by, to_char(r.signed_date, 'YYYY-MM-DD') as signed_date
          from reports r join orgs o on o.id = r.org_id
          where r.year = ${year} and r.type = 'government' and r.org_id in (${ids})
          union all
          select i.org_id, o.name, 'import', i.id, i.title, 'imported', i.is_demo, i.text, null, null, null, null
          from report_imports i join orgs o on o.id = i.org_id
          where i.year = ${year} and i.org_id in (${ids})
        ) s order by s.org_id, s.kind desc, s.id desc`,
  );
}

/** Values accepted from imported reports for an org and periods (the report figures' fallback). */
export async function queryMetricHistory(db: Executor, orgId: number, periods: readonly string[]) {
  return queryRows<{ metric_key: string; period: string; value: number }>(
    db,
    sql`select metric_key, period, value from metric_history
        where org_id = ${orgId} and period in (${sql.join(
          periods.map((p) => sql`${p}`),
          sql`, `,
        )})`,
  );
}

export type DeadlineSettingRow = {
  org_id: number;
  path: string;
  type: string;
  submit_by: string;
  publish_by: string | null;
};

/** Every deadline setting of a year, with the path of the org that set it (one query). */
export async function querySettings(db: Executor, year: number): Promise<DeadlineSettingRow[]> {
  return queryRows<DeadlineSettingRow>(
    db,
    sql`select s.org_id, o.path, s.type, to_char(s.submit_by, 'YYYY-MM-DD') as submit_by,
               to_char(s.publish_by, 'YYYY-MM-DD') as publish_by
        from report_deadline_settings s join orgs o on o.id = s.org_id
        where s.year = ${year}`,
  );
}

/** The org that roots a user's data scope (or the user's own org), or null. */
export async function queryScopeRoot(db: Executor, user: AuthUser) {
  const [row] = await queryRows<{ id: number; path: string; name: string }>(
    db,
    sql`select id, path, name from orgs where path = ${user.scopePath} or id = ${user.orgId}
        order by (path = ${user.scopePath}) desc limit 1`,
  );
  return row ?? null;
}

/** The nearest county on an org's path (itself included), or null above county level. */
export async function queryNearestCounty(db: Executor, orgId: number): Promise<number | null> {
  const [county] = await queryRows<{ id: number }>(
    db,
    sql`select c.id from orgs o join orgs c on c.kind = 'county' and o.path like c.path || '%'
        where o.id = ${orgId} order by length(c.path) desc limit 1`,
  );
  return county?.id ?? null;
}

/** The imported reports in the user's scope (of a year, or all), newest first, with their figure counts. */
export async function queryImportRows(db: Executor, user: AuthUser, year?: number) {
  return queryRows<{
    id: number;
    org_id: number;
    org_name: string;
    year: number;
    title: string;
    filename: string | null;
    status: string;
    is_demo: boolean;
    figure_count: number;
    accepted: number;
    created_at: string | Date;
  }>(
    db,
    sql`select i.id, i.org_id, o.name as org_name, i.year, i.title, i.filename, i.status, i.is_demo,
               jsonb_array_length(i.figures)::int as figure_count,
               (select count(*)::int from jsonb_array_elements(i.figures) f where f->>'decision' = 'accepted') as accepted,
               i.created_at
        from report_imports i join orgs o on o.id = i.org_id
        where ${orgScopeSql(user, sql`i.org_id`)}
          and (${year ?? null}::int is null or i.year = ${year ?? null}::int)
        order by i.id desc`,
  );
}

/** The newest stored report of a unit, year and type (the CLI prints it when there is one). */
export async function findLatestReport(db: Executor, orgId: number, year: number, type: string) {
  const [stored] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.orgId, orgId), eq(reports.year, year), eq(reports.type, type)))
    .orderBy(desc(reports.id))
    .limit(1);
  return stored;
}

export type ReportSections = (typeof reports.$inferSelect)['sections'];

export async function updateReportSections(
  db: Executor,
  id: number,
  sections: ReportSections,
  version: number,
  now: Date,
) {
  await db.update(reports).set({ sections, version, updatedAt: now }).where(eq(reports.id, id));
}

const deadlineKey = (orgId: number, year: number, type: string) =>
  and(
    eq(reportDeadlineSettings.orgId, orgId),
    eq(reportDeadlineSettings.year, year),
    eq(reportDeadlineSettings.type, type),
  );

export async function findDeadlineSetting(db: Executor, orgId: number, year: number, type: string) {
  const [row] = await db
    .select()
    .from(reportDeadlineSettings)
    .where(deadlineKey(orgId, year, type));
  return row;
}

export async function upsertDeadlineSetting(db: Executor, values: typeof reportDeadlineSettings.$inferInsert) {
  await db
    .insert(reportDeadlineSettings)
    .values(values)
    .onConflictDoUpdate({
      target: [reportDeadlineSettings.orgId, reportDeadlineSettings.year, reportDeadlineSettings.type],
      set: {
        submitBy: values.submitBy,
        publishBy: values.publishBy,
        updatedBy: values.updatedBy,
        updatedAt: values.updatedAt,
      },
    });
}

/** The removed rows (none when the year and type had the defaults already). */
export function deleteDeadlineSetting(db: Executor, orgId: number, year: number, type: string) {
  return db
    .delete(reportDeadlineSettings)
    .where(deadlineKey(orgId, year, type))
    .returning();
}

/** The report of a unit, year and type, if there is one (there is at most one). */
export async function findReportOf(db: Executor, orgId: number, year: number, type: string) {
  const [row] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.orgId, orgId), eq(reports.year, year), eq(reports.type, type)));
  return row;
}

export async function insertReport(db: Executor, values: typeof reports.$inferInsert) {
  const [row] = await db.insert(reports).values(values).returning({ id: reports.id });
  return row!.id;
}

type AttachmentRef = { id: number; filename: string; size: number; mime: string };

/** A report's flow records, oldest first, with the actor's display name and the files of a review step. */
export async function queryReportEvents(db: Executor, reportId: number) {
  const rows = await db
    .select({
      action: reportEvents.action,
      fromStatus: reportEvents.fromStatus,
      toStatus: reportEvents.toStatus,
      reason: reportEvents.reason,
      at: reportEvents.at,
      actor: sql<string | null>`(select display_name from users u where u.id = ${reportEvents.actorId})`,
      attachments: sql<AttachmentRef[] | null>`(
        select json_agg(json_build_object('id', a.id, 'filename', a.filename, 'size', a.size, 'mime', a.mime) order by a.id)
        from report_event_attachments ea join attachments a on a.id = ea.attachment_id
        where ea.event_id = "report_events"."id")`,
    })
    .from(reportEvents)
    .where(eq(reportEvents.reportId, reportId))
    .orderBy(asc(reportEvents.id));
  return rows.map((r) => ({ ...r, attachments: r.attachments ?? [] }));
}

/** Optimistic update: false when the report is no longer at `version` (someone else changed it). */
export async function updateReportAtVersion(
  db: Executor,
  id: number,
  version: number,
  patch: Partial<typeof reports.$inferInsert>,
) {
  const updated = await db
    .update(reports)
    .set(patch)
    .where(and(eq(reports.id, id), eq(reports.version, version)))
    .returning({ id: reports.id });
  return updated.length > 0;
}

/** The phrases an owner's reviewers taught (metric null: "this phrase is no figure"). */
export function queryKeyPhrases(db: Executor, ownerOrgId: number) {
  return db
    .select({ phrase: reportKeyPhrases.phrase, metric: reportKeyPhrases.metricKey })
    .from(reportKeyPhrases)
    .where(eq(reportKeyPhrases.orgId, ownerOrgId));
}

export async function upsertKeyPhrases(db: Executor, rows: (typeof reportKeyPhrases.$inferInsert)[]) {
  if (rows.length === 0) return;
  await db
    .insert(reportKeyPhrases)
    .values(rows)
    .onConflictDoUpdate({
      target: [reportKeyPhrases.orgId, reportKeyPhrases.phrase],
      set: { metricKey: sql`excluded.metric_key`, createdBy: sql`excluded.created_by`, createdAt: sql`now()` },
    });
}

export async function insertReportImport(db: Executor, values: typeof reportImports.$inferInsert) {
  const [row] = await db.insert(reportImports).values(values).returning({ id: reportImports.id });
  return row!.id;
}

export async function updateImportReview(
  db: Executor,
  id: number,
  figures: ImportedFigure[],
  status: 'pending' | 'reviewed',
) {
  await db.update(reportImports).set({ figures, status }).where(eq(reportImports.id, id));
}

/** A unit's recorded figures of one period, newest first. */
export function queryYearHistory(db: Executor, orgId: number, period: string) {
  return db
    .select({ metric: metricHistory.metricKey, value: metricHistory.value, source: metricHistory.source })
    .from(metricHistory)
    .where(and(eq(metricHistory.orgId, orgId), eq(metricHistory.period, period)))
    .orderBy(desc(metricHistory.id));
}

/** Records an accepted figure of an import (replacing the unit's value of that metric and period). */
export async function upsertImportedFigure(db: Executor, values: typeof metricHistory.$inferInsert) {
  await db
    .insert(metricHistory)
    .values(values)
    .onConflictDoUpdate({
      target: [metricHistory.orgId, metricHistory.period, metricHistory.metricKey],
      set: {
        value: values.value,
        source: values.source,
        importId: values.importId,
        createdBy: values.createdBy,
        createdAt: sql`now()`,
      },
    });
}
