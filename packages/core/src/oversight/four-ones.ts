import { isCalendarDate } from '../shared/fields.ts';
import type { FourOnes } from './problem.ts';

/** What a unit submits for the “四个一”: the owner list is a list so that picking two people can be refused. */
export type FourOnesInput = {
  ownerIds: readonly number[];
  plan: string;
  measures: readonly string[];
  deadline: string | null;
};

export type FourOnesGap = 'owner' | 'plan' | 'measures' | 'deadline';

export type FourOnesIssue = { item: FourOnesGap; message: string };

/** Every “四个一” item that is missing or wrong, each with a Chinese message naming it; empty means complete. */
export function checkFourOnes(input: FourOnesInput): FourOnesIssue[] {
  const issues: FourOnesIssue[] = [];
  const owners = new Set(input.ownerIds);
  if (owners.size === 0) issues.push({ item: 'owner', message: '未指定整改责任人（一人负责）' });
  if (owners.size > 1)
    issues.push({ item: 'owner', message: `整改责任人只能有一人（一人负责），当前指定了${owners.size}人` });
  if (!input.plan.trim()) issues.push({ item: 'plan', message: '未制定整改方案（一套方案）' });
  if (!input.measures.some((m) => m.trim()))
    issues.push({ item: 'measures', message: '未填写整改措施，至少一项（一揽子包抓落实）' });
  if (!input.deadline) issues.push({ item: 'deadline', message: '未设定整改时限' });
  else if (!isCalendarDay(input.deadline))
    issues.push({ item: 'deadline', message: '整改时限格式应为 YYYY-MM-DD 的有效日期' });
  return issues;
}

export function fourOnesToInput(f: FourOnes): FourOnesInput {
  return { ownerIds: f.ownerId === null ? [] : [f.ownerId], plan: f.plan, measures: f.measures, deadline: f.deadline };
}

/** The shared date rule (a real day in 1900–2100). */
export const isCalendarDay = isCalendarDate;
