import { sql } from 'drizzle-orm';
import {
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * The pre-aggregated ledger and target-task metrics: for every org and each of its ancestors (so a subtree total is
 * one row), every such metric, every month. Maintained by statement-level triggers on `ledger_rows`, `tasks` and org moves,
 * generated from the registry definitions (metrics.rollup.repo.ts). No foreign key: a hot table, distributable by org.
 * Each figure is the sum over its `slot`s: a trigger adds to the slot of its own backend (1…8), so concurrent writers
 * of one county don't queue on the same county/city rows until commit; the rebuild writes slot 0 and the scheduled
 * fold moves the writers' slots back into it (the partial index finds them).
 */
export const metricRollup = pgTable(
  'metric_rollup',
  {
    orgId: integer('org_id').notNull(),
    metricKey: text('metric_key').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    slot: smallint('slot').notNull().default(0),
    value: doublePrecision('value').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.metricKey, t.month, t.slot] }),
    index('metric_rollup_writer_slots_idx').on(t.slot).where(sql`${t.slot} <> 0`),
  ],
);

/**
 * What each row of a rolled-up table source (`plan.tasks`) adds to the roll-up, per metric and month, as the triggers
 * last computed it. A task's contribution depends on other rows (a split task counts through its sub-tasks), so a
 * trigger takes off what it recorded here for the tasks a statement touched instead of recomputing their old state,
 * and records what they add now.
 */
export const metricRollupParts = pgTable(
  'metric_rollup_parts',
  {
    source: text('source').notNull(),
    rowId: integer('row_id').notNull(),
    orgId: integer('org_id').notNull(),
    metricKey: text('metric_key').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.source, t.rowId, t.metricKey, t.month] }),
    index('metric_rollup_parts_org_idx').on(t.orgId),
  ],
);

/** Which definitions the roll-up and its triggers were built from; a change rebuilds them at start. */
export const metricRollupState = pgTable('metric_rollup_state', {
  id: integer('id').primaryKey(),
  definitionsHash: text('definitions_hash').notNull(),
  builtAt: timestamp('built_at', { withTimezone: true }).notNull().defaultNow(),
});
