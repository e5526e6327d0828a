import { dateSchema } from '../shared/fields.ts';
import { SHANGHAI_OFFSET_MS, shanghaiDate } from '../shared/shanghai-calendar.ts';
import { z } from '../shared/zod.ts';

// Seed 001 counts drafts "国家级、省级、市级": the level of the legislature that sent the draft.
export const LEGISLATURE_LEVELS = ['national', 'provincial', 'municipal'] as const;
export type LegislatureLevel = (typeof LEGISLATURE_LEVELS)[number];
export const LEGISLATURE_LEVEL_LABELS: Record<LegislatureLevel, string> = {
  national: '国家级',
  provincial: '省级',
  municipal: '市级',
};

const day = dateSchema('日期');

/** A comment window: calendar dates in Asia/Shanghai, both days included. */
export type ConsultationWindow = { opensOn: string; closesOn: string };

export const consultationSchema = z
  .object({
    title: z.string().trim().min(1, { message: '请填写征询事项名称' }).max(200, { message: '名称不能超过200字' }),
    draftId: z.string().trim().min(1, { message: '请选择征求意见的草案' }),
    /** e.g. 全国人大常委会法制工作委员会 */
    legislature: z
      .string()
      .trim()
      .min(1, { message: '请填写来文的立法机关' })
      .max(100, { message: '立法机关名称不能超过100字' }),
    legislatureLevel: z.enum(LEGISLATURE_LEVELS, { message: '请选择立法机关层级（国家级、省级、市级）' }),
    opensOn: day,
    closesOn: day,
  })
  .refine((c) => c.closesOn >= c.opensOn, { message: '截止日期不能早于开始日期', path: ['closesOn'] });

export type Consultation = z.infer<typeof consultationSchema>;

function shanghaiMidnight(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

/** The calendar date in Asia/Shanghai of an instant: '2025-03-01' (defined once in shared/shanghai-calendar). */
export { shanghaiDate };

/** 2025年3月1日 */
export function formatChineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Half-open UTC range [from, to) of the window: from the opening day's midnight to the day after closing. */
export function windowRange(window: ConsultationWindow): { from: Date; to: Date } {
  const to = shanghaiMidnight(window.closesOn);
  return { from: shanghaiMidnight(window.opensOn), to: new Date(to.getTime() + 24 * 3600 * 1000) };
}

export type WindowStatus = 'upcoming' | 'open' | 'closed';
export const WINDOW_STATUS_LABELS: Record<WindowStatus, string> = {
  upcoming: '未开始',
  open: '征求意见中',
  closed: '已截止',
};

export function windowStatus(window: ConsultationWindow, now: Date): WindowStatus {
  const { from, to } = windowRange(window);
  if (now < from) return 'upcoming';
  return now < to ? 'open' : 'closed';
}

/** Null when the public may comment now; otherwise the message the portal shows. */
export function submissionBlockedReason(window: ConsultationWindow, now: Date): string | null {
  const status = windowStatus(window, now);
  if (status === 'upcoming') return `征求意见尚未开始，开始日期为${formatChineseDate(window.opensOn)}`;
  if (status === 'closed') return `征求意见已于${formatChineseDate(window.closesOn)}截止`;
  return null;
}

/** Whole days left including today while open (the closing day counts as 1); 0 otherwise. */
export function daysLeft(window: ConsultationWindow, now: Date): number {
  if (windowStatus(window, now) !== 'open') return 0;
  const today = shanghaiMidnight(shanghaiDate(now));
  return Math.round((windowRange(window).to.getTime() - today.getTime()) / (24 * 3600 * 1000));
}
