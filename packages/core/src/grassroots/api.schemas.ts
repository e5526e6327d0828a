import { dateSchema, dbIdParam } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import { judicialOfficeFunctions } from './judicial-office.ts';

const id = (what: string) => dbIdParam(`请选择${what}`);
const day = (what: string) => dateSchema(what, `请填写${what}`);
const text = (what: string, max: number) => z.string().trim().max(max, `${what}不能超过${max}个字`).default('');

export const yearQuerySchema = z.object({
  year: z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确').optional(),
});

export const functionsUpdateSchema = z.object({
  functions: z
    .array(z.enum(judicialOfficeFunctions, { error: '职能不在清单中' }), { error: '请选择已履行的职能' })
    .max(judicialOfficeFunctions.length),
  note: text('备注', 1000),
});

export const leaderCreateSchema = z.object({
  orgId: id('领导所在单位'),
  name: z.string({ error: '请填写领导姓名' }).trim().min(1, '请填写领导姓名').max(40, '姓名不能超过40个字'),
  title: text('职务', 60),
  userId: id('关联账号').nullable().default(null),
});

export const assignmentCreateSchema = z
  .object({
    leaderId: id('联系领导'),
    orgId: id('联系点'),
    every: z.enum(['month', 'quarter', 'year'], { error: '请选择走访周期' }),
    times: z.coerce
      .number({ error: '请填写走访次数' })
      .int('走访次数须为整数')
      .min(1, '走访次数至少为1')
      .max(12, '走访次数不超过12'),
    startDate: day('开始日期'),
    endDate: day('结束日期').nullable().default(null),
  })
  .refine((a) => a.endDate === null || a.endDate >= a.startDate, {
    path: ['endDate'],
    message: '结束日期不能早于开始日期',
  });

export const visitCreateSchema = z.object({
  leaderId: id('联系领导'),
  orgId: id('联系点'),
  visitedOn: day('走访日期'),
  peopleMet: z.string({ error: '请填写座谈对象' }).trim().min(1, '请填写座谈对象').max(500, '座谈对象不能超过500个字'),
  problemsHeard: text('听取的问题', 5000),
  followUp: text('跟进落实', 5000),
});
export type VisitCreate = z.infer<typeof visitCreateSchema>;

export const visitProblemSchema = z.object({
  title: z.string({ error: '请填写问题名称' }).trim().min(1, '请填写问题名称').max(200, '问题名称不能超过200个字'),
  description: text('问题描述', 5000),
});

export const visitListQuerySchema = yearQuerySchema.extend({
  leaderId: dbIdParam().optional(),
  orgId: dbIdParam().optional(),
});
