import { formatReceiptCode, normalizeReceiptCode } from '@fazhi/core/consultation/receipt-code';

/** 2026-11-23 → 2026年11月23日 */
export function formatDay(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment as a citizen reads it, in Beijing time: 2026-12-05T23:55:04Z → 2026年12月6日 07:55 */
export function formatMoment(value: string | Date): string {
  const p = Object.fromEntries(parts.formatToParts(new Date(value)).map((x) => [x.type, x.value]));
  return `${p.year}年${Number(p.month)}月${Number(p.day)}日 ${p.hour}:${p.minute}`;
}

/** Every receipt code on the portal reads the same way, ABCDE-FGHJK, however it was typed. */
export function displayReceiptCode(code: string): string {
  const normal = normalizeReceiptCode(code);
  return normal ? formatReceiptCode(normal) : code.trim();
}
