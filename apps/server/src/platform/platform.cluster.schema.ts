import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per running app process (an app instance); it heartbeats while alive. Jobs name their owner here, so a
 * process can tell a job whose owner is gone from one another live process is running.
 */
export const appProcesses = pgTable('app_processes', {
  id: text('id').primaryKey(),
  pid: integer('pid').notNull(),
  host: text('host').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Rate-limit counters shared by every app process: one row per route and client, reset when its window ends. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    count: integer('count').notNull(),
    resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limits_reset_idx').on(t.resetAt)],
);

/** When each piece of scheduled work last ran, so it runs once per period across all processes. */
export const scheduledRuns = pgTable('scheduled_runs', {
  name: text('name').primaryKey(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }).notNull(),
  runBy: text('run_by'),
});

/**
 * The replication clock: one row the app processes touch on the primary every second while reads may go to a
 * standby. A standby's copy of it says up to when its data is complete ("数据截至"): everything committed on the
 * primary before that tick was written to the log before it, so a standby that shows the tick has replayed it all.
 */
export const replicationClock = pgTable('replication_clock', {
  id: integer('id').primaryKey(),
  tickAt: timestamp('tick_at', { withTimezone: true }).notNull(),
});
