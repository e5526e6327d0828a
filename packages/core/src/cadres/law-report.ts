import { dateSchema, dbId } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';

/** 述法: a leading cadre's annual report on performing rule-of-law duties, given on site or in writing. */
export const lawReportForms = ['on_site', 'written'] as const;
export type LawReportForm = (typeof lawReportForms)[number];
export const lawReportFormLabels: Record<LawReportForm, string> = { on_site: '现场述法', written: '书面述法' };

export const lawReportLevels = ['excellent', 'good', 'fair', 'poor'] as const;
export type LawReportLevel = (typeof lawReportLevels)[number];
export const lawReportLevelLabels: Record<LawReportLevel, string> = {
  excellent: '好',
  good: '较好',
  fair: '一般',
  poor: '差',
};

const score = z.number({ error: '评议分数须为数字' }).min(0, '评议分数不能小于0').max(100, '评议分数不能大于100');
const count = (field: string) =>
  z
    .number({ error: `请填写${field}` })
    .int(`${field}须为整数`)
    .min(0, `${field}不能为负数`);

export const lawReportSurveySchema = z.object({
  satisfied: count('满意票数'),
  basicallySatisfied: count('基本满意票数'),
  dissatisfied: count('不满意票数'),
});
export type LawReportSurvey = z.infer<typeof lawReportSurveySchema>;

export const lawReportSchema = z
  .object({
    cadreId: dbId(),
    year: z.number({ error: '请填写年度' }).int().min(2000, '年度不正确').max(2100, '年度不正确'),
    form: z.enum(lawReportForms, { error: '请选择述法方式' }),
    date: dateSchema('述法日期', '请填写述法日期'),
    reportAttachmentId: dbId().nullish(),
    summary: z.string().trim().max(5000, '述法报告摘要不能超过5000个字').default(''),
    panelScores: z.array(score).max(200, '评议分数不能超过200个').default([]),
    survey: lawReportSurveySchema.nullish(),
  })
  .superRefine((v, ctx) => {
    if (!v.reportAttachmentId && !v.summary)
      ctx.addIssue({ code: 'custom', path: ['summary'], message: '请上传述法报告或填写述法报告摘要' });
  });
export type LawReport = z.infer<typeof lawReportSchema>;

export type LawReportRule = {
  thresholds: { excellent: number; good: number; fair: number };
  /** Share of the panel in the combined score when both panel and survey exist. */
  panelWeight: number;
  /** With at least this many panel scores the highest and the lowest are dropped (去掉一个最高分和一个最低分). */
  trimFrom: number;
};

export const defaultLawReportRule: LawReportRule = {
  thresholds: { excellent: 90, good: 80, fair: 60 },
  panelWeight: 0.7,
  trimFrom: 5,
};

export type LawReportEvaluation = {
  panelAverage: number | null;
  /** (满意 + 基本满意) / 总票数 × 100. */
  surveySatisfaction: number | null;
  score: number | null;
  level: LawReportLevel | null;
};

/**
 * The documented 评议 rule: panel average (trimmed from `trimFrom` scores) and survey satisfaction are both on a
 * 0–100 scale; with both, score = panelWeight × panel + (1 − panelWeight) × survey; with one, that one. Scores are
 * rounded to 2 decimals before comparing: ≥90 好, ≥80 较好, ≥60 一般, otherwise 差. No scores, no level.
 */
export function evaluateLawReport(
  input: { panelScores?: readonly number[]; survey?: LawReportSurvey | null },
  rule: LawReportRule = defaultLawReportRule,
): LawReportEvaluation {
  const panelAverage = average(trim(input.panelScores ?? [], rule.trimFrom));
  const surveySatisfaction = satisfaction(input.survey);
  let score: number | null = null;
  if (panelAverage !== null && surveySatisfaction !== null)
    score = round2(rule.panelWeight * panelAverage + (1 - rule.panelWeight) * surveySatisfaction);
  else score = panelAverage ?? surveySatisfaction;
  return { panelAverage, surveySatisfaction, score, level: score === null ? null : levelOf(score, rule) };
}

export function levelOf(score: number, rule: LawReportRule = defaultLawReportRule): LawReportLevel {
  if (score >= rule.thresholds.excellent) return 'excellent';
  if (score >= rule.thresholds.good) return 'good';
  if (score >= rule.thresholds.fair) return 'fair';
  return 'poor';
}

function trim(scores: readonly number[], trimFrom: number): readonly number[] {
  if (scores.length < trimFrom) return scores;
  return [...scores].sort((a, b) => a - b).slice(1, -1);
}

function average(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return round2(scores.reduce((s, x) => s + x, 0) / scores.length);
}

function satisfaction(survey: LawReportSurvey | null | undefined): number | null {
  if (!survey) return null;
  const total = survey.satisfied + survey.basicallySatisfied + survey.dissatisfied;
  return total > 0 ? round2(((survey.satisfied + survey.basicallySatisfied) / total) * 100) : null;
}

function round2(x: number): number {
  return Math.round((x + Number.EPSILON) * 100) / 100;
}
