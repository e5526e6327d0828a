import { dbId } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import { dataScopes, grantableRoles, grantableScopes, roles } from './roles.ts';

export const loginSchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64, '用户名过长'),
  password: z.string().min(1, '请输入密码').max(128, '密码过长'),
});

export const sessionUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  dataScope: z.enum(dataScopes),
  orgId: z.number().int(),
  orgName: z.string(),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const userCreateSchema = z.object({
  username: z
    .string()
    .trim()
    .min(3, '用户名至少3个字符')
    .max(32, '用户名不能超过32个字符')
    .regex(/^[a-z0-9][a-z0-9_-]*$/, '用户名只能包含小写字母、数字、下划线和连字符'),
  displayName: z.string().trim().min(1, '姓名不能为空').max(32, '姓名不能超过32个字'),
  orgId: dbId('请选择所属单位'),
  password: z.string().min(1, '请输入初始密码').max(128),
});
/** The system administrator's account form: no role and no data scope — those are granted by the secadmin. */
const grantedBySecadmin = '角色与数据范围由安全保密管理员授予，系统管理员不能修改';
export const userUpdateSchema = userCreateSchema
  .omit({ username: true, password: true })
  .partial()
  .extend({
    isActive: z.boolean().optional(),
    role: z.never({ error: grantedBySecadmin }).optional(),
    dataScope: z.never({ error: grantedBySecadmin }).optional(),
    scopeOrgId: z.never({ error: grantedBySecadmin }).optional(),
  });
/** The security administrator's grant: a business role and its data scope (rooted at `scopeOrgId` if given). */
export const userGrantSchema = z.object({
  role: z.enum(grantableRoles, { error: '请选择可授予的业务角色' }),
  dataScope: z.enum(grantableScopes, { error: '请选择数据范围' }),
  scopeOrgId: dbId().nullable().optional(),
});
export type UserGrant = z.infer<typeof userGrantSchema>;
export const passwordChangeSchema = z.object({
  oldPassword: z.string().min(1, '请输入原密码').max(128),
  newPassword: z.string().min(1, '请输入新密码').max(128),
});

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const auditQuerySchema = pageQuerySchema.extend({
  username: z.string().max(64).optional(),
  entity: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
});

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  username: z.string().nullable(),
  orgId: z.number().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});

export const notificationSchema = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

export const apiErrorSchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
