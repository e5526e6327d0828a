/**
 * Non-ledger sources of metrics. A module that owns a table adds its key and fields here, and one adapter in
 * `apps/server/src/metrics/sources/` that says how to read it (table, org column, date, field expressions, rows).
 */
export const tableSources = {
  'plan.tasks': {
    name: '目标任务',
    /** Issued leaf tasks (a split task counts through its sub-tasks), dated by their deadline. */
    fields: { status: '状态' },
  },
} as const satisfies Record<string, { name: string; fields: Record<string, string> }>;

export type TableSourceKey = keyof typeof tableSources;
