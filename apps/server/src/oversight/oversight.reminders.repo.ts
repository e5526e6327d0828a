import type { ProblemStatus } from '@fazhi/core/oversight/problem';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { effectiveDeadlineSql } from './oversight.repo.ts';

/** Open problems whose deadline in force falls on or before `horizon` (a Shanghai day), with what the core needs. */
export async function openProblemsDueBy(db: Executor, horizon: string) {
  return queryRows<{
    id: number;
    title: string;
    status: ProblemStatus;
    owner_id: number | null;
    deadline: string | null;
    deferrals: { until: string; status: 'approved' }[] | null;
    unit_ids: number[];
  }>(
    db,
    sql`
    select p.id, p.title, p.status, p.owner_id, to_char(p.deadline, 'YYYY-MM-DD') as deadline,
      (select json_agg(json_build_object('until', to_char(d.until, 'YYYY-MM-DD'), 'status', d.status))
         from problem_deferrals d where d.problem_id = p.id and d.status = 'approved') as deferrals,
      (select json_agg(pu.org_id order by pu.sort) from problem_units pu where pu.problem_id = p.id) as unit_ids
    from problems p
    where p.status in ('unclaimed', 'rectifying') and ${effectiveDeadlineSql()} <= ${horizon}::date`,
  );
}

/**
 * The notification rows of the given reminders (a JSON array of { key, kind, title, message, problem_id, audience,
 * owner_id, unit_ids }), one per recipient, as a SELECT for `notify`:
 * owner — the responsible cadre's login and the reporters of the responsible units;
 * unit_leader — the leaders of the responsible units and the office whose scope covers them.
 */
export function reminderRecipientsSql(payload: string): SQL {
  return sql`
  select distinct on (u.id, r.key) u.id, 'oversight.' || r.kind, r.title, r.message, '/oversight/problems/' || r.problem_id, r.key
  from json_to_recordset(${payload}::json) as r(key text, kind text, title text, message text, problem_id int,
                                               audience text, owner_id int, unit_ids json)
  join users u on u.is_active and (
    (r.audience = 'owner' and (
        u.id = (select c.user_id from cadres c where c.id = r.owner_id)
        or (u.role = 'reporter' and u.org_id in (select value::text::int from json_array_elements(r.unit_ids)))))
    or (r.audience = 'unit_leader' and (
        (u.role = 'unit_leader' and u.org_id in (select value::text::int from json_array_elements(r.unit_ids)))
        or (u.role = 'office' and exists (
              select 1 from orgs unit join orgs root on root.id = coalesce(u.scope_org_id, u.org_id)
              where unit.id in (select value::text::int from json_array_elements(r.unit_ids))
                and unit.path like root.path || '%')))))`;
}
