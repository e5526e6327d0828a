import { metricKeySchema } from '../metrics/catalogue.ts';
import { dateSchema, dbId, dbIdParam } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import { reportTypes } from './outlines.ts';
import { reportActions } from './report-lifecycle.ts';

const year = z.coerce
  .number({ message: '请填写年度' })
  .int({ message: '年度应为整数' })
  .min(2000, { message: '年度不能早于 2000 年' })
  .max(2100, { message: '年度不能晚于 2100 年' });

export const reportComposeSchema = z.object({
  orgId: dbIdParam('请选择单位'),
  year,
  type: z.enum(reportTypes, { message: '请选择报告类型' }).optional(),
});
export type ReportCompose = z.infer<typeof reportComposeSchema>;

export const reportSectionSchema = z.object({
  key: z.string().min(1).max(40),
  heading: z.string().trim().min(1, { message: '章节标题不能为空' }).max(80, { message: '章节标题不超过 80 字' }),
  body: z.string().max(20_000, { message: '每个章节正文不超过 20000 字' }),
});

export const reportUpdateSchema = z.object({
  version: dbId('缺少版本号'),
  title: z.string().trim().min(1, { message: '报告标题不能为空' }).max(100, { message: '报告标题不超过 100 字' }),
  preamble: z.string().max(2000, { message: '开头段落不超过 2000 字' }),
  sections: z.array(reportSectionSchema).min(1, { message: '报告至少要有一个章节' }).max(10),
  signedBy: z.string().trim().max(60, { message: '落款单位不超过 60 字' }),
  signedDate: z.union([z.literal(''), dateSchema('成文日期')]),
});
export type ReportUpdate = z.infer<typeof reportUpdateSchema>;

/** A step of a report's flow; a review (退回修改, 定稿) carries the office's 审核意见 and optional 附件. */
export const reportActionSchema = z.object({
  action: z.enum(reportActions, { message: '未知的操作' }),
  reason: z.string().trim().max(500, '审核意见不能超过500个字').optional(),
  attachmentIds: z.array(dbId()).max(20, '附件不能超过20个').default([]),
});

export const reportListQuerySchema = z.object({
  year: year.optional(),
  orgId: dbIdParam().optional(),
});

export const reportCheckTextSchema = z.object({
  text: z.string().trim().min(20, { message: '请粘贴报告全文（至少 20 字）' }).max(200_000),
  orgId: dbIdParam().optional(),
  year: year.optional(),
});

export const reportImportTextSchema = z.object({
  orgId: dbIdParam('请选择单位'),
  year,
  title: z.string().trim().max(100).optional(),
  text: z
    .string()
    .trim()
    .min(20, { message: '请粘贴报告全文（至少 20 字）' })
    .max(200_000, { message: '报告不超过 20 万字' }),
});

export const importReviewSchema = z.object({
  decisions: z
    .array(
      z.object({
        index: z.number().int().min(0),
        decision: z.enum(['accept', 'discard'], { message: '请选择采用或舍弃' }),
        metric: metricKeySchema.nullable().optional(),
      }),
    )
    .min(1, { message: '请至少处理一个数字' }),
});
export type ImportReview = z.infer<typeof importReviewSchema>;

export const compareQuerySchema = z.object({
  cityId: dbIdParam().optional(),
  year,
});

const deadlineDay = dateSchema('日期');

/** The office's deadlines for one year and report type (local rules differ from the defaults). */
export const reportDeadlineOverrideSchema = z.object({
  year,
  type: z.enum(reportTypes, { message: '请选择报告类型' }),
  submitBy: deadlineDay,
  publishBy: deadlineDay.nullable(),
});
export type ReportDeadlineOverrideInput = z.infer<typeof reportDeadlineOverrideSchema>;

export const reportDeadlineResetSchema = z.object({
  year,
  type: z.enum(reportTypes, { message: '请选择报告类型' }),
});
