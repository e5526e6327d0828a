import type { PointCreate } from '@fazhi/core/consultation/consultation.schemas';
import { type Consultation, shanghaiDate } from '@fazhi/core/consultation/consultation-window';
import { diffDrafts } from '@fazhi/core/consultation/draft-diff';
import {
  checklistWarnings,
  completeStep,
  createTenStepChecklist,
  reopenStep,
  type TenStepChecklist,
  type TenStepKey,
} from '@fazhi/core/consultation/ten-steps';
import type { Db, Executor } from '../db/client.ts';
import type { Actor, AuthUser } from '../platform/kernel/context.ts';
import { badRequest, conflict } from '../platform/kernel/errors.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { requireFirst, requireInScope } from '../platform/platform.scope.service.ts';
import { draftVersionsWithArticles, latestDraftVersion } from './consultation.drafts.repo.ts';
import { requireDraft } from './consultation.drafts.service.ts';
import { moveOpinionArticles } from './consultation.opinions.repo.ts';
import { forgetPortalMeta } from './consultation.portal.service.ts';
import {
  insertConsultation,
  insertPoint,
  insertPushes,
  queryConsultations,
  queryPoints,
  queryStats,
  subPointIdsAmong,
  updateConsultation,
} from './consultation.repo.ts';
import { consultationPoints, consultations } from './consultation.schema.ts';

export async function listPoints(db: Executor, user: AuthUser) {
  return queryPoints(db, user);
}

export async function listConsultations(db: Executor, user: AuthUser, year?: number) {
  return queryConsultations(db, user, { year });
}

/** Figures per point and year within the user's data scope. */
export async function consultationStats(db: Executor, user: AuthUser, year?: number) {
  return queryStats(db, user, year);
}

export async function createPoint(db: Db, actor: Actor, input: PointCreate) {
  return db.transaction(async (tx) => {
    const parent = await requireInScope(
      tx,
      actor.user,
      consultationPoints,
      input.parentId,
      '未找到所属的基层立法联系点，或不在您的数据范围内',
    );
    if (parent.parentId !== null) throw badRequest('立法议事小院和信息员只能设在基层立法联系点之下');
    const id = await insertPoint(tx, {
      orgId: parent.orgId,
      parentId: parent.id,
      kind: input.kind,
      name: input.name,
      contact: input.contact,
    });
    await writeAudit(tx, actor, {
      action: 'consultation_point.create',
      entity: 'consultation_point',
      entityId: id,
      orgId: parent.orgId,
      after: input,
    });
    return { id };
  });
}

export async function requireConsultation(db: Executor, actor: Actor, id: number, now: Date) {
  const row = requireFirst(
    await queryConsultations(db, actor.user, { ids: [id] }),
    '未找到该征求意见事项，或不在您的数据范围内',
  );
  const warnings = checklistWarnings(row.checklist, {
    today: shanghaiDate(now),
    window: { opensOn: row.opensOn, closesOn: row.closesOn },
  });
  return { ...row, warnings };
}

export async function createConsultation(db: Db, actor: Actor, input: Consultation) {
  const draftId = Number(input.draftId);
  if (!Number.isInteger(draftId) || draftId <= 0) throw badRequest('请选择征求意见的草案');
  return db.transaction(async (tx) => {
    const draft = await requireDraft(tx, actor, draftId);
    const version = await latestDraftVersion(tx, draftId);
    const checklist = createTenStepChecklist({ publish_notice: input.opensOn, collect_opinions: input.closesOn });
    const id = await insertConsultation(tx, {
      orgId: draft.orgId,
      pointId: draft.pointId,
      draftId,
      versionId: version!.id,
      title: input.title,
      legislature: input.legislature,
      legislatureLevel: input.legislatureLevel,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      checklist,
      createdBy: actor.user.id,
    });
    await writeAudit(tx, actor, {
      action: 'consultation.create',
      entity: 'consultation',
      entityId: id,
      orgId: draft.orgId,
      after: input,
    });
    return { id };
  });
}

async function lockConsultation(tx: Executor, actor: Actor, id: number) {
  return requireInScope(tx, actor.user, consultations, id, '未找到该征求意见事项，或不在您的数据范围内', {
    lock: true,
  });
}

export async function publishConsultation(db: Db, actor: Actor, id: number, now: Date) {
  return db.transaction(async (tx) => {
    const row = await lockConsultation(tx, actor, id);
    if (row.status === 'published') throw conflict('该征求意见事项已发布');
    await updateConsultation(tx, id, { status: 'published', publishedAt: now });
    await writeAudit(tx, actor, {
      action: 'consultation.publish',
      entity: 'consultation',
      entityId: id,
      orgId: row.orgId,
      before: { status: row.status },
      after: { status: 'published' },
    });
    return { id, status: 'published' as const };
  });
}

