import { shanghaiDate, shanghaiYear } from '@fazhi/core/shared/shanghai-calendar';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

const zone = 'Asia/Shanghai';

/** Timestamps are stored in UTC and shown in Asia/Shanghai. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).tz(zone).format('YYYY-MM-DD HH:mm') : '—';
}

/** "数据截至 14:05:09": up to when a read-only page's figures are complete (they may come from a standby). */
export function formatDataAsOf(value: string | Date | null | undefined): string {
  return value ? `数据截至 ${dayjs(value).tz(zone).format('HH:mm:ss')}` : '';
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : dayjs(value).tz(zone).format('YYYY-MM-DD');
}

/** Today in Asia/Shanghai, `YYYY-MM-DD` (the same rule as the server's, from core). */
export function todayInShanghai(): string {
  return shanghaiDate(new Date());
}

/** The current year in Asia/Shanghai. */
export function currentYear(): number {
  return shanghaiYear(new Date());
}

/** A registry figure for display: `—` for none, else up to two decimals with Chinese digit grouping. */
export const formatFigure = (value: number | null) =>
  value === null ? '—' : value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export { dayjs };
