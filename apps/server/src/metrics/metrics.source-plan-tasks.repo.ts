import { taskStatusLabels } from '@fazhi/core/plan/task-lifecycle';
import { fieldKey, literal, type SourceAdapter } from './metrics.source-adapter.repo.ts';

const fields: Record<string, string> = { status: 'r.status' };
const statusLabel = `(case r.status ${Object.entries(taskStatusLabels)
  .map(([k, v]) => `when ${literal(k)} then ${literal(v)}`)
  .join(' ')} else r.status end)`;

/**
 * Target tasks: issued leaf tasks (a split task counts through its sub-tasks), dated by their deadline. The leaf
 * test is part of `from` (one anti-join) rather than of `where`: `where` is repeated in every metric's condition,
 * and a correlated NOT EXISTS repeated there made PostgreSQL over-estimate the query and JIT-compile it — 80 ms of
 * compiling for 20 ms of work on every dashboard request.
 */
export const planTasksSource: SourceAdapter = {
  name: '目标任务',
  from: `(select * from tasks t where t.status <> 'draft' and not exists (select 1 from tasks c where c.parent_id = t.id)) r`,
  where: 'true',
  org: 'r.org_id',
  date: () => 'r.deadline',
  text: (field) => {
    const expr = fields[fieldKey(field)];
    if (!expr) throw new Error(`plan.tasks has no field ${field}`);
    return expr;
  },
  number: (field) => {
    throw new Error(`plan.tasks has no numeric field ${field}`);
  },
  columns: [
    { key: 'title', title: '任务名称', sql: 'r.title' },
    { key: 'status', title: '状态', sql: statusLabel },
    { key: 'deadline', title: '完成时限', sql: `to_char(r.deadline, 'YYYY-MM-DD')` },
    {
      key: 'closedAt',
      title: '销号时间',
      sql: `to_char(r.closed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`,
    },
  ],
  rowId: 'r.id',
};
