import type { LawReport } from '@fazhi/core/cadres/law-report';
import type { PreMeetingStudy } from '@fazhi/core/cadres/pre-meeting-study';
import { and, eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { orgScopeSql } from '../platform/platform.scope.service.ts';
import { cadreArchives, cadres, lawExams, lawReports, preMeetingStudies } from './cadres.schema.ts';

const idList = (ids: readonly number[]) =>
  sql.join(
    ids.map((x) => sql`${x}`),
    sql`, `,
  );

/** A cadre as stored: ID number and phone still SM4-sealed (the service opens them). */
export type StoredCadreRow = {
  id: number;
  org_id: number;
  org_name: string;
  name: string;
  position: string;
  is_principal: boolean;
  id_number: string | null;
  phone: string | null;
  version: number;
};

export type CadreFilter = { orgId?: number; q?: string; principalOnly?: string; ids?: number[] };

/** Active cadres in the user's scope, by org then list order. */
export function queryCadres(db: Executor, user: AuthUser, filter: CadreFilter) {
  const where = [sql`c.is_active`, orgScopeSql(user, sql`c.org_id`)];
  if (filter.orgId) where.push(sql`c.org_id = ${filter.orgId}`);
  if (filter.q) where.push(sql`(c.name ilike ${`%${filter.q}%`} or c.position ilike ${`%${filter.q}%`})`);
  if (filter.principalOnly === 'true') where.push(sql`c.is_principal`);
  if (filter.ids) where.push(sql`c.id in (${idList(filter.ids)})`);
  return queryRows<StoredCadreRow>(
    db,
    sql`select c.id, c.org_id, o.name as org_name, c.name, c.position, c.is_principal, c.id_number, c.phone, c.version
        from cadres c join orgs o on o.id = c.org_id
        where ${sql.join(where, sql` and `)} order by o.sort, c.sort, c.id`,
  );
}

/** This year's “三个一” of each cadre (述法, a scored exam, a filed archive), in one query. */
export function queryThreeOnes(db: Executor, cadreIds: readonly number[], year: number) {
  return queryRows<{ id: number; has_report: boolean; has_exam: boolean; filed: boolean }>(
    db,
    sql`select c.id,
          exists (select 1 from law_reports r where r.cadre_id = c.id and r.year = ${year}) as has_report,
          exists (select 1 from law_exams e where e.cadre_id = c.id and e.year = ${year} and e.kind = 'annual'
                  and e.score is not null) as has_exam,
          exists (select 1 from cadre_archives a where a.cadre_id = c.id and a.year = ${year} and a.filed_on is not null) as filed
        from cadres c where c.id in (${idList(cadreIds)})`,
  );
}

export async function insertCadre(db: Executor, values: typeof cadres.$inferInsert) {
  const [row] = await db.insert(cadres).values(values).returning({ id: cadres.id });
  return row!.id;
}

/** Updates a cadre at the version read (optimistic lock); false when someone changed it meanwhile. */
export async function updateCadreAtVersion(
  db: Executor,
  id: number,
  version: number,
  set: Partial<typeof cadres.$inferInsert>,
) {
  const updated = await db
    .update(cadres)
    .set({ ...set, version: sql`${cadres.version} + 1` })
    .where(and(eq(cadres.id, id), eq(cadres.version, version)))
    .returning({ id: cadres.id });
  return updated.length > 0;
}

/** 移出名单: the cadre leaves the lists; their records stay. */
export async function deactivateCadre(db: Executor, id: number) {
  await db
    .update(cadres)
    .set({ isActive: false, version: sql`${cadres.version} + 1` })
    .where(eq(cadres.id, id));
}

export type StudyRow = {
  id: number;
  org_id: number;
  org_name: string;
  date: string;
  meeting_kind: PreMeetingStudy['meetingKind'];
  meeting_name: string;
  laws: string[];
  lecturer: string;
  expected_count: number;
  attendee_count: number;
  attendee_ids: number[];
};

/** 会前学法 records in the user's scope, of one year or all, newest first. */
export function queryStudies(db: Executor, user: AuthUser, year?: number) {
  return queryRows<StudyRow>(
    db,
    sql`select s.id, s.org_id, o.name as org_name, to_char(s.date, 'YYYY-MM-DD') as date, s.meeting_kind, s.meeting_name,
          s.laws, s.lecturer, s.expected_count, s.attendee_count, s.attendee_ids
        from pre_meeting_studies s join orgs o on o.id = s.org_id
        where ${orgScopeSql(user, sql`s.org_id`)}
          and (${year ?? null}::int is null or extract(year from s.date)::int = ${year ?? null}::int)
        order by s.date desc, s.id desc`,
  );
}

/** The 会前学法 meetings of a year a cadre attended (any unit: the archive follows the person). */
export function queryStudiesAttendedBy(db: Executor, cadreId: number, year: number) {
  return queryRows<Omit<StudyRow, 'id' | 'org_name'>>(
    db,
    sql`select to_char(s.date, 'YYYY-MM-DD') as date, s.meeting_kind, s.meeting_name, s.laws, s.lecturer, s.attendee_ids,
          s.expected_count, s.attendee_count, s.org_id
        from pre_meeting_studies s
        where extract(year from s.date)::int = ${year} and s.attendee_ids @> ${JSON.stringify([cadreId])}::jsonb`,
  );
}

/** All 会前学法 meetings of a year with who attended (the results export keeps those of the cadres in scope). */
export function queryStudiesOfYear(db: Executor, year: number) {
  return queryRows<{ date: string; meeting_name: string; laws: string[]; attendee_ids: number[] }>(
    db,
    sql`select to_char(s.date, 'YYYY-MM-DD') as date, s.meeting_name, s.laws, s.attendee_ids
        from pre_meeting_studies s where extract(year from s.date)::int = ${year} order by s.date, s.id`,
  );
}

export async function insertStudy(db: Executor, values: typeof preMeetingStudies.$inferInsert) {
  const [row] = await db.insert(preMeetingStudies).values(values).returning({ id: preMeetingStudies.id });
  return row!.id;
}

export async function deleteStudyRow(db: Executor, id: number) {
  await db.delete(preMeetingStudies).where(eq(preMeetingStudies.id, id));
}

export type LawReportRow = {
  id: number;
  cadre_id: number;
  cadre_name: string;
  position: string;
  org_name: string;
  year: number;
  form: LawReport['form'];
  date: string;
  report_attachment_id: number | null;
  summary: string;
  panel_scores: number[];
  survey: LawReport['survey'];
};

/** 述法 records in the user's scope, filtered by year, cadre or id. */
export function queryLawReports(
  db: Executor,
  user: AuthUser,
  filter: { year?: number; cadreId?: number; id?: number },
) {
  return queryRows<LawReportRow>(
    db,
    sql`select r.id, r.cadre_id, c.name as cadre_name, c.position, o.name as org_name, r.year, r.form,
          to_char(r.date, 'YYYY-MM-DD') as date, r.report_attachment_id, r.summary, r.panel_scores, r.survey
        from law_reports r join cadres c on c.id = r.cadre_id join orgs o on o.id = r.org_id
        where ${orgScopeSql(user, sql`r.org_id`)}
          and (${filter.year ?? null}::int is null or r.year = ${filter.year ?? null}::int)
          and (${filter.cadreId ?? null}::int is null or r.cadre_id = ${filter.cadreId ?? null}::int)
          and (${filter.id ?? null}::int is null or r.id = ${filter.id ?? null}::int)
        order by r.year desc, o.sort, c.sort`,
  );
}

/** Whether the cadre already has a 述法 record for the year (one per cadre per year). */
export async function hasLawReportOf(db: Executor, cadreId: number, year: number) {
  const [dup] = await db
    .select({ id: lawReports.id })
    .from(lawReports)
    .where(and(eq(lawReports.cadreId, cadreId), eq(lawReports.year, year)));
  return !!dup;
}

export async function insertLawReport(db: Executor, values: typeof lawReports.$inferInsert) {
  const [row] = await db.insert(lawReports).values(values).returning({ id: lawReports.id });
  return row!.id;
}

export async function updateLawReportScores(
  db: Executor,
  id: number,
  scores: { panelScores: number[]; survey: LawReport['survey'] | null },
) {
  await db.update(lawReports).set(scores).where(eq(lawReports.id, id));
}

export type LawExamRow = {
  id: number;
  cadre_id: number;
  cadre_name: string;
  position: string;
  org_name: string;
  year: number;
  kind: 'annual' | 'pre_promotion';
  exam_name: string;
  date: string;
  score: number | null;
  pass_mark: number;
};

/** 法治考核 records in the user's scope, filtered by year or cadre. */
export function queryLawExams(db: Executor, user: AuthUser, filter: { year?: number; cadreId?: number }) {
  return queryRows<LawExamRow>(
    db,
    sql`select e.id, e.cadre_id, c.name as cadre_name, c.position, o.name as org_name, e.year, e.kind, e.exam_name,
          to_char(e.date, 'YYYY-MM-DD') as date, e.score, e.pass_mark
        from law_exams e join cadres c on c.id = e.cadre_id join orgs o on o.id = e.org_id
        where ${orgScopeSql(user, sql`e.org_id`)}
          and (${filter.year ?? null}::int is null or e.year = ${filter.year ?? null}::int)
          and (${filter.cadreId ?? null}::int is null or e.cadre_id = ${filter.cadreId ?? null}::int)
        order by e.year desc, o.sort, c.sort, e.id`,
  );
}

export async function insertLawExam(db: Executor, values: typeof lawExams.$inferInsert) {
  const [row] = await db.insert(lawExams).values(values).returning({ id: lawExams.id });
  return row!.id;
}

/** A cadre's 法治档案 of a year (first-responsible duties, filing date), or undefined. */
export async function findArchive(db: Executor, cadreId: number, year: number) {
  const [row] = await db
    .select()
    .from(cadreArchives)
    .where(and(eq(cadreArchives.cadreId, cadreId), eq(cadreArchives.year, year)));
  return row;
}

/** Writes a cadre's 法治档案 of a year, creating or replacing it. */
export async function upsertArchive(
  db: Executor,
  values: Pick<typeof cadreArchives.$inferInsert, 'cadreId' | 'year' | 'orgId' | 'duties' | 'filedOn' | 'updatedBy'>,
) {
  await db
    .insert(cadreArchives)
    .values(values)
    .onConflictDoUpdate({
      target: [cadreArchives.cadreId, cadreArchives.year],
      set: {
        duties: values.duties,
        filedOn: values.filedOn ?? null,
        updatedBy: values.updatedBy,
        updatedAt: sql`now()`,
      },
    });
}
