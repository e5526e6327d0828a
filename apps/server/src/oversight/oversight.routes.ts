import { inspectionCreateSchema } from '@fazhi/core/oversight/inspection';
import {
  bulletinCreateSchema,
  inspectionListQuerySchema,
  inspectionStatusSchema,
  problemListQuerySchema,
  yearQuerySchema,
} from '@fazhi/core/oversight/oversight.schemas';
import { problemActionSchema, problemCreateSchema, recurrenceSchema } from '@fazhi/core/oversight/problem.schemas';
import { idParams } from '@fazhi/core/shared/fields';
import { z } from '@fazhi/core/shared/zod';
import { type AppDeps, actorOf, type ZApp } from '../platform/context.ts';
import {
  bulletinDocx,
  createBulletin,
  listBulletins,
  oversightDeductions,
  suggestBulletinEntries,
} from './oversight.bulletins.ts';
import { createInspection, listInspections, requireInspection, setInspectionStatus } from './oversight.inspections.ts';
import {
  actOnProblem,
  createProblemRecord,
  ownerOptions,
  problemDetail,
  registerRecurrence,
} from './oversight.problems.ts';
import { queryOversightStats, queryProblems } from './oversight.repo.ts';

const tags = ['oversight'];

export function oversightRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;

  app.get(
    '/api/oversight/stats',
    { config: { access: 'oversight.read' }, schema: { tags, summary: '督察整改概况', querystring: yearQuerySchema } },
    async (request) => queryOversightStats(db, actorOf(request).user, request.query.year, now()),
  );

  app.get(
    '/api/oversight/inspections',
    {
      config: { access: 'oversight.read' },
      schema: { tags, summary: '督察列表', querystring: inspectionListQuerySchema },
    },
    async (request) => ({ items: await listInspections(db, actorOf(request), request.query) }),
  );
  app.post(
    '/api/oversight/inspections',
    { config: { access: 'oversight.manage' }, schema: { tags, summary: '新建督察', body: inspectionCreateSchema } },
    async (request) => createInspection(db, actorOf(request), request.body),
  );
  app.get(
    '/api/oversight/inspections/:id',
    { config: { access: 'oversight.read' }, schema: { tags, summary: '督察详情（含发现问题）', params: idParams } },
    async (request) => {
      const actor = actorOf(request);
      const inspection = await requireInspection(db, actor, request.params.id);
      const findings = await queryProblems(db, actor.user, { inspectionId: inspection.id, pageSize: 200 }, now());
      return { inspection, problems: findings.items };
    },
  );
  app.post(
    '/api/oversight/inspections/:id/status',
    {
      config: { access: 'oversight.manage' },
      schema: { tags, summary: '更新督察状态', params: idParams, body: inspectionStatusSchema },
    },
    async (request) => setInspectionStatus(db, actorOf(request), request.params.id, request.body.status),
  );

  app.get(
    '/api/oversight/problems',
    {
      config: { access: 'oversight.read' },
      schema: { tags, summary: '问题库（四个一）', querystring: problemListQuerySchema },
    },
    async (request) => queryProblems(db, actorOf(request).user, request.query, now()),
  );
  app.post(
    '/api/oversight/problems',
    {
      config: { access: 'oversight.manage' },
      schema: { tags, summary: '登记督察发现问题', body: problemCreateSchema },
    },
    async (request) => createProblemRecord(db, actorOf(request), request.body, now()),
  );
  app.get(
    '/api/oversight/problems/:id',
    { config: { access: 'oversight.read' }, schema: { tags, summary: '问题详情（含整改记录）', params: idParams } },
    async (request) => problemDetail(db, actorOf(request), request.params.id, now()),
  );
  app.get(
    '/api/oversight/problems/:id/owner-options',
    { config: { access: 'oversight.rectify' }, schema: { tags, summary: '可选整改责任人', params: idParams } },
    async (request) => ({ items: await ownerOptions(db, actorOf(request), request.params.id) }),
  );
  app.post(
    '/api/oversight/problems/:id/actions',
    {
      config: { access: 'oversight.rectify' },
      schema: {
        tags,
        summary: '问题整改流转：认领、完善四个一、会签、申请销号、验收、延期',
        params: idParams,
        body: problemActionSchema,
      },
    },
    async (request) => actOnProblem(db, actorOf(request), request.params.id, request.body, now()),
  );
  app.post(
    '/api/oversight/problems/:id/recurrence',
    {
      config: { access: 'oversight.manage' },
      schema: { tags, summary: '登记问题复发（新建关联问题）', params: idParams, body: recurrenceSchema },
    },
    async (request) => registerRecurrence(db, actorOf(request), request.params.id, request.body, now()),
  );

  app.get(
    '/api/oversight/bulletins',
    {
      config: { access: 'oversight.read' },
      schema: { tags, summary: '通报列表', querystring: inspectionListQuerySchema },
    },
    async (request) => ({ items: await listBulletins(db, actorOf(request), request.query.year) }),
  );
  app.get(
    '/api/oversight/bulletins/suggestions',
    {
      config: { access: 'oversight.manage' },
      schema: { tags, summary: '按问题整改情况生成通报建议', querystring: yearQuerySchema },
    },
    async (request) => ({ items: await suggestBulletinEntries(db, actorOf(request), request.query.year, now()) }),
  );
  app.post(
    '/api/oversight/bulletins',
    { config: { access: 'oversight.manage' }, schema: { tags, summary: '印发通报', body: bulletinCreateSchema } },
    async (request) => createBulletin(db, actorOf(request), request.body),
  );
  app.get(
    '/api/oversight/bulletins/:id/docx',
    { config: { access: 'oversight.read' }, schema: { tags, summary: '下载通报（.docx）', params: idParams } },
    async (request, reply) => {
      const { filename, data } = await bulletinDocx(db, actorOf(request), request.params.id, now());
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(data);
    },
  );
  app.get(
    '/api/oversight/deductions',
    {
      config: { access: 'oversight.read' },
      schema: { tags, summary: '通报批评形成的考核扣分项（督查发现问题）', querystring: yearQuerySchema },
    },
    async (request) => ({ items: await oversightDeductions(db, actorOf(request), request.query.year) }),
  );
}
