import { isValidDate } from './id-number.ts';

const dayMs = 86_400_000;

/** `YYYY-MM-DD` plus whole days, on the calendar (no time zone involved). */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/**
 * Reads a date the way people type it in a sheet: 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日, 20250301, or an
 * Excel serial day number. Returns `YYYY-MM-DD` or null.
 */
export function parseLooseDate(raw: unknown): string | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString().slice(0, 10);
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 1 || raw > 2958465) return null;
    // Excel's day 1 is 1900-01-01 and it counts the non-existent 1900-02-29; serial 25569 is 1970-01-01.
    return new Date(Math.round((raw - 25569) * dayMs)).toISOString().slice(0, 10);
  }
  if (typeof raw !== 'string') return null;
  const s = raw.trim().replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) m = /^(\d{4})-(\d{2})-(\d{2})T/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isValidDate(iso) ? iso : null;
}
