import { addDays, daysBetween } from './dates.ts';

/**
 * The statutory clock of an administrative reconsideration (《行政复议法》2023 第六十二条): a decision within 60
 * days of acceptance; in complex cases the head of the organ may approve an extension of at most 30 days; the
 * days a case is suspended (中止, 第三十九条) do not count. The first day is not counted (民法典 第二百零一条), so the
 * last day is acceptance + 60 days. Statutory holidays at the end of the term are not modelled.
 */
export const reconsiderationTermDays = 60;
export const maxExtensionDays = 30;

export type ReconsiderationClockInput = {
  acceptedDate: string;
  extensionDays?: number | null;
  suspendedDays?: number | null;
  concludedDate?: string | null;
};

export type ReconsiderationClock = {
  dueDate: string;
  /** Days left until the due date (negative once past it); null once concluded. */
  daysLeft: number | null;
  overdue: boolean;
};

export function reconsiderationDueDate(input: ReconsiderationClockInput): string {
  const extension = Math.min(Math.max(input.extensionDays ?? 0, 0), maxExtensionDays);
  const suspended = Math.max(input.suspendedDays ?? 0, 0);
  return addDays(input.acceptedDate, reconsiderationTermDays + extension + suspended);
}

export function reconsiderationClock(input: ReconsiderationClockInput, today: string): ReconsiderationClock {
  const dueDate = reconsiderationDueDate(input);
  if (input.concludedDate) return { dueDate, daysLeft: null, overdue: input.concludedDate > dueDate };
  return { dueDate, daysLeft: daysBetween(today, dueDate), overdue: today > dueDate };
}
