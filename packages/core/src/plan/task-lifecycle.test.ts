import { describe, expect, it } from 'vitest';
import { applyTaskAction, isTaskEditable, isTaskOverdue, type TaskStatus, taskStatuses } from './task-lifecycle.ts';

const complete = { hasPlan: true, measureCount: 2, entryCount: 1 };

describe('task lifecycle', () => {
  it('walks the happy path 草稿 → 已下达 → 推进中 → 申请销号 → 已销号', () => {
    let s: TaskStatus = 'draft';
    for (const action of [{ type: 'issue' }, { type: 'report' }, { type: 'apply' }, { type: 'approve' }] as const) {
      const t = applyTaskAction(s, action, complete);
      if (!t.ok) throw new Error(t.message);
      s = t.status;
    }
    expect(s).toBe('closed');
  });

  it('refuses 销号 until the 1×3 materials exist, naming each gap', () => {
    const t = applyTaskAction('in_progress', { type: 'apply' }, { hasPlan: false, measureCount: 0, entryCount: 0 });
    expect(t).toEqual({ ok: false, message: '申请销号前须完善“1×3”材料：缺少工作方案、推进措施、工作台账' });
    expect(applyTaskAction('in_progress', { type: 'apply' }, { ...complete, entryCount: 0 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('工作台账'),
    });
  });

  it('退回 needs a reason and returns to 推进中', () => {
    expect(applyTaskAction('applied', { type: 'return', reason: '  ' })).toEqual({
      ok: false,
      message: '退回须填写审核意见',
    });
    expect(applyTaskAction('applied', { type: 'return', reason: '佐证材料不全' })).toEqual({
      ok: true,
      status: 'in_progress',
    });
  });

  it('a closed task is locked: no reports, no edits; reopening needs a reason', () => {
    expect(applyTaskAction('closed', { type: 'report' })).toMatchObject({ ok: false });
    expect(isTaskEditable('closed')).toBe(false);
    expect(isTaskEditable('applied')).toBe(false);
    expect(applyTaskAction('closed', { type: 'reopen', reason: '' })).toMatchObject({ ok: false });
    expect(applyTaskAction('closed', { type: 'reopen', reason: '督察发现问题复发' })).toEqual({
      ok: true,
      status: 'in_progress',
    });
  });

  it('only an application can be approved or returned, and only a draft issued', () => {
    for (const s of taskStatuses) {
      expect(applyTaskAction(s, { type: 'approve' }).ok).toBe(s === 'applied');
      expect(applyTaskAction(s, { type: 'issue' }).ok).toBe(s === 'draft');
      expect(applyTaskAction(s, { type: 'reopen', reason: '理由' }).ok).toBe(s === 'closed');
    }
  });

  it('overdue is computed from the deadline day in Shanghai time, never for closed tasks', () => {
    // 2025-06-30 ends at 2025-06-30T16:00Z.
    expect(isTaskOverdue('in_progress', '2025-06-30', new Date('2025-06-30T15:59:59Z'))).toBe(false);
    expect(isTaskOverdue('in_progress', '2025-06-30', new Date('2025-06-30T16:00:00Z'))).toBe(true);
    expect(isTaskOverdue('closed', '2025-06-30', new Date('2026-01-01T00:00:00Z'))).toBe(false);
    expect(isTaskOverdue('applied', '2025-06-30', new Date('2026-01-01T00:00:00Z'))).toBe(true);
  });
});
