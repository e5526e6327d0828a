import type { ProblemListQuery } from '@fazhi/core/oversight/oversight.schemas';
import type { Problem, ProblemEventType, ProblemStatus } from '@fazhi/core/oversight/problem';
import { daysOverdue } from '@fazhi/core/oversight/problem-deadline';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { shanghaiToday } from '../platform/kernel/clock.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { orgScopeSql } from '../platform/platform.scope.service.ts';

/** A problem is visible to the units responsible for it and to the office that registered it. */
export function problemVisibleSql(user: AuthUser, alias = 'p'): SQL {
  const p = sql.raw(alias);
  return sql`(${orgScopeSql(user, sql`${p}.issuer_org_id`)} or exists (
    select 1 from problem_units vu where vu.problem_id = ${p}.id and ${orgScopeSql(user, sql`vu.org_id`)}))`;
}

/** The deadline in force (an approved deferral moves it), as SQL; mirrors `effectiveDeadline` in the core. */
export const effectiveDeadlineSql = (alias = 'p') => {
  const p = sql.raw(alias);
  return sql`greatest(${p}.deadline, (select max(d.until) from problem_deferrals d where d.problem_id = ${p}.id and d.status = 'approved'))`;
};

const iso = (v: string | Date | null) => (v ? new Date(v).toISOString() : null);

type ProblemRow = {
  id: number;
  org_id: number;
  issuer_org_id: number;
  inspection_id: number | null;
  inspection_title: string | null;
  year: number;
  title: string;
  description: string;
  status: ProblemStatus;
  owner_id: number | null;
  owner_name: string | null;
  owner_position: string | null;
  plan_text: string;
  measures: string[];
  deadline: string | null;
  is_deadline_fixed: boolean;
  claimed_by_unit_id: number | null;
  rectification_summary: string;
  closed_at: string | Date | null;
  recurrence_of: number | null;
  version: number;
  created_at: string | Date;
  units: { id: number; name: string }[];
  sign_offs: { unitId: number; by: number | null; byName: string | null; at: string; note: string }[] | null;
  deferrals:
    | {
        reason: string;
        until: string;
        status: 'pending' | 'approved' | 'rejected';
        requestedBy: number | null;
        requestedAt: string;
        decidedBy: number | null;
        decidedAt: string | null;
        decisionNote: string;
      }[]
    | null;
  recurrence_ids: number[] | null;
  events:
    | {
        id: number;
        type: ProblemEventType;
        from: ProblemStatus | null;
        to: ProblemStatus;
        note: string;
        unitId: number | null;
        relatedProblemId: number | null;
        by: number | null;
        byName: string | null;
        at: string;
        attachments: EvidenceFile[] | null;
      }[]
    | null;
};

/** A 佐证材料 file as the history lists it (its content is read through `findProblemEvidenceFile`). */
export type EvidenceFile = { id: number; filename: string; size: number };

export type LoadedProblem = {
  problem: Problem;
  orgId: number;
  issuerOrgId: number;
  year: number;
  version: number;
  inspectionTitle: string | null;
  units: { id: number; name: string }[];
  owner: { id: number; name: string; position: string } | null;
  createdAt: string;
  actorNames: Map<number, string>;
  /** The 佐证材料 of each history event, in the order of `problem.history`. */
  eventAttachments: EvidenceFile[][];
};

