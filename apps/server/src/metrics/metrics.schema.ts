import { date, doublePrecision, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The pre-aggregated ledger metrics: for every org and each of its ancestors (so a subtree total is one row),
 * every ledger metric, every month. Maintained by statement-level triggers on `ledger_rows` and on org moves,
 * generated from the registry definitions (metrics.rollup.repo.ts). No foreign key: a hot table, distributable by org.
 */
export const metricRollup = pgTable(
  'metric_rollup',
  {
    orgId: integer('org_id').notNull(),
    metricKey: text('metric_key').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.metricKey, t.month] })],
);

/** Which definitions the roll-up and its triggers were built from; a change rebuilds them at start. */
export const metricRollupState = pgTable('metric_rollup_state', {
  id: integer('id').primaryKey(),
  definitionsHash: text('definitions_hash').notNull(),
  builtAt: timestamp('built_at', { withTimezone: true }).notNull().defaultNow(),
});
