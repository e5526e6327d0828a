import { ledgerComputations } from '@fazhi/core/metrics/definitions';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';

/** Province scale: 1 province, 20 cities, 9 counties each (180), 100 units per county (18 000). */
export const shape = { cities: 20, countiesPerCity: 9, unitsPerCounty: 100 };
const counties = shape.cities * shape.countiesPerCity;
const firstCounty = 2 + shape.cities;
const firstUnit = firstCounty + counties;
export const unitCount = counties * shape.unitsPerCounty;

/** The org tree in three set-based statements (ids chosen so paths are arithmetic). */
export async function generateOrgs(db: Executor) {
  await db.execute(sql`insert into orgs (id, parent_id, name, kind, path, sort)
    values (1, null, '模拟省', 'province', '/1/', 0)`);
  await db.execute(sql`insert into orgs (id, parent_id, name, kind, path, sort)
    select 1 + g, 1, '模拟市' || g, 'city', '/1/' || (1 + g) || '/', g from generate_series(1, ${shape.cities}) g`);
  await db.execute(sql`insert into orgs (id, parent_id, name, kind, path, sort)
    select ${firstCounty} + g, 2 + g / ${shape.countiesPerCity}, '模拟县' || (g + 1), 'county',
      '/1/' || (2 + g / ${shape.countiesPerCity}) || '/' || (${firstCounty} + g) || '/', g
    from generate_series(0, ${counties - 1}) g`);
  await db.execute(sql`insert into orgs (id, parent_id, name, kind, path, sort)
    select ${firstUnit} + g, ${firstCounty} + g / ${shape.unitsPerCounty}, '模拟单位' || (g + 1), 'department',
      '/1/' || (2 + (g / ${shape.unitsPerCounty}) / ${shape.countiesPerCity}) || '/' || (${firstCounty} + g / ${shape.unitsPerCounty}) || '/' || (${firstUnit} + g) || '/', g
    from generate_series(0, ${unitCount - 1}) g`);
  await db.execute(sql`select setval(pg_get_serial_sequence('orgs', 'id'), (select max(id) from orgs))`);
}

/** Target tasks: 10 per county, lead units spread over the county, deadlines through the year. */
export async function generateTasks(db: Executor, year: number) {
  await db.execute(
    sql`insert into work_points (id, org_id, year, title, status) values (1, 1, ${year}, '模拟工作要点', 'published')`,
  );
  await db.execute(sql`insert into tasks (work_point_id, org_id, year, title, deadline, status)
    select 1, ${firstUnit} + (g * 37) % ${unitCount}, ${year}, '模拟任务' || g,
      make_date(${year}, 1 + g % 12, 28), case when g % 3 = 0 then 'closed' else 'in_progress' end
    from generate_series(1, ${counties * 10}) g`);
}

/** A compact `data` object per ledger type: only the fields the registry reads, values cycling through its filters. */
function dataSql(ledger: string, firstYear: number, days: number): string {
  const fields = new Map<string, string>();
  for (const { ledger: l, computation: c } of ledgerComputations()) {
    if (l !== ledger) continue;
    for (const f of c.filters ?? []) {
      if (f.op === 'eq' || f.op === 'ne') fields.set(f.field, `(array['${f.value}','other'])[1 + g % 2]`);
      else if (f.op === 'in')
        fields.set(
          f.field,
          `(array[${f.values.map((v) => `'${v}'`).join(',')},'other'])[1 + g % ${f.values.length + 1}]`,
        );
      else if (f.op === 'present') fields.set(f.field, `case when g % 3 <> 0 then '2020-06-01' end`);
      else if (f.op === 'true') fields.set(f.field, 'g % 2 = 0');
      else fields.set(f.field, 'g % 100');
    }
    if (c.kind === 'sum') fields.set(c.field, '(g % 100)');
    if (c.dateField)
      fields.set(
        c.dateField,
        `case when g % 3 <> 0 then to_char(date '${firstYear}-01-01' + (g * 17) % ${days}, 'YYYY-MM-DD') end`,
      );
  }
  if (fields.size === 0) return `jsonb_build_object('note', 'x')`;
  return `jsonb_build_object(${[...fields].map(([k, v]) => `'${k}', ${v}`).join(', ')})`;
}

export type LedgerRowOptions = {
  /** The org of row `g` as SQL (default: the province's units, spread evenly). */
  orgSql?: string;
  /** Ledger types to generate (default: every built-in type the registry reads). */
  types?: string[];
  /** Rows dated from 1 January of this year (default 2016) over this many days (default 3652, ten years). */
  firstYear?: number;
  days?: number;
};

/** Every built-in ledger type the registry reads (the default of {@link generateLedgerRows}). */
export const registryLedgerTypes = () => [...new Set(ledgerComputations().map((c) => c.ledger))];

/**
 * `count` ledger rows (by default over ten years, 2016–2025, spread over every built-in type the registry reads),
 * set-based from SQL (INSERT … SELECT generate_series, in batches so no one statement holds everything).
 */
export async function generateLedgerRows(
  db: Executor,
  count: number,
  onBatch?: (done: number) => void,
  options: LedgerRowOptions = {},
) {
  const orgSql = options.orgSql ?? `${firstUnit} + ((g::bigint * 7919) % ${unitCount})::int`;
  const firstYear = options.firstYear ?? 2016;
  const days = options.days ?? 3652;
  const types = options.types ?? registryLedgerTypes();
  const typeExpr = `(array[${types.map((t) => `'${t}'`).join(',')}])[1 + g % ${types.length}]`;
  const dataExpr = `case g % ${types.length} ${types.map((t, i) => `when ${i} then ${dataSql(t, firstYear, days)}`).join(' ')} end`;
  const batch = 1_000_000;
  for (let start = 1; start <= count; start += batch) {
    const end = Math.min(count, start + batch - 1);
    await db.execute(
      sql.raw(`insert into ledger_rows (type_key, org_id, row_date, data)
      select ${typeExpr}, ${orgSql},
        date '${firstYear}-01-01' + (g * 13) % ${days}, ${dataExpr}
      from generate_series(${start}, ${end}) g`),
    );
    onBatch?.(end);
  }
}
