import { eq, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { orgs } from '../platform/platform.orgs.schema.ts';
import { users } from '../platform/platform.schema.ts';
import { orgScopeSql } from '../platform/platform.scope.service.ts';
import {
  judicialOfficeProfiles,
  liaisonAssignments,
  liaisonLeaders,
  liaisonProblems,
  liaisonVisits,
} from './grassroots.schema.ts';

export type OfficeRow = {
  org_id: number;
  name: string;
  township_id: number | null;
  township: string | null;
  center: string | null;
  functions: string[] | null;
  note: string | null;
  version: number | null;
  staff: number;
  qualified: number;
  exam_sat: number;
  exam_passed: number;
  meetings: number;
  attended: number;
  rating_year: number | null;
  rating_level: string | null;
  rating_stars: number | null;
};

const bool = (field: string) => sql.raw(`coalesce((r.data->>'${field}')::boolean, false)`);

/**
 * Every 司法所 in scope with its profile and this year's ledger facts, in one query: staff and 法律职业资格 (the
 * register as it stands), 法考 sittings of the year, decision meetings of the year, and the rating in force.
 */
export async function queryOffices(db: Executor, user: AuthUser, year: number, orgId?: number): Promise<OfficeRow[]> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const only: SQL = orgId ? sql`and o.id = ${orgId}` : sql``;
  return queryRows<OfficeRow>(
    db,
    sql`
    with facts as (
      select r.org_id,
        count(*) filter (where r.type_key = 'jo_staff' and ${bool('active')} and r.row_date < ${to}::date)::int as staff,
        count(*) filter (where r.type_key = 'jo_staff' and ${bool('active')} and ${bool('has_qualification')}
                           and r.row_date < ${to}::date)::int as qualified,
        count(*) filter (where r.type_key = 'jo_exam_attempt' and r.row_date >= ${from}::date and r.row_date < ${to}::date)::int as exam_sat,
        count(*) filter (where r.type_key = 'jo_exam_attempt' and ${bool('passed')}
                           and r.row_date >= ${from}::date and r.row_date < ${to}::date)::int as exam_passed,
        count(*) filter (where r.type_key = 'jo_decision_attendance' and r.row_date >= ${from}::date and r.row_date < ${to}::date)::int as meetings,
        count(*) filter (where r.type_key = 'jo_decision_attendance' and ${bool('attended')}
                           and r.row_date >= ${from}::date and r.row_date < ${to}::date)::int as attended
      from ledger_rows r
      where r.type_key in ('jo_staff', 'jo_exam_attempt', 'jo_decision_attendance')
      group by r.org_id
    ),
    ratings as (
      select distinct on (r.org_id) r.org_id,
        extract(year from r.row_date)::int as rating_year, r.data->>'level' as rating_level,
        (r.data->>'stars')::int as rating_stars
      from ledger_rows r
      where r.type_key = 'jo_rating' and r.row_date < ${to}::date
      order by r.org_id, r.row_date desc,
        case r.data->>'level' when 'province' then 3 when 'city' then 2 else 1 end desc, (r.data->>'stars')::int desc
    )
    select o.id as org_id, o.name, t.id as township_id, t.name as township,
      (select d.name from org_dimensions od join dimensions d on d.id = od.dimension_id
        where od.org_id = o.id and d.kind = 'center_office' order by d.sort limit 1) as center,
      p.functions, p.note, p.version,
      coalesce(f.staff, 0) as staff, coalesce(f.qualified, 0) as qualified,
      coalesce(f.exam_sat, 0) as exam_sat, coalesce(f.exam_passed, 0) as exam_passed,
      coalesce(f.meetings, 0) as meetings, coalesce(f.attended, 0) as attended,
      ra.rating_year, ra.rating_level, ra.rating_stars
    from orgs o
    left join orgs t on t.id = o.parent_id and t.kind = 'township'
    left join judicial_office_profiles p on p.org_id = o.id
    left join facts f on f.org_id = o.id
    left join ratings ra on ra.org_id = o.id
    where o.kind = 'judicial_office' and ${orgScopeSql(user, sql`o.id`)} ${only}
    order by o.path`,
  );
}

