import { type CallInput, fillPath, type ResponseOf, type RouteContract } from '@fazhi/core/shared/contract';

/** Talks to /api: JSON in and out, the CSRF header on every write, and one place that reacts to a lost session. */

export type RowError = { row: number; column: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let onUnauthorized: ((error: ApiError) => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** The app registers what to do when the server says the session is gone (go to the login page). */
export function setUnauthorizedHandler(handler: (error: ApiError) => void) {
  onUnauthorized = handler;
}

function readCsrf(): string {
  const match = document.cookie.match(/(?:^|;\s*)fazhi_csrf=([^;]+)/);
  return match?.[1] ? decodeURIComponent(match[1]) : (csrfToken ?? '');
}

type RequestOptions = { body?: unknown; query?: Record<string, unknown>; signal?: AbortSignal };

export function withQuery(path: string, query?: Record<string, unknown>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: { code?: string; message?: string; details?: unknown } = {};
  try {
    body = await response.json();
  } catch {
    // not JSON: fall back to a generic message below
  }
  const fallback = response.status >= 500 ? '系统内部错误，请稍后重试' : `请求失败（${response.status}）`;
  return new ApiError(response.status, body.code ?? 'HTTP_ERROR', body.message ?? fallback, body.details);
}

async function send(method: string, path: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  if (method !== 'GET') headers.set('x-csrf-token', readCsrf());
  let response: Response;
  try {
    response = await fetch(path, { ...init, method, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (response.ok) return response;
  const error = await toApiError(response);
  // A failed login is also a 401, but it belongs to the login form, not to the session handler.
  if (response.status === 401 && path !== '/api/auth/login') onUnauthorized?.(error);
  throw error;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const init: RequestInit = { signal: options.signal };
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { 'content-type': 'application/json' };
  }
  const response = await send(method, withQuery(path, options.query), init);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Sends one file as multipart/form-data (field name "file"). */
export async function uploadFile<T>(path: string, file: File | Blob, filename?: string): Promise<T> {
  const form = new FormData();
  if (filename) form.append('file', file, filename);
  else form.append('file', file);
  const response = await send('POST', path, { body: form });
  return (await response.json()) as T;
}

/** Downloads a server-generated file (Excel exports, templates) under the name the server gives it. */
export async function downloadFile(path: string, query?: Record<string, unknown>, fallbackName = '下载文件.xlsx') {
  const response = await send('GET', withQuery(path, query), {});
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = disposition.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  const filename = encoded ? decodeURIComponent(encoded) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function isRowErrors(details: unknown): details is RowError[] {
  return (
    Array.isArray(details) &&
    details.length > 0 &&
    details.every((d) => typeof d === 'object' && d !== null && 'row' in d && 'message' in d)
  );
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请稍后重试';
}

type Args<C extends RouteContract> = {} extends CallInput<C> ? [input?: CallInput<C>] : [input: CallInput<C>];

/**
 * Calls a route through its contract (packages/core/src/<module>/<module>.contract.ts): the path, method, request
 * and answer types all come from the one declaration the server registers.
 */
export function call<C extends RouteContract>(contract: C, ...[input]: Args<C>): Promise<ResponseOf<C>> {
  const { params, query, body } = (input ?? {}) as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
  };
  const path = fillPath(contract.path, params);
  const method = contract.method;
  const sendsBody = method !== 'GET' && method !== 'DELETE';
  return request<ResponseOf<C>>(method, path, { query, body: sendsBody ? (body ?? {}) : body });
}

/** Downloads the file a contract's route answers (its `response` is `fileBody`). */
export function download<C extends RouteContract>(contract: C, input: CallInput<C>, fallbackName?: string) {
  const { params, query } = input as { params?: Record<string, unknown>; query?: Record<string, unknown> };
  return downloadFile(fillPath(contract.path, params), query, fallbackName);
}

/** Uploads one file to a contract's multipart route (`upload: true`). */
export function upload<C extends RouteContract>(
  contract: C,
  file: File | Blob,
  input: CallInput<C> = {} as CallInput<C>,
  filename?: string,
): Promise<ResponseOf<C>> {
  const { params, query } = input as { params?: Record<string, unknown>; query?: Record<string, unknown> };
  return uploadFile<ResponseOf<C>>(withQuery(fillPath(contract.path, params), query), file, filename);
}
