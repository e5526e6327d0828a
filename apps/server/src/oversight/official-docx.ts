/**
 * 通报 are built by the shared GB/T 9704 builder (`platform/official-docx.ts`); what stays here is the wording
 * the bulletins use: 一、二、 ordinals. (The 成文日期 is in Arabic numerals, GB/T 9704-2012 §7.3.5.3, as in the
 * annual report: `chineseDate` of `@fazhi/core/reports/report-text`.)
 */
export { blocksDocx as officialDocx, type DocBlock } from '../platform/kernel/official-docx.ts';

const digits = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const smallNumber = (n: number) =>
  n < 10
    ? digits[n]!
    : n < 20
      ? `十${n % 10 ? digits[n % 10] : ''}`
      : `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;

export const chineseOrdinal = (n: number) => smallNumber(n);
