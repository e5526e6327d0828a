import { dateSchema, dbId, dbIdParam } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import { bulletinLevels, bulletinStances } from './bulletin.ts';
import { inspectionStatuses } from './inspection.ts';
import { problemStatuses } from './problem.ts';

const id = dbId();
const day = dateSchema();

export const inspectionListQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const inspectionStatusSchema = z.object({
  status: z.enum(inspectionStatuses, { error: '督察状态不正确' }),
});

export const problemListQuerySchema = z.object({
  year: z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确').optional(),
  status: z.enum(problemStatuses, { error: '问题状态不正确' }).optional(),
  unitId: dbIdParam().optional(),
  inspectionId: dbIdParam().optional(),
  overdue: z.enum(['true', 'false'], { error: '是否逾期应为 true 或 false' }).optional(),
  q: z.string().trim().max(100, '关键词不能超过100个字').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200, '每页最多200条').default(20),
});
export type ProblemListQuery = z.input<typeof problemListQuerySchema>;

export const bulletinEntrySchema = z.object({
  orgId: id,
  stance: z.enum(bulletinStances, { error: '请选择表扬或批评' }),
  reason: z.string({ error: '请填写通报事由' }).trim().min(1, '请填写通报事由').max(2000, '通报事由不能超过2000个字'),
  problemIds: z.array(id).max(100, '一个单位最多列入100个问题').default([]),
});

export const bulletinCreateSchema = z.object({
  title: z.string({ error: '请填写通报标题' }).trim().min(1, '请填写通报标题').max(200, '通报标题不能超过200个字'),
  level: z.enum(bulletinLevels, { error: '请选择通报层级' }).default('county'),
  issuedOn: day,
  intro: z.string().trim().max(5000, '通报正文不能超过5000个字').default(''),
  entries: z.array(bulletinEntrySchema).min(1, '通报至少须列明一个单位').max(200, '通报单位不能超过200个'),
  /** 抄送机关 of the 版记; empty leaves the line out. */
  cc: z.string().trim().max(500, '抄送机关不能超过500个字').default(''),
});
export type BulletinCreate = z.input<typeof bulletinCreateSchema>;

export const bulletinWithdrawSchema = z.object({
  reason: z.string({ error: '请填写撤回理由' }).trim().min(1, '请填写撤回理由').max(500, '撤回理由不能超过500个字'),
});

/** 机关代字 of the issuing office's 文号 register for a year (e.g. 昭法治办 in 昭法治办〔2026〕3号). */
export const docNumberCodeSchema = z.object({
  year: z.coerce.number({ error: '请填写年度' }).int().min(2000, '年度不正确').max(2100, '年度不正确'),
  code: z
    .string({ error: '请填写机关代字' })
    .trim()
    .min(1, '请填写机关代字')
    .max(20, '机关代字不能超过20个字')
    .regex(/^[^〔〕[\]\s]+$/, '机关代字不能含括号或空格'),
});

/** 发文字号 as GB/T 9704-2012 §7.2.4 writes it: 机关代字, the year in 六角括号, the number without leading zeros. */
export const formatDocNo = (code: string, year: number, no: number) => `${code}〔${year}〕${no}号`;

export const yearQuerySchema = z.object({
  year: z.coerce.number({ error: '请填写年度' }).int().min(2000, '年度不正确').max(2100, '年度不正确'),
});
