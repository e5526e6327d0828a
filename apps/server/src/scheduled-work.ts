import { sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from './db/client.ts';
import { sendLiaisonReminders } from './grassroots/grassroots.reminders.service.ts';
import { foldMetricRollupSlots } from './metrics/metrics.rollup.service.ts';
import { sendProblemReminders } from './oversight/oversight.reminders.service.ts';
import { sendTaskReminders } from './plan/plan.reminders.service.ts';
import { deliverPendingPushes } from './platform/platform.notification-push.service.ts';

/** Periodic work of the whole installation, run once per period however many app processes are running. */
export type ScheduledJob = {
  name: string;
  periodMs: number;
  run: (tx: Tx, now: Date) => Promise<string[]>;
};

const count = (n: number, what: string) => (n ? [`已发送 ${n} 条${what}`] : []);

/** Deadline checks of tasks, rectification of problems and liaison visits, sent as in-app notifications. */
export const remindersJob: ScheduledJob = {
  name: 'reminders',
  periodMs: 60 * 60 * 1000,
  run: async (tx, now) => [
    ...count((await sendTaskReminders(tx, now)).sent, '任务到期提醒'),
    ...count((await sendProblemReminders(tx, now)).sent, '问题整改提醒'),
    ...count((await sendLiaisonReminders(tx, now)).sent, '挂点联系走访提醒'),
  ],
};

export const scheduledJobs: ScheduledJob[] = [
  remindersJob,
  {
    // Pushes to the units' robots and SMS: each due delivery tried once per run, retried with backoff.
    name: 'push',
    periodMs: 60 * 1000,
    run: async (tx, now) => {
      const r = await deliverPendingPushes(tx, now);
      return [
        ...count(r.sent, '推送'),
        ...(r.retrying ? [`${r.retrying} 条推送失败，稍后重试`] : []),
        ...(r.failed ? [`${r.failed} 条推送最终失败，已记录`] : []),
      ];
    },
  },
  {
    // The metric roll-up's writer slots folded back into one row per figure (metrics.rollup.repo.ts).
    name: 'metric-rollup-fold',
    periodMs: 5 * 60 * 1000,
    run: async (tx) => {
      const n = await foldMetricRollupSlots(tx);
      return n ? [`已合并 ${n} 行指标汇总`] : [];
    },
  },
];

export type ScheduledOutcome = { name: string; ran: boolean; messages: string[] };

const lockSpace = 7_426_002;

/**
 * Runs each job that is due, in its own transaction under a transaction-level advisory lock: a process that finds
 * the lock taken, or the job run within its period (by any process, by the database's clock), skips it. So a job
 * runs once per period across all processes and machines on the database.
 */
export async function runDueJobs(
  db: Db,
  now: Date,
  runBy: string,
  jobs: ScheduledJob[] = scheduledJobs,
): Promise<ScheduledOutcome[]> {
  const outcomes: ScheduledOutcome[] = [];
  for (const job of jobs) {
    const outcome = await db.transaction(async (tx) => {
      const [lock] = await queryRows<{ ok: boolean }>(
        tx,
        sql`select pg_try_advisory_xact_lock(${lockSpace}, hashtext(${job.name})) as ok`,
      );
      if (!lock?.ok) return { name: job.name, ran: false, messages: [] };
      const [recent] = await queryRows<{ recent: boolean }>(
        tx,
        sql`select last_run_at > now() - make_interval(secs => ${job.periodMs / 1000}) as recent
            from scheduled_runs where name = ${job.name}`,
      );
      if (recent?.recent) return { name: job.name, ran: false, messages: [] };
      const messages = await job.run(tx, now);
      await tx.execute(sql`insert into scheduled_runs (name, last_run_at, run_by) values (${job.name}, now(), ${runBy})
        on conflict (name) do update set last_run_at = excluded.last_run_at, run_by = excluded.run_by`);
      return { name: job.name, ran: true, messages };
    });
    outcomes.push(outcome);
  }
  return outcomes;
}
