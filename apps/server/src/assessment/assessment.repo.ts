import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';

/** An int[] parameter both PostgreSQL and PGlite accept: one text literal, cast in SQL. */
export function intArray(ids: readonly number[]): SQL {
  return sql`${`{${ids.map((id) => Math.trunc(id)).join(',')}}`}::int[]`;
}

/** Whether another module's table is there yet (a source reads it only when it exists). */
export async function tableExists(db: Executor, table: string) {
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`select to_regclass(${`public.${table}`}::text) is not null as ok`,
  );
  return row?.ok ?? false;
}
