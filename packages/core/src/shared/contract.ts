import type { Permission } from '../platform/roles.ts';
import { z } from './zod.ts';

/**
 * One contract per route: method, path, access, request schemas and the RESPONSE schema, declared once here in core.
 * The server registers the route from it (requests validated, responses encoded by the schema, so only declared
 * fields leave the server), OpenAPI describes it, and the web client is typed from it.
 *
 * Why our own thin layer instead of ts-rest: Fastify's zod type provider already validates requests and serialises
 * responses from zod schemas and feeds @fastify/swagger; a contract only has to carry those schemas plus the access
 * rule, and the web client needs ~60 lines to build a typed call from it. No second router, no code generation step.
 */

export type Access = Permission | readonly Permission[] | 'authenticated' | 'public';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a download route answers: a file (docx, xlsx, pdf, csv) or a text stream, never JSON. */
export const fileBody = z.string().meta({ format: 'binary', description: '文件内容' });
export type FileBody = typeof fileBody;

export type RouteContract = {
  method: HttpMethod;
  /** Fastify path, `:name` for a parameter. */
  path: string;
  access: Access;
  /** Chinese summary shown in OpenAPI. */
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success answer. `fileBody` for a download; `z.null()` with `status: 204` for no content. */
  response: z.ZodType;
  status?: 200 | 201 | 202 | 204;
  /** The request is multipart/form-data with one file field `file` (no JSON body schema). */
  upload?: true;
};

/** A module's contracts, keyed by a camelCase name; `tag` is the module name (OpenAPI tag, API path segment). */
export type ModuleContracts = { readonly tag: string; readonly routes: Record<string, RouteContract> };

export function defineContracts<const R extends Record<string, RouteContract>>(
  tag: string,
  routes: R,
): { readonly tag: string; readonly routes: R } {
  return { tag, routes };
}

/**
 * Timestamps leave the server as ISO strings. The server may hand over a `Date` (a timestamptz column) or a string
 * already; the wire type (what the web sees) is the string.
 */
export const timestamp = () => z.union([z.date(), z.string()]);

/** A page of rows as every paginated list answers it. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** `{ items: [...] }` for short lists that are not paginated. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** The answer of a write that only confirms it was done. */
export const okResponse = z.object({ ok: z.boolean() });

/** JSON as it travels: what `JSON.stringify` makes of a value (a `Date` becomes its ISO string). */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** What the web receives from a route. */
export type ResponseOf<C extends RouteContract> = Wire<z.output<C['response']>>;
/** What the server's handler returns for a route. */
export type HandlerResult<C extends RouteContract> = z.output<C['response']>;

type InputPart<S, K extends string> = S extends z.ZodType
  ? {} extends z.input<S>
    ? { [P in K]?: z.input<S> }
    : { [P in K]: z.input<S> }
  : { [P in K]?: never };

/** What the web passes to call a route: `params`, `query` and `body` as the contract asks for them. */
export type CallInput<C extends RouteContract> = InputPart<C['params'], 'params'> &
  InputPart<C['query'], 'query'> &
  InputPart<C['body'], 'body'>;

/** Builds `/api/x/12/y` from `/api/x/:id/y` and `{ id: 12 }`. */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}