type ChecklistChange =
  | { type: 'complete'; step: TenStepKey; completedOn: string; note?: string | null }
  | { type: 'reopen'; step: TenStepKey }
  | { type: 'plan'; step: TenStepKey; plannedOn: string | null };

export async function changeChecklist(db: Db, actor: Actor, id: number, change: ChecklistChange, now: Date) {
  return db.transaction(async (tx) => {
    const row = await lockConsultation(tx, actor, id);
    const window = { opensOn: row.opensOn, closesOn: row.closesOn };
    let checklist: TenStepChecklist;
    if (change.type === 'plan') {
      checklist = row.checklist.map((e) => (e.step === change.step ? { ...e, plannedOn: change.plannedOn } : e));
    } else {
      const result =
        change.type === 'complete'
          ? completeStep(row.checklist, change.step, change.completedOn, {
              today: shanghaiDate(now),
              window,
              note: change.note,
            })
          : reopenStep(row.checklist, change.step);
      if (!result.ok) throw badRequest(result.message);
      checklist = result.checklist;
    }
    await updateConsultation(tx, id, { checklist });
    await writeAudit(tx, actor, {
      action: `consultation.step_${change.type}`,
      entity: 'consultation',
      entityId: id,
      orgId: row.orgId,
      after: change,
    });
    return { checklist };
  });
}

export async function pushToPoints(db: Db, actor: Actor, id: number, pointIds: number[]) {
  return db.transaction(async (tx) => {
    const row = await lockConsultation(tx, actor, id);
    const unique = [...new Set(pointIds)];
    const points = await subPointIdsAmong(tx, unique, row.pointId);
    if (points.length !== unique.length) {
      const missing = unique.filter((p) => !points.includes(p));
      throw badRequest(`所选的立法议事小院或信息员（编号 ${missing.join('、')}）不属于本联系点`);
    }
    await insertPushes(tx, id, unique);
    await writeAudit(tx, actor, {
      action: 'consultation.push',
      entity: 'consultation',
      entityId: id,
      orgId: row.orgId,
      after: { pointIds: unique },
    });
    return { pushed: unique.length };
  });
}

export async function recordFinalResult(
  db: Db,
  actor: Actor,
  id: number,
  input: { adoptedOn: string; summary: string },
  now: Date,
) {
  if (input.adoptedOn > shanghaiDate(now)) throw badRequest('最终采纳日期不能晚于今天');
  return db.transaction(async (tx) => {
    const row = await lockConsultation(tx, actor, id);
    if (input.adoptedOn < row.opensOn) throw badRequest('最终采纳日期不能早于征求意见开始日期');
    await updateConsultation(tx, id, { finalAdoptedOn: input.adoptedOn, finalSummary: input.summary });
    await writeAudit(tx, actor, {
      action: 'consultation.final_result',
      entity: 'consultation',
      entityId: id,
      orgId: row.orgId,
      before: { adoptedOn: row.finalAdoptedOn, summary: row.finalSummary },
      after: input,
    });
    return { id };
  });
}

/**
 * Moves a consultation onto its draft's latest version: opinions follow their article to its new number
 * (第十条 → 第十一条 after an inserted article); an opinion on a removed article becomes one on the whole draft.
 */
export async function adoptLatestVersion(db: Db, actor: Actor, id: number) {
  const result = await db.transaction(async (tx) => {
    const row = await lockConsultation(tx, actor, id);
    const versions = await draftVersionsWithArticles(tx, row.draftId);
    const latest = versions[0]!;
    const current = versions.find((v) => v.id === row.versionId)!;
    if (latest.id === row.versionId) throw conflict(`已是最新的第${latest.version}稿`);
    const { keyMap } = diffDrafts(current.articles, latest.articles);
    const moves = Object.entries(keyMap)
      .filter(([from, to]) => from !== to)
      .map(([from, to]) => ({ from, to }));
    const moved = await moveOpinionArticles(tx, id, moves);
    await updateConsultation(tx, id, { versionId: latest.id });
    await writeAudit(tx, actor, {
      action: 'consultation.adopt_version',
      entity: 'consultation',
      entityId: id,
      orgId: row.orgId,
      before: { version: current.version },
      after: { version: latest.version, keyMap },
    });
    return { version: latest.version, moved };
  });
  forgetPortalMeta(db, id);
  return result;
}
