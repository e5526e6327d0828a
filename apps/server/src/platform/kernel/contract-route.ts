import type { HandlerResult, RouteContract } from '@fazhi/core/shared/contract';
import type { z } from '@fazhi/core/shared/zod';
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZApp } from './context.ts';

type Out<S> = S extends z.ZodType ? z.output<S> : unknown;

export type ContractRequest<C extends RouteContract> = FastifyRequest<{
  Params: Out<C['params']>;
  Querystring: Out<C['query']>;
  Body: Out<C['body']>;
}>;

/** Returns the response (encoded by the contract's schema) or the reply it has already sent (files, 201, 204). */
export type ContractHandler<C extends RouteContract> = (
  request: ContractRequest<C>,
  reply: FastifyReply,
) => Promise<HandlerResult<C> | FastifyReply> | HandlerResult<C> | FastifyReply;

/** Route options a contract does not carry: rate limits and body size of a particular route. */
export type RouteExtras = { config?: Omit<FastifyContextConfig, 'access'>; bodyLimit?: number };

type Implementation<C extends RouteContract> = ContractHandler<C> | ({ handler: ContractHandler<C> } & RouteExtras);

/** Registers one route from its contract. */
export function implement<C extends RouteContract>(
  app: ZApp,
  tag: string,
  contract: C,
  handler: ContractHandler<C>,
  extras: RouteExtras = {},
) {
  const status = contract.status ?? 200;
  app.route({
    method: contract.method,
    url: contract.path,
    bodyLimit: extras.bodyLimit,
    config: { ...extras.config, access: contract.access },
    schema: {
      tags: [tag],
      summary: contract.summary,
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      ...(contract.upload ? { consumes: ['multipart/form-data'] } : {}),
      response: { [status]: contract.response },
    },
    handler: handler as never,
  });
}

/**
 * Registers every route of a module's contracts. The handler map must name each contract (the compiler refuses a
 * missing one), so a declared route cannot be left unimplemented.
 */
export function implementAll<R extends Record<string, RouteContract>>(
  app: ZApp,
  contracts: { readonly tag: string; readonly routes: R },
  handlers: { [K in keyof R]: Implementation<R[K]> },
) {
  for (const name of Object.keys(contracts.routes) as (keyof R & string)[]) {
    const implementation = handlers[name];
    const { handler, ...extras } =
      typeof implementation === 'function' ? { handler: implementation } : (implementation as { handler: never });
    implement(app, contracts.tag, contracts.routes[name]!, handler, extras);
  }
}

/** Start-up check: every API route declares a response schema (a route without one fails at start). */
export function requireResponseSchemas(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.method === 'HEAD') return;
    const response = (route.schema as { response?: Record<string, unknown> } | undefined)?.response;
    if (!response || Object.keys(response).length === 0) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no response schema`);
    }
  });
}
