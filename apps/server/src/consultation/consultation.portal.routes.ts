import { portalContracts } from '@fazhi/core/consultation/consultation.portal.contract';
import { perClientLimit } from '../platform/kernel/client-rate-limit.ts';
import type { AppDeps, ZApp } from '../platform/kernel/context.ts';
import { implementAll } from '../platform/kernel/contract-route.ts';
import { createPortalService } from './consultation.portal.service.ts';

/** Per client (IP) and minute; FAZHI_PORTAL_SUBMIT_LIMIT raises it, e.g. for a load test from one machine. */
export function portalSubmitLimit(): number {
  const value = Number(process.env.FAZHI_PORTAL_SUBMIT_LIMIT);
  return Number.isFinite(value) && value > 0 ? value : 10;
}

/** The public portal: no login; every route is rate limited per client. */
export function portalRoutes(app: ZApp, deps: AppDeps) {
  const portal = createPortalService(deps);
  const browse = { config: { rateLimit: perClientLimit(240, '访问') } };

  implementAll(app, portalContracts, {
    point: { ...browse, handler: () => portal.point() },
    list: { ...browse, handler: async () => ({ items: await portal.list() }) },
    detail: { ...browse, handler: (r) => portal.detail(r.params.id) },
    feedback: { ...browse, handler: async (r) => ({ items: await portal.feedback(r.params.id) }) },
    submit: {
      config: { rateLimit: perClientLimit(portalSubmitLimit(), '提交') },
      handler: async (r, reply) => {
        const result = await portal.submit(r.params.id, r.body);
        reply.status(201);
        return result;
      },
    },
    receipt: { config: { rateLimit: perClientLimit(30, '查询') }, handler: (r) => portal.lookup(r.params.code) },
  });
}
