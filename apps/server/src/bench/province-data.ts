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

/**
 * `count` ledger rows over ten years (2016–2025), every ledger type the registry reads, set-based from SQL
 * (INSERT … SELECT generate_series, in batches so no one statement holds everything).
 */
export async function generateLedgerRows(db: Executor, count: number, onBatch?: (done: number) => void) {
  const types = [...new Set(ledgerComputations().map((c) => c.ledger))];
  const typeArray = `array[${types.map((t) => `'${t}'`).join(',')}]`;
  const batch = 1_000_000;
  for (let start = 1; start <= count; start += batch) {
    const end = Math.min(count, start + batch - 1);
    await db.execute(
      sql.raw(`insert into ledger_rows (type_key, org_id, row_date, data)
      select (${typeArray})[1 + g % ${types.length}], ${firstUnit} + ((g::bigint * 7919) % ${unitCount})::int,
        date '2016-01-01' + (g * 13) % 3652,
        jsonb_build_object('result', (array['success','failed','ongoing'])[1 + g % 3],
          'decision', (array['maintained','revoked','settled','rejected'])[1 + g % 4],
          'concluded_date', case when g % 5 <> 0 then '2020-01-01' end,
          'acceptance', case when g % 4 <> 0 then 'accepted' end,
          'review_kind', (array['meeting_topic','contract','normative_doc','other'])[1 + g % 4],
          'opinion_count', g % 7, 'agreement_amount', (g % 1000) * 100, 'persons', 1 + g % 5,
          'participants', g % 300, 'attendees', g % 50, 'status', (array['active','released'])[1 + g % 2],
          'org_kind', (array['committee','room','professional'])[1 + g % 3], 'level', (array['center','station','room'])[1 + g % 3],
          'head_appeared', g % 2 = 0, 'hearing_date', '2020-01-01', 'located', g % 10 <> 0,
          'meeting_type', (array['committee','coordination_group','special_study'])[1 + g % 3],
          'parties', '张三', 'case_no', 'B' || g)
      from generate_series(${start}, ${end}) g`),
    );
    onBatch?.(end);
  }
}
