/**
 * Roles and what each may do. 三员 (sysadmin / secadmin / auditor) are deliberately disjoint from the business
 * roles and from each other, as 等保2.0 expects: no role holds two of the three duties.
 */
export const roles = [
  'sysadmin',
  'secadmin',
  'auditor',
  'office',
  'leader',
  'reporter',
  'unit_leader',
  'assessor',
  'viewer',
  'pending',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  sysadmin: '系统管理员',
  secadmin: '安全保密管理员',
  auditor: '安全审计员',
  office: '依法治办工作人员',
  leader: '领导（只读）',
  reporter: '成员单位填报员',
  unit_leader: '单位负责人',
  assessor: '考核组成员',
  viewer: '上级查看',
  pending: '待授权',
};

/** The 三员: no business data scope, and no administrator may change their own or another administrator's role. */
export const adminRoles = ['sysadmin', 'secadmin', 'auditor'] as const satisfies readonly Role[];
export const isAdminRole = (role: Role): boolean => (adminRoles as readonly Role[]).includes(role);
/** What the security administrator may grant: the business roles, or back to 待授权 to withdraw them. */
export const grantableRoles = [
  'office',
  'leader',
  'reporter',
  'unit_leader',
  'assessor',
  'viewer',
  'pending',
] as const satisfies readonly Role[];

export const permissions = [
  'user.manage', // create/edit users and their org (sysadmin)
  'org.manage', // org tree and dimensions (sysadmin, office)
  'security.manage', // lockout, unlock, password reset, role and data-scope grants (secadmin)
  'audit.read', // the audit log (auditor)
  'org.read',
  'plan.read',
  'plan.manage', // publish work points, create/assign tasks, review 销号, reopen (office)
  'plan.report', // ledger entries, apply for 销号 (reporter, unit_leader)
  'notification.read',
  'attachment.upload',
  'attachment.read', // download business attachments within the data scope (never the 三员)
  'ledger.read',
  'ledger.write', // keep the unit's business ledgers
  'ledger.manage', // define custom ledger types (office)
  'personal.read', // see unmasked ID numbers, phones and party names (office only)
  'metrics.read',
  'dashboard.read',
  'oversight.read',
  'oversight.manage', // inspections, verification, 通报 (office)
  'oversight.rectify', // a unit's owner, plan, measures and 销号 application
  'cadres.read',
  'cadres.manage', // 会前学法, 述法, exams, 法治档案 (office)
  'assessment.read',
  'assessment.manage', // schemes, publication, appeal decisions (office)
  'assessment.self', // a unit's self-assessment and appeals
  'assessment.score', // assessors' review scores
  'consultation.read',
  'consultation.manage', // drafts, opinions, adoption answers (office)
  'report.read',
  'report.write', // compose and edit the unit's annual report
  'report.approve', // review, finalise, submit (office)
  'grassroots.read',
  'grassroots.write', // a unit's 司法所 profile, visits, facilities, projects
  'grassroots.manage', // liaison assignments, lists (office)
] as const;
export type Permission = (typeof permissions)[number];

const businessRead: Permission[] = [
  'org.read',
  'plan.read',
  'notification.read',
  'attachment.read',
  'ledger.read',
  'metrics.read',
  'dashboard.read',
  'oversight.read',
  'cadres.read',
  'assessment.read',
  'consultation.read',
  'report.read',
  'grassroots.read',
];
const unitWork: Permission[] = [
  'plan.report',
  'attachment.upload',
  'ledger.write',
  'oversight.rectify',
  'assessment.self',
  'report.write',
  'grassroots.write',
];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  sysadmin: ['user.manage', 'org.manage', 'org.read'],
  secadmin: ['security.manage', 'org.read'],
  auditor: ['audit.read', 'org.read'],
  // An account the system administrator created: it reads nothing until the security administrator grants a role.
  pending: [],
  office: [
    ...businessRead,
    ...unitWork,
    'org.manage',
    'plan.manage',
    'ledger.manage',
    'personal.read',
    'oversight.manage',
    'cadres.manage',
    'assessment.manage',
    'consultation.manage',
    'report.approve',
    'grassroots.manage',
  ],
  leader: businessRead,
  reporter: [...businessRead, ...unitWork],
  unit_leader: [...businessRead, ...unitWork],
  assessor: [...businessRead, 'assessment.score'],
  viewer: businessRead,
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** Data scope: which org rows a user may see. */
export const dataScopes = ['all', 'subtree', 'unit', 'self', 'none'] as const;
export type DataScope = (typeof dataScopes)[number];
export const dataScopeLabels: Record<DataScope, string> = {
  all: '全部',
  subtree: '本级及下级',
  unit: '本单位',
  self: '仅本人',
  none: '无业务数据',
};
/** The scopes a grant may give (`none` belongs to the 三员 and to accounts not yet granted). */
export const grantableScopes = ['all', 'subtree', 'unit', 'self'] as const satisfies readonly DataScope[];
