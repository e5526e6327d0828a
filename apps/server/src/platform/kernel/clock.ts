/**
 * The server's one place for calendar time: days, months and years are Asia/Shanghai calendar values (UTC+8, no
 * daylight saving time). The arithmetic itself lives in core (`@fazhi/core/shared/shanghai-calendar`), shared with
 * the web; this module adds "now" defaults and the SQL spelling of the same rule.
 */
import { shanghaiDate, shanghaiMonth, shanghaiYear } from '@fazhi/core/shared/shanghai-calendar';

export {
  endOfShanghaiDay,
  shanghaiDate,
  shanghaiMonth,
  shanghaiYear,
  shanghaiYearMonth,
  startOfShanghaiDay,
  startOfShanghaiYear,
} from '@fazhi/core/shared/shanghai-calendar';

/** Today in Asia/Shanghai as `YYYY-MM-DD` (at `now`, by default the current instant). */
export const shanghaiToday = (now: Date = new Date()): string => shanghaiDate(now);

/** This month in Asia/Shanghai as `YYYY-MM`. */
export const shanghaiThisMonth = (now: Date = new Date()): string => shanghaiMonth(now);

/** The current calendar year in Asia/Shanghai. */
export const currentShanghaiYear = (now: Date = new Date()): number => shanghaiYear(now);

/** SQL: today's Asia/Shanghai calendar date, evaluated by the database. */
export const shanghaiTodaySql = `(now() at time zone 'Asia/Shanghai')::date`;

/** SQL: the Asia/Shanghai calendar date of a timestamptz expression. */
export const shanghaiDateSql = (timestamp: string) => `(${timestamp} at time zone 'Asia/Shanghai')::date`;
