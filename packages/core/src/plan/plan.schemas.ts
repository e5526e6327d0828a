import { dateSchema, dbId } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import { taskStatuses } from './task-lifecycle.ts';

export const keyNodes = ['start', 'half', 'mid', 'end'] as const;
export type KeyNode = (typeof keyNodes)[number];
export const keyNodeLabels: Record<KeyNode, string> = {
  start: '年初部署',
  half: '半年小结',
  mid: '中期推进',
  end: '年终总结',
};

const dateString = dateSchema();
const year = z.number({ error: '请填写年度' }).int().min(2000, '年度不正确').max(2100, '年度不正确');
const id = dbId();

export const workPointCreateSchema = z.object({
  year,
  title: z.string().trim().min(1, '标题不能为空').max(200, '标题不能超过200个字'),
  content: z.string().max(20000, '内容不能超过20000个字').default(''),
});
export type WorkPointCreate = z.infer<typeof workPointCreateSchema>;

/** Title and content stay editable after publishing (the year does not: its tasks belong to it). */
export const workPointUpdateSchema = workPointCreateSchema.pick({ title: true, content: true }).extend({
  version: z.number().int(),
});
export type WorkPointUpdate = z.infer<typeof workPointUpdateSchema>;

/** A work point as the list answers it (response schema: plain fields, no defaults or trimming). */
export const workPointSchema = z.object({
  id,
  orgId: id,
  year: z.number().int(),
  title: z.string(),
  content: z.string(),
  status: z.enum(['draft', 'published']),
  /** ISO timestamp of publication. */
  publishedAt: z.string().nullable(),
  taskCount: z.number().int(),
  version: z.number().int(),
});
export type WorkPoint = z.output<typeof workPointSchema>;

export const milestoneSchema = z.object({ node: z.enum(keyNodes), dueDate: dateString });

export const taskCreateSchema = z.object({
  workPointId: id,
  parentId: id.nullish(),
  title: z.string().trim().min(1, '任务名称不能为空').max(200, '任务名称不能超过200个字'),
  description: z.string().max(5000, '任务说明不能超过5000个字').default(''),
  leadOrgId: dbId('请选择牵头单位'),
  assistOrgIds: z.array(id).max(50, '协办单位不能超过50个').default([]),
  deadline: dateString,
  weight: z.number({ error: '权重须为数字' }).min(0, '权重不能为负数').max(100, '权重不能超过100').default(1),
  milestones: z.array(milestoneSchema).max(4).default([]),
});
export type TaskCreate = z.infer<typeof taskCreateSchema>;

export const taskUpdateSchema = taskCreateSchema.omit({ workPointId: true, parentId: true }).partial().extend({
  version: z.number().int(),
});
export type TaskUpdate = z.infer<typeof taskUpdateSchema>;

/** The 1×3 materials a unit fills in: one work plan, one set of measures (the ledger is the entries). */
export const taskPlanSchema = z.object({
  planText: z.string().trim().max(20000, '工作方案不能超过20000个字'),
  planAttachmentId: id.nullish(),
  measures: z
    .array(z.string().trim().min(1, '推进措施不能为空').max(500, '每条推进措施不能超过500个字'))
    .max(50, '推进措施不能超过50条'),
  version: z.number().int(),
});
export type TaskPlan = z.infer<typeof taskPlanSchema>;

export const taskEntryCreateSchema = z.object({
  entryDate: dateString,
  percent: z.number({ error: '进度须为数字' }).min(0, '进度不能小于0').max(100, '进度不能大于100'),
  content: z.string().trim().min(1, '进展说明不能为空').max(5000, '进展说明不能超过5000个字'),
  attachmentIds: z.array(id).max(20, '附件不能超过20个').default([]),
});
export type TaskEntryCreate = z.infer<typeof taskEntryCreateSchema>;

/** A 销号 application: an optional 申请说明 and the 佐证材料 uploaded with it. */
export const taskApplySchema = z.object({
  note: z.string().trim().max(1000, '申请说明不能超过1000个字').default(''),
  attachmentIds: z.array(id).max(20, '佐证材料不能超过20个').default([]),
});
export type TaskApply = z.infer<typeof taskApplySchema>;

/** Files the office attaches to its decision, shaped like the application's 佐证材料. */
const decisionAttachmentIds = z.array(id).max(20, '附件不能超过20个').default([]);

/**
 * The office's decision on a 销号 application; the 审核意见 is required to return, optional to approve. Either
 * decision may carry the office's own files.
 */
export const taskReviewSchema = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('approve'),
    reason: z.string().trim().max(1000, '审核意见不能超过1000个字').default(''),
    attachmentIds: decisionAttachmentIds,
  }),
  z.object({
    decision: z.literal('return'),
    reason: z.string().trim().min(1, '退回须填写审核意见').max(1000, '审核意见不能超过1000个字'),
    attachmentIds: decisionAttachmentIds,
  }),
]);
export const taskReasonSchema = z.object({ reason: z.string().trim().min(1, '须填写理由').max(1000) });

export const attachmentRefSchema = z.object({ id, filename: z.string(), size: z.number(), mime: z.string() });

export const taskEntrySchema = z.object({
  id,
  taskId: id,
  entryDate: z.string(),
  percent: z.number(),
  content: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  attachments: z.array(attachmentRefSchema),
});
export type TaskEntry = z.output<typeof taskEntrySchema>;

export const taskSchema = z.object({
  id,
  workPointId: id,
  parentId: id.nullable(),
  year: z.number().int(),
  title: z.string(),
  description: z.string(),
  leadOrgId: id,
  leadOrgName: z.string(),
  assistOrgIds: z.array(id),
  assistOrgNames: z.array(z.string()),
  deadline: z.string(),
  weight: z.number(),
  status: z.enum(taskStatuses),
  progress: z.number(),
  isOverdue: z.boolean(),
  planText: z.string(),
  planAttachment: attachmentRefSchema.nullable(),
  measures: z.array(z.string()),
  entryCount: z.number().int(),
  /** Sub-tasks, counted whatever the reader's scope (a parent's progress is their roll-up). */
  childCount: z.number().int(),
  milestones: z.array(
    z.object({ node: z.enum(keyNodes), dueDate: z.string(), /** ISO timestamp */ doneAt: z.string().nullable() }),
  ),
  version: z.number().int(),
  closedAt: z.string().nullable(),
});
export type Task = z.output<typeof taskSchema>;

export const taskEventSchema = z.object({
  id,
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  reason: z.string(),
  actor: z.string(),
  at: z.string(),
  /** 佐证材料 of a 销号 application. */
  attachments: z.array(attachmentRefSchema),
});
export type TaskEvent = z.output<typeof taskEventSchema>;

export const taskListQuerySchema = z.object({
  year: z.coerce.number().int().optional(),
  workPointId: z.coerce.number().int().optional(),
  status: z.enum(taskStatuses).optional(),
  orgId: z.coerce.number().int().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().max(100).optional(),
});

/** Columns of the progress sheet; export and import share this list so the round trip cannot drift. */
export const taskSheetColumns = [
  { key: 'id', header: '任务编号' },
  { key: 'title', header: '任务名称' },
  { key: 'leadOrg', header: '牵头单位' },
  { key: 'deadline', header: '完成时限' },
  { key: 'status', header: '状态' },
  { key: 'progress', header: '当前进度(%)' },
  { key: 'newPercent', header: '本次进度(%)' },
  { key: 'newContent', header: '本次进展说明' },
  { key: 'newDate', header: '填报日期' },
] as const;
