import { z } from '../shared/zod.ts';

/** Full-width digits, spaces, dashes and a +86 prefix removed: '＋86 138-1234-5678' → '13812345678'. */
export function normalizeMobile(input: string): string {
  const digits = input
    .normalize('NFKC')
    .replace(/[\s\-()（）]/g, '')
    .replace(/^\+?0{0,2}86(?=1\d{10}$)/, '');
  return digits;
}

export const MOBILE_RE = /^1[3-9]\d{9}$/;

export const mobileSchema = z
  .string({ message: '请填写手机号码' })
  .max(30, { message: '请填写正确的11位手机号码' })
  .transform(normalizeMobile)
  .pipe(z.string().regex(MOBILE_RE, { message: '请填写正确的11位手机号码' }));

/** '13812345678' → '138****5678'. Everyone but the office sees phones this way, in lists and exports alike. */
export function maskPhone(phone: string): string {
  const digits = normalizeMobile(phone);
  if (digits.length >= 7) return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
  return '*'.repeat(digits.length);
}

/** '王小明' → '王*明', '李雷' → '李*': how the portal shows who commented. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}
