import { type Period, periodRange } from '../shared/period.ts';
import { type PeriodUnit, periodOf, periodsOfYear, startOfShanghaiDay } from '../shared/shanghai-calendar.ts';

/** 挂点联系: a leader must visit an assigned 司法所 or unit `times` per `every` (e.g. at least once a quarter). */
export type LiaisonObligation = { every: PeriodUnit; times: number };

export const liaisonEveryLabels: Record<PeriodUnit, string> = { month: '每月', quarter: '每季度', year: '每年' };

export function describeObligation(o: LiaisonObligation): string {
  return `${liaisonEveryLabels[o.every]}至少走访${o.times}次`;
}

export type LiaisonAssignment = {
  id: number;
  leaderId: number;
  pointId: number;
  obligation: LiaisonObligation;
  /** First day (Shanghai calendar, YYYY-MM-DD) of the assignment. */
  startDate: string;
  /** Last day, inclusive; null while the assignment runs. */
  endDate: string | null;
};

export type LiaisonVisit = {
  id: number;
  leaderId: number;
  pointId: number;
  visitedAt: Date;
  findings?: string;
  suggestions?: string;
};

export const liaisonStatuses = ['upcoming', 'due', 'done', 'overdue'] as const;
export type LiaisonStatus = (typeof liaisonStatuses)[number];
export const liaisonStatusLabels: Record<LiaisonStatus, string> = {
  upcoming: '未开始',
  due: '待走访',
  done: '已完成',
  overdue: '逾期未走访',
};

export type LiaisonPeriodStatus = {
  assignmentId: number;
  leaderId: number;
  pointId: number;
  period: Period;
  from: Date;
  to: Date;
  required: number;
  done: number;
  status: LiaisonStatus;
};

const monthsIn: Record<PeriodUnit, number> = { month: 1, quarter: 3, year: 12 };

/**
 * Per-period status of one assignment over a calendar year, periods cut in Shanghai time.
 * An assignment that starts or ends inside a period owes a prorated share: ceil(times × fully covered months /
 * months in the period), so starting on 15 March owes nothing for Q1 but starting on 1 February owes the Q1 visit.
 * Only visits within the assignment's own span count.
 */
export function liaisonYearStatuses(
  assignment: LiaisonAssignment,
  visits: readonly LiaisonVisit[],
  year: number,
  now: Date,
): LiaisonPeriodStatus[] {
  const { every, times } = assignment.obligation;
  const start = startOfShanghaiDay(assignment.startDate);
  const end = assignment.endDate ? nextDay(startOfShanghaiDay(assignment.endDate)) : null;
  const counts = new Map<Period, number>();
  for (const v of visits) {
    if (v.leaderId !== assignment.leaderId || v.pointId !== assignment.pointId) continue;
    if (v.visitedAt < start || (end && v.visitedAt >= end)) continue;
    const p = periodOf(v.visitedAt, every);
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const result: LiaisonPeriodStatus[] = [];
  for (const period of periodsOfYear(year, every)) {
    const { from, to } = periodRange(period);
    const covered = coveredMonths(period, every, start, end);
    if (covered === 0) continue;
    const required = Math.ceil((times * covered) / monthsIn[every]);
    const done = counts.get(period) ?? 0;
    result.push({
      assignmentId: assignment.id,
      leaderId: assignment.leaderId,
      pointId: assignment.pointId,
      period,
      from,
      to,
      required,
      done,
      status: statusOf(done, required, from, to, now),
    });
  }
  return result;
}

function statusOf(done: number, required: number, from: Date, to: Date, now: Date): LiaisonStatus {
  if (done >= required) return 'done';
  if (now >= to) return 'overdue';
  if (now >= from) return 'due';
  return 'upcoming';
}

function coveredMonths(period: Period, every: PeriodUnit, start: Date, end: Date | null): number {
  const year = Number(period.slice(0, 4));
  const first =
    every === 'year' ? 1 : every === 'quarter' ? (Number(period.slice(6)) - 1) * 3 + 1 : Number(period.slice(5));
  let n = 0;
  for (let m = first; m < first + monthsIn[every]; m++) {
    const { from, to } = periodRange(`${year}-${String(m).padStart(2, '0')}`);
    if (start <= from && (end === null || end >= to)) n++;
  }
  return n;
}

function nextDay(d: Date): Date {
  return new Date(d.getTime() + 24 * 3600 * 1000);
}

export type LiaisonRate = { required: number; done: number; rate: number | null };

/**
 * Visits done against visits due. A period counts once it is over or already fulfilled, so a quarter still in
 * progress does not drag the rate down; extra visits in one period do not make up for another.
 */
export function liaisonRate(statuses: readonly LiaisonPeriodStatus[]): LiaisonRate {
  let required = 0;
  let done = 0;
  for (const s of statuses) {
    if (s.status !== 'done' && s.status !== 'overdue') continue;
    required += s.required;
    done += Math.min(s.done, s.required);
  }
  return { required, done, rate: required > 0 ? done / required : null };
}

export const liaisonReminderKinds = ['due_soon', 'overdue'] as const;
export type LiaisonReminderKind = (typeof liaisonReminderKinds)[number];

export type LiaisonReminder = {
  /** leader × point × period × kind: the same reminder is never sent twice, however often the job runs. */
  key: string;
  kind: LiaisonReminderKind;
  leaderId: number;
  pointId: number;
  period: Period;
  message: string;
};

/** `due_soon` within `dueSoonDays` of a period's end while visits are missing; `overdue` once it has ended. */
export function liaisonReminders(
  statuses: readonly LiaisonPeriodStatus[],
  now: Date,
  options: { dueSoonDays: number } = { dueSoonDays: 15 },
): LiaisonReminder[] {
  const seen = new Set<string>();
  const reminders: LiaisonReminder[] = [];
  for (const s of statuses) {
    const missing = s.required - s.done;
    let kind: LiaisonReminderKind | null = null;
    if (s.status === 'overdue') kind = 'overdue';
    else if (s.status === 'due' && s.to.getTime() - now.getTime() <= options.dueSoonDays * 24 * 3600 * 1000)
      kind = 'due_soon';
    if (!kind) continue;
    const key = `grassroots:liaison:${s.leaderId}:${s.pointId}:${s.period}:${kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    reminders.push({
      key,
      kind,
      leaderId: s.leaderId,
      pointId: s.pointId,
      period: s.period,
      message:
        kind === 'overdue'
          ? // A past period cannot be made up: a visit recorded now counts for the period it falls in.
            `${periodLabel(s.period)}已结束，挂点联系走访少${missing}次，记为未完成；此后的走访计入当期，请按当期要求走访`
          : `${periodLabel(s.period)}即将结束，挂点联系走访尚差${missing}次，请按时走访`,
    });
  }
  return reminders;
}

export function periodLabel(period: Period): string {
  const year = period.slice(0, 4);
  const rest = period.slice(5);
  if (!rest) return `${year}年`;
  if (rest.startsWith('Q')) return `${year}年第${'一二三四'[Number(rest.slice(1)) - 1]}季度`;
  if (rest.startsWith('H')) return `${year}年${rest === 'H1' ? '上' : '下'}半年`;
  return `${year}年${Number(rest)}月`;
}
