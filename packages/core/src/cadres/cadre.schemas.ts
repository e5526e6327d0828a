import { dateSchema, dbId, dbIdParam } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import { dutyStatuses } from './law-archive.ts';
import { lawReportSurveySchema } from './law-report.ts';

const id = dbId();

export const cadreCreateSchema = z.object({
  orgId: id,
  name: z.string({ error: '请填写姓名' }).trim().min(1, '请填写姓名').max(50, '姓名不能超过50个字'),
  position: z.string({ error: '请填写职务' }).trim().min(1, '请填写职务').max(100, '职务不能超过100个字'),
  isPrincipal: z.boolean().default(false),
  idNumber: z
    .string()
    .trim()
    .regex(/^(\d{15}|\d{17}[\dXx])$/, '身份证号码应为15位或18位')
    .nullish(),
  phone: z
    .string()
    .trim()
    .regex(/^[\d+\-\s]{7,20}$/, '联系电话格式不正确')
    .nullish(),
});
export type CadreCreate = z.input<typeof cadreCreateSchema>;

/**
 * An edit names only what changes. ID number and phone are shown masked to most users, so a form leaves them out
 * unless the user typed a new value; an empty string clears them.
 */
export const cadreUpdateSchema = cadreCreateSchema
  .omit({ idNumber: true, phone: true })
  .partial()
  .extend({
    idNumber: z.union([z.literal(''), cadreCreateSchema.shape.idNumber.unwrap().unwrap()]).optional(),
    phone: z.union([z.literal(''), cadreCreateSchema.shape.phone.unwrap().unwrap()]).optional(),
    version: z.number().int(),
  });
export type CadreUpdate = z.input<typeof cadreUpdateSchema>;

export const cadreListQuerySchema = z.object({
  orgId: dbIdParam().optional(),
  q: z.string().trim().max(50).optional(),
  principalOnly: z.enum(['true', 'false']).optional(),
});

export const lawReportScoresSchema = z.object({
  panelScores: z
    .array(z.number({ error: '评议分数须为数字' }).min(0, '评议分数不能小于0').max(100, '评议分数不能大于100'))
    .max(200, '评议分数不能超过200个')
    .default([]),
  survey: lawReportSurveySchema.nullish(),
});

export const dutySchema = z.object({
  title: z.string().trim().min(1, '职责内容不能为空').max(500, '职责内容不能超过500个字'),
  status: z.enum(dutyStatuses, { error: '履职情况不正确' }),
  note: z.string().trim().max(2000, '履职说明不能超过2000个字').default(''),
});

export const archiveUpdateSchema = z.object({
  year: z.number({ error: '请填写年度' }).int().min(2000, '年度不正确').max(2100, '年度不正确'),
  duties: z.array(dutySchema).max(50, '职责不能超过50项').default([]),
  /** Set to file (归档) the year's archive; null withdraws it. */
  filedOn: dateSchema('归档日期').nullable().default(null),
});

/** The 第一责任人 duties (《党政主要负责人履行推进法治建设第一责任人职责规定》: 亲自部署、亲自过问、亲自协调、亲自督办). */
export const defaultFirstResponsibleDuties = [
  '对法治建设重要工作亲自部署',
  '对法治建设重大问题亲自过问',
  '对法治建设重点环节亲自协调',
  '对法治建设重要任务亲自督办',
  '带头尊法学法守法用法，落实会前学法制度',
  '将履行推进法治建设第一责任人职责情况列入年终述职内容',
] as const;

export const archiveQuerySchema = z.object({
  year: z.coerce.number({ error: '请填写年度' }).int().min(2000, '年度不正确').max(2100, '年度不正确'),
  format: z.enum(['docx', 'xlsx'], { error: '导出格式应为 docx 或 xlsx' }).default('docx'),
});
