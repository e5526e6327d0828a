import type { PointKind } from '@fazhi/core/consultation/consultation.schemas';
import type { LegislatureLevel } from '@fazhi/core/consultation/consultation-window';
import { checklistProgress, type TenStepChecklist } from '@fazhi/core/consultation/ten-steps';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { orgScopeSql } from '../platform/platform.scope.service.ts';
import { consultationPoints, consultationPushes, consultations } from './consultation.schema.ts';

const iso = (d: string | Date | null) => (d === null ? null : new Date(d).toISOString());

export async function queryPoints(db: Executor, user: AuthUser) {
  const rows = await queryRows<{
    id: number;
    org_id: number;
    org_name: string;
    parent_id: number | null;
    kind: PointKind;
    name: string;
    contact: string;
  }>(
    db,
    sql`select p.id, p.org_id, o.name as org_name, p.parent_id, p.kind, p.name, p.contact
        from consultation_points p join orgs o on o.id = p.org_id
        where ${orgScopeSql(user, sql`p.org_id`)}
        order by coalesce(p.parent_id, p.id), p.parent_id nulls first, p.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    parentId: r.parent_id,
    kind: r.kind,
    name: r.name,
    contact: r.contact,
  }));
}

type ConsultationRow = {
  id: number;
  org_id: number;
  point_id: number;
  point_name: string;
  draft_id: number;
  version_id: number;
  version: number;
  title: string;
  legislature: string;
  legislature_level: LegislatureLevel;
  opens_on: string;
  closes_on: string;
  status: string;
  checklist: TenStepChecklist;
  final_adopted_on: string | null;
  final_summary: string | null;
  published_at: string | Date | null;
  opinions: number;
  pending_review: number;
  answered: number;
  adopted: number;
  pushed_point_ids: number[];
};

export async function queryConsultations(db: Executor, user: AuthUser, filter: { ids?: number[]; year?: number }) {
  const conditions: SQL[] = [orgScopeSql(user, sql`c.org_id`)];
  if (filter.ids) conditions.push(sql`c.id in (${sql.join(filter.ids, sql`, `)})`);
  if (filter.year) conditions.push(sql`extract(year from c.opens_on)::int = ${filter.year}`);
  const rows = await queryRows<ConsultationRow>(
    db,
    sql`select c.id, c.org_id, c.point_id, p.name as point_name, c.draft_id, c.version_id, v.version, c.title,
          c.legislature, c.legislature_level, c.opens_on::text as opens_on, c.closes_on::text as closes_on, c.status,
          c.checklist, c.final_adopted_on::text as final_adopted_on, c.final_summary, c.published_at,
          coalesce(s.opinions, 0) as opinions, coalesce(s.pending_review, 0) as pending_review,
          coalesce(s.answered, 0) as answered, coalesce(s.adopted, 0) as adopted,
          coalesce((select array_agg(x.point_id order by x.point_id) from consultation_pushes x
                    where x.consultation_id = c.id), '{}') as pushed_point_ids
        from consultations c
        join consultation_points p on p.id = c.point_id
        join consultation_draft_versions v on v.id = c.version_id
        left join (
          select o.consultation_id,
                 count(*) filter (where o.moderation <> 'blocked')::int as opinions,
                 count(*) filter (where o.moderation = 'pending_review')::int as pending_review,
                 count(*) filter (where o.status = 'answered')::int as answered,
                 count(*) filter (where o.status <> 'merged' and o.decision in ('adopted', 'partly_adopted'))::int as adopted
          from consultation_opinions o group by o.consultation_id
        ) s on s.consultation_id = c.id
        where ${sql.join(conditions, sql` and `)}
        order by c.opens_on desc, c.id desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    pointId: r.point_id,
    pointName: r.point_name,
    draftId: r.draft_id,
    versionId: r.version_id,
    version: r.version,
    title: r.title,
    legislature: r.legislature,
    legislatureLevel: r.legislature_level,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    status: r.status as 'draft' | 'published',
    checklist: r.checklist,
    progress: checklistProgress(r.checklist),
    finalAdoptedOn: r.final_adopted_on,
    finalSummary: r.final_summary,
    publishedAt: iso(r.published_at),
    opinions: r.opinions,
    pendingReview: r.pending_review,
    answered: r.answered,
    adopted: r.adopted,
    pushedPointIds: r.pushed_point_ids,
  }));
}
export type ConsultationView = Awaited<ReturnType<typeof queryConsultations>>[number];

