import { describe, expect, it } from 'vitest';
import {
  adminRoles,
  can,
  grantableRoles,
  grantableScopes,
  isAdminRole,
  permissions,
  rolePermissions,
} from './roles.ts';

describe('三员 separation', () => {
  it('no role holds two of the three admin duties', () => {
    const duties = ['user.manage', 'security.manage', 'audit.read'] as const;
    for (const [role, perms] of Object.entries(rolePermissions)) {
      const held = duties.filter((d) => perms.includes(d));
      expect(held.length, role).toBeLessThanOrEqual(1);
    }
  });

  it('admins do no business work and the leader only reads', () => {
    for (const admin of ['sysadmin', 'secadmin', 'auditor'] as const) {
      expect(can(admin, 'plan.manage')).toBe(false);
      expect(can(admin, 'plan.read')).toBe(false);
    }
    expect(can('leader', 'plan.read')).toBe(true);
    expect(can('leader', 'plan.report')).toBe(false);
    expect(can('reporter', 'plan.manage')).toBe(false);
  });
});

describe('grants', () => {
  it('a pending account holds no permission, and no administrator role can be granted', () => {
    expect(rolePermissions.pending).toEqual([]);
    for (const admin of adminRoles) expect((grantableRoles as readonly string[]).includes(admin), admin).toBe(false);
    expect(isAdminRole('secadmin')).toBe(true);
    expect(isAdminRole('office')).toBe(false);
    expect((grantableScopes as readonly string[]).includes('none')).toBe(false);
  });

  it('the 三员 hold no business read permission at all', () => {
    const business = permissions.filter((p) => /\.(read|report|write|self|score|rectify|upload)$/.test(p));
    for (const admin of adminRoles) {
      const held = business.filter((p) => can(admin, p) && p !== 'org.read' && p !== 'audit.read');
      expect(held, admin).toEqual([]);
    }
  });
});
