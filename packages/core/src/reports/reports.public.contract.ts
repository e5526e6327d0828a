import { defineContracts, fileBody, itemsOf } from '../shared/contract.ts';
import { dbIdParam } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';

// The public annual-report pages (no login, rate limited per client like the consultation portal): each county lists
// the reports published in its subtree by year, each readable as a page and downloadable as .docx and PDF. Nothing
// but published reports is reachable; anything else answers 404, whatever its county.

export const publicCountySchema = z.object({ id: z.number(), name: z.string(), reports: z.number() });

export const publicReportItemSchema = z.object({
  id: z.number(),
  year: z.number(),
  title: z.string(),
  typeLabel: z.string(),
  orgName: z.string(),
  /** Shanghai calendar day of publication. */
  publishedOn: z.string(),
});

export const publicReportListSchema = z.object({
  county: z.object({ id: z.number(), name: z.string() }),
  years: z.array(z.object({ year: z.number(), reports: z.array(publicReportItemSchema) })),
});

export const publicReportSchema = publicReportItemSchema.extend({
  countyId: z.number(),
  countyName: z.string(),
  preamble: z.string(),
  sections: z.array(z.object({ heading: z.string(), paragraphs: z.array(z.string()) })),
  signedBy: z.string(),
  /** 成文日期 as written (2025年2月20日), '' if none. */
  signedDate: z.string(),
});

export type PublicReport = z.output<typeof publicReportSchema>;
export type PublicReportList = z.output<typeof publicReportListSchema>;

const countyParams = z.object({ countyId: dbIdParam() });
const reportParams = z.object({ countyId: dbIdParam(), id: dbIdParam() });
const base = '/api/portal/counties/:countyId/reports';

export const publicReportContracts = defineContracts('reports-public', {
  counties: {
    method: 'GET',
    path: '/api/portal/report-counties',
    access: 'public',
    summary: '公开法治政府建设年度报告的区县',
    response: itemsOf(publicCountySchema),
  },
  list: {
    method: 'GET',
    path: base,
    access: 'public',
    summary: '区县已公开的年度报告（按年度）',
    params: countyParams,
    response: publicReportListSchema,
  },
  read: {
    method: 'GET',
    path: `${base}/:id`,
    access: 'public',
    summary: '阅读已公开的年度报告',
    params: reportParams,
    response: publicReportSchema,
  },
  docx: {
    method: 'GET',
    path: `${base}/:id/docx`,
    access: 'public',
    summary: '下载已公开的年度报告（Word）',
    params: reportParams,
    response: fileBody,
  },
  pdf: {
    method: 'GET',
    path: `${base}/:id/pdf`,
    access: 'public',
    summary: '下载已公开的年度报告（PDF）',
    params: reportParams,
    response: fileBody,
  },
});
