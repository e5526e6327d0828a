import { shanghaiTodaySql } from '../platform/kernel/clock.ts';
import { fieldKey, type SourceAdapter } from './metrics.source-adapter.repo.ts';

// 挂点联系 obligations as a metric source (`grassroots.liaison_obligations`), the quarter rule of core
// `liaisonYearStatuses` in SQL: per assignment, one row per obligation period (month / quarter / year) that starts
// before today and within the assignment; visits due = ceil(times × months the assignment fully covers / months
// in the period), so a period with no fully covered month owes nothing; only visits by that leader to that point
// inside both the period and the assignment (Asia/Shanghai calendar) count, capped at the visits due. As core
// `liaisonRate`, a period counts once it is over or already fulfilled. Rows are dated by the period's last day.
// The series are read through unnest(array(…)): a set-returning generate_series is estimated at 1 000 rows, which
// with the per-period subqueries put a query over a dozen assignments past jit_above_cost — ~190 ms of JIT
// compiling for ~15 ms of work on every dashboard request; an unnested array is estimated at 10. `offset 0` keeps
// the planner from pulling `ob` up into the outer query, where each use of `required` and `visited` in the columns
// and the filter became a subplan of its own: computed once per period instead, the dashboard's obligations query
// takes ≈ 3.2 instead of ≈ 4.4 ms of planning and work (demo county, psql, explain analyze).

const today = shanghaiTodaySql;
const shanghai = (day: string) => `((${day})::timestamp at time zone 'Asia/Shanghai')`;

const obligations = `(
  select a.id, a.org_id, a.leader_id, a.every, p.start::date as period_start, e.last_day,
    ob.required, least(ob.visited, ob.required) as done,
    case when ob.visited >= ob.required then 'done' else 'overdue' end as status
  from liaison_assignments a
  cross join lateral (select case a.every when 'month' then 1 when 'quarter' then 3 else 12 end as months) n
  cross join lateral unnest(array(select generate_series(date_trunc(a.every, a.start_date::timestamp),
    least(coalesce(a.end_date, 'infinity'::date), ${today})::timestamp, make_interval(months => n.months)))) p(start)
  cross join lateral (select (p.start + make_interval(months => n.months) - interval '1 day')::date as last_day) e
  cross join lateral (select
    ceil(a.times * (select count(*) from unnest(array(select generate_series(p.start,
        p.start + make_interval(months => n.months - 1), interval '1 month'))) m(s)
      where a.start_date <= m.s::date
        and (a.end_date is null or a.end_date >= (m.s + interval '1 month' - interval '1 day')::date))::numeric
      / n.months)::int as required,
    (select count(*)::int from liaison_visits v
      where v.leader_id = a.leader_id and v.org_id = a.org_id
        and v.visited_at >= ${shanghai('p.start')} and v.visited_at < ${shanghai('p.start + make_interval(months => n.months)')}
        and v.visited_at >= ${shanghai('a.start_date')}
        and (a.end_date is null or v.visited_at < ${shanghai('a.end_date + 1')})) as visited
    offset 0) ob
  where ob.required > 0 and (e.last_day < ${today} or ob.visited >= ob.required)
) r`;

const texts: Record<string, string> = {
  status: 'r.status',
  every: 'r.every',
  required: 'r.required::text',
  done: 'r.done::text',
};
const numbers: Record<string, string> = { required: 'r.required::float8', done: 'r.done::float8' };

const periodLabel = `(case r.every
  when 'month' then to_char(r.period_start, 'YYYY') || '年' || extract(month from r.period_start)::int || '月'
  when 'quarter' then to_char(r.period_start, 'YYYY') || '年第'
    || (array['一', '二', '三', '四'])[extract(quarter from r.period_start)::int] || '季度'
  else to_char(r.period_start, 'YYYY') || '年' end)`;

export const liaisonObligationsSource: SourceAdapter = {
  name: '挂点联系走访任务',
  from: obligations,
  where: 'true',
  org: 'r.org_id',
  date: () => 'r.last_day',
  text: (field) => {
    const expr = texts[fieldKey(field)];
    if (!expr) throw new Error(`grassroots.liaison_obligations has no field ${field}`);
    return expr;
  },
  number: (field) => {
    const expr = numbers[fieldKey(field)];
    if (!expr) throw new Error(`grassroots.liaison_obligations has no numeric field ${field}`);
    return expr;
  },
  columns: [
    { key: 'leader', title: '联系领导', sql: '(select l.name from liaison_leaders l where l.id = r.leader_id)' },
    { key: 'point', title: '联系点', sql: '(select o2.name from orgs o2 where o2.id = r.org_id)' },
    { key: 'period', title: '走访周期', sql: periodLabel },
    { key: 'required', title: '应走访', sql: 'r.required' },
    { key: 'done', title: '已走访', sql: 'r.done' },
    { key: 'status', title: '完成情况', sql: `(case r.status when 'done' then '已完成' else '逾期未走访' end)` },
  ],
  rowId: `(r.id::bigint * 100000 + (r.period_start - date '1970-01-01'))`,
};