/**
 * Statistics per point and year (DESIGN §5 consultation.drafts/.opinions/.adopted): a sub-point's figures also count
 * towards its contact point, drafts counted once per point. Rules as in core consultation-stats.ts.
 */
export async function queryStats(db: Executor, user: AuthUser, year?: number) {
  return queryRows<{
    point_id: number;
    point_name: string;
    year: number;
    drafts: number;
    opinions: number;
    adopted: number;
    partly_adopted: number;
    rejected: number;
    answered: number;
  }>(
    db,
    sql`with chain as (
          select id as point_id, id as counted_as from consultation_points
          union all
          select id, parent_id from consultation_points where parent_id is not null
        ),
        d as (
          select ch.counted_as as point_id, extract(year from c.opens_on)::int as year,
                 count(distinct c.draft_id)::int as drafts
          from consultations c join chain ch on ch.point_id = c.point_id
          group by 1, 2
        ),
        o as (
          select ch.counted_as as point_id,
                 extract(year from (x.submitted_at at time zone 'Asia/Shanghai'))::int as year,
                 count(*)::int as opinions,
                 count(*) filter (where x.status <> 'merged' and x.decision in ('adopted', 'partly_adopted'))::int as adopted,
                 count(*) filter (where x.status <> 'merged' and x.decision = 'partly_adopted')::int as partly_adopted,
                 count(*) filter (where x.status <> 'merged' and x.decision = 'rejected')::int as rejected,
                 count(*) filter (where x.status = 'answered')::int as answered
          from consultation_opinions x join chain ch on ch.point_id = x.point_id
          where x.moderation <> 'blocked'
          group by 1, 2
        )
        select p.id as point_id, p.name as point_name, coalesce(d.year, o.year) as year,
               coalesce(d.drafts, 0) as drafts, coalesce(o.opinions, 0) as opinions, coalesce(o.adopted, 0) as adopted,
               coalesce(o.partly_adopted, 0) as partly_adopted, coalesce(o.rejected, 0) as rejected,
               coalesce(o.answered, 0) as answered
        from d full join o on o.point_id = d.point_id and o.year = d.year
        join consultation_points p on p.id = coalesce(d.point_id, o.point_id)
        where ${orgScopeSql(user, sql`p.org_id`)}
          and (${year ?? null}::int is null or coalesce(d.year, o.year) = ${year ?? null}::int)
        order by p.parent_id nulls first, p.id, 3`,
  );
}

// Writes of points, consultations and pushes; the service checks scope and owns the transaction.

export async function insertPoint(
  tx: Executor,
  values: { orgId: number; parentId: number; kind: 'courtyard' | 'informant'; name: string; contact: string },
) {
  const [row] = await tx.insert(consultationPoints).values(values).returning({ id: consultationPoints.id });
  return row!.id;
}

export async function insertConsultation(tx: Executor, values: typeof consultations.$inferInsert) {
  const [row] = await tx.insert(consultations).values(values).returning({ id: consultations.id });
  return row!.id;
}

export async function updateConsultation(
  tx: Executor,
  id: number,
  set: Partial<
    Pick<
      typeof consultations.$inferInsert,
      'status' | 'publishedAt' | 'checklist' | 'finalAdoptedOn' | 'finalSummary' | 'versionId'
    >
  >,
) {
  await tx.update(consultations).set(set).where(eq(consultations.id, id));
}

/** Which of these point ids are sub-points (立法议事小院, 信息员) of the given contact point. */
export async function subPointIdsAmong(tx: Executor, ids: number[], parentId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: consultationPoints.id })
    .from(consultationPoints)
    .where(and(inArray(consultationPoints.id, ids), eq(consultationPoints.parentId, parentId)));
  return rows.map((r) => r.id);
}

/** A point by id (no scope check: the caller has checked the consultation it belongs to). */
export async function findPoint(tx: Executor, id: number) {
  const [point] = await tx
    .select({ id: consultationPoints.id, parentId: consultationPoints.parentId })
    .from(consultationPoints)
    .where(eq(consultationPoints.id, id));
  return point;
}

export async function insertPushes(tx: Executor, consultationId: number, pointIds: number[]) {
  await tx
    .insert(consultationPushes)
    .values(pointIds.map((pointId) => ({ consultationId, pointId })))
    .onConflictDoNothing();
}

/** The draft version a consultation comments on. */
export async function consultationVersionId(tx: Executor, consultationId: number) {
  const [row] = await tx
    .select({ versionId: consultations.versionId })
    .from(consultations)
    .where(eq(consultations.id, consultationId));
  return row?.versionId;
}
