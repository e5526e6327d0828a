import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.ts';

describe('password policy', () => {
  it('accepts the demo password and rejects short or simple ones with a Chinese reason', () => {
    expect(checkPassword('Fazhi@2026')).toBeNull();
    expect(checkPassword('Ab1!')).toContain('不能少于8位');
    expect(checkPassword('abcdefgh1')).toContain('至少三类');
    expect(checkPassword('abcdEFGH')).toContain('至少三类');
    expect(checkPassword('abcdEFG1')).toBeNull();
  });
});
