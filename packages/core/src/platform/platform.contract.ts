import { defineContracts, fileBody, itemsOf, okResponse, pageOf, timestamp } from '../shared/contract.ts';
import { idParams } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import {
  auditEntrySchema,
  auditQuerySchema,
  loginSchema,
  notificationSchema,
  pageQuerySchema,
  passwordChangeSchema,
  sessionUserSchema,
  userCreateSchema,
  userGrantSchema,
  userUpdateSchema,
} from './platform.schemas.ts';
import { dataScopes, roles } from './roles.ts';

/** The signed-in user as login and `me` answer it: the session user plus the CSRF token the web sends back. */
export const meSchema = sessionUserSchema.extend({ csrfToken: z.string() });

/** A row of the account lists (system administrator's and security administrator's). No password data. */
export const userRowSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  dataScope: z.enum(dataScopes),
  scopeOrgId: z.number().int().nullable(),
  orgId: z.number().int(),
  orgName: z.string(),
  isActive: z.boolean(),
  lockedUntil: timestamp().nullable(),
  mustChangePassword: z.boolean(),
});
export type UserRow = z.output<typeof userRowSchema>;

export const userListQuerySchema = pageQuerySchema.extend({
  q: z.string().max(64).optional(),
  locked: z.enum(['true', 'false']).optional(),
});
export type UserListQuery = z.output<typeof userListQuerySchema>;

export const passwordResetSchema = z.object({ password: z.string().min(1, '请输入新密码').max(128) });

export const notificationQuerySchema = pageQuerySchema.extend({ unread: z.enum(['true', 'false']).optional() });
export const notificationReadSchema = z.object({ ids: z.array(z.number().int()).max(500).optional() });
export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  /** Unread notifications of the user in all (not only on this page). */
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NotificationPage = z.output<typeof notificationPageSchema>;

/** The SM3 chain walk: intact with its row count, or the first broken link. */
export const auditChainSchema = z.union([
  z.object({ isIntact: z.literal(true), rows: z.number().int() }),
  z.object({
    isIntact: z.literal(false),
    rows: z.number().int(),
    brokenId: z.number().int(),
    position: z.number().int(),
    reason: z.string(),
  }),
]);
export type AuditChainState = z.output<typeof auditChainSchema>;

export const attachmentSchema = z.object({
  id: z.number().int(),
  filename: z.string(),
  size: z.number().int(),
  mime: z.string(),
  sha256: z.string(),
});

export const platformContracts = defineContracts('platform', {
  health: {
    method: 'GET',
    path: '/api/health',
    access: 'public',
    summary: '健康检查',
    response: z.object({ status: z.literal('ok'), db: z.string() }),
  },
  openapi: {
    method: 'GET',
    path: '/api/openapi.json',
    access: 'public',
    summary: 'OpenAPI 接口说明',
    response: z.record(z.string(), z.unknown()),
  },
  login: {
    method: 'POST',
    path: '/api/auth/login',
    access: 'public',
    summary: '登录',
    body: loginSchema,
    response: meSchema,
  },
  me: { method: 'GET', path: '/api/auth/me', access: 'authenticated', summary: '当前用户', response: meSchema },
  logout: {
    method: 'POST',
    path: '/api/auth/logout',
    access: 'authenticated',
    summary: '退出登录',
    response: okResponse,
  },
  changePassword: {
    method: 'POST',
    path: '/api/auth/password',
    access: 'authenticated',
    summary: '修改密码',
    body: passwordChangeSchema,
    response: okResponse,
  },
  listUsers: {
    method: 'GET',
    path: '/api/users',
    access: 'user.manage',
    summary: '用户列表',
    query: userListQuerySchema,
    response: pageOf(userRowSchema),
  },
  createUser: {
    method: 'POST',
    path: '/api/users',
    access: 'user.manage',
    summary: '新建用户',
    body: userCreateSchema,
    response: z.object({ id: z.number().int() }),
  },
  updateUser: {
    method: 'PATCH',
    path: '/api/users/:id',
    access: 'user.manage',
    summary: '修改用户',
    params: idParams,
    body: userUpdateSchema,
    response: okResponse,
  },
  // The security administrator looks accounts up to unlock them or reset a password, without managing them.
  securityUsers: {
    method: 'GET',
    path: '/api/security/users',
    access: 'security.manage',
    summary: '账号查询（安全管理）',
    query: userListQuerySchema,
    response: pageOf(userRowSchema),
  },
  grantUser: {
    method: 'PUT',
    path: '/api/security/users/:id/grant',
    access: 'security.manage',
    summary: '授予角色与数据范围',
    params: idParams,
    body: userGrantSchema,
    response: okResponse,
  },
  lockedUsers: {
    method: 'GET',
    path: '/api/security/locked-users',
    access: 'security.manage',
    summary: '被锁定的账号',
    response: itemsOf(userRowSchema),
  },
  unlockUser: {
    method: 'POST',
    path: '/api/security/users/:id/unlock',
    access: 'security.manage',
    summary: '解锁账号',
    params: idParams,
    response: okResponse,
  },
  resetPassword: {
    method: 'POST',
    path: '/api/security/users/:id/reset-password',
    access: 'security.manage',
    summary: '重置密码',
    params: idParams,
    body: passwordResetSchema,
    response: okResponse,
  },
  audit: {
    method: 'GET',
    path: '/api/audit',
    access: 'audit.read',
    summary: '审计日志查询',
    query: auditQuerySchema,
    response: pageOf(auditEntrySchema),
  },
  auditChain: {
    method: 'GET',
    path: '/api/audit/chain',
    access: 'audit.read',
    summary: '审计日志完整性校验（SM3 链）',
    response: auditChainSchema,
  },
  notifications: {
    method: 'GET',
    path: '/api/notifications',
    access: 'authenticated',
    summary: '我的消息提醒',
    query: notificationQuerySchema,
    response: notificationPageSchema,
  },
  readNotifications: {
    method: 'POST',
    path: '/api/notifications/read',
    access: 'authenticated',
    summary: '标记已读',
    body: notificationReadSchema,
    response: okResponse,
  },
  uploadAttachment: {
    method: 'POST',
    path: '/api/attachments',
    access: 'attachment.upload',
    summary: '上传附件（multipart，单个文件）',
    upload: true,
    response: attachmentSchema,
  },
  downloadAttachment: {
    method: 'GET',
    path: '/api/attachments/:id',
    access: 'attachment.read',
    summary: '下载附件',
    params: idParams,
    response: fileBody,
  },
});
