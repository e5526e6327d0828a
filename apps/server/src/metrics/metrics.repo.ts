import type { AggregateComputation, RegistryKey } from '@fazhi/core/metrics/definitions';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { conditionSql, contributionSql, dateSql } from './metrics.computation.repo.ts';
import { literal, type SourceAdapter } from './metrics.source-adapter.repo.ts';

/**
 * One figure part: value of `key` for the subtree of `orgId` in month `month` (`YYYY-MM`; null = whole range). With
 * `cuts`, `cut` is the earliest cut end (exclusive `YYYY-MM-DD`) of the cuts holding these rows (null: in none).
 */
export type Fact = { key: string; org_id: number; month: string | null; value: number; cut?: string | null };

export type OrgRef = { id: number; name: string; kind: string; path: string; parent_id: number | null };

/** Orgs by id, limited by `scope` (a data-scope condition on `id`) when given: one query, scope check included. */
export async function queryOrgs(db: Executor, ids: number[], scope: SQL = sql`true`): Promise<OrgRef[]> {
  if (ids.length === 0) return [];
  return queryRows<OrgRef>(
    db,
    sql`select id, name, kind, path, parent_id from orgs where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) and ${scope}`,
  );
}

/** The org's children, each with whether it has children of its own (drill-down). */
export async function queryChildren(db: Executor, orgId: number) {
  return queryRows<OrgRef & { has_children: boolean }>(
    db,
    sql`select c.id, c.name, c.kind, c.path, c.parent_id,
          exists (select 1 from orgs g where g.parent_id = c.id) as has_children
        from orgs c where c.parent_id = ${orgId} order by c.sort, c.id`,
  );
}

const idList = (ids: number[]) => ids.map((id) => literal(id)).join(', ');

/**
 * Pre-aggregated ledger metrics for several orgs (each a whole subtree) at once, by month, in one indexed query:
 * months in [from, to), plus every month before `to` for cumulative keys, each the sum of its slots (see
 * metrics.rollup.repo.ts). Cost follows orgs × keys × months (× slots written since the last build), never the
 * number of ledger rows.
 */
export async function queryRollupFacts(
  db: Executor,
  keys: RegistryKey[],
  cumulativeKeys: RegistryKey[],
  orgIds: number[],
  from: string,
  to: string,
): Promise<Fact[]> {
  if (keys.length === 0 || orgIds.length === 0) return [];
  const inList = (values: string[]) =>
    sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
  const cumulative = cumulativeKeys.length ? sql`or metric_key in (${inList(cumulativeKeys)})` : sql``;
  return queryRows<Fact>(
    db,
    sql`select metric_key as key, org_id, to_char(month, 'YYYY-MM') as month, sum(value)::float8 as value
        from metric_rollup
        where org_id in (${sql.join(
          orgIds.map((id) => sql`${id}`),
          sql`, `,
        )}) and metric_key in (${inList(keys)})
          and month < ${to}::date and (month >= ${from}::date ${cumulative})
        group by metric_key, org_id, month`,
  );
}

export type RawPart = { key: RegistryKey; adapter: SourceAdapter; computation: AggregateComputation };

/**
 * The same figures straight from the source rows, set-based: one `union all` branch per metric, each row counted
 * for every requested org on its path. `byMonth: false` groups the whole range (needed for distinct counts).
 * `scope` limits rows to what the user may see (for users whose scope is a single unit), per source: each names
 * its org column differently (`r.org_id`, `r.id` for org units). `cuts` (day ranges `[from, to)` inside one month,
 * as a running period's last month) split each month's rows by the earliest cut holding them, so the cut days come
 * out of the same scan as the whole months.
 */
