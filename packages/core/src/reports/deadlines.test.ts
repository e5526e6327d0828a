import { describe, expect, it } from 'vitest';
import { shanghaiDate as shanghaiDay } from '../shared/shanghai-calendar.ts';
import { checkCompliance } from './compliance.ts';
import { endOfFebruary, overrideProblem, reportDeadlineStatus, reportDeadlines } from './deadlines.ts';
import { reportOutlines } from './outlines.ts';

describe('report deadlines per type', () => {
  it('the county government report: to the level above by 1 March, public by 1 April of the next year', () => {
    expect(reportDeadlines('government', 2024)).toMatchObject({
      submitBy: '2025-03-01',
      publishBy: '2025-04-01',
      isOverridden: false,
    });
  });

  it('a department report is due at the end of February: the 29th in a leap year', () => {
    expect(reportDeadlines('department', 2023).submitBy).toBe('2024-02-29');
    expect(reportDeadlines('department', 2024).submitBy).toBe('2025-02-28');
    expect(reportDeadlines('department', 2024).publishBy).toBe('2025-04-01');
    expect(endOfFebruary(2000)).toBe('2000-02-29');
    expect(endOfFebruary(2100)).toBe('2100-02-28');
  });

  it('a township report is due by 31 January; the judicial bureau summary is internal and never published', () => {
    expect(reportDeadlines('township', 2025)).toMatchObject({ submitBy: '2026-01-31', publishBy: '2026-04-01' });
    const bureau = reportDeadlines('judicial_bureau', 2025);
    expect(bureau).toMatchObject({ submitBy: '2026-01-31', publishBy: null });
    const status = reportDeadlineStatus(bureau, 2025, null, null, '2026-05-01');
    expect(status).toMatchObject({ submit: 'overdue', publish: 'not_required', daysOverdue: 90 });
  });

  it('the same day is due_soon for a township and pending for the county', () => {
    const today = '2026-01-20';
    expect(reportDeadlineStatus(reportDeadlines('township', 2025), 2025, null, null, today).submit).toBe('due_soon');
    expect(reportDeadlineStatus(reportDeadlines('government', 2025), 2025, null, null, today).submit).toBe('pending');
    expect(reportDeadlineStatus(reportDeadlines('department', 2025), 2025, null, null, '2026-03-01')).toMatchObject({
      submit: 'overdue',
      daysOverdue: 1,
    });
  });

  it('an override replaces both dates for its type only, and keeps an internal report unpublished', () => {
    const override = { type: 'department' as const, submitBy: '2026-03-15', publishBy: '2026-04-15' };
    expect(reportDeadlines('department', 2025, override)).toMatchObject({
      submitBy: '2026-03-15',
      publishBy: '2026-04-15',
      isOverridden: true,
    });
    expect(reportDeadlines('township', 2025, override).isOverridden).toBe(false);
    const internal = { type: 'judicial_bureau' as const, submitBy: '2026-02-10', publishBy: '2026-04-15' };
    expect(reportDeadlines('judicial_bureau', 2025, internal).publishBy).toBeNull();
  });

  it('refuses overrides outside the next year, publication before submission, or publication of an internal report', () => {
    expect(overrideProblem(2025, { type: 'government', submitBy: '2025-12-01', publishBy: '2026-04-01' })).toContain(
      '2026',
    );
    expect(overrideProblem(2025, { type: 'government', submitBy: '2026-03-10', publishBy: '2026-03-01' })).toContain(
      '不能早于',
    );
    expect(overrideProblem(2025, { type: 'government', submitBy: '2026-03-10', publishBy: null })).toContain('公开');
    expect(
      overrideProblem(2025, { type: 'judicial_bureau', submitBy: '2026-02-10', publishBy: '2026-04-01' }),
    ).toContain('内部');
    expect(overrideProblem(2025, { type: 'judicial_bureau', submitBy: '2026-02-10', publishBy: null })).toBeNull();
    expect(overrideProblem(2025, { type: 'township', submitBy: '2026-02-10', publishBy: '2026-04-10' })).toBeNull();
  });
});

describe('Shanghai-day boundaries', () => {
  it('a report submitted at 23:59 Shanghai on the due day is on time; one minute later it is late', () => {
    const due = reportDeadlines('township', 2025); // 2026-01-31
    const lastMinute = shanghaiDay(new Date('2026-01-31T15:59:00Z'));
    const nextDay = shanghaiDay(new Date('2026-01-31T16:00:00Z'));
    expect(lastMinute).toBe('2026-01-31');
    expect(nextDay).toBe('2026-02-01');
    expect(reportDeadlineStatus(due, 2025, lastMinute, null, nextDay).submit).toBe('done');
    expect(reportDeadlineStatus(due, 2025, nextDay, null, nextDay).submit).toBe('done_late');
  });

  it('nothing is due while the report year runs in Shanghai, though UTC is still in it', () => {
    const gov = reportDeadlines('government', 2025);
    const newYearShanghai = shanghaiDay(new Date('2025-12-31T16:30:00Z'));
    expect(newYearShanghai).toBe('2026-01-01');
    expect(reportDeadlineStatus(gov, 2025, null, null, shanghaiDay(new Date('2025-12-31T15:30:00Z'))).submit).toBe(
      'not_yet',
    );
    expect(reportDeadlineStatus(gov, 2025, null, null, newYearShanghai).submit).toBe('pending');
  });

  it('on 29 February of a leap year a department report is still on time; on 1 March it is overdue', () => {
    const dept = reportDeadlines('department', 2027); // due 2028-02-29
    expect(dept.submitBy).toBe('2028-02-29');
    const feb29 = shanghaiDay(new Date('2028-02-29T15:00:00Z'));
    const mar1 = shanghaiDay(new Date('2028-02-29T16:00:00Z'));
    expect(reportDeadlineStatus(dept, 2027, null, null, feb29).submit).toBe('due_soon');
    expect(reportDeadlineStatus(dept, 2027, null, null, mar1)).toMatchObject({ submit: 'overdue', daysOverdue: 1 });
  });
});

describe('deadlines in the checklist', () => {
  it('an internal summary is checked for its submission day only, against its own date', () => {
    const deadlines = reportDeadlineStatus(reportDeadlines('judicial_bureau', 2025), 2025, null, null, '2026-02-05');
    const { items } = checkCompliance({
      text: '一、2025年主要工作开展情况\n正文',
      outline: reportOutlines.judicial_bureau,
      deadlines,
    });
    expect(items.find((i) => i.key === 'submitted')).toMatchObject({
      status: 'missing',
      label: '报送局党组（内部）（截止 2026-01-31）',
    });
    expect(items.find((i) => i.key === 'published')).toBeUndefined();
    expect(items.find((i) => i.key === 'basis')).toBeUndefined();
  });
});
