import { z } from '../shared/zod.ts';
import { bonusCategorySchema, levelSchema } from './scheme.schemas.ts';

const idSchema = z.string().trim().min(1, { message: '编号不能为空' });
const titleSchema = z.string().trim().min(1, { message: '事项名称不能为空' });

/** A manual score for one leaf: already combined across assessors (see assessors.ts). */
export const manualInputSchema = z.object({
  value: z.number({ message: '评分应为数字' }).finite(),
  note: z.string().optional(),
  evidenceIds: z.array(idSchema).optional(),
  /** How several assessors' scores were combined, shown to the unit. */
  basis: z.string().optional(),
});

export const requirementCheckSchema = z.object({
  passed: z.boolean({ message: '应注明是否达标' }),
  note: z.string().optional(),
  evidenceIds: z.array(idSchema).optional(),
});

/** A fact from a ledger (督察问题, 败诉案件, 重大事件 …) that a per-occurrence or veto rule reads. */
export const unitRecordSchema = z.object({
  id: idSchema,
  kind: idSchema,
  title: titleSchema,
  /** Ties the record to one leaf; without it every leaf reading this kind sees it. */
  indicatorId: idSchema.optional(),
  count: z.number().int().min(1, { message: '次数应为正整数' }).optional(),
});

/** An entry of the honours ledger (荣誉). */
export const honourSchema = z.object({
  id: idSchema,
  category: bonusCategorySchema,
  level: levelSchema,
  title: titleSchema,
  /** Honours of the same matter at several levels share this key. */
  matterId: idSchema.optional(),
});

/** A recorded failing (督查发现问题, 党员干部违纪违法, 交办任务落实不力 …). */
export const penaltySchema = z.object({
  id: idSchema,
  kind: titleSchema,
  level: levelSchema.optional(),
  title: titleSchema,
  count: z.number().int().min(1, { message: '次数应为正整数' }).optional(),
});

export const unitInputsSchema = z.object({
  metrics: z.record(z.string(), z.number().finite()).optional(),
  manual: z.record(z.string(), manualInputSchema).optional(),
  checks: z.record(z.string(), requirementCheckSchema).optional(),
  records: z.array(unitRecordSchema).optional(),
  honours: z.array(honourSchema).optional(),
  penalties: z.array(penaltySchema).optional(),
});

export type ManualInput = z.infer<typeof manualInputSchema>;
export type RequirementCheck = z.infer<typeof requirementCheckSchema>;
export type UnitRecord = z.infer<typeof unitRecordSchema>;
export type Honour = z.infer<typeof honourSchema>;
export type Penalty = z.infer<typeof penaltySchema>;
export type UnitInputs = z.infer<typeof unitInputsSchema>;
