import { publicReportContracts } from '@fazhi/core/reports/reports.public.contract';
import type { FastifyReply } from 'fastify';
import { perClientLimit } from '../platform/kernel/client-rate-limit.ts';
import type { AppDeps, ZApp } from '../platform/kernel/context.ts';
import { implementAll } from '../platform/kernel/contract-route.ts';
import { readSource } from '../platform/platform.read-source.service.ts';
import {
  listPublicCounties,
  listPublicReports,
  publicReportDocx,
  publicReportPdf,
  readPublicReport,
} from './reports.public.service.ts';

const mime = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

function sendFile(reply: FastifyReply, file: { title: string; data: Buffer }, ext: keyof typeof mime) {
  return reply
    .header('content-type', mime[ext])
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${file.title}.${ext}`)}`)
    .send(file.data);
}

/**
 * The public annual-report pages: no login; rate limited per client like the consultation portal. Published reports
 * do not change, so the pages that only read are served by a standby when one is within its bound
 * (platform.read-source.service.ts); the PDF writes its cache and stays on the primary.
 */
export function publicReportRoutes(app: ZApp, deps: AppDeps) {
  const { db } = deps;
  const browse = { config: { rateLimit: perClientLimit(240, '访问') } };
  const files = { config: { rateLimit: perClientLimit(30, '下载') } };
  const reader = async () => (await readSource(deps)).db;

  implementAll(app, publicReportContracts, {
    counties: { ...browse, handler: async () => ({ items: await listPublicCounties(await reader()) }) },
    list: { ...browse, handler: async (r) => listPublicReports(await reader(), r.params.countyId) },
    read: { ...browse, handler: async (r) => readPublicReport(await reader(), r.params.countyId, r.params.id) },
    docx: {
      ...files,
      handler: async (r, reply) =>
        sendFile(reply, await publicReportDocx(await reader(), r.params.countyId, r.params.id), 'docx'),
    },
    pdf: {
      ...files,
      handler: async (r, reply) => sendFile(reply, await publicReportPdf(db, r.params.countyId, r.params.id), 'pdf'),
    },
  });
}
