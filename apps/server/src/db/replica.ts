import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.ts';

/**
 * A read-only pool on a standby (streaming replica), for reads that may be a few seconds old: dashboards, the 大屏,
 * report previews. How current it is comes from the replication clock (platform.cluster.schema.ts): the primary's
 * app processes tick it every second, and the standby's copy of the tick is the moment its data is complete as of.
 * The pool connects only to a host in recovery; if the standby is promoted (a failover), it stops being used for
 * reads until a standby answers again.
 */
export type ReadReplica = {
  db: import('./client.ts').Db;
  /** Up to when the standby's data is complete, or null when it cannot say (unreachable, not a standby, no tick). */
  asOf: () => Promise<Date | null>;
  close: () => Promise<void>;
};

/** How long one look at the standby may take before a read goes to the primary instead. */
const lookupTimeoutMs = 1500;

export function openReadReplica(url: string): ReadReplica {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: lookupTimeoutMs,
    // A standby cancels a long read that conflicts with replay; a dashboard query is short, so this only bounds it.
    statement_timeout: 30_000,
  });
  pool.on('error', () => {}); // an idle connection lost with the standby surfaces on the next query
  const db = drizzlePg(pool, { schema }) as unknown as import('./client.ts').Db;
  const asOf = async (): Promise<Date | null> => {
    try {
      const result = await Promise.race([
        db.execute(
          sql`select pg_is_in_recovery() as standby, (select tick_at from replication_clock where id = 1) as tick`,
        ),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('standby lookup timed out')), lookupTimeoutMs),
        ),
      ]);
      const row = (result as unknown as { rows: { standby: boolean; tick: Date | string | null }[] }).rows[0];
      if (!row?.standby || !row.tick) return null;
      return new Date(row.tick);
    } catch {
      return null;
    }
  };
  return { db, asOf, close: () => pool.end() };
}
