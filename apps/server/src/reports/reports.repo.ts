import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { OrgRow } from './reports.figures.ts';

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

export type WorkSummary = {
  closedTitles: string[];
  overdueTitles: string[];
  openTitles: string[];
  openProblems: { title: string; status: string }[];
  problemCount: number;
  honours: { title: string; level: string; authority: string }[];
};

/**
 * What a report says in words, for an org subtree and year, in one round of four set-based queries: closed and
 * overdue top-level tasks, tasks still open, problems found by oversight, and honours from the 荣誉 ledger.
 */
export async function queryWorkSummary(db: Executor, org: OrgRow, year: number, today: string): Promise<WorkSummary> {
  const subtree = sql`(select o.id from orgs o where o.path like ${`${org.path}%`})`;
  const [tasks, problems, honours] = await Promise.all([
    queryRows<{ title: string; status: string; deadline: string }>(
      db,
      sql`select t.title, t.status, to_char(t.deadline, 'YYYY-MM-DD') as deadline from tasks t
          where t.year = ${year} and t.parent_id is null and t.status <> 'draft' and t.org_id in ${subtree}
          order by t.id`,
    ),
    queryRows<{ title: string; status: string; total: number }>(
      db,
      sql`select p.title, p.status, count(*) over ()::int as total from problems p
          where p.year = ${year} and p.org_id in ${subtree} order by p.id`,
    ),
    queryRows<{ title: string; level: string; authority: string }>(
      db,
      sql`select coalesce(r.data->>'title', '') as title, coalesce(r.data->>'level', '') as level,
                 coalesce(r.data->>'issuing_authority', '') as authority
          from ledger_rows r
          where r.type_key = 'honour' and r.org_id in ${subtree}
            and r.row_date >= ${`${year}-01-01`} and r.row_date <= ${`${year}-12-31`}
          order by r.row_date, r.id limit 12`,
    ),
  ]);
  return {
    closedTitles: tasks.filter((t) => t.status === 'closed').map((t) => t.title),
    overdueTitles: tasks.filter((t) => t.status !== 'closed' && t.deadline < today).map((t) => t.title),
    openTitles: tasks.filter((t) => t.status !== 'closed').map((t) => t.title),
    openProblems: problems.filter((p) => p.status !== 'closed').map((p) => ({ title: p.title, status: p.status })),
    problemCount: problems[0]?.total ?? 0,
    honours,
  };
}
