import { defineContracts, fileBody, itemsOf, okResponse } from '../shared/contract.ts';
import { dbIdParam, idParams } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';
import {
  keyNodes,
  taskApplySchema,
  taskCreateSchema,
  taskEntryCreateSchema,
  taskEntrySchema,
  taskEventSchema,
  taskListQuerySchema,
  taskPlanSchema,
  taskReasonSchema,
  taskReviewSchema,
  taskSchema,
  taskUpdateSchema,
  workPointCreateSchema,
  workPointSchema,
  workPointUpdateSchema,
} from './plan.schemas.ts';
import { taskStatuses } from './task-lifecycle.ts';
import {
  workpointsProposalSchema,
  workpointsPublishedSchema,
  workpointsPublishSchema,
} from './workpoints-extract-schemas.ts';

export const workPointListQuerySchema = z.object({ year: z.coerce.number().int().optional() });
const milestoneParams = idParams.extend({ node: z.enum(keyNodes) });

const created = z.object({ id: z.number().int() });
/** A state move of a task answers the status it arrived at. */
const taskStatusResponse = z.object({ status: z.enum(taskStatuses) });

export const taskDetailSchema = z.object({
  task: taskSchema,
  entries: z.array(taskEntrySchema),
  events: z.array(taskEventSchema),
});
export type TaskDetail = z.output<typeof taskDetailSchema>;

export const planContracts = defineContracts('plan', {
  workPoints: {
    method: 'GET',
    path: '/api/plan/work-points',
    access: 'plan.read',
    summary: '年度工作要点',
    query: workPointListQuerySchema,
    response: itemsOf(workPointSchema),
  },
  createWorkPoint: {
    method: 'POST',
    path: '/api/plan/work-points',
    access: 'plan.manage',
    summary: '新建工作要点',
    body: workPointCreateSchema,
    response: created,
  },
  publishWorkPoint: {
    method: 'POST',
    path: '/api/plan/work-points/:id/publish',
    access: 'plan.manage',
    summary: '发布工作要点并下达任务',
    params: idParams,
    response: z.object({ issued: z.number().int() }),
  },
  updateWorkPoint: {
    method: 'PATCH',
    path: '/api/plan/work-points/:id',
    access: 'plan.manage',
    summary: '修改工作要点',
    params: idParams,
    body: workPointUpdateSchema,
    response: okResponse,
  },
  deleteWorkPoint: {
    method: 'DELETE',
    path: '/api/plan/work-points/:id',
    access: 'plan.manage',
    summary: '删除草稿工作要点（连同其草稿任务）',
    params: idParams,
    response: z.object({ deletedTasks: z.number().int() }),
  },
  tasks: {
    method: 'GET',
    path: '/api/plan/tasks',
    access: 'plan.read',
    summary: '目标任务列表',
    query: taskListQuerySchema,
    response: z.object({ items: z.array(taskSchema), total: z.number().int() }),
  },
  createTask: {
    method: 'POST',
    path: '/api/plan/tasks',
    access: 'plan.manage',
    summary: '新建目标任务',
    body: taskCreateSchema,
    response: created,
  },
  exportTasks: {
    method: 'GET',
    path: '/api/plan/tasks/export',
    access: 'plan.read',
    summary: '导出任务进度表',
    query: taskListQuerySchema,
    response: fileBody,
  },
  importTasks: {
    method: 'POST',
    path: '/api/plan/tasks/import',
    access: 'plan.report',
    summary: '导入任务进度表',
    upload: true,
    response: z.object({ imported: z.number().int() }),
  },
  task: {
    method: 'GET',
    path: '/api/plan/tasks/:id',
    access: 'plan.read',
    summary: '任务详情（含台账和流转记录）',
    params: idParams,
    response: taskDetailSchema,
  },
  updateTask: {
    method: 'PATCH',
    path: '/api/plan/tasks/:id',
    access: 'plan.manage',
    summary: '修改任务',
    params: idParams,
    body: taskUpdateSchema,
    response: okResponse,
  },
  deleteTask: {
    method: 'DELETE',
    path: '/api/plan/tasks/:id',
    access: 'plan.manage',
    summary: '删除草稿任务',
    params: idParams,
    response: okResponse,
  },
  savePlan: {
    method: 'PUT',
    path: '/api/plan/tasks/:id/plan',
    access: 'plan.report',
    summary: '填写工作方案和推进措施（1×3）',
    params: idParams,
    body: taskPlanSchema,
    response: okResponse,
  },
  addEntry: {
    method: 'POST',
    path: '/api/plan/tasks/:id/entries',
    access: 'plan.report',
    summary: '新增工作台账（进展）',
    params: idParams,
    body: taskEntryCreateSchema,
    response: created,
  },
  apply: {
    method: 'POST',
    path: '/api/plan/tasks/:id/apply',
    access: 'plan.report',
    summary: '申请销号（附申请说明和佐证材料）',
    params: idParams,
    body: taskApplySchema,
    response: taskStatusResponse,
  },
  issue: {
    method: 'POST',
    path: '/api/plan/tasks/:id/issue',
    access: 'plan.manage',
    summary: '下达任务',
    params: idParams,
    response: taskStatusResponse,
  },
  review: {
    method: 'POST',
    path: '/api/plan/tasks/:id/review',
    access: 'plan.manage',
    summary: '审核销号申请（通过或退回，附审核意见）',
    params: idParams,
    body: taskReviewSchema,
    response: taskStatusResponse,
  },
  taskFile: {
    method: 'GET',
    path: '/api/plan/tasks/:id/files/:fileId',
    access: 'plan.read',
    summary: '下载任务流转记录所附的文件（佐证材料和审核附件，牵头单位和依法治办可见）',
    params: idParams.extend({ fileId: dbIdParam() }),
    response: fileBody,
  },
  reopen: {
    method: 'POST',
    path: '/api/plan/tasks/:id/reopen',
    access: 'plan.manage',
    summary: '重新打开已销号任务',
    params: idParams,
    body: taskReasonSchema,
    response: taskStatusResponse,
  },
  milestoneDone: {
    method: 'POST',
    path: '/api/plan/tasks/:id/milestones/:node/done',
    access: 'plan.report',
    summary: '标记关键节点完成',
    params: milestoneParams,
    response: okResponse,
  },
});

/** Importing a year's 工作要点 from its document: the proposal to correct, then one publish of it all. */
export const planWorkpointsImportContracts = defineContracts('plan', {
  importWorkPointsPreview: {
    method: 'POST',
    path: '/api/plan/work-points/import/preview',
    access: 'plan.manage',
    summary: '上传工作要点文档（.docx/.pdf/.txt），识别任务、牵头单位和完成时限',
    upload: true,
    response: workpointsProposalSchema,
  },
  importWorkPointsPublish: {
    method: 'POST',
    path: '/api/plan/work-points/import/publish',
    access: 'plan.manage',
    summary: '发布校正后的工作要点及其任务（一次完成）',
    body: workpointsPublishSchema,
    response: workpointsPublishedSchema,
  },
});
