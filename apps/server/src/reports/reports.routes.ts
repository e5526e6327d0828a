import { figureMetricInfo } from '@fazhi/core/reports/figure-phrases';
import {
  compareQuerySchema,
  importReviewSchema,
  reportActionSchema,
  reportCheckTextSchema,
  reportComposeSchema,
  reportDeadlineOverrideSchema,
  reportDeadlineResetSchema,
  reportImportTextSchema,
  reportListQuerySchema,
  reportUpdateSchema,
} from '@fazhi/core/reports/report.schemas';
import { dbIdParam, idParams } from '@fazhi/core/shared/fields';
import { z } from '@fazhi/core/shared/zod';
import { currentShanghaiYear } from '../platform/clock.ts';
import { type AppDeps, actorOf, type ZApp } from '../platform/context.ts';
import { readUpload } from '../platform/http.ts';
import { checkReportText } from './reports.check.ts';
import { compareCounties } from './reports.compare.ts';
import { listDeadlineSettings, resetDeadlineOverride, setDeadlineOverride } from './reports.deadlines.ts';
import { buildReportDocx } from './reports.docx.ts';
import { createImport, getImport, listImports, reviewImport } from './reports.imports.ts';
import { listReportsWithDeadlines } from './reports.list.ts';
import { readReportText } from './reports.read-text.ts';
import { changeOptionalSection } from './reports.sections.ts';
import {
  composeNewReport,
  getReport,
  refreshFigures,
  requireReport,
  transitionReport,
  updateReport,
} from './reports.service.ts';
import { contentOf } from './reports.view.ts';