/** Everything about the given problems, visible to `user`, as the core's `Problem` plus display fields. */
export async function loadProblems(db: Executor, user: AuthUser | null, ids: number[]): Promise<LoadedProblem[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<ProblemRow>(
    db,
    sql`
    select p.id, p.org_id, p.issuer_org_id, p.inspection_id, i.title as inspection_title, p.year, p.title, p.description,
      p.status, p.owner_id, c.name as owner_name, c.position as owner_position, p.plan_text, p.measures,
      to_char(p.deadline, 'YYYY-MM-DD') as deadline, p.is_deadline_fixed, p.claimed_by_unit_id, p.rectification_summary,
      p.closed_at, p.recurrence_of, p.version, p.created_at,
      (select json_agg(json_build_object('id', o.id, 'name', o.name) order by pu.sort, o.id)
         from problem_units pu join orgs o on o.id = pu.org_id where pu.problem_id = p.id) as units,
      (select json_agg(json_build_object('unitId', s.org_id, 'by', s.signed_by, 'byName', u.display_name, 'at', s.signed_at, 'note', s.note) order by s.signed_at)
         from problem_sign_offs s left join users u on u.id = s.signed_by where s.problem_id = p.id) as sign_offs,
      (select json_agg(json_build_object('reason', d.reason, 'until', to_char(d.until, 'YYYY-MM-DD'), 'status', d.status,
              'requestedBy', d.requested_by, 'requestedAt', d.requested_at, 'decidedBy', d.decided_by,
              'decidedAt', d.decided_at, 'decisionNote', d.decision_note) order by d.seq)
         from problem_deferrals d where d.problem_id = p.id) as deferrals,
      (select json_agg(r.id order by r.id) from problems r where r.recurrence_of = p.id) as recurrence_ids,
      (select json_agg(json_build_object('id', e.id, 'type', e.type, 'from', e.from_status, 'to', e.to_status, 'note', e.note,
              'unitId', e.unit_id, 'relatedProblemId', e.related_problem_id, 'by', e.actor_id, 'byName', u.display_name, 'at', e.at,
              'attachments', (select json_agg(json_build_object('id', a.id, 'filename', a.filename, 'size', a.size) order by pe.sort)
                 from problem_evidence pe join attachments a on a.id = pe.attachment_id where pe.event_id = e.id))
              order by e.id)
         from problem_events e left join users u on u.id = e.actor_id where e.problem_id = p.id) as events
    from problems p
    left join inspections i on i.id = p.inspection_id
    left join cadres c on c.id = p.owner_id
    where p.id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) and ${user ? problemVisibleSql(user) : sql`true`}
    order by p.id`,
  );
  return rows.map((r) => {
    const actorNames = new Map<number, string>();
    for (const e of r.events ?? []) if (e.by !== null && e.byName) actorNames.set(e.by, e.byName);
    for (const s of r.sign_offs ?? []) if (s.by !== null && s.byName) actorNames.set(s.by, s.byName);
    const problem: Problem = {
      id: r.id,
      inspectionId: r.inspection_id,
      title: r.title,
      description: r.description,
      unitIds: r.units.map((u) => u.id),
      status: r.status,
      fourOnes: { ownerId: r.owner_id, plan: r.plan_text, measures: r.measures ?? [], deadline: r.deadline },
      isDeadlineFixed: r.is_deadline_fixed,
      claimedByUnitId: r.claimed_by_unit_id,
      rectificationSummary: r.rectification_summary,
      signOffs: (r.sign_offs ?? []).map((s) => ({ unitId: s.unitId, by: s.by ?? 0, at: new Date(s.at), note: s.note })),
      deferrals: (r.deferrals ?? []).map((d) => ({
        reason: d.reason,
        until: d.until,
        status: d.status,
        requestedBy: d.requestedBy ?? 0,
        requestedAt: new Date(d.requestedAt),
        decidedBy: d.decidedBy,
        decidedAt: d.decidedAt ? new Date(d.decidedAt) : null,
        decisionNote: d.decisionNote,
      })),
      closedAt: r.closed_at ? new Date(r.closed_at) : null,
      recurrenceOf: r.recurrence_of,
      recurrenceIds: r.recurrence_ids ?? [],
      history: (r.events ?? []).map((e) => ({
        type: e.type,
        at: new Date(e.at),
        by: e.by ?? 0,
        from: e.from,
        to: e.to,
        note: e.note,
        ...(e.unitId ? { unitId: e.unitId } : {}),
        ...(e.relatedProblemId ? { relatedProblemId: e.relatedProblemId } : {}),
      })),
    };
    return {
      problem,
      orgId: r.org_id,
      issuerOrgId: r.issuer_org_id,
      year: r.year,
      version: r.version,
      inspectionTitle: r.inspection_title,
      units: r.units,
      owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '', position: r.owner_position ?? '' } : null,
      createdAt: iso(r.created_at)!,
      actorNames,
      eventAttachments: (r.events ?? []).map((e) => e.attachments ?? []),
    };
  });
}

export type ProblemListItem = {
  id: number;
  year: number;
  title: string;
  status: ProblemStatus;
  inspectionId: number | null;
  inspectionTitle: string | null;
  units: { id: number; name: string }[];
  isJoint: boolean;
  signedCount: number;
  owner: { id: number; name: string; position: string } | null;
  deadline: string | null;
  effectiveDeadline: string | null;
  isOverdue: boolean;
  daysOverdue: number;
  hasPendingDeferral: boolean;
  recurrenceOf: number | null;
  createdAt: string;
};

