import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/**
 * A per-client (IP) limit of `max` requests a minute for a public route, refused with a Chinese 429 that says what
 * was too frequent and how many seconds to wait. Counters live in the database store, so the limit holds across
 * every app process.
 */
export function perClientLimit(max: number, what: string) {
  return {
    max,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => request.ip,
    errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
      new AppError(429, 'RATE_LIMITED', `${what}过于频繁，请${Math.max(1, Math.ceil(context.ttl / 1000))}秒后再试`),
  };
}
