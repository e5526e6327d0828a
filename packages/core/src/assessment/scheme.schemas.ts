import { z } from '../shared/zod.ts';
import { BONUS_CATEGORIES, LEVELS, TIE_BREAKS } from './scheme-constants.ts';
import { checkSchemeConsistency } from './scheme-validation.ts';

const idSchema = z.string().trim().min(1, { message: '编号不能为空' });
const nameSchema = z.string().trim().min(1, { message: '名称不能为空' });
// Field-level positivity is checked in scheme-validation.ts, where the indicator name is known for the message.
const numberSchema = z.number({ message: '应为数字' }).finite({ message: '应为有限数字' });

export const levelSchema = z.enum(LEVELS, { message: '级别应为中央、省、市或区' });
export const bonusCategorySchema = z.enum(BONUS_CATEGORIES, {
  message: '加分类别应为通报表扬、经验交流、批示肯定或示范建设',
});

const metricFields = {
  metricKey: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, { message: '数据指标键应形如 plan.closure_rate' }),
  metricName: nameSchema,
  unit: z.string().optional(),
  target: numberSchema,
};

export const manualRuleSchema = z.object({
  kind: z.literal('manual'),
  /** Assessors score on 0..scaleMax; the leaf gets points × value / scaleMax. Defaults to the leaf's points. */
  scaleMax: numberSchema.optional(),
  guidance: z.string().optional(),
});

export const metricRuleSchema = z.object({
  kind: z.literal('metric'),
  ...metricFields,
  direction: z.enum(['higher_is_better', 'lower_is_better'], { message: '方向应为越高越好或越低越好' }),
  /** "每一个百分点": the size of one step in the metric's unit. */
  step: numberSchema,
  pointsPerStep: numberSchema,
  /** A partial step: not counted (default), counted as a full step, or counted pro rata. */
  partialStep: z.enum(['ignore', 'count_as_full', 'proportional']).optional(),
});

export const metricRatioRuleSchema = z.object({
  kind: z.literal('metric_ratio'),
  ...metricFields,
});

export const perOccurrenceRuleSchema = z.object({
  kind: z.literal('per_occurrence'),
  recordKind: idSchema,
  recordName: nameSchema,
  pointsEach: numberSchema,
  /** Most that can be lost on this leaf; defaults to (and never exceeds) the leaf's points. */
  cap: numberSchema.optional(),
});

export const requirementRuleSchema = z.object({
  kind: z.literal('requirement'),
  requirement: nameSchema,
});

export const vetoRuleSchema = z.object({
  kind: z.literal('veto'),
  recordKind: idSchema,
  condition: nameSchema,
  /** The best grade a vetoed unit can still receive, e.g. 一般 or 较差. */
  capGrade: nameSchema,
});

export const ruleSchema = z.discriminatedUnion('kind', [
  manualRuleSchema,
  metricRuleSchema,
  metricRatioRuleSchema,
  perOccurrenceRuleSchema,
  requirementRuleSchema,
  vetoRuleSchema,
]);

export type Rule = z.infer<typeof ruleSchema>;
export type ManualRule = z.infer<typeof manualRuleSchema>;
export type MetricRule = z.infer<typeof metricRuleSchema>;
export type MetricRatioRule = z.infer<typeof metricRatioRuleSchema>;
export type PerOccurrenceRule = z.infer<typeof perOccurrenceRuleSchema>;
export type RequirementRule = z.infer<typeof requirementRuleSchema>;
export type VetoRule = z.infer<typeof vetoRuleSchema>;

/** A node of the indicator tree: a branch has children, a leaf has a rule. */
export type Indicator = {
  id: string;
  name: string;
  /** Points mode: the node's full score. */
  points?: number | undefined;
  /** Weights mode: percent of the parent's score. */
  weight?: number | undefined;
  description?: string | undefined;
  rule?: Rule | undefined;
  children?: Indicator[] | undefined;
};

