import {
  bulkOpinionActionSchema,
  draftCreateSchema,
  draftTextSchema,
  draftVersionCreateSchema,
  finalResultSchema,
  offlineOpinionSchema,
  opinionActionSchema,
  pointCreateSchema,
  pushSchema,
  stepCompleteSchema,
  stepPlanSchema,
  tenStepKeySchema,
} from '@fazhi/core/consultation/consultation.schemas';
import { consultationSchema } from '@fazhi/core/consultation/consultation-window';
import { dbIdParam, idParams } from '@fazhi/core/shared/fields';
import { z } from '@fazhi/core/shared/zod';
import { type AppDeps, actorOf, type ZApp } from '../platform/context.ts';
import { readUpload, sendXlsx } from '../platform/http.ts';
import {
  addDraftVersion,
  createDraft,
  diffDraftVersions,
  extractDraftText,
  getDraftVersion,
  previewDraft,
  requireDraft,
} from './consultation.drafts.ts';
import { adoptionDocx, adoptionXlsx } from './consultation.export.ts';
import { actOnOpinions, addOfflineOpinion, listOpinions } from './consultation.opinions.ts';
import { portalRoutes } from './consultation.portal-routes.ts';
import { queryConsultations, queryDrafts, queryPoints, queryStats } from './consultation.repo.ts';
import {
  adoptLatestVersion,
  changeChecklist,
  createConsultation,
  createPoint,
  publishConsultation,
  pushToPoints,
  recordFinalResult,
  requireConsultation,
} from './consultation.service.ts';

const stepParams = idParams.extend({ step: tenStepKeySchema });
const tags = ['consultation'];
const base = '/api/consultation';

