import { z } from '../shared/zod.ts';

/**
 * The default statutory functions checklist of a township 司法所 (“10大项职能”). Local offices publish their own
 * wording, so completeness takes the checklist as data; this is the usual set after the 2018–2019 reform.
 */
export const judicialOfficeFunctions = [
  'rule_of_law_coordination',
  'legality_review',
  'enforcement_supervision',
  'reconsideration_intake',
  'litigation_response',
  'people_mediation',
  'community_corrections',
  'resettlement_assistance',
  'law_publicity',
  'public_legal_service',
] as const;
export type JudicialOfficeFunction = (typeof judicialOfficeFunctions)[number];
export const judicialOfficeFunctionLabels: Record<JudicialOfficeFunction, string> = {
  rule_of_law_coordination: '统筹推进乡镇（街道）法治建设',
  legality_review: '重大决策和规范性文件合法性审查',
  enforcement_supervision: '行政执法协调监督',
  reconsideration_intake: '行政复议申请接收转递',
  litigation_response: '行政应诉指导',
  people_mediation: '指导人民调解',
  community_corrections: '社区矫正',
  resettlement_assistance: '安置帮教',
  law_publicity: '法治宣传教育',
  public_legal_service: '公共法律服务与法律援助',
};

export type FunctionsCompleteness = { total: number; performed: number; missing: string[]; isComplete: boolean };

export function functionsCompleteness(
  performed: readonly string[],
  checklist: readonly { code: string; label: string }[] = judicialOfficeFunctions.map((code) => ({
    code,
    label: judicialOfficeFunctionLabels[code],
  })),
): FunctionsCompleteness {
  const done = new Set(performed);
  const missing = checklist.filter((f) => !done.has(f.code)).map((f) => f.label);
  return {
    total: checklist.length,
    performed: checklist.length - missing.length,
    missing,
    isComplete: missing.length === 0,
  };
}

export type JudicialOfficeStaff = {
  name: string;
  hasLegalQualification: boolean;
  /** 国家统一法律职业资格考试 attempts, to report a year's pass rate (e.g. “5人参考，通过率100%”). */
  examAttempts?: readonly { year: number; passed: boolean }[];
};

export type QualificationSummary = {
  staffCount: number;
  qualifiedCount: number;
  /** Share of all staff holding 法律职业资格 (e.g. 全所11人，已通过7人). */
  qualifiedShare: number | null;
};

export function qualificationSummary(staff: readonly JudicialOfficeStaff[]): QualificationSummary {
  const qualifiedCount = staff.filter((s) => s.hasLegalQualification).length;
  return {
    staffCount: staff.length,
    qualifiedCount,
    qualifiedShare: staff.length > 0 ? qualifiedCount / staff.length : null,
  };
}

/** Pass rate of the staff who sat the exam in `year` (a person counts once, passed if any attempt passed). */
export function examPassRate(
  staff: readonly JudicialOfficeStaff[],
  year: number,
): { sat: number; passed: number; rate: number | null } {
  let sat = 0;
  let passed = 0;
  for (const s of staff) {
    const attempts = (s.examAttempts ?? []).filter((a) => a.year === year);
    if (attempts.length === 0) continue;
    sat++;
    if (attempts.some((a) => a.passed)) passed++;
  }
  return { sat, passed, rate: sat > 0 ? passed / sat : null };
}

export const ratingLevels = ['province', 'city', 'county'] as const;
export type RatingLevel = (typeof ratingLevels)[number];
export const ratingLevelLabels: Record<RatingLevel, string> = { province: '省级', city: '市级', county: '县（区）级' };

/** 规范化 rating, e.g. 省级五星级司法所 (2023). */
export const standardisationRatingSchema = z.object({
  year: z.number({ error: '请填写评定年度' }).int().min(2000, '评定年度不正确').max(2100, '评定年度不正确'),
  level: z.enum(ratingLevels, { error: '请选择评定级别' }),
  stars: z.number({ error: '请填写星级' }).int('星级须为整数').min(1, '星级为1至5星').max(5, '星级为1至5星'),
});
export type StandardisationRating = z.infer<typeof standardisationRatingSchema>;

/** The rating in force in `year`: the latest one awarded up to that year, higher level first within a year. */
export function ratingInForce(ratings: readonly StandardisationRating[], year: number): StandardisationRating | null {
  const rank: Record<RatingLevel, number> = { province: 3, city: 2, county: 1 };
  const candidates = ratings
    .filter((r) => r.year <= year)
    .sort((a, b) => b.year - a.year || rank[b.level] - rank[a.level] || b.stars - a.stars);
  return candidates[0] ?? null;
}

export function ratingLabel(r: StandardisationRating): string {
  return `${r.year}年${ratingLevelLabels[r.level]}${'一二三四五'[r.stars - 1]}星级司法所`;
}
