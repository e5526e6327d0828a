import type {
  InspectionCreate,
  InspectionKeyNode,
  InspectionMode,
  InspectionRole,
  InspectionStatus,
} from '@fazhi/core/oversight/inspection';
import { eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { orgScopeSql } from '../platform/platform.scope.service.ts';
import { inspections, inspectionTargets } from './oversight.schema.ts';

type InspectionRow = {
  id: number;
  org_id: number;
  year: number;
  title: string;
  mode: InspectionMode;
  key_node: InspectionKeyNode;
  start_date: string;
  end_date: string;
  status: InspectionStatus;
  checklist: { content: string; basis: string }[];
  team: { name: string; userId?: number | null; orgName: string; role: InspectionRole }[];
  targets: { id: number; name: string }[] | null;
  problem_count: number;
  closed_count: number;
};

/** Inspections the user organised (office) or was inspected by (unit), with targets and finding counts. */
export async function queryInspections(db: Executor, user: AuthUser, filter: { year?: number; ids?: number[] }) {
  const conditions = [
    sql`(${orgScopeSql(user, sql`i.org_id`)} or exists (select 1 from inspection_targets it where it.inspection_id = i.id and ${orgScopeSql(user, sql`it.org_id`)}))`,
  ];
  if (filter.year) conditions.push(sql`i.year = ${filter.year}`);
  if (filter.ids)
    conditions.push(
      sql`i.id in (${sql.join(
        filter.ids.map((x) => sql`${x}`),
        sql`, `,
      )})`,
    );
  const rows = await queryRows<InspectionRow>(
    db,
    sql`
    select i.id, i.org_id, i.year, i.title, i.mode, i.key_node, to_char(i.start_date, 'YYYY-MM-DD') as start_date,
      to_char(i.end_date, 'YYYY-MM-DD') as end_date, i.status, i.checklist, i.team,
      (select json_agg(json_build_object('id', o.id, 'name', o.name) order by o.sort, o.id)
         from inspection_targets it join orgs o on o.id = it.org_id where it.inspection_id = i.id) as targets,
      (select count(*)::int from problems p where p.inspection_id = i.id) as problem_count,
      (select count(*)::int from problems p where p.inspection_id = i.id and p.status = 'closed') as closed_count
    from inspections i
    where ${sql.join(conditions, sql` and `)}
    order by i.start_date desc, i.id desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    year: r.year,
    title: r.title,
    mode: r.mode,
    keyNode: r.key_node,
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status,
    checklist: r.checklist,
    team: r.team,
    targets: r.targets ?? [],
    targetOrgIds: (r.targets ?? []).map((t) => t.id),
    problemCount: r.problem_count,
    closedCount: r.closed_count,
  }));
}

export async function insertInspection(
  tx: Executor,
  orgId: number,
  createdBy: number,
  input: InspectionCreate,
): Promise<number> {
  const { targetOrgIds, ...fields } = input;
  const [row] = await tx
    .insert(inspections)
    .values({ ...fields, orgId, status: 'planned', createdBy })
    .returning({ id: inspections.id });
  const id = row!.id;
  await tx.insert(inspectionTargets).values(targetOrgIds.map((t) => ({ inspectionId: id, orgId: t })));
  return id;
}

export async function updateInspectionStatus(tx: Executor, id: number, status: InspectionStatus) {
  await tx.update(inspections).set({ status }).where(eq(inspections.id, id));
}