export const indicatorSchema: z.ZodType<Indicator> = z.lazy(() =>
  z.object({
    id: idSchema,
    name: z.string().trim().min(1, { message: '指标名称不能为空' }),
    points: numberSchema.optional(),
    weight: numberSchema.optional(),
    description: z.string().optional(),
    rule: ruleSchema.optional(),
    children: z.array(indicatorSchema).optional(),
  }),
);

export const templateSchema = z.object({
  id: idSchema,
  unitType: z.string().trim().min(1, { message: '单位类型不能为空' }),
  /** points: every node carries points; weights: every node carries a percent of its parent. */
  mode: z.enum(['points', 'weights'], { message: '计分方式应为分值或权重' }),
  totalPoints: numberSchema,
  indicators: z.array(indicatorSchema).min(1, { message: '考核模板至少应有一项指标' }),
});

export type Template = z.infer<typeof templateSchema>;

const pointsByLevelSchema = z.partialRecord(levelSchema, numberSchema, { message: '级别应为中央、省、市或区' });
const categoryMessage = { message: '加分类别应为通报表扬、经验交流、批示肯定或示范建设' };

export const bonusConfigSchema = z.object({
  table: z.partialRecord(bonusCategorySchema, pointsByLevelSchema, categoryMessage),
  cap: numberSchema,
  categoryCaps: z.partialRecord(bonusCategorySchema, numberSchema, categoryMessage).optional(),
  /** The same matter honoured at several levels counts once, at its highest points. */
  sameMatterHighestOnly: z.boolean(),
});

export type BonusConfig = z.infer<typeof bonusConfigSchema>;

export const deductionItemSchema = z.object({
  kind: z.string().trim().min(1, { message: '减分项目名称不能为空' }),
  level: levelSchema.optional(),
  points: numberSchema,
  cap: numberSchema.optional(),
});

export const deductionConfigSchema = z.object({
  items: z.array(deductionItemSchema),
  cap: numberSchema.optional(),
});

export type DeductionItem = z.infer<typeof deductionItemSchema>;
export type DeductionConfig = z.infer<typeof deductionConfigSchema>;

export const gradingSchema = z.object({
  /** Best first; a score below every band gets the last grade. */
  bands: z.array(z.object({ grade: nameSchema, minScore: numberSchema })).min(2, { message: '等次至少应设置两档' }),
  quotas: z.array(z.object({ grade: nameSchema, maxShare: numberSchema })),
  tieBreak: z.array(z.enum(TIE_BREAKS, { message: '同分排序规则无效' })),
});

export type Grading = z.infer<typeof gradingSchema>;

export const aggregationSchema = z.object({
  method: z.enum(['mean', 'trimmed_mean', 'median'], { message: '合成方式应为平均、去极值平均或中位数' }),
  /** Trimmed mean drops one highest and one lowest only with at least this many assessors. */
  trimMinCount: z.number().int({ message: '去极值人数应为整数' }),
});

export type Aggregation = z.infer<typeof aggregationSchema>;

export const schemeShapeSchema = z.object({
  id: idSchema,
  year: z.number().int().min(2000, { message: '考核年度应为四位年份' }).max(2100, { message: '考核年度应为四位年份' }),
  version: z.number().int().min(1, { message: '版本号应为正整数' }),
  name: z.string().trim().min(1, { message: '方案名称不能为空' }),
  copiedFrom: z.object({ schemeId: idSchema, year: z.number().int(), version: z.number().int() }).optional(),
  templates: z.array(templateSchema).min(1, { message: '考核方案至少应有一个考核模板' }),
  bonus: bonusConfigSchema,
  deductions: deductionConfigSchema,
  grading: gradingSchema,
  aggregation: aggregationSchema,
});

export const schemeSchema = schemeShapeSchema.superRefine(checkSchemeConsistency);

export type Scheme = z.infer<typeof schemeShapeSchema>;

export type SchemeIssue = { path: (string | number)[]; message: string };

/** Validate a scheme; every issue names the field in Chinese. */
export function validateScheme(input: unknown): { ok: true; scheme: Scheme } | { ok: false; issues: SchemeIssue[] } {
  const parsed = schemeSchema.safeParse(input);
  if (parsed.success) return { ok: true, scheme: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({
      path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      message: i.message,
    })),
  };
}
