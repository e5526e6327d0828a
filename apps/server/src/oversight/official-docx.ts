/**
 * 通报 are built by the shared GB/T 9704 builder (`platform/official-docx.ts`); what stays here is the wording
 * the bulletins use: the 成文日期 in Chinese numerals and 一、二、 ordinals.
 */
export { blocksDocx as officialDocx, type DocBlock } from '../platform/official-docx.ts';

const digits = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const smallNumber = (n: number) =>
  n < 10
    ? digits[n]!
    : n < 20
      ? `十${n % 10 ? digits[n % 10] : ''}`
      : `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;

/** `2026-11-23` → `2026年11月23日` in the official style: 二〇二六年十一月二十三日. */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-');
  const year = [...(y ?? '')].map((c) => digits[Number(c)]).join('');
  return `${year}年${smallNumber(Number(m))}月${smallNumber(Number(d))}日`;
}

export const chineseOrdinal = (n: number) => smallNumber(n);
