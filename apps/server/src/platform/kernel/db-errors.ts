/**
 * Database errors, read without their values: the SQLSTATE of a refused write maps to a Chinese 4xx, and what is
 * logged of any database error is its code, constraint, table and column and the query text — never the bound
 * parameters, the error's detail ("Key (id_number)=(…) already exists") or a message that quotes input.
 */

type PgLike = {
  code?: unknown;
  severity?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  message?: unknown;
  cause?: unknown;
  query?: unknown;
};

/** The PostgreSQL (or PGlite) error inside `error` (drizzle wraps it as `cause`), if any. */
export function findDatabaseError(error: unknown): PgLike | null {
  let e = error as PgLike | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string') return e;
    e = e.cause as PgLike | undefined;
  }
  return null;
}

export type Refusal = {
  status: number;
  code: string;
  message: string;
  log: Record<string, unknown>;
};

const dataMessages: Record<string, string> = {
  '22001': '内容过长，超出允许的长度',
  '22003': '数值超出允许的范围',
  '22007': '日期或时间格式不正确',
  '22008': '日期或时间超出允许的范围',
  '22021': '内容含有无法保存的字符',
  '22P02': '数据格式不正确',
  '22P05': '内容含有无法保存的字符',
};

/** A 400/409 for the database's data errors (22xxx, 23xxx, serialization failures); null for anything else. */
export function databaseRefusal(error: unknown): Refusal | null {
  const db = findDatabaseError(error);
  if (!db) return null;
  const sqlState = db.code as string;
  const log = {
    sqlState,
    constraint: typeof db.constraint === 'string' ? db.constraint : undefined,
    table: typeof db.table === 'string' ? db.table : undefined,
    column: typeof db.column === 'string' ? db.column : undefined,
  };
  const refuse = (status: number, code: string, message: string): Refusal => ({ status, code, message, log });
  if (sqlState.startsWith('22'))
    return refuse(400, 'INVALID_DATA', dataMessages[sqlState] ?? '提交的数据不正确，无法保存');
  switch (sqlState) {
    case '23505':
      return refuse(409, 'DUPLICATE', '该记录与已有记录重复，无法保存');
    case '23503':
      return String(db.message ?? '').startsWith('update or delete')
        ? refuse(409, 'IN_USE', '该记录仍被其他数据引用，无法删除或修改')
        : refuse(400, 'MISSING_REFERENCE', '引用的记录不存在或已被删除');
    case '23502':
      return refuse(400, 'MISSING_VALUE', '缺少必填内容，无法保存');
    case '23514':
      return refuse(400, 'RULE_VIOLATION', '数据不符合规则，无法保存');
    case '23P01':
      return refuse(409, 'CONFLICT', '与已有记录冲突，无法保存');
    case '40001':
    case '40P01':
      return refuse(409, 'CONCURRENT_UPDATE', '数据正被他人同时修改，请稍后重试');
  }
  return null;
}

/** Drops the bound parameters drizzle appends to a failed query's message ("Failed query: …\nparams: …"). */
const withoutParams = (message: string) => message.replace(/\nparams:[\s\S]*$/, '');

/**
 * The logger's `err` serializer: name, message without parameters, stack without parameters, and for database
 * errors only the SQLSTATE, constraint, table and column (never detail, where, or values).
 */
export function safeErrorSerializer(error: unknown): {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
} {
  if (!error || typeof error !== 'object') return { type: typeof error, message: String(error), stack: '' };
  const e = error as Error & PgLike;
  const db = findDatabaseError(error);
  const message = withoutParams(String(e.message ?? ''));
  const out: { [key: string]: unknown; type: string; message: string; stack: string } = {
    type: String(e.name),
    message: db && db !== e ? message : db ? `database error ${db.code}` : message,
    stack: typeof e.stack === 'string' ? e.stack.replace(/\nparams:[^\n]*(\n(?!\s+at )[^\n]*)*/, '') : '',
  };
  if (db) {
    out.db = {
      sqlState: db.code,
      constraint: typeof db.constraint === 'string' ? db.constraint : undefined,
      table: typeof db.table === 'string' ? db.table : undefined,
      column: typeof db.column === 'string' ? db.column : undefined,
    };
    // Its message (the stack's first line) may quote input: keep only the frames.
    if (db === e && typeof e.stack === 'string') out.stack = e.stack.split('\n').slice(1).join('\n');
  }
  return out;
}
