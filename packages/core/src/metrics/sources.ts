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
  'consultation.consultations': {
    name: '立法联系点征求意见事项',
    /** Published consultations, dated by the day the window opened. */
    fields: { draft_id: '草案', legislature_level: '立法机关层级' },
  },
  'consultation.opinions': {
    name: '立法联系点意见建议',
    /** Opinions that did not fail moderation, dated by the submission day (Asia/Shanghai). */
    fields: { status: '状态', decision: '采纳情况', channel: '收集渠道' },
  },
} as const satisfies Record<string, { name: string; fields: Record<string, string> }>;

export type TableSourceKey = keyof typeof tableSources;