/** Liaison rows a user may see: the point is in their scope, or the leader belongs to a unit in their scope. */
function liaisonScope(user: AuthUser, pointOrg: SQL, leaderOrg: SQL): SQL {
  return sql`(${orgScopeSql(user, pointOrg)} or ${orgScopeSql(user, leaderOrg)})`;
}

export type LeaderRow = {
  id: number;
  org_id: number;
  org_name: string;
  name: string;
  title: string;
  user_id: number | null;
};

export async function queryLeaders(db: Executor, user: AuthUser, id?: number): Promise<LeaderRow[]> {
  return queryRows<LeaderRow>(
    db,
    sql`select l.id, l.org_id, o.name as org_name, l.name, l.title, l.user_id
        from liaison_leaders l join orgs o on o.id = l.org_id
        where l.is_active and (${orgScopeSql(user, sql`l.org_id`)} or exists (
          select 1 from liaison_assignments a where a.leader_id = l.id and ${orgScopeSql(user, sql`a.org_id`)}))
          ${id ? sql`and l.id = ${id}` : sql``}
        order by l.id`,
  );
}

export type AssignmentRow = {
  id: number;
  leader_id: number;
  leader_name: string;
  leader_title: string;
  leader_org_id: number;
  org_id: number;
  org_name: string;
  every: 'month' | 'quarter' | 'year';
  times: number;
  start_date: string;
  end_date: string | null;
};

export async function queryAssignments(
  db: Executor,
  user: AuthUser | null,
  filter: { year?: number; leaderId?: number; id?: number } = {},
): Promise<AssignmentRow[]> {
  const scope = user ? liaisonScope(user, sql`a.org_id`, sql`l.org_id`) : sql`true`;
  return queryRows<AssignmentRow>(
    db,
    sql`select a.id, a.leader_id, l.name as leader_name, l.title as leader_title, l.org_id as leader_org_id,
          a.org_id, o.name as org_name, a.every, a.times,
          to_char(a.start_date, 'YYYY-MM-DD') as start_date, to_char(a.end_date, 'YYYY-MM-DD') as end_date
        from liaison_assignments a join liaison_leaders l on l.id = a.leader_id join orgs o on o.id = a.org_id
        where ${scope}
          ${filter.year ? sql`and a.start_date < ${`${filter.year + 1}-01-01`}::date and (a.end_date is null or a.end_date >= ${`${filter.year}-01-01`}::date)` : sql``}
          ${filter.leaderId ? sql`and a.leader_id = ${filter.leaderId}` : sql``}
          ${filter.id ? sql`and a.id = ${filter.id}` : sql``}
        order by l.id, o.path, a.id`,
  );
}

export type VisitRow = {
  id: number;
  leader_id: number;
  leader_name: string;
  leader_org_id: number;
  org_id: number;
  org_name: string;
  visited_at: Date;
  people_met: string;
  problems_heard: string;
  follow_up: string;
  version: number;
  problems: { id: number; title: string; description: string; problemId: number | null }[];
};

export async function queryVisits(
  db: Executor,
  user: AuthUser | null,
  filter: { from?: Date; to?: Date; leaderId?: number; orgId?: number; id?: number } = {},
): Promise<VisitRow[]> {
  const scope = user ? liaisonScope(user, sql`v.org_id`, sql`l.org_id`) : sql`true`;
  const rows = await queryRows<VisitRow>(
    db,
    sql`select v.id, v.leader_id, l.name as leader_name, l.org_id as leader_org_id, v.org_id, o.name as org_name,
          v.visited_at, v.people_met, v.problems_heard, v.follow_up, v.version,
          coalesce((select json_agg(json_build_object('id', p.id, 'title', p.title, 'description', p.description,
                      'problemId', p.problem_id) order by p.id)
                    from liaison_problems p where p.visit_id = v.id), '[]'::json) as problems
        from liaison_visits v join liaison_leaders l on l.id = v.leader_id join orgs o on o.id = v.org_id
        where ${scope}
          ${filter.from ? sql`and v.visited_at >= ${filter.from.toISOString()}::timestamptz` : sql``}
          ${filter.to ? sql`and v.visited_at < ${filter.to.toISOString()}::timestamptz` : sql``}
          ${filter.leaderId ? sql`and v.leader_id = ${filter.leaderId}` : sql``}
          ${filter.orgId ? sql`and v.org_id = ${filter.orgId}` : sql``}
          ${filter.id ? sql`and v.id = ${filter.id}` : sql``}
        order by v.visited_at desc, v.id desc`,
  );
  return rows.map((r) => ({ ...r, visited_at: new Date(r.visited_at) }));
}

