import { commonPasswords } from './common-passwords.ts';

/**
 * Password policy: at least 8 characters, at least 3 of the 4 character classes, not on the common-password list.
 * Sessions end after `idleMinutes` without a request and, however active, `absoluteHours` after login.
 */
export const passwordPolicy = {
  minLength: 8,
  minClasses: 3,
  maxFailures: 5,
  lockMinutes: 15,
  idleMinutes: 30,
  absoluteHours: 12,
} as const;

export function checkPassword(password: string): string | null {
  if (password.length < passwordPolicy.minLength) return `密码长度不能少于${passwordPolicy.minLength}位`;
  if (password.length > 128) return '密码长度不能超过128位';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < passwordPolicy.minClasses) return '密码须包含大写字母、小写字母、数字、特殊字符中的至少三类';
  if (commonPasswords.has(password.toLowerCase())) return '该密码属于常见弱口令，容易被猜中，请另设一个';
  return null;
}