/** The problem pool, filtered and paged in SQL; one query for the page and one for the total. */
export async function queryProblems(db: Executor, user: AuthUser, query: ProblemListQuery, now: Date) {
  const today = shanghaiToday(now);
  const where: SQL[] = [problemVisibleSql(user)];
  if (query.year) where.push(sql`p.year = ${query.year}`);
  if (query.status) where.push(sql`p.status = ${query.status}`);
  if (query.inspectionId) where.push(sql`p.inspection_id = ${query.inspectionId}`);
  if (query.unitId)
    where.push(sql`exists (select 1 from problem_units fu where fu.problem_id = p.id and fu.org_id = ${query.unitId})`);
  if (query.q) where.push(sql`p.title ilike ${`%${query.q}%`}`);
  const overdueSql = sql`(p.status in ('unclaimed', 'rectifying') and ${effectiveDeadlineSql()} < ${today}::date)`;
  if (query.overdue === 'true') where.push(overdueSql);
  if (query.overdue === 'false') where.push(sql`not coalesce(${overdueSql}, false)`);
  const condition = sql.join(where, sql` and `);
  const page = Number(query.page ?? 1);
  const pageSize = Number(query.pageSize ?? 20);
  const [rows, totals] = await Promise.all([
    queryRows<{
      id: number;
      year: number;
      title: string;
      status: ProblemStatus;
      inspection_id: number | null;
      inspection_title: string | null;
      units: { id: number; name: string }[];
      signed_count: number;
      owner_id: number | null;
      owner_name: string | null;
      owner_position: string | null;
      deadline: string | null;
      effective_deadline: string | null;
      has_pending_deferral: boolean;
      recurrence_of: number | null;
      created_at: string | Date;
    }>(
      db,
      sql`
      select p.id, p.year, p.title, p.status, p.inspection_id, i.title as inspection_title,
        (select json_agg(json_build_object('id', o.id, 'name', o.name) order by pu.sort, o.id)
           from problem_units pu join orgs o on o.id = pu.org_id where pu.problem_id = p.id) as units,
        (select count(*)::int from problem_sign_offs s where s.problem_id = p.id) as signed_count,
        p.owner_id, c.name as owner_name, c.position as owner_position,
        to_char(p.deadline, 'YYYY-MM-DD') as deadline, to_char(${effectiveDeadlineSql()}, 'YYYY-MM-DD') as effective_deadline,
        exists (select 1 from problem_deferrals d where d.problem_id = p.id and d.status = 'pending') as has_pending_deferral,
        p.recurrence_of, p.created_at
      from problems p
      left join inspections i on i.id = p.inspection_id
      left join cadres c on c.id = p.owner_id
      where ${condition}
      order by case p.status when 'applied' then 0 when 'unclaimed' then 1 when 'rectifying' then 2 else 3 end,
               ${effectiveDeadlineSql()} nulls last, p.id desc
      limit ${pageSize} offset ${(page - 1) * pageSize}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from problems p where ${condition}`),
  ]);
  const items: ProblemListItem[] = rows.map((r) => {
    const late = daysOverdue(
      {
        status: r.status,
        fourOnes: { ownerId: null, plan: '', measures: [], deadline: r.effective_deadline },
        deferrals: [],
      },
      now,
    );
    return {
      id: r.id,
      year: r.year,
      title: r.title,
      status: r.status,
      inspectionId: r.inspection_id,
      inspectionTitle: r.inspection_title,
      units: r.units ?? [],
      isJoint: (r.units ?? []).length > 1,
      signedCount: r.signed_count,
      owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '', position: r.owner_position ?? '' } : null,
      deadline: r.deadline,
      effectiveDeadline: r.effective_deadline,
      isOverdue: late > 0,
      daysOverdue: late,
      hasPendingDeferral: r.has_pending_deferral,
      recurrenceOf: r.recurrence_of,
      createdAt: iso(r.created_at)!,
    };
  });
  return { items, total: totals[0]?.n ?? 0, page, pageSize };
}

/** Counts for the oversight overview, within the user's scope. */
export async function queryOversightStats(db: Executor, user: AuthUser, year: number, now: Date) {
  const today = shanghaiToday(now);
  const [row] = await queryRows<{
    inspections: number;
    problems: number;
    rectified: number;
    applied: number;
    overdue: number;
  }>(
    db,
    sql`
    select
      (select count(*)::int from inspections i where i.year = ${year} and (${orgScopeSql(user, sql`i.org_id`)}
         or exists (select 1 from inspection_targets it where it.inspection_id = i.id and ${orgScopeSql(user, sql`it.org_id`)}))) as inspections,
      count(*)::int as problems,
      (count(*) filter (where p.status = 'closed'))::int as rectified,
      (count(*) filter (where p.status = 'applied'))::int as applied,
      (count(*) filter (where p.status in ('unclaimed', 'rectifying') and ${effectiveDeadlineSql()} < ${today}::date))::int as overdue
    from problems p where p.year = ${year} and ${problemVisibleSql(user)}`,
  );
  const stats = row ?? { inspections: 0, problems: 0, rectified: 0, applied: 0, overdue: 0 };
  return {
    ...stats,
    rectificationRate: stats.problems > 0 ? Math.round((stats.rectified / stats.problems) * 1000) / 10 : null,
  };
}

/** The problems found in a year in an org subtree, in the order they were raised (read by the reports module). */
export async function queryProblemsOfYear(db: Executor, subtreePath: string, year: number) {
  return queryRows<{ title: string; status: string }>(
    db,
    sql`select p.title, p.status from problems p join orgs o on o.id = p.org_id
        where p.year = ${year} and o.path like ${`${subtreePath}%`}
        order by p.id`,
  );
}
