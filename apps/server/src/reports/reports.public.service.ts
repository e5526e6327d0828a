import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figureMetricInfo } from '@fazhi/core/reports/figure-phrases';
import { type ReportType, reportTypeLabels } from '@fazhi/core/reports/outlines';
import { chineseDate, paragraphsOf } from '@fazhi/core/reports/report-text';
import type { Executor } from '../db/client.ts';
import { AppError, notFound } from '../platform/kernel/errors.ts';
import {
  insertPublicFile,
  queryCounty,
  queryPublicCounties,
  queryPublicFile,
  queryPublishedReport,
  queryPublishedReports,
} from './reports.public.repo.ts';
import { contentOf } from './reports.view.service.ts';

// The public annual-report pages: no login, so no actor; the only rule is "published, in this county's subtree".
// Anything else — a draft, a report in review, another county's report, a county id that is a township — is 404.

const noCounty = '未找到该区县';
const noReport = '未找到该报告，或报告尚未公开';
const typeLabel = (type: string) => reportTypeLabels[type as ReportType] ?? '年度报告';

export async function listPublicCounties(db: Executor) {
  return queryPublicCounties(db);
}

async function requireCounty(db: Executor, countyId: number) {
  const county = await queryCounty(db, countyId);
  if (!county) throw notFound(noCounty);
  return county;
}

export async function listPublicReports(db: Executor, countyId: number) {
  const county = await requireCounty(db, countyId);
  const rows = await queryPublishedReports(db, county.path);
  const years = new Map<number, ReturnType<typeof itemOf>[]>();
  for (const r of rows) {
    const list = years.get(r.year) ?? [];
    list.push(itemOf(r));
    years.set(r.year, list);
  }
  return {
    county: { id: county.id, name: county.name },
    years: [...years].map(([year, reports]) => ({ year, reports })),
  };
}

function itemOf(r: { id: number; year: number; type: string; title: string; org_name: string; published_on: string }) {
  return {
    id: r.id,
    year: r.year,
    title: r.title,
    typeLabel: typeLabel(r.type),
    orgName: r.org_name,
    publishedOn: r.published_on,
  };
}

async function requirePublished(db: Executor, countyId: number, id: number) {
  const county = await requireCounty(db, countyId);
  const row = await queryPublishedReport(db, county.path, id);
  if (!row) throw notFound(noReport);
  return { county, ...row };
}

export async function readPublicReport(db: Executor, countyId: number, id: number) {
  const { county, report: r, orgName, publishedOn } = await requirePublished(db, countyId, id);
  return {
    id: r.id,
    year: r.year,
    title: r.title,
    typeLabel: typeLabel(r.type),
    orgName,
    publishedOn,
    countyId: county.id,
    countyName: county.name,
    preamble: r.preamble,
    sections: r.sections.map((s) => ({ heading: s.heading, paragraphs: paragraphsOf(s.body) })),
    signedBy: r.signedBy,
    signedDate: r.signedDate ? chineseDate(r.signedDate) : '',
  };
}

type PublicFile = { title: string; data: Buffer };

async function docxOf(report: Awaited<ReturnType<typeof requirePublished>>['report']) {
  // The figure table the report was frozen with, as the office's own download has it.
  const slots = report.snapshot?.slots ?? report.slots;
  const table = slots.map((s) => ({
    name: figureMetricInfo(s.metric).name,
    unit: s.unit,
    value: s.value,
    previous: s.previous,
  }));
  const { buildReportDocx } = await import('./reports.docx.ts'); // docx loads on first use
  return buildReportDocx(contentOf(report), table);
}

export async function publicReportDocx(db: Executor, countyId: number, id: number): Promise<PublicFile> {
  const { report } = await requirePublished(db, countyId, id);
  return { title: report.title, data: await docxOf(report) };
}

/** The converter: `FAZHI_SOFFICE` names another binary (a test names a missing one). */
const sofficeBinary = () => process.env.FAZHI_SOFFICE || 'soffice';

export const CONVERTER_MISSING_MESSAGE =
  '暂时无法生成 PDF：服务器未安装文档转换组件（LibreOffice），请先下载 Word 版本';
const CONVERSION_FAILED_MESSAGE = 'PDF 生成失败，请稍后重试，或下载 Word 版本';

/** .docx → PDF through LibreOffice in a private profile folder (two conversions at once must not share one). */
export async function convertDocxToPdf(docx: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'fazhi-pdf-'));
  try {
    const input = join(dir, 'report.docx');
    await writeFile(input, docx);
    await new Promise<void>((resolve, reject) => {
      execFile(
        sofficeBinary(),
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          input,
        ],
        { timeout: 180_000 },
        (error) => {
          if (!error) resolve();
          else if ((error as NodeJS.ErrnoException).code === 'ENOENT')
            reject(new AppError(503, 'CONVERTER_UNAVAILABLE', CONVERTER_MISSING_MESSAGE));
          else reject(new AppError(503, 'CONVERSION_FAILED', CONVERSION_FAILED_MESSAGE));
        },
      );
    });
    return await readFile(join(dir, 'report.pdf')).catch(() => {
      throw new AppError(503, 'CONVERSION_FAILED', CONVERSION_FAILED_MESSAGE);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Conversions in flight, per database and report version: concurrent first requests wait for one conversion.
const inFlight = new WeakMap<object, Map<string, Promise<Buffer>>>();

/**
 * The PDF of a published report, generated once per report version and kept in the database (every process and
 * machine serves the same file); a later version is converted anew.
 */
export async function publicReportPdf(db: Executor, countyId: number, id: number): Promise<PublicFile> {
  const { report } = await requirePublished(db, countyId, id);
  const cached = await queryPublicFile(db, report.id, report.version, 'pdf');
  if (cached) return { title: report.title, data: cached };
  const running = inFlight.get(db) ?? new Map<string, Promise<Buffer>>();
  inFlight.set(db, running);
  const key = `${report.id}:${report.version}`;
  let job = running.get(key);
  if (!job) {
    job = (async () => {
      const pdf = await convertDocxToPdf(await docxOf(report));
      await insertPublicFile(db, report.id, report.version, 'pdf', pdf);
      return pdf;
    })().finally(() => running.delete(key));
    running.set(key, job);
  }
  return { title: report.title, data: await job };
}
