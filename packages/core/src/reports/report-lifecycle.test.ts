import { describe, expect, it } from 'vitest';
import { reportDeadlineStatus, reportDeadlines } from './deadlines.ts';
import { applyReportAction, availableReportActions, isReportEditable, isReportFrozen } from './report-lifecycle.ts';

describe('report lifecycle', () => {
  it('runs 起草 → 审核 → 定稿 → 报送 → 公开, with 退回 back to 起草', () => {
    expect(applyReportAction('draft', 'send_review')).toEqual({ ok: true, status: 'review' });
    expect(applyReportAction('review', 'return', '数据需核对')).toEqual({ ok: true, status: 'draft' });
    expect(applyReportAction('review', 'finalize')).toEqual({ ok: true, status: 'final' });
    expect(applyReportAction('final', 'submit')).toEqual({ ok: true, status: 'submitted' });
    expect(applyReportAction('submitted', 'publish')).toEqual({ ok: true, status: 'published' });
  });

  it('refuses skipped steps and a return without reason, in Chinese', () => {
    const skip = applyReportAction('draft', 'finalize');
    expect(skip.ok).toBe(false);
    expect(!skip.ok && skip.message).toContain('起草');
    const noReason = applyReportAction('review', 'return', ' ');
    expect(!noReason.ok && noReason.message).toBe('退回修改时请填写审核意见');
    expect(applyReportAction('published', 'publish').ok).toBe(false);
  });

  it('only a draft is editable; final and after are frozen', () => {
    expect(isReportEditable('draft')).toBe(true);
    expect(isReportEditable('review')).toBe(false);
    expect(isReportFrozen('review')).toBe(false);
    expect(isReportFrozen('final')).toBe(true);
    expect(isReportFrozen('published')).toBe(true);
    expect(availableReportActions('review')).toEqual(['return', 'finalize']);
  });
});

describe('report deadlines', () => {
  const gov2024 = reportDeadlines('government', 2024);
  it('1 March to submit, 1 April to publish, computed from the day', () => {
    expect(reportDeadlineStatus(gov2024, 2024, null, null, '2024-11-30')).toMatchObject({
      submit: 'not_yet',
      publish: 'not_yet',
    });
    expect(reportDeadlineStatus(gov2024, 2024, null, null, '2025-01-10')).toMatchObject({
      submitBy: '2025-03-01',
      publishBy: '2025-04-01',
      submit: 'pending',
    });
    expect(reportDeadlineStatus(gov2024, 2024, null, null, '2025-02-20').submit).toBe('due_soon');
    expect(reportDeadlineStatus(gov2024, 2024, null, null, '2025-03-11')).toMatchObject({
      submit: 'overdue',
      daysOverdue: 10,
    });
    expect(reportDeadlineStatus(gov2024, 2024, '2025-03-01', null, '2025-04-05')).toMatchObject({
      submit: 'done',
      publish: 'overdue',
      daysOverdue: 4,
    });
    expect(reportDeadlineStatus(gov2024, 2024, '2025-03-02', '2025-03-20', '2025-06-01')).toMatchObject({
      submit: 'done_late',
      publish: 'done',
      daysOverdue: 0,
    });
  });
});
