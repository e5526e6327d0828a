import { dateSchema, dbId } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import { articleKeySchema } from './article-key.ts';
import { ADOPTION_DECISIONS } from './opinion-lifecycle.ts';
import { mobileSchema } from './phone.ts';
import { OPINION_CONTENT_MAX, SUBMITTER_NAME_MAX } from './portal-input.ts';
import { TEN_STEPS, type TenStepKey } from './ten-steps.ts';

// Request bodies of the office side; the portal's are in portal-input.ts. Server validation and web forms share them.

const id = dbId('请选择');
const dateString = dateSchema('日期');

export const POINT_KINDS = ['contact_point', 'courtyard', 'informant'] as const;
export type PointKind = (typeof POINT_KINDS)[number];
export const POINT_KIND_LABELS: Record<PointKind, string> = {
  contact_point: '基层立法联系点',
  courtyard: '立法议事小院',
  informant: '立法信息员',
};

export const pointCreateSchema = z.object({
  parentId: id,
  kind: z.enum(['courtyard', 'informant'], { message: '请选择类型（立法议事小院或立法信息员）' }),
  name: z.string().trim().min(1, { message: '请填写名称' }).max(60, { message: '名称不能超过60字' }),
  contact: z.string().trim().max(100, { message: '联系人/地址不能超过100字' }).default(''),
});
export type PointCreate = z.infer<typeof pointCreateSchema>;

/** Draft text as staff corrected it in the preview; the server parses it again before saving. */
export const draftTextSchema = z.object({
  text: z
    .string({ message: '请填写草案文本' })
    .min(1, { message: '请填写草案文本' })
    .max(300_000, { message: '草案文本不能超过30万字' }),
});

export const draftCreateSchema = draftTextSchema.extend({
  pointId: id,
  /** Empty: the title parsed from the text. */
  title: z.string().trim().max(200, { message: '标题不能超过200字' }).default(''),
  note: z.string().trim().max(500, { message: '版本说明不能超过500字' }).default(''),
});
export type DraftCreate = z.infer<typeof draftCreateSchema>;

export const draftVersionCreateSchema = draftTextSchema.extend({
  note: z.string().trim().max(500, { message: '版本说明不能超过500字' }).default(''),
});

const stepKeys = TEN_STEPS.map((s) => s.key) as [TenStepKey, ...TenStepKey[]];
export const tenStepKeySchema = z.enum(stepKeys, { message: '没有这一工作步骤' });

export const stepCompleteSchema = z.object({
  completedOn: dateString,
  note: z.string().trim().max(200, { message: '备注不能超过200字' }).nullish(),
});
export const stepPlanSchema = z.object({ plannedOn: dateString.nullable() });

export const pushSchema = z.object({
  pointIds: z.array(id).min(1, { message: '请至少选择一个立法议事小院或信息员' }).max(100),
});

/** An opinion a sub-point collected offline (座谈会, 走访) and staff enter; the phone is optional there. */
export const offlineOpinionSchema = z.object({
  pointId: id,
  articleKey: articleKeySchema.nullish().transform((k) => k ?? null),
  name: z
    .string()
    .trim()
    .min(1, { message: '请填写提出人' })
    .max(SUBMITTER_NAME_MAX, { message: '提出人不能超过30字' }),
  phone: z.union([z.literal(''), mobileSchema]).nullish(),
  content: z
    .string()
    .trim()
    .min(1, { message: '请填写意见内容' })
    .max(OPINION_CONTENT_MAX, { message: `意见内容不能超过${OPINION_CONTENT_MAX}字` }),
});
export type OfflineOpinion = z.infer<typeof offlineOpinionSchema>;

export const opinionActionSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('approve') }),
    z.object({ type: z.literal('block'), reason: z.string().max(1000) }),
    z.object({
      type: z.literal('organize'),
      category: z.string().max(50, { message: '分类不能超过50字' }).nullish(),
      articleKey: articleKeySchema.nullish(),
    }),
    z.object({ type: z.literal('merge'), intoId: id }),
    z.object({ type: z.literal('forward') }),
    z.object({
      type: z.literal('decide'),
      decision: z.enum(ADOPTION_DECISIONS, { message: '请选择采纳情况（采纳、部分采纳、未采纳）' }),
      reason: z.string().max(1000).nullish(),
    }),
    z.object({ type: z.literal('answer'), reply: z.string().max(2000).nullish() }),
  ],
  { message: '请选择办理操作' },
);
export type OpinionActionInput = z.infer<typeof opinionActionSchema>;

export const bulkOpinionActionSchema = z.object({
  ids: z.array(id).min(1, { message: '请至少选择一条意见' }).max(1000, { message: '一次最多办理1000条意见' }),
  action: opinionActionSchema,
});

export const finalResultSchema = z.object({
  adoptedOn: dateString,
  summary: z
    .string()
    .trim()
    .min(1, { message: '请填写立法机关最终采纳情况' })
    .max(5000, { message: '采纳情况不能超过5000字' }),
});

/** One sensitive word the office adds (checked again by `checkSensitiveWord` on the server). */
export const sensitiveWordCreateSchema = z.object({
  word: z.string({ message: '请填写敏感词' }).max(200, { message: '敏感词不能超过20个字' }),
});
/** A list pasted or read from a text file, one word per line. */
export const sensitiveWordImportSchema = z.object({
  text: z.string({ message: '请上传或粘贴词表' }).max(20_000, { message: '词表过大：一次最多导入500个敏感词' }),
});
