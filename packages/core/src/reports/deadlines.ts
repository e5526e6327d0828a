/**
 * Deadlines of the annual report for year Y: reports go to the level above by 1 March of Y+1 and are published
 * by 1 April of Y+1. Dates are Asia/Shanghai calendar days (YYYY-MM-DD); overdue is computed, never stored.
 */
export const reportDeadlines = (year: number) => ({ submitBy: `${year + 1}-03-01`, publishBy: `${year + 1}-04-01` });

export type DeadlineState = 'done' | 'done_late' | 'pending' | 'due_soon' | 'overdue' | 'not_yet';

export const deadlineStateLabels: Record<DeadlineState, string> = {
  done: '按时完成',
  done_late: '逾期完成',
  pending: '未到期',
  due_soon: '即将到期',
  overdue: '已逾期',
  not_yet: '年度未结束',
};

const dayMs = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / dayMs);

/** Shanghai calendar day of an instant. */
export const shanghaiDay = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * The state of one deadline: done on or before the day (done), done after it (done_late), not done and past it
 * (overdue), within 14 days (due_soon), or further off (pending). Before the report year ends nothing is due yet.
 */
export function deadlineState(dueDay: string, doneDay: string | null, today: string, year: number): DeadlineState {
  if (doneDay) return doneDay <= dueDay ? 'done' : 'done_late';
  if (today <= `${year}-12-31`) return 'not_yet';
  if (today > dueDay) return 'overdue';
  return days(today, dueDay) <= 14 ? 'due_soon' : 'pending';
}

export type ReportDeadlineStatus = {
  submitBy: string;
  publishBy: string;
  submit: DeadlineState;
  publish: DeadlineState;
  /** Days past the earliest missed deadline, 0 when nothing is overdue. */
  daysOverdue: number;
};

export function reportDeadlineStatus(
  year: number,
  submittedDay: string | null,
  publishedDay: string | null,
  today: string,
): ReportDeadlineStatus {
  const { submitBy, publishBy } = reportDeadlines(year);
  const submit = deadlineState(submitBy, submittedDay, today, year);
  const publish = deadlineState(publishBy, publishedDay, today, year);
  const daysOverdue = submit === 'overdue' ? days(submitBy, today) : publish === 'overdue' ? days(publishBy, today) : 0;
  return { submitBy, publishBy, submit, publish, daysOverdue };
}