/** The tree path of an org (`/1/4/`), for figures counted over its subtree. */
export async function orgPathOf(db: Executor, orgId: number): Promise<string> {
  const [row] = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, orgId));
  return row?.path ?? '';
}

export async function orgKindOf(db: Executor, orgId: number): Promise<string | null> {
  const [row] = await db.select({ kind: orgs.kind }).from(orgs).where(eq(orgs.id, orgId));
  return row?.kind ?? null;
}

export async function userExists(db: Executor, userId: number): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  return row !== undefined;
}

export async function findOfficeProfile(db: Executor, orgId: number) {
  const [row] = await db.select().from(judicialOfficeProfiles).where(eq(judicialOfficeProfiles.orgId, orgId));
  return row;
}

/** Saves a 司法所's functions checklist, creating the profile on first save; the version counts the saves. */
export async function upsertOfficeProfile(
  db: Executor,
  values: { orgId: number; functions: string[]; note: string; updatedBy: number },
) {
  const [row] = await db
    .insert(judicialOfficeProfiles)
    .values(values)
    .onConflictDoUpdate({
      target: judicialOfficeProfiles.orgId,
      set: {
        functions: values.functions,
        note: values.note,
        updatedBy: values.updatedBy,
        updatedAt: sql`now()`,
        version: sql`${judicialOfficeProfiles.version} + 1`,
      },
    })
    .returning({ id: judicialOfficeProfiles.id, version: judicialOfficeProfiles.version });
  return row!;
}

export async function insertLeader(db: Executor, values: typeof liaisonLeaders.$inferInsert) {
  const [row] = await db.insert(liaisonLeaders).values(values).returning({ id: liaisonLeaders.id });
  return row!;
}

export async function insertAssignment(db: Executor, values: typeof liaisonAssignments.$inferInsert) {
  const [row] = await db.insert(liaisonAssignments).values(values).returning({ id: liaisonAssignments.id });
  return row!;
}

export async function setAssignmentEnd(db: Executor, id: number, endDate: string) {
  await db.update(liaisonAssignments).set({ endDate }).where(eq(liaisonAssignments.id, id));
}

export async function insertVisit(db: Executor, values: typeof liaisonVisits.$inferInsert) {
  const [row] = await db.insert(liaisonVisits).values(values).returning({ id: liaisonVisits.id });
  return row!;
}

export async function insertVisitProblem(db: Executor, values: typeof liaisonProblems.$inferInsert) {
  const [row] = await db.insert(liaisonProblems).values(values).returning({ id: liaisonProblems.id });
  return row!;
}

/** A problem heard on a visit, with the visit's leader and date, locked for sending to the problem pool. */
export async function lockVisitProblem(db: Executor, id: number) {
  const [row] = await queryRows<{
    id: number;
    visit_id: number;
    org_id: number;
    title: string;
    description: string;
    problem_id: number | null;
    leader_name: string;
    visited_at: Date;
  }>(
    db,
    sql`select p.id, p.visit_id, p.org_id, p.title, p.description, p.problem_id, l.name as leader_name, v.visited_at
        from liaison_problems p join liaison_visits v on v.id = p.visit_id join liaison_leaders l on l.id = v.leader_id
        where p.id = ${id} for update of p`,
  );
  return row;
}

export async function markProblemSent(db: Executor, id: number, problemId: number, at: Date) {
  await db.update(liaisonProblems).set({ problemId, sentAt: at }).where(eq(liaisonProblems.id, id));
}
