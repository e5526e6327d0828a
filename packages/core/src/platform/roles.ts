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
  'viewer',
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
  viewer: '上级查看',
};

export const permissions = [
  'user.manage', // create/edit users and their org (sysadmin)
  'org.manage', // org tree and dimensions (sysadmin, office)
  'security.manage', // password policy, lockout, unlock, role grants (secadmin)
  'audit.read', // the audit log (auditor)
  'org.read',
  'plan.read',
  'plan.manage', // publish work points, create/assign tasks, review 销号, reopen (office)
  'plan.report', // ledger entries, apply for 销号 (reporter, unit_leader)
  'notification.read',
  'attachment.upload',
] as const;
export type Permission = (typeof permissions)[number];

const businessRead: Permission[] = ['org.read', 'plan.read', 'notification.read'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  sysadmin: ['user.manage', 'org.manage', 'org.read'],
  secadmin: ['security.manage', 'org.read'],
  auditor: ['audit.read', 'org.read'],
  office: [...businessRead, 'org.manage', 'plan.manage', 'plan.report', 'attachment.upload'],
  leader: businessRead,
  reporter: [...businessRead, 'plan.report', 'attachment.upload'],
  unit_leader: [...businessRead, 'plan.report', 'attachment.upload'],
  viewer: businessRead,
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** Data scope: which org rows a user may see. */
export const dataScopes = ['all', 'subtree', 'unit', 'self'] as const;
export type DataScope = (typeof dataScopes)[number];
export const dataScopeLabels: Record<DataScope, string> = {
  all: '全部',
  subtree: '本级及下级',
  unit: '本单位',
  self: '仅本人',
};
