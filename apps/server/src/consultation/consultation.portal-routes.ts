import { receiptCodeSchema } from '@fazhi/core/consultation/portal-input';
import { idParams } from '@fazhi/core/shared/fields';
import { z } from '@fazhi/core/shared/zod';
import type { FastifyRequest } from 'fastify';
import type { AppDeps, ZApp } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { createPortalService } from './consultation.portal.ts';

const tags = ['consultation-portal'];
const base = '/api/portal';

/** Per client (IP) and minute; FAZHI_PORTAL_SUBMIT_LIMIT raises it, e.g. for a load test from one machine. */
export function portalSubmitLimit(): number {
  const value = Number(process.env.FAZHI_PORTAL_SUBMIT_LIMIT);
  return Number.isFinite(value) && value > 0 ? value : 10;
}

function limit(max: number, what: string) {
  return {
    max,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => request.ip,
    errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
      new AppError(429, 'RATE_LIMITED', `${what}过于频繁，请${Math.max(1, Math.ceil(context.ttl / 1000))}秒后再试`),
  };
}

/** The public portal: no login; every route is rate limited per client. */
export function portalRoutes(app: ZApp, deps: AppDeps) {
  const portal = createPortalService(deps);
  const browse = limit(240, '访问');

  app.get(
    `${base}/consultations`,
    { config: { access: 'public', rateLimit: browse }, schema: { tags, summary: '公开征求意见的草案' } },
    async () => ({ items: await portal.list() }),
  );
  app.get(
    `${base}/consultations/:id`,
    {
      config: { access: 'public', rateLimit: browse },
      schema: { tags, summary: '草案全文（按条文）', params: idParams },
    },
    async (r) => portal.detail(r.params.id),
  );
  app.get(
    `${base}/consultations/:id/feedback`,
    {
      config: { access: 'public', rateLimit: browse },
      schema: { tags, summary: '意见办理情况（已反馈的意见）', params: idParams },
    },
    async (r) => ({ items: await portal.feedback(r.params.id) }),
  );
  app.post(
    `${base}/consultations/:id/opinions`,
    {
      config: { access: 'public', rateLimit: limit(portalSubmitLimit(), '提交') },
      // The body is validated by the core's portal schema inside the service, which also strips HTML and checks
      // the words; a loose schema here keeps one source of truth for the rules.
      schema: { tags, summary: '提交意见（对草案整体或某一条）', params: idParams, body: z.looseObject({}) },
    },
    async (r, reply) => {
      const result = await portal.submit(r.params.id, r.body);
      return reply.status(201).send(result);
    },
  );
  app.get(
    `${base}/receipts/:code`,
    {
      config: { access: 'public', rateLimit: limit(30, '查询') },
      schema: { tags, summary: '凭回执码查询意见办理情况', params: z.object({ code: receiptCodeSchema }) },
    },
    async (r) => portal.lookup(r.params.code),
  );
}
