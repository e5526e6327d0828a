import { dateSchema, dbId } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';

/** 法治考核: a leading cadre's yearly rule-of-law exam. A null score means the cadre did not sit it. */
export const examOutcomes = ['passed', 'failed', 'absent'] as const;
export type ExamOutcome = (typeof examOutcomes)[number];
export const examOutcomeLabels: Record<ExamOutcome, string> = { passed: '合格', failed: '不合格', absent: '缺考' };

export const defaultPassMark = 60;

/** The yearly 学法考法 (one of the “三个一”) or the exam before taking up a post (任前考法). */
export const examKinds = ['annual', 'pre_promotion'] as const;
export type ExamKind = (typeof examKinds)[number];
export const examKindLabels: Record<ExamKind, string> = { annual: '年度学法考试', pre_promotion: '任前考法' };

export const lawExamSchema = z.object({
  cadreId: dbId(),
  kind: z.enum(examKinds, { error: '考试类型不正确' }).default('annual'),
  year: z.number({ error: '请填写年度' }).int().min(2000, '年度不正确').max(2100, '年度不正确'),
  examName: z.string({ error: '请填写考核名称' }).trim().min(1, '请填写考核名称').max(200, '考核名称不能超过200个字'),
  date: dateSchema('考核日期', '请填写考核日期'),
  score: z.number({ error: '考核成绩须为数字' }).min(0, '考核成绩不能小于0').max(100, '考核成绩不能大于100').nullable(),
  passMark: z
    .number({ error: '合格分数线须为数字' })
    .min(0, '合格分数线不能小于0')
    .max(100, '合格分数线不能大于100')
    .default(defaultPassMark),
});
export type LawExam = z.infer<typeof lawExamSchema>;

export function examOutcome(score: number | null, passMark: number = defaultPassMark): ExamOutcome {
  if (score === null) return 'absent';
  return score >= passMark ? 'passed' : 'failed';
}
