import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';

/** One tick of the replication clock on the primary: its single row set to the database's now. */
export async function upsertReplicationTick(db: Executor) {
  await db.execute(sql`insert into replication_clock (id, tick_at) values (1, now())
    on conflict (id) do update set tick_at = excluded.tick_at`);
}
