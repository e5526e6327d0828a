import { dateSchema, dbId } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';

const id = dbId();
const day = dateSchema();
const reason = (field: string) =>
  z
    .string({ error: `请填写${field}` })
    .trim()
    .min(1, `请填写${field}`)
    .max(2000, `${field}不能超过2000个字`);

export const problemCreateSchema = z.object({
  inspectionId: id.nullable().default(null),
  title: z.string().trim().min(1, '问题名称不能为空').max(200, '问题名称不能超过200个字'),
  description: z.string().trim().max(5000, '问题描述不能超过5000个字').default(''),
  unitIds: z.array(id, { error: '请选择责任单位' }).min(1, '请至少选择一个责任单位').max(50, '责任单位不能超过50个'),
  deadline: day.nullable().default(null),
});
export type ProblemCreate = z.infer<typeof problemCreateSchema>;

/**
 * 佐证材料: ids of files uploaded through POST /api/attachments, linked to the step that cites them (销号 application,
 * 验收). Only files uploaded within the user's own scope can be linked.
 */
export const evidenceIdsSchema = z
  .array(dbId('佐证材料编号不正确'), { error: '佐证材料应为附件编号列表' })
  .max(20, '佐证材料不能超过20个')
  .default([]);

/** 审核意见 of the office's 验收: optional on pass, required to return (不通过). */
const opinion = z.string().max(2000, '审核意见不能超过2000个字');

/** Partial on purpose: a unit may save the “四个一” step by step; the lifecycle gate decides when it is enough. */
export const fourOnesFieldsSchema = z.object({
  ownerIds: z.array(id, { error: '整改责任人不正确' }).max(10, '整改责任人只能有一人').optional(),
  plan: z.string().max(20000, '整改方案不能超过20000个字').optional(),
  measures: z
    .array(z.string().trim().min(1, '整改措施不能为空').max(500, '每条整改措施不能超过500个字'))
    .max(50, '整改措施不能超过50条')
    .optional(),
  deadline: day.nullable().optional(),
});

/** The request body of a problem action; the server adds who and when (`ProblemContext`). */
export const problemActionSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('set_four_ones'), fields: fourOnesFieldsSchema }),
    z.object({ type: z.literal('claim'), unitId: id, fields: fourOnesFieldsSchema.optional() }),
    z.object({
      type: z.literal('sign_off'),
      unitId: id,
      note: z.string().max(1000, '会签意见不能超过1000个字').optional(),
    }),
    z.object({ type: z.literal('apply'), summary: reason('整改情况说明'), attachmentIds: evidenceIdsSchema }),
    z.object({ type: z.literal('verify_pass'), note: opinion.optional(), attachmentIds: evidenceIdsSchema }),
    z.object({ type: z.literal('verify_fail'), reason: reason('审核意见'), attachmentIds: evidenceIdsSchema }),
    z.object({ type: z.literal('request_deferral'), reason: reason('延期理由'), until: day }),
    z.object({
      type: z.literal('approve_deferral'),
      note: z.string().max(2000, '审批意见不能超过2000个字').optional(),
    }),
    z.object({ type: z.literal('reject_deferral'), reason: reason('不批准延期理由') }),
  ],
  { error: '操作类型不正确' },
);

export type ProblemActionInput = z.output<typeof problemActionSchema>;

export const recurrenceSchema = z.object({
  reason: reason('复发情况'),
  deadline: day.nullable().default(null),
});