const uploadQuery = z.object({
  orgId: dbIdParam('请选择单位'),
  year: z.coerce.number({ message: '请填写年度' }).int().min(2000).max(2100),
});
const checkUploadQuery = z.object({
  orgId: dbIdParam().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
const tags = ['reports'];

export function reportRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;

  app.get(
    '/api/reports',
    {
      config: { access: 'report.read' },
      schema: { tags, summary: '年度报告及报送、公开期限（本级及下级各单位）', querystring: reportListQuerySchema },
    },
    async (request) => {
      const year = request.query.year ?? currentShanghaiYear(now()) - 1;
      return { year, ...(await listReportsWithDeadlines(db, actorOf(request), { ...request.query, year }, now())) };
    },
  );
  app.post(
    '/api/reports',
    { config: { access: 'report.write' }, schema: { tags, summary: '生成年度报告初稿', body: reportComposeSchema } },
    async (request) => composeNewReport(db, actorOf(request), request.body, now()),
  );
  app.get(
    '/api/reports/deadlines',
    {
      config: { access: 'report.read' },
      schema: { tags, summary: '各类报告的报送、公开截止日期（默认与本地设置）', querystring: reportListQuerySchema },
    },
    async (request) => {
      const year = request.query.year ?? currentShanghaiYear(now()) - 1;
      return listDeadlineSettings(db, actorOf(request), year);
    },
  );
  app.put(
    '/api/reports/deadlines',
    {
      config: { access: 'report.approve' },
      schema: { tags, summary: '设置某年度某类报告的截止日期', body: reportDeadlineOverrideSchema },
    },
    async (request) => setDeadlineOverride(db, actorOf(request), request.body, now()),
  );
  app.delete(
    '/api/reports/deadlines/:year/:type',
    {
      config: { access: 'report.approve' },
      schema: { tags, summary: '恢复某年度某类报告的默认截止日期', params: reportDeadlineResetSchema },
    },
    async (request) => resetDeadlineOverride(db, actorOf(request), request.params.year, request.params.type),
  );
  app.get(
    '/api/reports/compare',
    {
      config: { access: 'report.read' },
      schema: { tags, summary: '各县（区）年度报告对比', querystring: compareQuerySchema },
    },
    async (request) => compareCounties(db, actorOf(request), request.query.year, request.query.cityId),
  );
  app.post(
    '/api/reports/check',
    {
      config: { access: 'report.read' },
      schema: { tags, summary: '检查粘贴的报告文本是否合规', body: reportCheckTextSchema },
    },
    async (request) => {
      const { text, orgId, year } = request.body;
      return checkReportText(db, actorOf(request), text, orgId, year);
    },
  );
  app.post(
    '/api/reports/check/upload',
    {
      config: { access: 'report.read' },
      schema: { tags, summary: '上传报告（.docx/.txt/.html）检查是否合规', querystring: checkUploadQuery },
    },
    async (request) => {
      const file = await readUpload(request, '报告文件');
      const { text } = await readReportText(file.filename, file.data);
      return checkReportText(db, actorOf(request), text, request.query.orgId, request.query.year);
    },
  );

  app.get(
    '/api/reports/imports',
    {
      config: { access: 'report.read' },
      schema: { tags, summary: '导入的历史报告', querystring: z.object({ year: z.coerce.number().int().optional() }) },
    },
    async (request) => ({ items: await listImports(db, actorOf(request), request.query.year) }),
  );
  app.post(
    '/api/reports/imports',
    {
      config: { access: 'report.write' },
      schema: { tags, summary: '粘贴报告文本并识别数字', body: reportImportTextSchema },
    },
    async (request) => createImport(db, actorOf(request), request.body),
  );
  app.post(
    '/api/reports/imports/upload',
    {
      config: { access: 'report.write' },
      schema: { tags, summary: '上传报告（.docx/.txt/.html）并识别数字', querystring: uploadQuery },
    },
    async (request) => {
      const file = await readUpload(request, '报告文件');
      const { text } = await readReportText(file.filename, file.data);
      return createImport(db, actorOf(request), { ...request.query, text, filename: file.filename });
    },
  );
  app.get(
    '/api/reports/imports/:id',
    { config: { access: 'report.read' }, schema: { tags, summary: '导入报告的章节和识别出的数字', params: idParams } },
    async (request) => getImport(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/reports/imports/:id/review',
    {
      config: { access: 'report.approve' },
      schema: {
        tags,
        summary: '审核识别出的数字：采用为历史数据、更正指标或舍弃',
        params: idParams,
        body: importReviewSchema,
      },
    },
    async (request) => reviewImport(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/reports/:id',
    {
      config: { access: 'report.read' },
      schema: { tags, summary: '年度报告（含实时数据标注和合规检查）', params: idParams },
    },
    async (request) => getReport(db, actorOf(request), request.params.id, now()),
  );
  app.put(
    '/api/reports/:id',
    {
      config: { access: 'report.write' },
      schema: { tags, summary: '修改年度报告', params: idParams, body: reportUpdateSchema },
    },
    async (request) => updateReport(db, actorOf(request), request.params.id, request.body, now()),
  );
  app.post(
    '/api/reports/:id/sections',
    {
      config: { access: 'report.write' },
      schema: {
        tags,
        summary: '添加可选章节（其他需要报告的情况）',
        params: idParams,
        body: z.object({ key: z.string({ message: '请选择章节' }).min(1, { message: '请选择章节' }).max(40) }),
      },
    },
    async (request) => changeOptionalSection(db, actorOf(request), request.params.id, request.body.key, 'add', now()),
  );
  app.delete(
    '/api/reports/:id/sections/:key',
    {
      config: { access: 'report.write' },
      schema: {
        tags,
        summary: '删除可选章节',
        params: z.object({ id: dbIdParam(), key: z.string().min(1).max(40) }),
      },
    },
    async (request) =>
      changeOptionalSection(db, actorOf(request), request.params.id, request.params.key, 'remove', now()),
  );
  app.post(
    '/api/reports/:id/refresh',
    { config: { access: 'report.write' }, schema: { tags, summary: '按最新台账更新报告中的数据', params: idParams } },
    async (request) => refreshFigures(db, actorOf(request), request.params.id, now()),
  );
  app.post(
    '/api/reports/:id/actions',
    {
      config: { access: 'report.write' },
      schema: {
        tags,
        summary: '报告流转：提交审核、退回、定稿、报送、公开',
        params: idParams,
        body: reportActionSchema,
      },
    },
    async (request) =>
      transitionReport(db, actorOf(request), request.params.id, request.body.action, request.body.reason ?? '', now()),
  );
  app.get(
    '/api/reports/:id/docx',
    {
      config: { access: 'report.read' },
      schema: { tags, summary: '下载 Word 文档（GB/T 9704 公文格式）', params: idParams },
    },
    async (request, reply) => {
      const row = await requireReport(db, actorOf(request), request.params.id);
      const slots = row.snapshot?.slots ?? row.slots;
      const table = slots.map((s) => ({
        name: figureMetricInfo(s.metric).name,
        unit: s.unit,
        value: s.value,
        previous: s.previous,
      }));
      const data = await buildReportDocx(contentOf(row), table);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${row.title}.docx`)}`)
        .send(data);
    },
  );
}
