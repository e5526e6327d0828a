import { dateSchema, dbId } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';

/** 会前学法 is held before the standing meetings of the Party committee and the government. */
export const studyMeetingKinds = ['party_standing', 'government_executive', 'party_group', 'other'] as const;
export type StudyMeetingKind = (typeof studyMeetingKinds)[number];
export const studyMeetingKindLabels: Record<StudyMeetingKind, string> = {
  party_standing: '党委常委会会议',
  government_executive: '政府常务会议',
  party_group: '党组（党委）会议',
  other: '其他会议',
};

const id = dbId();

export const preMeetingStudySchema = z
  .object({
    orgId: id,
    date: dateSchema('学法日期', '请填写学法日期'),
    meetingKind: z.enum(studyMeetingKinds, { error: '请选择会议类型' }),
    meetingName: z
      .string({ error: '请填写会议名称' })
      .trim()
      .min(1, '请填写会议名称')
      .max(200, '会议名称不能超过200个字'),
    laws: z
      .array(z.string().trim().min(1, '学习的法律法规名称不能为空').max(200, '法律法规名称不能超过200个字'), {
        error: '请填写学习的法律法规',
      })
      .min(1, '请至少填写一部学习的法律法规')
      .max(20, '学习的法律法规不能超过20部'),
    lecturer: z.string({ error: '请填写授课人' }).trim().min(1, '请填写授课人').max(100, '授课人不能超过100个字'),
    expectedCount: z.number({ error: '请填写应到人数' }).int('应到人数须为整数').min(1, '应到人数至少为1'),
    attendeeCount: z.number({ error: '请填写实到人数' }).int('实到人数须为整数').min(0, '实到人数不能为负数'),
    /** Cadres present, so each one's 法治档案 can list the sessions attended. */
    attendeeIds: z.array(id).max(200).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.attendeeCount > v.expectedCount)
      ctx.addIssue({ code: 'custom', path: ['attendeeCount'], message: '实到人数不能超过应到人数' });
    if (v.attendeeIds.length > v.attendeeCount)
      ctx.addIssue({ code: 'custom', path: ['attendeeIds'], message: '参学人员名单人数不能超过实到人数' });
    if (new Set(v.attendeeIds).size !== v.attendeeIds.length)
      ctx.addIssue({ code: 'custom', path: ['attendeeIds'], message: '参学人员名单中有重复人员' });
  });
export type PreMeetingStudy = z.infer<typeof preMeetingStudySchema>;

/** Attendance as a share in [0, 1]; computed at read time, never stored. */
export function attendanceRate(study: Pick<PreMeetingStudy, 'expectedCount' | 'attendeeCount'>): number {
  return study.expectedCount > 0 ? study.attendeeCount / study.expectedCount : 0;
}
