import { describe, expect, it } from 'vitest';
import { commonPasswords } from './common-passwords.ts';
import { checkPassword } from './password-policy.ts';

describe('password policy', () => {
  it('rejects short or simple ones with a Chinese reason', () => {
    expect(checkPassword('Ab1!')).toContain('不能少于8位');
    expect(checkPassword('abcdefgh1')).toContain('至少三类');
    expect(checkPassword('abcdEFGH')).toContain('至少三类');
    expect(checkPassword('abcdEFG1')).toBeNull();
    expect(checkPassword('Xian#Fa2031')).toBeNull();
  });

  it('rejects common passwords whatever their case, including the demo password as a new one', () => {
    const weak = '该密码属于常见弱口令，容易被猜中，请另设一个';
    for (const p of ['Admin@123', 'P@ssw0rd', 'Woaini@2026', 'Fazhi@2026', 'QWERTY@123', '1Qaz@wsx', 'Abcd@1234']) {
      expect(checkPassword(p), p).toBe(weak);
    }
  });

  it('ships a list of a few thousand lower-case entries with the Chinese-keyboard patterns', () => {
    expect(commonPasswords.size).toBeGreaterThan(2000);
    for (const p of ['123456', 'qwerty', 'woaini1314', '5201314', '1qaz2wsx', 'admin@123', 'p@ssw0rd', 'fazhi@2026']) {
      expect(commonPasswords.has(p), p).toBe(true);
    }
    expect([...commonPasswords].filter((p) => p !== p.toLowerCase())).toEqual([]);
  });
});
