import { type SQL, sql } from 'drizzle-orm';

/** An int[] parameter both PostgreSQL and PGlite accept: one text literal, cast in SQL. */
export function intArray(ids: readonly number[]): SQL {
  return sql`${`{${ids.map((id) => Math.trunc(id)).join(',')}}`}::int[]`;
}
