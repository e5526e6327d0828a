import { dateSchema, dbId } from '../shared/fields.ts';
import { normalisePhoneInput } from '../shared/normalise-input.ts';
import { z } from '../shared/zod.ts';
import { MOBILE_RE } from './phone.ts';

/**
 * 群众满意度测评 (seed 001): the office asks residents to rate the rule-of-law work of a unit or township they
 * choose, each question on a 1–5 scale. A rating of 4 or 5 (满意, 非常满意) counts as satisfied; the satisfaction
 * rate is satisfied ratings ÷ all ratings — the `survey.satisfaction_rate` the assessment scheme reads.
 */

export const SURVEY_SCORES = [1, 2, 3, 4, 5] as const;
export const SURVEY_SCORE_LABELS: Record<number, string> = {
  5: '非常满意',
  4: '满意',
  3: '一般',
  2: '不满意',
  1: '非常不满意',
};
/** Ratings at or above this count as satisfied. */
export const SATISFIED_FROM = 4;

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
export const SURVEY_STATUS_LABELS: Record<SurveyStatus, string> = {
  draft: '未发布',
  open: '测评中',
  closed: '已结束',
};

export const SURVEY_QUESTIONS_MAX = 20;
export const SURVEY_TARGETS_MAX = 200;

export const surveyQuestionSchema = z.object({
  key: z.string({ message: '题目编号有误' }).regex(/^q[0-9]{1,3}$/, { message: '题目编号有误' }),
  text: z
    .string({ message: '请填写题目' })
    .trim()
    .min(2, { message: '题目至少2个字' })
    .max(100, { message: '题目不能超过100字' }),
});
export type SurveyQuestion = z.output<typeof surveyQuestionSchema>;

/** What the office defines: title, the window, the questions and the units/townships to rate. */
export const surveyInputSchema = z
  .object({
    orgId: dbId('请选择测评所属的区县'),
    title: z
      .string({ message: '请填写测评名称' })
      .trim()
      .min(2, { message: '测评名称至少2个字' })
      .max(60, { message: '测评名称不能超过60字' }),
    intro: z.string().trim().max(500, { message: '测评说明不能超过500字' }).default(''),
    opensOn: dateSchema('开始日期', '请选择开始日期'),
    closesOn: dateSchema('结束日期', '请选择结束日期'),
    questions: z
      .array(surveyQuestionSchema, { message: '请填写测评题目' })
      .min(1, { message: '至少需要1道测评题目' })
      .max(SURVEY_QUESTIONS_MAX, { message: `测评题目不能超过${SURVEY_QUESTIONS_MAX}道` }),
    targetOrgIds: z
      .array(dbId('被测评单位有误'), { message: '请选择被测评的单位或乡镇' })
      .min(1, { message: '请至少选择1个被测评的单位或乡镇' })
      .max(SURVEY_TARGETS_MAX, { message: `被测评单位不能超过${SURVEY_TARGETS_MAX}个` }),
  })
  .superRefine((v, ctx) => {
    if (v.closesOn < v.opensOn)
      ctx.addIssue({ code: 'custom', path: ['closesOn'], message: '结束日期不能早于开始日期' });
    if (new Set(v.questions.map((q) => q.key)).size !== v.questions.length)
      ctx.addIssue({ code: 'custom', path: ['questions'], message: '题目编号重复' });
    if (new Set(v.targetOrgIds).size !== v.targetOrgIds.length)
      ctx.addIssue({ code: 'custom', path: ['targetOrgIds'], message: '被测评单位重复' });
  });
export type SurveyInput = z.output<typeof surveyInputSchema>;

export const surveyStatusChangeSchema = z.object({
  status: z.enum(['open', 'closed'], { message: '状态只能是“测评中”或“已结束”' }),
  version: z.number({ message: '缺少版本号' }).int(),
});

/** A mobile number as typed (full-width digits, spaces, dashes, +86) normalised the one way every input is. */
export const surveyPhoneSchema = z.preprocess(
  normalisePhoneInput,
  z
    .string({ message: '请填写手机号码' })
    .transform((s) => s.replace(/^\+?86(?=1\d{10}$)/, ''))
    .pipe(z.string().regex(MOBILE_RE, { message: '请填写正确的11位手机号码' })),
);

/** One public answer: the phone, the unit or township rated, a 1–5 score per question, the browser's device id. */
export const surveyAnswerSchema = z.object({
  phone: surveyPhoneSchema,
  targetOrgId: dbId('请选择您要评价的单位或乡镇'),
  scores: z.record(
    z.string(),
    z
      .number({ message: '请为每道题选择满意程度' })
      .int({ message: '满意程度应为1至5分' })
      .min(1, { message: '满意程度应为1至5分' })
      .max(5, { message: '满意程度应为1至5分' }),
    { message: '请为每道题选择满意程度' },
  ),
  comment: z.string().trim().max(300, { message: '意见建议不能超过300字' }).default(''),
  deviceId: z
    .string()
    .regex(/^[A-Za-z0-9-]{16,64}$/, { message: '设备标识有误，请刷新页面后重试' })
    .nullish()
    .transform((v) => v ?? null),
});
export type SurveyAnswer = z.output<typeof surveyAnswerSchema>;

/** The question keys the answer misses or has in excess, as one Chinese message (null when it fits). */
export function answerCoverageProblem(questions: readonly SurveyQuestion[], scores: Record<string, number>) {
  const keys = new Set(questions.map((q) => q.key));
  const index = questions.findIndex((q) => scores[q.key] === undefined);
  if (index >= 0) return `请为第${index + 1}题“${questions[index]!.text}”选择满意程度`;
  const extra = Object.keys(scores).find((k) => !keys.has(k));
  return extra ? `测评中没有题目“${extra}”，请刷新页面后重试` : null;
}

/** Satisfied ratings ÷ all ratings, in % with one decimal; null when nothing was rated. */
export function satisfactionRate(satisfied: number, ratings: number): number | null {
  return ratings > 0 ? Math.round((satisfied / ratings) * 1000) / 10 : null;
}

export const DUPLICATE_PHONE_MESSAGE = '该手机号码已参加过本次测评，每个手机号码只能提交一次';
export const DUPLICATE_DEVICE_MESSAGE = '本设备已参加过本次测评，每台设备只能提交一次';
