import type { ReportType } from './outlines.ts';

/**
 * Deadlines of the annual report for year Y, per report type. Dates are Asia/Shanghai calendar days (YYYY-MM-DD)
 * of Y+1; overdue is computed, never stored. `publishBy` is null for an internal report (never published).
 */
export type ReportDeadlines = {
  /** Who the report goes to (上一级党委政府, 区县政府, 局党组). */
  submitTo: string;
  submitBy: string;
  publishBy: string | null;
  /** Whether the office set these dates for the year instead of the defaults. */
  isOverridden: boolean;
};

/** The office's dates for one year and type (local rules differ); replaces the defaults. */
export type DeadlineOverride = { type: ReportType; submitBy: string; publishBy: string | null };

export const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The last day of February of a year: 28, or 29 in a leap year. */
export const endOfFebruary = (year: number) => `${year}-02-${isLeapYear(year) ? '29' : '28'}`;

type DefaultRule = { submitTo: string; submitBy: (next: number) => string; isPublished: boolean; note: string };

/**
 * The defaults: the county government's report goes to the level above by 1 March and is public by 1 April; a
 * department's to the county government by the end of February; a township's by 31 January; the judicial bureau's
 * 工作总结 is internal, due by 31 January and never published.
 */
export const defaultDeadlineRules: Record<ReportType, DefaultRule> = {
  government: {
    submitTo: '上一级党委、政府',
    submitBy: (next) => `${next}-03-01`,
    isPublished: true,
    note: '每年3月1日前报送上一级党委、政府，4月1日前向社会公开',
  },
  department: {
    submitTo: '本级政府',
    submitBy: endOfFebruary,
    isPublished: true,
    note: '每年2月底前报送本级政府（各地规定不一），4月1日前向社会公开',
  },
  township: {
    submitTo: '区（县）政府',
    submitBy: (next) => `${next}-01-31`,
    isPublished: true,
    note: '每年1月31日前报送区（县）政府，4月1日前向社会公开',
  },
  judicial_bureau: {
    submitTo: '局党组（内部）',
    submitBy: (next) => `${next}-01-31`,
    isPublished: false,
    note: '内部工作总结，每年1月31日前完成，不向社会公开',
  },
};

const defaultPublishBy = (next: number) => `${next}-04-01`;

/** The deadlines in force for a report type and year: the office's override for that year, else the defaults. */
export function reportDeadlines(type: ReportType, year: number, override?: DeadlineOverride | null): ReportDeadlines {
  const rule = defaultDeadlineRules[type];
  if (override && override.type === type) {
    return {
      submitTo: rule.submitTo,
      submitBy: override.submitBy,
      publishBy: rule.isPublished ? override.publishBy : null,
      isOverridden: true,
    };
  }
  return {
    submitTo: rule.submitTo,
    submitBy: rule.submitBy(year + 1),
    publishBy: rule.isPublished ? defaultPublishBy(year + 1) : null,
    isOverridden: false,
  };
}

/**
 * Why an override is refused, or null: dates of the year after the report year, publication not before
 * submission, and none for an internal report.
 */
export function overrideProblem(year: number, override: DeadlineOverride): string | null {
  const next = String(year + 1);
  const rule = defaultDeadlineRules[override.type];
  if (!override.submitBy.startsWith(next)) return `报送截止日期应在 ${next} 年内`;
  if (!rule.isPublished) return override.publishBy ? '该类报告为内部总结，不向社会公开，不能设置公开截止日期' : null;
  if (!override.publishBy) return '请填写向社会公开的截止日期';
  if (!override.publishBy.startsWith(next)) return `公开截止日期应在 ${next} 年内`;
  if (override.publishBy < override.submitBy) return '公开截止日期不能早于报送截止日期';
  return null;
}

export type DeadlineState = 'done' | 'done_late' | 'pending' | 'due_soon' | 'overdue' | 'not_yet' | 'not_required';

export const deadlineStateLabels: Record<DeadlineState, string> = {
  done: '按时完成',
  done_late: '逾期完成',
  pending: '未到期',
  due_soon: '即将到期',
  overdue: '已逾期',
  not_yet: '年度未结束',
  not_required: '无需公开',
};

const dayMs = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / dayMs);

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

export type ReportDeadlineStatus = ReportDeadlines & {
  submit: DeadlineState;
  publish: DeadlineState;
  /** Days past the earliest missed deadline, 0 when nothing is overdue. */
  daysOverdue: number;
};

/** Where a report stands against its deadlines; submitted and published days are Shanghai calendar days. */
export function reportDeadlineStatus(
  deadlines: ReportDeadlines,
  year: number,
  submittedDay: string | null,
  publishedDay: string | null,
  today: string,
): ReportDeadlineStatus {
  const { submitBy, publishBy } = deadlines;
  const submit = deadlineState(submitBy, submittedDay, today, year);
  const publish = publishBy === null ? 'not_required' : deadlineState(publishBy, publishedDay, today, year);
  const daysOverdue =
    submit === 'overdue' ? days(submitBy, today) : publish === 'overdue' && publishBy ? days(publishBy, today) : 0;
  return { ...deadlines, submit, publish, daysOverdue };
}
