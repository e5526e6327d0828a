import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type Executor, queryRows } from '../../db/client.ts';

/**
 * Each app instance is a row in `app_processes` that heartbeats while it runs. Background jobs (imports) name their
 * owner; any process marks a job interrupted only when its owner has stopped heartbeating — never a job another live
 * process is running. Times come from the database's clock, the one all processes share.
 */
export const processSettings = {
  heartbeatMs: 10_000,
  /** An owner silent for this long is gone (three missed heartbeats). */
  staleSeconds: 30,
};

declare module 'fastify' {
  interface FastifyInstance {
    /** This app instance's id in `app_processes`, the owner of the jobs it runs. */
    processId: string;
  }
}

export async function heartbeat(db: Executor, id: string) {
  await db.execute(sql`insert into app_processes (id, pid, host) values (${id}, ${process.pid}, ${hostname()})
    on conflict (id) do update set heartbeat_at = now()`);
}

/**
 * Jobs queued or running whose owner is gone (no owner, or silent past the limit) are failed as interrupted: an
 * import writes in one transaction, so an interrupted one wrote nothing. Returns the ids marked.
 */
export async function failOrphanedJobs(db: Executor): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update jobs set status = 'failed', finished_at = now(), phase = '已中断',
          error = '运行该导入的服务进程已停止，导入已中断，未写入任何数据，请重新导入'
        where status in ('queued', 'running')
          and not exists (select 1 from app_processes p
                          where p.id = jobs.owner_id
                            and p.heartbeat_at > now() - make_interval(secs => ${processSettings.staleSeconds}))
        returning id`,
  );
  return rows.map((r) => r.id);
}

/** Forgets processes silent for an hour and rate-limit windows that ended. */
async function tidy(db: Executor) {
  await db.execute(sql`delete from app_processes where heartbeat_at < now() - interval '1 hour'`);
  await db.execute(sql`delete from rate_limits where reset_at < now() - interval '1 minute'`);
}

/**
 * Registers this app instance when it is ready, heartbeats, sweeps orphaned jobs, and removes its row on close.
 * Call before the routes that start jobs, so the row exists first.
 */
export function registerProcess(app: FastifyInstance, db: Executor) {
  const id = randomUUID();
  app.decorate('processId', id);
  let timer: NodeJS.Timeout | null = null;
  let beat: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      await heartbeat(db, id);
      const failed = await failOrphanedJobs(db);
      if (failed.length) app.log.warn(`已将 ${failed.length} 个运行进程已停止的任务标记为中断`);
      await tidy(db);
    } catch (err) {
      // The database may be switching over: the next beat tries again.
      app.log.warn({ err }, '进程心跳写入失败');
    }
  };
  app.addHook('onReady', async () => {
    await heartbeat(db, id);
    await failOrphanedJobs(db);
    timer = setInterval(() => {
      beat = tick();
    }, processSettings.heartbeatMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await beat;
    await db.execute(sql`delete from app_processes where id = ${id}`).catch(() => {});
  });
}
