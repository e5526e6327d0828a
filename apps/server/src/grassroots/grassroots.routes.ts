import {
  assignmentCreateSchema,
  functionsUpdateSchema,
  leaderCreateSchema,
  visitCreateSchema,
  visitListQuerySchema,
  visitProblemSchema,
  yearQuerySchema,
} from '@fazhi/core/grassroots/api.schemas';
import { dateSchema, dbIdParam, idParams } from '@fazhi/core/shared/fields';
import { z } from '@fazhi/core/shared/zod';
import { type AppDeps, actorOf, type ZApp } from '../platform/context.ts';
import { grassrootsFigures } from './grassroots.figures.ts';
import { liaisonReportDocx } from './grassroots.report-docx.ts';
import {
  createAssignment,
  createLeader,
  createVisit,
  currentYear,
  endAssignment,
  leaderReport,
  liaisonOverview,
  listLeaders,
  listOffices,
  officeDetail,
  raiseVisitProblem,
  requireVisit,
  sendProblemToPool,
  updateFunctions,
} from './grassroots.service.ts';

const tags = ['grassroots'];
const orgParams = z.object({ orgId: dbIdParam() });
const endBody = z.object({
  endDate: dateSchema('结束日期', '请填写结束日期'),
});

export function grassrootsRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;
  const year = (y: number | undefined) => y ?? currentYear(now());

  app.get(
    '/api/grassroots/figures',
    {
      config: { access: 'grassroots.read' },
      schema: { tags, summary: '基层法治指标（走访完成率、村居覆盖率等，来自指标库）', querystring: yearQuerySchema },
    },
    async (request) => grassrootsFigures(db, actorOf(request), year(request.query.year)),
  );
  app.get(
    '/api/grassroots/offices',
    {
      config: { access: 'grassroots.read' },
      schema: { tags, summary: '司法所概况列表', querystring: yearQuerySchema },
    },
    async (request) => ({ items: await listOffices(db, actorOf(request), year(request.query.year)) }),
  );
  app.get(
    '/api/grassroots/offices/:orgId',
    {
      config: { access: 'grassroots.read' },
      schema: {
        tags,
        summary: '司法所概况（职能清单、人员、评定、本年工作数据）',
        params: orgParams,
        querystring: yearQuerySchema,
      },
    },
    async (request) => officeDetail(db, actorOf(request), request.params.orgId, year(request.query.year)),
  );
  app.put(
    '/api/grassroots/offices/:orgId/functions',
    {
      config: { access: 'grassroots.write' },
      schema: { tags, summary: '维护司法所法定职能履行清单', params: orgParams, body: functionsUpdateSchema },
    },
    async (request) => updateFunctions(db, actorOf(request), request.params.orgId, request.body),
  );

  app.get(
    '/api/grassroots/liaison',
    {
      config: { access: 'grassroots.read' },
      schema: { tags, summary: '挂点联系：安排、完成情况和走访记录', querystring: yearQuerySchema },
    },
    async (request) => liaisonOverview(db, actorOf(request), year(request.query.year), now()),
  );
  app.get(
    '/api/grassroots/liaison/leaders',
    { config: { access: 'grassroots.read' }, schema: { tags, summary: '联系领导' } },
    async (request) => ({ items: await listLeaders(db, actorOf(request)) }),
  );
  app.post(
    '/api/grassroots/liaison/leaders',
    { config: { access: 'grassroots.manage' }, schema: { tags, summary: '新增联系领导', body: leaderCreateSchema } },
    async (request) => createLeader(db, actorOf(request), request.body),
  );
  app.post(
    '/api/grassroots/liaison/assignments',
    {
      config: { access: 'grassroots.manage' },
      schema: { tags, summary: '新增挂点联系安排', body: assignmentCreateSchema },
    },
    async (request) => createAssignment(db, actorOf(request), request.body),
  );
  app.post(
    '/api/grassroots/liaison/assignments/:id/end',
    {
      config: { access: 'grassroots.manage' },
      schema: { tags, summary: '结束挂点联系安排', params: idParams, body: endBody },
    },
    async (request) => endAssignment(db, actorOf(request), request.params.id, request.body.endDate),
  );
  app.get(
    '/api/grassroots/liaison/visits',
    { config: { access: 'grassroots.read' }, schema: { tags, summary: '走访记录', querystring: visitListQuerySchema } },
    async (request) => {
      const overview = await liaisonOverview(db, actorOf(request), year(request.query.year), now());
      const { leaderId, orgId } = request.query;
      return {
        items: overview.visits.filter((v) => (!leaderId || v.leaderId === leaderId) && (!orgId || v.orgId === orgId)),
      };
    },
  );
  app.post(
    '/api/grassroots/liaison/visits',
    { config: { access: 'grassroots.write' }, schema: { tags, summary: '登记走访', body: visitCreateSchema } },
    async (request) => createVisit(db, actorOf(request), request.body, now()),
  );
  app.get(
    '/api/grassroots/liaison/visits/:id',
    { config: { access: 'grassroots.read' }, schema: { tags, summary: '走访记录详情', params: idParams } },
    async (request) => requireVisit(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/grassroots/liaison/visits/:id/problems',
    {
      config: { access: 'grassroots.write' },
      schema: {
        tags,
        summary: '登记走访中听取的问题（依法治办登记即转入问题池）',
        params: idParams,
        body: visitProblemSchema,
      },
    },
    async (request) => raiseVisitProblem(db, actorOf(request), request.params.id, request.body, now()),
  );
  app.post(
    '/api/grassroots/liaison/problems/:id/send',
    { config: { access: 'grassroots.manage' }, schema: { tags, summary: '将走访问题转入问题池', params: idParams } },
    async (request) => sendProblemToPool(db, actorOf(request), request.params.id, now()),
  );
  app.get(
    '/api/grassroots/liaison/leaders/:id/report',
    {
      config: { access: 'grassroots.read' },
      schema: { tags, summary: '领导年度挂点联系情况报告', params: idParams, querystring: yearQuerySchema },
    },
    async (request) => leaderReport(db, actorOf(request), request.params.id, year(request.query.year), now()),
  );
  app.get(
    '/api/grassroots/liaison/leaders/:id/report.docx',
    {
      config: { access: 'grassroots.read' },
      schema: {
        tags,
        summary: '下载领导年度挂点联系情况报告（.docx）',
        params: idParams,
        querystring: yearQuerySchema,
      },
    },
    async (request, reply) => {
      const report = await leaderReport(db, actorOf(request), request.params.id, year(request.query.year), now());
      const data = await liaisonReportDocx(report);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`${report.leader.name}${report.year}年度挂点联系情况报告.docx`)}`,
        )
        .send(data);
    },
  );
}
