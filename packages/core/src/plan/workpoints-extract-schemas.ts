import { dateSchema, dbId } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';

/** The request and response shapes of the work-point document import (preview, then publish). */

const id = dbId();

export const deadlineKinds = ['date', 'month', 'quarter', 'half_year', 'year_end', 'ongoing', 'recurring'] as const;

/** One proposed task as the preview answers it (see `extractWorkpoints`). */
export const proposedPointSchema = z.object({
  key: z.string(),
  parentKey: z.string().nullable(),
  number: z.string(),
  line: z.number().int(),
  title: z.string(),
  description: z.string(),
  leadOrgId: id.nullable(),
  leadSource: z.enum(['text', 'children', 'none']),
  assistOrgIds: z.array(id),
  unitsText: z.string(),
  unmatchedUnits: z.array(z.string()),
  deadline: z.string().nullable(),
  deadlineKind: z.enum(deadlineKinds).nullable(),
  deadlineText: z.string(),
  deadlineSource: z.enum(['text', 'children', 'none']),
});

export const workpointsProposalSchema = z.object({
  filename: z.string(),
  title: z.string(),
  year: z.number().int(),
  preamble: z.string(),
  points: z.array(proposedPointSchema),
});
export type WorkpointsProposalResponse = z.output<typeof workpointsProposalSchema>;

/**
 * One corrected task to publish. The lead unit is checked row by row on the server (so the refusal names the row);
 * the zod schema only bounds the shapes.
 */
export const importTaskSchema = z.object({
  key: z.string().min(1).max(20),
  parentKey: z.string().max(20).nullable().default(null),
  title: z.string().trim().min(1, '任务名称不能为空').max(200, '任务名称不能超过200个字'),
  description: z.string().max(5000, '任务说明不能超过5000个字').default(''),
  leadOrgId: id.nullable(),
  assistOrgIds: z.array(id).max(50, '协办单位不能超过50个').default([]),
  deadline: dateSchema('完成时限').nullable(),
});
export type ImportTask = z.infer<typeof importTaskSchema>;

export const workpointsPublishSchema = z.object({
  year: z.number({ error: '请填写年度' }).int().min(2000, '年度不正确').max(2100, '年度不正确'),
  title: z.string().trim().min(1, '工作要点标题不能为空').max(200, '工作要点标题不能超过200个字'),
  content: z.string().max(20000, '内容不能超过20000个字').default(''),
  tasks: z.array(importTaskSchema).min(1, '至少保留一条任务').max(500, '一次最多发布500条任务'),
});
export type WorkpointsPublish = z.infer<typeof workpointsPublishSchema>;

export const workpointsPublishedSchema = z.object({ workPointId: id, issued: z.number().int() });