export function consultationRoutes(app: ZApp, deps: AppDeps) {
  const { db, now } = deps;
  const read = { access: 'consultation.read' } as const;
  const manage = { access: 'consultation.manage' } as const;

  app.get(`${base}/points`, { config: read, schema: { tags, summary: '立法联系点及议事小院、信息员' } }, async (r) => ({
    items: await queryPoints(db, actorOf(r).user),
  }));
  app.post(
    `${base}/points`,
    { config: manage, schema: { tags, summary: '新增立法议事小院或信息员', body: pointCreateSchema } },
    async (r) => createPoint(db, actorOf(r), r.body),
  );

  app.post(
    `${base}/drafts/parse`,
    { config: manage, schema: { tags, summary: '拆分草案文本（预览，不保存）', body: draftTextSchema } },
    async (r) => previewDraft(r.body.text),
  );
  app.post(
    `${base}/drafts/parse-file`,
    { config: manage, schema: { tags, summary: '上传草案文件（.docx/.pdf/.txt）并拆分预览' } },
    async (r) => {
      const file = await readUpload(r, '草案文件');
      const text = await extractDraftText(file.filename, file.data);
      return { filename: file.filename, ...previewDraft(text) };
    },
  );
  app.get(`${base}/drafts`, { config: read, schema: { tags, summary: '草案列表' } }, async (r) => ({
    items: await queryDrafts(db, actorOf(r).user),
  }));
  app.post(
    `${base}/drafts`,
    { config: manage, schema: { tags, summary: '登记草案（第一稿）', body: draftCreateSchema } },
    async (r) => createDraft(db, actorOf(r), r.body),
  );
  app.get(
    `${base}/drafts/:id`,
    {
      config: read,
      schema: {
        tags,
        summary: '草案及其某一稿的条文',
        params: idParams,
        querystring: z.object({ version: dbIdParam().optional() }),
      },
    },
    async (r) => getDraftVersion(db, actorOf(r), r.params.id, r.query.version),
  );
  app.post(
    `${base}/drafts/:id/versions`,
    { config: manage, schema: { tags, summary: '保存草案新一稿', params: idParams, body: draftVersionCreateSchema } },
    async (r) => addDraftVersion(db, actorOf(r), r.params.id, r.body),
  );
  app.get(
    `${base}/drafts/:id/diff`,
    {
      config: read,
      schema: {
        tags,
        summary: '比较草案两稿的变化',
        params: idParams,
        querystring: z.object({ from: dbIdParam(), to: dbIdParam() }),
      },
    },
    async (r) => {
      await requireDraft(db, actorOf(r), r.params.id);
      return diffDraftVersions(db, actorOf(r), r.params.id, r.query.from, r.query.to);
    },
  );

  app.get(
    `${base}/consultations`,
    {
      config: read,
      schema: {
        tags,
        summary: '征求意见事项列表',
        querystring: z.object({ year: z.coerce.number().int().optional() }),
      },
    },
    async (r) => ({ items: await queryConsultations(db, actorOf(r).user, { year: r.query.year }) }),
  );
  app.post(
    `${base}/consultations`,
    { config: manage, schema: { tags, summary: '新建征求意见事项', body: consultationSchema } },
    async (r) => createConsultation(db, actorOf(r), r.body),
  );
  app.get(
    `${base}/consultations/:id`,
    { config: read, schema: { tags, summary: '征求意见事项详情', params: idParams } },
    async (r) => requireConsultation(db, actorOf(r), r.params.id, now()),
  );
  app.post(
    `${base}/consultations/:id/publish`,
    { config: manage, schema: { tags, summary: '发布征求意见（公众可在门户提交意见）', params: idParams } },
    async (r) => publishConsultation(db, actorOf(r), r.params.id, now()),
  );
  app.post(
    `${base}/consultations/:id/adopt-latest-version`,
    {
      config: manage,
      schema: { tags, summary: '改用草案最新一稿（意见随条文调整序号）', params: idParams },
    },
    async (r) => adoptLatestVersion(db, actorOf(r), r.params.id),
  );
  app.post(
    `${base}/consultations/:id/steps/:step/complete`,
    { config: manage, schema: { tags, summary: '完成十步工作法某一步', params: stepParams, body: stepCompleteSchema } },
    async (r) =>
      changeChecklist(db, actorOf(r), r.params.id, { type: 'complete', step: r.params.step, ...r.body }, now()),
  );
  app.post(
    `${base}/consultations/:id/steps/:step/reopen`,
    { config: manage, schema: { tags, summary: '撤销某一步的完成记录', params: stepParams } },
    async (r) => changeChecklist(db, actorOf(r), r.params.id, { type: 'reopen', step: r.params.step }, now()),
  );
  app.put(
    `${base}/consultations/:id/steps/:step/plan`,
    { config: manage, schema: { tags, summary: '设置某一步的计划日期', params: stepParams, body: stepPlanSchema } },
    async (r) =>
      changeChecklist(
        db,
        actorOf(r),
        r.params.id,
        { type: 'plan', step: r.params.step, plannedOn: r.body.plannedOn },
        now(),
      ),
  );
  app.post(
    `${base}/consultations/:id/push`,
    { config: manage, schema: { tags, summary: '推送至立法议事小院、信息员', params: idParams, body: pushSchema } },
    async (r) => pushToPoints(db, actorOf(r), r.params.id, r.body.pointIds),
  );
  app.put(
    `${base}/consultations/:id/final-result`,
    {
      config: manage,
      schema: { tags, summary: '登记立法机关最终采纳情况', params: idParams, body: finalResultSchema },
    },
    async (r) => recordFinalResult(db, actorOf(r), r.params.id, r.body, now()),
  );

  app.get(
    `${base}/consultations/:id/opinions`,
    { config: read, schema: { tags, summary: '意见列表（按条文排序）', params: idParams } },
    async (r) => listOpinions(db, actorOf(r), r.params.id, now()),
  );
  app.post(
    `${base}/consultations/:id/opinions`,
    {
      config: manage,
      schema: { tags, summary: '录入线下收集的意见', params: idParams, body: offlineOpinionSchema },
    },
    async (r) => addOfflineOpinion(db, actorOf(r), r.params.id, r.body, now()),
  );
  app.post(
    `${base}/opinions/:id/actions`,
    { config: manage, schema: { tags, summary: '办理一条意见', params: idParams, body: opinionActionSchema } },
    async (r) => actOnOpinions(db, actorOf(r), [r.params.id], r.body, now()),
  );
  app.post(
    `${base}/opinions/bulk`,
    {
      config: manage,
      schema: { tags, summary: '批量办理意见（全部成功或全部不办理）', body: bulkOpinionActionSchema },
    },
    async (r) => actOnOpinions(db, actorOf(r), r.body.ids, r.body.action, now()),
  );

  app.get(
    `${base}/consultations/:id/export.xlsx`,
    { config: read, schema: { tags, summary: '导出意见采纳情况表（Excel）', params: idParams } },
    async (r, reply) => {
      const { filename, data } = await adoptionXlsx(db, actorOf(r), r.params.id, now());
      return sendXlsx(reply, filename, data);
    },
  );
  app.get(
    `${base}/consultations/:id/export.docx`,
    { config: read, schema: { tags, summary: '导出意见采纳情况表（Word）', params: idParams } },
    async (r, reply) => {
      const { filename, data } = await adoptionDocx(db, actorOf(r), r.params.id, now());
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(data);
    },
  );

  app.get(
    `${base}/stats`,
    {
      config: read,
      schema: {
        tags,
        summary: '立法联系点统计（按联系点和年度：草案、意见、采纳）',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      },
    },
    async (r) => ({ items: await queryStats(db, actorOf(r).user, r.query.year) }),
  );

  portalRoutes(app, deps);
}
