import {
  keyNodes,
  taskCreateSchema,
  taskEntryCreateSchema,
  taskListQuerySchema,
  taskPlanSchema,
  taskReasonSchema,
  taskReviewSchema,
  taskUpdateSchema,
  workPointCreateSchema,
  workPointUpdateSchema,
} from '@fazhi/core/plan/plan.schemas';
import { idParams } from '@fazhi/core/shared/fields';
import { z } from '@fazhi/core/shared/zod';
import { type AppDeps, actorOf, type ZApp } from '../platform/context.ts';
import { readUpload, sendXlsx } from '../platform/http.ts';
import { queryTaskEntries, queryTaskEvents, queryTasks } from './plan.repo.ts';
import {
  addTaskEntry,
  createTask,
  deleteTask,
  markMilestoneDone,
  requireTask,
  transitionTask,
  updateTask,
  updateTaskPlan,
} from './plan.service.ts';
import { exportTaskSheet, importTaskSheet } from './plan.sheet.ts';
import {
  createWorkPoint,
  deleteWorkPoint,
  listWorkPoints,
  publishWorkPoint,
  updateWorkPoint,
} from './plan.work-points.ts';

const tags = ['plan'];

export function planRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;

  app.get(
    '/api/plan/work-points',
    {
      config: { access: 'plan.read' },
      schema: { tags, summary: '年度工作要点', querystring: z.object({ year: z.coerce.number().int().optional() }) },
    },
    async (request) => ({ items: await listWorkPoints(db, actorOf(request), request.query.year) }),
  );
  app.post(
    '/api/plan/work-points',
    { config: { access: 'plan.manage' }, schema: { tags, summary: '新建工作要点', body: workPointCreateSchema } },
    async (request) => createWorkPoint(db, actorOf(request), request.body),
  );
  app.post(
    '/api/plan/work-points/:id/publish',
    { config: { access: 'plan.manage' }, schema: { tags, summary: '发布工作要点并下达任务', params: idParams } },
    async (request) => publishWorkPoint(db, actorOf(request), request.params.id, now()),
  );
  app.patch(
    '/api/plan/work-points/:id',
    {
      config: { access: 'plan.manage' },
      schema: { tags, summary: '修改工作要点', params: idParams, body: workPointUpdateSchema },
    },
    async (request) => updateWorkPoint(db, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/plan/work-points/:id',
    {
      config: { access: 'plan.manage' },
      schema: { tags, summary: '删除草稿工作要点（连同其草稿任务）', params: idParams },
    },
    async (request) => deleteWorkPoint(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/plan/tasks',
    { config: { access: 'plan.read' }, schema: { tags, summary: '目标任务列表', querystring: taskListQuerySchema } },
    async (request) => {
      const { overdue, ...filter } = request.query;
      let items = await queryTasks(db, actorOf(request).user, filter, now());
      if (overdue) items = items.filter((t) => t.isOverdue === (overdue === 'true'));
      return { items, total: items.length };
    },
  );
  app.post(
    '/api/plan/tasks',
    { config: { access: 'plan.manage' }, schema: { tags, summary: '新建目标任务', body: taskCreateSchema } },
    async (request) => createTask(db, actorOf(request), request.body),
  );
  app.get(
    '/api/plan/tasks/export',
    { config: { access: 'plan.read' }, schema: { tags, summary: '导出任务进度表', querystring: taskListQuerySchema } },
    async (request, reply) => {
      const { overdue: _o, ...filter } = request.query;
      return sendXlsx(reply, '任务进度.xlsx', await exportTaskSheet(db, actorOf(request), filter, now()));
    },
  );
  app.post(
    '/api/plan/tasks/import',
    { config: { access: 'plan.report' }, schema: { tags, summary: '导入任务进度表' } },
    async (request) => {
      const file = await readUpload(request, 'Excel 文件');
      return importTaskSheet(db, actorOf(request), file.data, now());
    },
  );

  app.get(
    '/api/plan/tasks/:id',
    { config: { access: 'plan.read' }, schema: { tags, summary: '任务详情（含台账和流转记录）', params: idParams } },
    async (request) => {
      const actor = actorOf(request);
      const task = await requireTask(db, actor, request.params.id, now());
      const [entries, events] = await Promise.all([queryTaskEntries(db, task.id), queryTaskEvents(db, task.id)]);
      return { task, entries, events };
    },
  );
  app.patch(
    '/api/plan/tasks/:id',
    {
      config: { access: 'plan.manage' },
      schema: { tags, summary: '修改任务', params: idParams, body: taskUpdateSchema },
    },
    async (request) => updateTask(db, actorOf(request), request.params.id, request.body, now()),
  );
  app.delete(
    '/api/plan/tasks/:id',
    { config: { access: 'plan.manage' }, schema: { tags, summary: '删除草稿任务', params: idParams } },
    async (request) => deleteTask(db, actorOf(request), request.params.id, now()),
  );
  app.put(
    '/api/plan/tasks/:id/plan',
    {
      config: { access: 'plan.report' },
      schema: { tags, summary: '填写工作方案和推进措施（1×3）', params: idParams, body: taskPlanSchema },
    },
    async (request) => updateTaskPlan(db, actorOf(request), request.params.id, request.body, now()),
  );
  app.post(
    '/api/plan/tasks/:id/entries',
    {
      config: { access: 'plan.report' },
      schema: { tags, summary: '新增工作台账（进展）', params: idParams, body: taskEntryCreateSchema },
    },
    async (request) => addTaskEntry(db, actorOf(request), request.params.id, request.body, now()),
  );
  app.post(
    '/api/plan/tasks/:id/apply',
    { config: { access: 'plan.report' }, schema: { tags, summary: '申请销号', params: idParams } },
    async (request) => transitionTask(db, actorOf(request), request.params.id, { type: 'apply' }, now()),
  );
  app.post(
    '/api/plan/tasks/:id/issue',
    { config: { access: 'plan.manage' }, schema: { tags, summary: '下达任务', params: idParams } },
    async (request) => transitionTask(db, actorOf(request), request.params.id, { type: 'issue' }, now()),
  );
  app.post(
    '/api/plan/tasks/:id/review',
    {
      config: { access: 'plan.manage' },
      schema: { tags, summary: '审核销号申请（通过或退回）', params: idParams, body: taskReviewSchema },
    },
    async (request) => {
      const body = request.body;
      const action =
        body.decision === 'approve'
          ? ({ type: 'approve' } as const)
          : ({ type: 'return', reason: body.reason } as const);
      return transitionTask(db, actorOf(request), request.params.id, action, now());
    },
  );
  app.post(
    '/api/plan/tasks/:id/reopen',
    {
      config: { access: 'plan.manage' },
      schema: { tags, summary: '重新打开已销号任务', params: idParams, body: taskReasonSchema },
    },
    async (request) =>
      transitionTask(db, actorOf(request), request.params.id, { type: 'reopen', reason: request.body.reason }, now()),
  );
  app.post(
    '/api/plan/tasks/:id/milestones/:node/done',
    {
      config: { access: 'plan.report' },
      schema: { tags, summary: '标记关键节点完成', params: idParams.extend({ node: z.enum(keyNodes) }) },
    },
    async (request) => markMilestoneDone(db, actorOf(request), request.params.id, request.params.node, now()),
  );
}
