/**
 * The database cannot be reached right now (a failover under way, a restart, a standby that is not yet promoted):
 * the request is answered 503 with Retry-After instead of a 500 or a hang, and nothing was written.
 */
const connectionErrnos = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** 08xxx connection exceptions; 57P01–57P03 shutdown / cannot connect now; 25006 read-only (a standby). */
const unavailableStates = /^(08...|57P0[123]|25006)$/;
const unavailableMessages =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|Client was closed|Cannot use a pool after calling end/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (typeof e.code === 'string' && (connectionErrnos.has(e.code) || unavailableStates.test(e.code))) return true;
    if (typeof e.message === 'string' && unavailableMessages.test(e.message)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

export const retryAfterSeconds = 3;
export const unavailableBody = {
  code: 'DB_UNAVAILABLE',
  message: `数据库正在切换或暂时无法连接，本次操作未保存，请${retryAfterSeconds}秒后重试`,
};
