import { dateSchema, dbId } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';

/** The four supervision modes of the “4 个关键节点 × 4 种督导方式” mechanism. */
export const inspectionModes = ['regular_guidance', 'random_unannounced', 'npc_cppcc_visit', 'annual_report'] as const;
export type InspectionMode = (typeof inspectionModes)[number];
export const inspectionModeLabels: Record<InspectionMode, string> = {
  regular_guidance: '定期督查指导',
  random_unannounced: '随机抽查暗访',
  npc_cppcc_visit: '人大政协调研视察',
  annual_report: '年度述职述法',
};

/** Same codes as the plan module's key nodes, so a task milestone and an inspection can be matched by node. */
export const inspectionKeyNodes = ['start', 'half', 'mid', 'end'] as const;
export type InspectionKeyNode = (typeof inspectionKeyNodes)[number];
export const inspectionKeyNodeLabels: Record<InspectionKeyNode, string> = {
  start: '年初部署',
  half: '半年小结',
  mid: '中期推进',
  end: '年终总结',
};

export const inspectionStatuses = ['planned', 'in_progress', 'finished'] as const;
export type InspectionStatus = (typeof inspectionStatuses)[number];
export const inspectionStatusLabels: Record<InspectionStatus, string> = {
  planned: '待开展',
  in_progress: '督察中',
  finished: '已结束',
};

export const inspectionRoles = ['leader', 'member', 'liaison'] as const;
export type InspectionRole = (typeof inspectionRoles)[number];
export const inspectionRoleLabels: Record<InspectionRole, string> = {
  leader: '组长',
  member: '组员',
  liaison: '联络员',
};

const id = dbId();
const dateString = dateSchema();

export const checklistItemSchema = z.object({
  content: z.string().trim().min(1, '督察清单事项不能为空').max(500, '督察清单事项不能超过500个字'),
  basis: z.string().trim().max(500, '督察依据不能超过500个字').default(''),
});

export const teamMemberSchema = z.object({
  name: z.string().trim().min(1, '督察组成员姓名不能为空').max(50, '督察组成员姓名不能超过50个字'),
  userId: id.nullish(),
  orgName: z.string().trim().max(100, '成员所在单位不能超过100个字').default(''),
  role: z.enum(inspectionRoles, { error: '督察组成员角色不正确' }),
});

const inspectionFields = z.object({
  year: z.number({ error: '请填写年度' }).int().min(2000, '年度不正确').max(2100, '年度不正确'),
  title: z.string().trim().min(1, '督察名称不能为空').max(200, '督察名称不能超过200个字'),
  mode: z.enum(inspectionModes, { error: '请选择督导方式' }),
  keyNode: z.enum(inspectionKeyNodes, { error: '请选择关键节点' }),
  startDate: dateString,
  endDate: dateString,
  targetOrgIds: z.array(id, { error: '请选择被督察单位' }).min(1, '请至少选择一个被督察单位').max(500),
  checklist: z.array(checklistItemSchema).min(1, '督察清单至少需要一项').max(200, '督察清单不能超过200项'),
  team: z.array(teamMemberSchema).min(1, '请填写督察组成员').max(50, '督察组成员不能超过50人'),
});

export const inspectionCreateSchema = inspectionFields.superRefine((v, ctx) => {
  if (v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期' });
  if (new Set(v.targetOrgIds).size !== v.targetOrgIds.length)
    ctx.addIssue({ code: 'custom', path: ['targetOrgIds'], message: '被督察单位不能重复' });
  if (!v.team.some((m) => m.role === 'leader'))
    ctx.addIssue({ code: 'custom', path: ['team'], message: '督察组须确定一名组长' });
});
export type InspectionCreate = z.infer<typeof inspectionCreateSchema>;

/** An inspection as the API returns it. */
export const inspectionSchema = inspectionFields.extend({
  id,
  orgId: id,
  status: z.enum(inspectionStatuses),
  problemCount: z.number().int(),
});
export type Inspection = z.infer<typeof inspectionSchema>;
