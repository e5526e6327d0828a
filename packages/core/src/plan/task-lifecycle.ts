import { endOfShanghaiDay } from '../shared/shanghai-calendar.ts';

/**
 * The 1×3 target task lifecycle: 草稿 → 已下达 → 推进中 → 申请销号 → 已销号.
 * 退回 returns an application to 推进中; reopening a closed task needs a reason. Overdue is computed, not a state.
 */
export const taskStatuses = ['draft', 'issued', 'in_progress', 'applied', 'closed'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskStatusLabels: Record<TaskStatus, string> = {
  draft: '草稿',
  issued: '已下达',
  in_progress: '推进中',
  applied: '申请销号',
  closed: '已销号',
};

export type TaskAction =
  | { type: 'issue' }
  | { type: 'report' }
  /** `reason`: the unit's 申请说明. */
  | { type: 'apply'; reason?: string }
  /** `reason`: the office's 审核意见 (optional when approving). */
  | { type: 'approve'; reason?: string }
  | { type: 'return'; reason: string }
  | { type: 'reopen'; reason: string };

export const taskActionLabels: Record<TaskAction['type'], string> = {
  issue: '下达',
  report: '填报进展',
  apply: '申请销号',
  approve: '审核通过（销号）',
  return: '退回销号申请',
  reopen: '重新打开',
};

/** What the 1×3 gate needs to know about a task before it may apply for 销号. */
export type TaskOneByThree = { hasPlan: boolean; measureCount: number; entryCount: number };

export type Transition = { ok: true; status: TaskStatus } | { ok: false; message: string };

const fail = (message: string): Transition => ({ ok: false, message });

export function oneByThreeGaps(t: TaskOneByThree): string[] {
  const gaps: string[] = [];
  if (!t.hasPlan) gaps.push('工作方案');
  if (t.measureCount < 1) gaps.push('推进措施');
  if (t.entryCount < 1) gaps.push('工作台账');
  return gaps;
}

export function applyTaskAction(status: TaskStatus, action: TaskAction, oneByThree?: TaskOneByThree): Transition {
  const label = taskStatusLabels[status];
  switch (action.type) {
    case 'issue':
      return status === 'draft' ? { ok: true, status: 'issued' } : fail(`任务状态为“${label}”，不能下达`);
    case 'report':
      if (status === 'issued' || status === 'in_progress') return { ok: true, status: 'in_progress' };
      if (status === 'closed') return fail('任务已销号，不能再填报进展');
      if (status === 'applied') return fail('任务正在申请销号，审核完成前不能填报进展');
      return fail('任务尚未下达，不能填报进展');
    case 'apply': {
      if (status !== 'issued' && status !== 'in_progress') return fail(`任务状态为“${label}”，不能申请销号`);
      const gaps = oneByThree ? oneByThreeGaps(oneByThree) : [];
      if (gaps.length > 0) return fail(`申请销号前须完善“1×3”材料：缺少${gaps.join('、')}`);
      return { ok: true, status: 'applied' };
    }
    case 'approve':
      return status === 'applied' ? { ok: true, status: 'closed' } : fail(`任务状态为“${label}”，没有待审核的销号申请`);
    case 'return':
      if (status !== 'applied') return fail(`任务状态为“${label}”，没有可退回的销号申请`);
      return action.reason.trim() ? { ok: true, status: 'in_progress' } : fail('退回须填写审核意见');
    case 'reopen':
      if (status !== 'closed') return fail('只有已销号的任务可以重新打开');
      return action.reason.trim() ? { ok: true, status: 'in_progress' } : fail('重新打开已销号任务须填写理由');
  }
}

/** A closed task is locked; one under review is frozen until decided. */
export function isTaskEditable(status: TaskStatus): boolean {
  return status === 'draft' || status === 'issued' || status === 'in_progress';
}

/** Overdue means the deadline day (Asia/Shanghai) has ended and the task is not closed. */
export function isTaskOverdue(status: TaskStatus, deadline: string, now: Date): boolean {
  if (status === 'closed' || status === 'draft') return false;
  return now.getTime() >= endOfShanghaiDay(deadline).getTime();
}
