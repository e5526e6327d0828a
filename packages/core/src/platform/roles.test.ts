import { describe, expect, it } from 'vitest';
import { can, rolePermissions } from './roles.ts';

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
