import { planContracts } from '@fazhi/core/plan/plan.contract';
import { type AppDeps, actorOf, type ZApp } from '../platform/kernel/context.ts';
import { implementAll } from '../platform/kernel/contract-route.ts';
import { readUpload, sendStoredFile, sendXlsx } from '../platform/kernel/http.ts';
import {
  addTaskEntry,
  createTask,
  deleteTask,
  getTaskDetail,
  listTasks,
  markMilestoneDone,
  readTaskFile,
  transitionTask,
  updateTask,
  updateTaskPlan,
} from './plan.service.ts';
import { exportTaskSheet, importTaskSheet } from './plan.sheet.service.ts';
import {
  createWorkPoint,
  deleteWorkPoint,
  listWorkPoints,
  publishWorkPoint,
  updateWorkPoint,
} from './plan.work-points.service.ts';
import { workpointsImportRoutes } from './plan.workpoints-import.routes.ts';

export function planRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;
  workpointsImportRoutes(app, deps);

  implementAll(app, planContracts, {
    workPoints: async (request) => ({ items: await listWorkPoints(db, actorOf(request), request.query.year) }),
    createWorkPoint: (request) => createWorkPoint(db, actorOf(request), request.body),
    publishWorkPoint: (request) => publishWorkPoint(db, actorOf(request), request.params.id, now()),
    updateWorkPoint: (request) => updateWorkPoint(db, actorOf(request), request.params.id, request.body),
    deleteWorkPoint: (request) => deleteWorkPoint(db, actorOf(request), request.params.id),

    tasks: (request) => listTasks(db, actorOf(request), request.query, now()),
    createTask: (request) => createTask(db, actorOf(request), request.body),
    exportTasks: async (request, reply) => {
      const { overdue: _o, ...filter } = request.query;
      return sendXlsx(reply, '任务进度.xlsx', await exportTaskSheet(db, actorOf(request), filter, now()));
    },
    importTasks: async (request) => {
      const file = await readUpload(request, 'Excel 文件');
      return importTaskSheet(db, actorOf(request), file.data, now());
    },

    task: (request) => getTaskDetail(db, actorOf(request), request.params.id, now()),
    updateTask: (request) => updateTask(db, actorOf(request), request.params.id, request.body, now()),
    deleteTask: (request) => deleteTask(db, actorOf(request), request.params.id, now()),
    savePlan: (request) => updateTaskPlan(db, actorOf(request), request.params.id, request.body, now()),
    addEntry: (request) => addTaskEntry(db, actorOf(request), request.params.id, request.body, now()),
    apply: (request) =>
      transitionTask(
        db,
        actorOf(request),
        request.params.id,
        { type: 'apply', reason: request.body.note },
        now(),
        request.body.attachmentIds,
      ),
    issue: (request) => transitionTask(db, actorOf(request), request.params.id, { type: 'issue' }, now()),
    review: (request) => {
      const body = request.body;
      const action =
        body.decision === 'approve'
          ? ({ type: 'approve', reason: body.reason } as const)
          : ({ type: 'return', reason: body.reason } as const);
      return transitionTask(db, actorOf(request), request.params.id, action, now(), body.attachmentIds);
    },
    taskFile: async (request, reply) => {
      const file = await readTaskFile(db, actorOf(request), request.params.id, request.params.fileId, now());
      return sendStoredFile(reply, file);
    },
    reopen: (request) =>
      transitionTask(db, actorOf(request), request.params.id, { type: 'reopen', reason: request.body.reason }, now()),
    milestoneDone: (request) => markMilestoneDone(db, actorOf(request), request.params.id, request.params.node, now()),
  });
}
