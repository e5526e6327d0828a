import { defineContracts, itemsOf, okResponse, pageOf, timestamp } from '../shared/contract.ts';
import { idParams } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';

/** The business events a user may turn off in the bell, with their Chinese names. */
export const eventKindLabels = {
  'task.issued': '任务下达',
  'task.applied': '任务申请销号',
  'task.approved': '任务销号通过',
  'task.returned': '任务销号退回',
  'problem.assigned': '督察问题交办',
  'problem.applied': '问题申请销号',
  'problem.verified': '问题整改验收通过',
  'problem.verify_failed': '问题整改验收不通过',
  'assessment.published': '考核结果公示',
  'assessment.appeal_decided': '考核申诉结果',
  'report.sent_review': '报告待审核',
  'report.returned': '报告退回修改',
  'report.finalized': '报告审核定稿',
} as const;
export type NotificationKind = keyof typeof eventKindLabels;
export const notificationKinds = Object.keys(eventKindLabels) as [NotificationKind, ...NotificationKind[]];

/** Every kind's name as the notification list shows it: the events and the deadline reminders (always sent). */
export const notificationKindLabels: Record<string, string> = {
  ...eventKindLabels,
  'task.due7': '到期提醒',
  'task.due1': '到期提醒',
  'task.due0': '到期提醒',
  'task.overdue': '逾期提醒',
  'oversight.due_in_7_days': '整改到期提醒',
  'oversight.due_in_1_day': '整改到期提醒',
  'oversight.overdue': '整改逾期提醒',
  'oversight.escalation': '逾期提级督办',
  'grassroots.liaison_due_soon': '挂点联系提醒',
  'grassroots.liaison_overdue': '挂点联系逾期',
};

export const channelTypes = ['wecom', 'dingtalk', 'sms'] as const;

export const preferenceSchema = z.object({ kind: z.enum(notificationKinds), label: z.string(), inApp: z.boolean() });
export const preferencesUpdateSchema = z.object({
  items: z.array(z.object({ kind: z.enum(notificationKinds, '未知的提醒类型'), inApp: z.boolean() })).max(100),
});

const httpUrl = z
  .string()
  .trim()
  .max(1000, '推送地址不能超过1000个字符')
  .refine((v) => /^https?:\/\/[^\s]+$/.test(v), '推送地址须为 http:// 或 https:// 开头的网址');

export const channelCreateSchema = z.object({
  orgId: z.number().int().positive('请选择单位'),
  type: z.enum(channelTypes, '请选择推送渠道类型'),
  name: z.string().trim().min(1, '请填写渠道名称').max(100, '渠道名称不能超过100个字'),
  url: httpUrl,
  secret: z.string().trim().max(500, '密钥不能超过500个字符').optional(),
  phones: z
    .array(z.string().regex(/^1\d{10}$/, '手机号须为11位数字'))
    .max(50, '手机号不能超过50个')
    .optional(),
});
export type ChannelCreate = z.output<typeof channelCreateSchema>;

/** A channel as the office sees it: the webhook's key and the secret never leave the server. */
export const channelSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  type: z.enum(channelTypes),
  typeLabel: z.string(),
  name: z.string(),
  maskedUrl: z.string(),
  hasSecret: z.boolean(),
  phoneCount: z.number().int(),
  enabled: z.boolean(),
  createdAt: timestamp(),
});

export const deliveryStatuses = ['pending', 'sent', 'failed'] as const;
export const deliveryStatusLabels = { pending: '待发送', sent: '已发送', failed: '发送失败' } as const;

/** The delivery log, newest first, a page at a time, optionally of one status. */
export const deliveryQuerySchema = z.object({
  page: z.coerce.number().int('页码须为正整数').min(1, '页码须为正整数').default(1),
  pageSize: z.coerce
    .number()
    .int('每页条数须为整数')
    .min(1, '每页条数须在1到100之间')
    .max(100, '每页条数须在1到100之间')
    .default(20),
  status: z.enum(deliveryStatuses, '发送状态应为待发送、已发送或发送失败').optional(),
});
export type DeliveryQuery = z.output<typeof deliveryQuerySchema>;

export const deliverySchema = z.object({
  id: z.number().int(),
  channelName: z.string(),
  orgName: z.string(),
  kind: z.string(),
  content: z.string(),
  status: z.enum(deliveryStatuses),
  statusLabel: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: timestamp(),
  sentAt: timestamp().nullable(),
});

export const notificationSettingsContracts = defineContracts('消息推送设置', {
  myPreferences: {
    method: 'GET',
    path: '/api/notifications/preferences',
    access: 'authenticated',
    summary: '我的消息提醒设置',
    response: itemsOf(preferenceSchema),
  },
  savePreferences: {
    method: 'PUT',
    path: '/api/notifications/preferences',
    access: 'authenticated',
    summary: '保存我的消息提醒设置',
    body: preferencesUpdateSchema,
    response: okResponse,
  },
  listChannels: {
    method: 'GET',
    path: '/api/notification-channels',
    access: 'plan.manage',
    summary: '单位推送渠道（群机器人、短信）',
    response: itemsOf(channelSchema),
  },
  createChannel: {
    method: 'POST',
    path: '/api/notification-channels',
    access: 'plan.manage',
    summary: '配置单位推送渠道',
    body: channelCreateSchema,
    response: z.object({ id: z.number().int() }),
  },
  deleteChannel: {
    method: 'DELETE',
    path: '/api/notification-channels/:id',
    access: 'plan.manage',
    summary: '删除推送渠道',
    params: idParams,
    response: okResponse,
  },
  listDeliveries: {
    method: 'GET',
    path: '/api/notification-channels/deliveries',
    access: 'plan.manage',
    summary: '推送记录（分页，可按发送状态筛选）',
    query: deliveryQuerySchema,
    response: pageOf(deliverySchema),
  },
});
