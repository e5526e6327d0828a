import { and, eq, isNotNull, like, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { orgs } from '../org/org.schema.ts';
import { reports } from './reports.schema.ts';

// SQL of the public report pages: only published reports, only in the county's subtree.

/** Every county, with how many reports of its subtree are published. */
export async function queryPublicCounties(db: Executor) {
  return queryRows<{ id: number; name: string; reports: number }>(
    db,
    sql`select c.id, c.name,
          (select count(*)::int from reports r join orgs o on o.id = r.org_id
            where r.status = 'published' and o.path like c.path || '%') as reports
        from orgs c where c.kind = 'county' order by c.path`,
  );
}

export async function queryCounty(db: Executor, countyId: number) {
  const [row] = await queryRows<{ id: number; name: string; path: string }>(
    db,
    sql`select id, name, path from orgs where id = ${countyId} and kind = 'county'`,
  );
  return row ?? null;
}

export type PublicReportListRow = {
  id: number;
  year: number;
  type: string;
  title: string;
  org_name: string;
  published_on: string;
};

/** The published reports of a county's subtree, newest year first, the county's own report first within a year. */
export async function queryPublishedReports(db: Executor, countyPath: string) {
  return queryRows<PublicReportListRow>(
    db,
    sql`select r.id, r.year, r.type, r.title, o.name as org_name,
          to_char(r.published_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as published_on
        from reports r join orgs o on o.id = r.org_id
        where r.status = 'published' and r.published_at is not null and o.path like ${`${countyPath}%`}
        order by r.year desc, length(o.path), o.sort, r.id`,
  );
}

/** One published report of the county's subtree, or nothing (a draft, another county's report, no such id). */
export async function queryPublishedReport(db: Executor, countyPath: string, id: number) {
  const [row] = await db
    .select({
      report: reports,
      orgName: orgs.name,
      publishedOn: sql<string>`to_char(${reports.publishedAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`,
    })
    .from(reports)
    .innerJoin(orgs, eq(orgs.id, reports.orgId))
    .where(
      and(
        eq(reports.id, id),
        eq(reports.status, 'published'),
        isNotNull(reports.publishedAt),
        like(orgs.path, `${countyPath}%`),
      ),
    );
  return row ?? null;
}

/** A cached file of a report version (the PDF), or null. */
export async function queryPublicFile(db: Executor, reportId: number, version: number, format: string) {
  const [row] = await queryRows<{ data: Buffer | Uint8Array }>(
    db,
    sql`select data from report_public_files where report_id = ${reportId} and version = ${version}
          and format = ${format}`,
  );
  return row ? Buffer.from(row.data) : null;
}

export async function insertPublicFile(db: Executor, reportId: number, version: number, format: string, data: Buffer) {
  await db.execute(
    sql`insert into report_public_files (report_id, version, format, data)
        values (${reportId}, ${version}, ${format}, ${data}) on conflict do nothing`,
  );
}
