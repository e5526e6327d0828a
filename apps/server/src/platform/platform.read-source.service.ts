import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.ts';
import type { AppDeps } from './kernel/context.ts';
import { upsertReplicationTick } from './platform.cluster.repo.ts';

/**
 * Where a lag-tolerant read (dashboard, 大屏, report preview) goes. With a standby configured
 * (FAZHI_READ_DATABASE_URL) and its data complete to within `readSettings.maxLagMs`, the standby answers and the
 * page says "数据截至" its replication-clock tick; otherwise — no standby, standby behind, unreachable or promoted —
 * the primary answers, complete as of now. Writes and read-after-write never come here.
 */
export const readSettings = {
  maxLagMs: Number(process.env.FAZHI_READ_MAX_LAG_S ?? 10) * 1000,
  tickMs: 1000,
};

export type ReadSource = { db: Db; dataAsOf: Date; from: 'standby' | 'primary' };

export async function readSource(deps: AppDeps): Promise<ReadSource> {
  const now = deps.now();
  if (deps.reads) {
    const asOf = await deps.reads.asOf();
    if (asOf && now.getTime() - asOf.getTime() <= readSettings.maxLagMs) {
      return { db: deps.reads.db, dataAsOf: asOf, from: 'standby' };
    }
  }
  return { db: deps.db, dataAsOf: now, from: 'primary' };
}

/** One tick of the replication clock on the primary (an upsert of its single row). */
export const tickReplicationClock = (db: Db) => upsertReplicationTick(db);

/**
 * While a standby serves reads, every app process ticks the clock each second (any one would do; several only
 * make it finer). A failed tick — the primary switching over — is tried again at the next second.
 */
export function registerReplicationClock(app: FastifyInstance, deps: AppDeps) {
  if (!deps.reads) return;
  let timer: NodeJS.Timeout | null = null;
  let tick: Promise<void> = Promise.resolve();
  app.addHook('onReady', async () => {
    await tickReplicationClock(deps.db).catch(() => {});
    timer = setInterval(() => {
      tick = tickReplicationClock(deps.db).catch(() => {});
    }, readSettings.tickMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await tick;
  });
}
