import {
  archiveQuerySchema,
  archiveUpdateSchema,
  cadreCreateSchema,
  cadreListQuerySchema,
  cadreUpdateSchema,
  lawReportScoresSchema,
} from '@fazhi/core/cadres/cadre.schemas';
import { lawExamSchema } from '@fazhi/core/cadres/law-exam';
import { lawReportSchema } from '@fazhi/core/cadres/law-report';
import { preMeetingStudySchema } from '@fazhi/core/cadres/pre-meeting-study';
import { idParams } from '@fazhi/core/shared/fields';
import { z } from '@fazhi/core/shared/zod';
import { type AppDeps, actorOf, type ZApp } from '../platform/context.ts';
import { exportArchive } from './cadres.export.ts';
import {
  createCadre,
  createExam,
  createLawReport,
  createStudy,
  deleteStudy,
  lawArchive,
  listCadres,
  listExams,
  listLawReports,
  listStudies,
  removeCadre,
  scoreLawReport,
  updateArchive,
  updateCadre,
} from './cadres.service.ts';

const yearQuery = z.object({
  year: z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确').optional(),
});
const tags = ['cadres'];

export function cadresRoutes(app: ZApp, deps: AppDeps) {
  const { db } = deps;

  app.get(
    '/api/cadres',
    {
      config: { access: 'cadres.read' },
      schema: {
        tags,
        summary: '领导干部名单（含本年度“三个一”）',
        querystring: cadreListQuerySchema.extend(yearQuery.shape),
      },
    },
    async (request) => ({ items: await listCadres(db, actorOf(request), request.query) }),
  );
  app.post(
    '/api/cadres',
    { config: { access: 'cadres.manage' }, schema: { tags, summary: '新增领导干部', body: cadreCreateSchema } },
    async (request) => createCadre(db, actorOf(request), request.body),
  );
  app.patch(
    '/api/cadres/:id',
    {
      config: { access: 'cadres.manage' },
      schema: { tags, summary: '修改领导干部信息', params: idParams, body: cadreUpdateSchema },
    },
    async (request) => updateCadre(db, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/cadres/:id',
    {
      config: { access: 'cadres.manage' },
      schema: { tags, summary: '移出领导干部名单（记录保留）', params: idParams },
    },
    async (request) => removeCadre(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/cadres/studies',
    { config: { access: 'cadres.read' }, schema: { tags, summary: '会前学法记录', querystring: yearQuery } },
    async (request) => ({ items: await listStudies(db, actorOf(request), request.query.year) }),
  );
  app.post(
    '/api/cadres/studies',
    { config: { access: 'cadres.manage' }, schema: { tags, summary: '登记会前学法', body: preMeetingStudySchema } },
    async (request) => createStudy(db, actorOf(request), request.body),
  );
  app.delete(
    '/api/cadres/studies/:id',
    { config: { access: 'cadres.manage' }, schema: { tags, summary: '删除会前学法记录', params: idParams } },
    async (request) => deleteStudy(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/cadres/law-reports',
    { config: { access: 'cadres.read' }, schema: { tags, summary: '述法记录与评议结果', querystring: yearQuery } },
    async (request) => ({ items: await listLawReports(db, actorOf(request), request.query.year) }),
  );
  app.post(
    '/api/cadres/law-reports',
    { config: { access: 'cadres.manage' }, schema: { tags, summary: '登记述法', body: lawReportSchema } },
    async (request) => createLawReport(db, actorOf(request), request.body),
  );
  app.put(
    '/api/cadres/law-reports/:id/scores',
    {
      config: { access: 'cadres.manage' },
      schema: { tags, summary: '录入述法评议分数', params: idParams, body: lawReportScoresSchema },
    },
    async (request) => scoreLawReport(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/cadres/exams',
    { config: { access: 'cadres.read' }, schema: { tags, summary: '法治考核成绩', querystring: yearQuery } },
    async (request) => ({ items: await listExams(db, actorOf(request), request.query.year) }),
  );
  app.post(
    '/api/cadres/exams',
    { config: { access: 'cadres.manage' }, schema: { tags, summary: '登记法治考核成绩', body: lawExamSchema } },
    async (request) => createExam(db, actorOf(request), request.body),
  );

  app.get(
    '/api/cadres/:id/archive',
    {
      config: { access: 'cadres.read' },
      schema: {
        tags,
        summary: '领导干部法治档案（年度）',
        params: idParams,
        querystring: archiveQuerySchema.pick({ year: true }),
      },
    },
    async (request) => lawArchive(db, actorOf(request), request.params.id, request.query.year),
  );
  app.put(
    '/api/cadres/:id/archive',
    {
      config: { access: 'cadres.manage' },
      schema: { tags, summary: '更新第一责任人职责履行情况并归档', params: idParams, body: archiveUpdateSchema },
    },
    async (request) => updateArchive(db, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/cadres/:id/archive/export',
    {
      config: { access: 'cadres.read' },
      schema: { tags, summary: '导出法治档案（.docx 或 .xlsx）', params: idParams, querystring: archiveQuerySchema },
    },
    async (request, reply) => {
      const { year, format } = request.query;
      const { filename, data } = await exportArchive(db, actorOf(request), request.params.id, year, format);
      return reply
        .header(
          'content-type',
          format === 'xlsx'
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        )
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(data);
    },
  );
}