export async function queryRawFacts(
  db: Executor,
  parts: RawPart[],
  orgIds: number[],
  rootPath: string,
  from: string,
  to: string,
  options: {
    byMonth?: boolean;
    scope?: (adapter: SourceAdapter) => SQL;
    cuts?: readonly { from: string; to: string }[];
  } = {},
): Promise<Fact[]> {
  if (parts.length === 0 || orgIds.length === 0) return [];
  const byMonth = options.byMonth ?? true;
  const cuts = [...(options.cuts ?? [])].sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  // Metrics over the same rows (source, date, window) share one scan: one conditional aggregate per metric.
  const groups = new Map<string, RawPart[]>();
  for (const part of parts) {
    const c = part.computation;
    const id = [
      part.adapter.from,
      part.adapter.where,
      dateSql(part.adapter, c),
      c.window ?? 'period',
      c.kind === 'distinct' ? part.key : '',
    ].join('|');
    groups.set(id, [...(groups.get(id) ?? []), part]);
  }
  const results = await Promise.all(
    [...groups.values()].map(async (group) => {
      const { adapter, computation: first } = group[0]!;
      const date = dateSql(adapter, first);
      const lower = first.window === 'cumulative' ? '' : `and ${date} >= ${literal(from)}::date`;
      const month = byMonth ? `to_char(${date}, 'YYYY-MM')` : 'null::text';
      const cut = cuts.length
        ? `case ${cuts
            .map(
              (c) =>
                `when ${date} >= ${literal(c.from)}::date and ${date} < ${literal(c.to)}::date then ${literal(c.to)}`,
            )
            .join(' ')} end`
        : 'null::text';
      const values = group.map(({ computation: c }, i) => {
        // A distinct count is asked one period at a time, so period-bound filters (in force at the end) apply.
        const when = conditionSql(adapter, c, byMonth ? undefined : to);
        const value =
          c.kind === 'distinct'
            ? `count(distinct case when ${when} then ${adapter.text(c.field)} end)`
            : `sum(case when ${when} then ${contributionSql(adapter, c)} end)`;
        return `(${value})::float8 as v${i}`;
      });
      const any = group
        .map(({ computation: c }) => `(${conditionSql(adapter, c, byMonth ? undefined : to)})`)
        .join(' or ');
      const rows = await queryRows<Record<string, number | string | null>>(
        db,
        sql`select a.id as org_id, ${sql.raw(month)} as month, ${sql.raw(cut)} as cut, ${sql.raw(values.join(', '))}
          from ${sql.raw(adapter.from)}
          join orgs o on o.id = ${sql.raw(adapter.org)} and o.path like ${`${rootPath}%`}
          cross join lateral unnest(string_to_array(trim(both '/' from o.path), '/')::int[]) a(id)
          where a.id in (${sql.raw(idList(orgIds))}) and (${sql.raw(any)})
            and ${sql.raw(date)} < ${to}::date ${sql.raw(lower)} and ${options.scope?.(adapter) ?? sql`true`}
          group by 1, 2, 3`,
      );
      return rows.flatMap((row) =>
        group.flatMap(({ key }, i) => {
          const value = row[`v${i}`];
          return value === null || value === undefined
            ? []
            : [
                {
                  key,
                  org_id: Number(row.org_id),
                  month: row.month as string | null,
                  value: Number(value),
                  cut: row.cut as string | null,
                },
              ];
        }),
      );
    }),
  );
  return results.flat();
}

export type SourceRow = { id: number; org_id: number; org_name: string; date: string; values: Record<string, unknown> };

/** The exact rows behind one aggregate figure, newest first, one page, with the total. */
export async function querySourceRows(
  db: Executor,
  part: RawPart,
  rootPath: string,
  from: string,
  to: string,
  scope: SQL,
  page: number,
  pageSize: number,
): Promise<{ total: number; items: SourceRow[] }> {
  const { adapter, computation: c } = part;
  const date = dateSql(adapter, c);
  const lower = c.window === 'cumulative' ? '' : `and ${date} >= ${literal(from)}::date`;
  const values =
    adapter.columns.length > 0
      ? `json_build_object(${adapter.columns.map((col) => `${literal(col.key)}, ${col.sql}`).join(', ')})`
      : 'r.data';
  const where = sql`${sql.raw(conditionSql(adapter, c, to))} and ${sql.raw(date)} < ${to}::date ${sql.raw(lower)}
    and o.path like ${`${rootPath}%`} and ${scope}`;
  const from_ = sql`from ${sql.raw(adapter.from)} join orgs o on o.id = ${sql.raw(adapter.org)}`;
  const [{ total } = { total: 0 }] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total ${from_} where ${where}`,
  );
  const items = await queryRows<SourceRow>(
    db,
    sql`select (${sql.raw(adapter.rowId)})::float8 as id, o.id as org_id, o.name as org_name,
          to_char(${sql.raw(date)}, 'YYYY-MM-DD') as date, ${sql.raw(values)} as values
        ${from_} where ${where}
        order by ${sql.raw(date)} desc, ${sql.raw(adapter.rowId)} desc
        limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  return { total, items };
}
