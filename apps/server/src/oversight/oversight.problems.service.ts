import type { problemActions } from '@fazhi/core/oversight/oversight.contract';
import { type Problem, problemEventLabels, problemStatusLabels } from '@fazhi/core/oversight/problem';
import type { ProblemActionInput, ProblemCreate } from '@fazhi/core/oversight/problem.schemas';
import { daysOverdue, effectiveDeadline } from '@fazhi/core/oversight/problem-deadline';
import {
  applyProblemAction,
  createProblem,
  missingSignOffs,
  type ProblemAction,
  problemActionLabels,
  reopenOnRecurrence,
} from '@fazhi/core/oversight/problem-lifecycle';
import { can } from '@fazhi/core/platform/roles';
import type { Db, Executor } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../platform/kernel/errors.ts';
import { isAttachmentInScope } from '../platform/platform.attachments.service.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { isOrgInScope, requireFirst, scopeRootOrgId } from '../platform/platform.scope.service.ts';
import { requireInspection } from './oversight.inspections.service.ts';
import { notifyProblemAction, notifyProblemAssigned } from './oversight.notifications.service.ts';
import {
  attachmentOrgs,
  countActiveOwners,
  findProblemEvidenceFile,
  insertProblem,
  linkEvidenceToLastEvent,
  queryOwnerOptions,
  queryRelatedProblems,
  storeProblemState,
} from './oversight.problems.repo.ts';
import { type LoadedProblem, loadProblems, queryProblemsOfYear } from './oversight.repo.ts';

const officeActions = new Set<ProblemAction['type']>([
  'verify_pass',
  'verify_fail',
  'approve_deferral',
  'reject_deferral',
]);

export async function requireProblem(db: Executor, actor: Actor, id: number): Promise<LoadedProblem> {
  const loaded = requireFirst(await loadProblems(db, actor.user, [id]), '未找到该问题，或该问题不在您的数据范围内');
  return loaded;
}

/** The detail page: the problem, who did what, and what the viewer may do next. */
export async function problemDetail(db: Executor, actor: Actor, id: number, now: Date) {
  const loaded = await requireProblem(db, actor, id);
  const { problem } = loaded;
  const names = new Map(loaded.units.map((u) => [u.id, u.name]));
  const related = await queryRelatedProblems(db, [problem.recurrenceOf ?? 0, ...problem.recurrenceIds]);
  return {
    id: problem.id,
    year: loaded.year,
    version: loaded.version,
    title: problem.title,
    description: problem.description,
    status: problem.status,
    statusLabel: problemStatusLabels[problem.status],
    inspectionId: problem.inspectionId,
    inspectionTitle: loaded.inspectionTitle,
    units: loaded.units,
    isJoint: problem.unitIds.length > 1,
    owner: loaded.owner,
    plan: problem.fourOnes.plan,
    measures: problem.fourOnes.measures,
    deadline: problem.fourOnes.deadline,
    isDeadlineFixed: problem.isDeadlineFixed,
    effectiveDeadline: effectiveDeadline(problem),
    daysOverdue: daysOverdue(problem, now),
    isOverdue: daysOverdue(problem, now) > 0,
    claimedByUnitId: problem.claimedByUnitId,
    rectificationSummary: problem.rectificationSummary,
    closedAt: problem.closedAt?.toISOString() ?? null,
    signOffs: problem.signOffs.map((s) => ({
      unitId: s.unitId,
      unitName: names.get(s.unitId) ?? '',
      by: loaded.actorNames.get(s.by) ?? '',
      at: s.at.toISOString(),
      note: s.note,
    })),
    missingSignOffs: missingSignOffs(problem).map((u) => ({ id: u, name: names.get(u) ?? '' })),
    deferrals: problem.deferrals.map((d) => ({
      reason: d.reason,
      until: d.until,
      status: d.status,
      requestedAt: d.requestedAt.toISOString(),
      decidedAt: d.decidedAt?.toISOString() ?? null,
      decisionNote: d.decisionNote,
    })),
    recurrenceOf: related.find((r) => r.id === problem.recurrenceOf) ?? null,
    recurrences: related.filter((r) => problem.recurrenceIds.includes(r.id)),
    history: problem.history.map((e, i) => ({
      type: e.type,
      label: problemEventLabels[e.type],
      from: e.from,
      to: e.to,
      note: e.note,
      unitName: e.unitId ? (names.get(e.unitId) ?? '') : '',
      relatedProblemId: e.relatedProblemId ?? null,
      actor: loaded.actorNames.get(e.by) ?? '',
      at: e.at.toISOString(),
      attachments: loaded.eventAttachments[i] ?? [],
    })),
    allowedActions: allowedActions(actor, loaded),
  };
}

type ProblemActionType = (typeof problemActions)[number];

/** Which actions the viewer's role and unit allow in the current state (the lifecycle still has the last word). */
function allowedActions(actor: Actor, loaded: LoadedProblem): ProblemActionType[] {
  const { problem } = loaded;
  const isOffice = can(actor.user.role, 'oversight.manage');
  const isUnit = can(actor.user.role, 'oversight.rectify') && (isOffice || problem.unitIds.includes(actor.user.orgId));
  const out: ProblemActionType[] = [];
  const pending = problem.deferrals.some((d) => d.status === 'pending');
  if (isUnit && (problem.status === 'unclaimed' || problem.status === 'rectifying')) out.push('set_four_ones');
  if (isUnit && problem.status === 'unclaimed') out.push('claim');
  if (isUnit && problem.status === 'rectifying') {
    if (problem.unitIds.length > 1) out.push('sign_off');
    out.push('apply');
    if (!pending) out.push('request_deferral');
  }
  if (isOffice && problem.status === 'applied') out.push('verify_pass', 'verify_fail');
  if (isOffice && pending) out.push('approve_deferral', 'reject_deferral');
  if (isOffice && problem.status === 'closed') out.push('recur');
  return out;
}

export async function createProblemRecord(db: Db, actor: Actor, input: ProblemCreate, now: Date) {
  return db.transaction(async (tx) => {
    for (const unitId of new Set(input.unitIds)) {
      if (!(await isOrgInScope(tx, actor.user, unitId)))
        throw badRequest('责任单位不存在或不在您的数据范围内', [{ field: 'unitIds', message: '单位无效' }]);
    }
    let year = Number(now.toISOString().slice(0, 4));
    if (input.inspectionId) {
      const inspection = await requireInspection(tx, actor, input.inspectionId).catch(() => null);
      if (!inspection || !(await isOrgInScope(tx, actor.user, inspection.orgId)))
        throw badRequest('所属督察不存在或不在您的数据范围内', [{ field: 'inspectionId', message: '督察无效' }]);
      year = inspection.year;
    }
    const draft = createProblem({ ...input, id: 0 }, { by: actor.user.id, at: now });
    const id = await insertProblem(
      tx,
      {
        orgId: draft.unitIds[0]!,
        issuerOrgId: scopeRootOrgId(actor.user),
        inspectionId: input.inspectionId,
        year,
        title: draft.title,
        description: draft.description,
        status: draft.status,
        deadline: draft.fourOnes.deadline,
        isDeadlineFixed: draft.isDeadlineFixed,
        createdBy: actor.user.id,
        createdAt: now,
      },
      draft.unitIds,
      draft.history,
    );
    await notifyProblemAssigned(tx, { id, title: draft.title, unitIds: draft.unitIds }, actor.user.id);
    await writeAudit(tx, actor, {
      action: 'problem.create',
      entity: 'problem',
      entityId: id,
      orgId: draft.unitIds[0],
      after: input,
    });
    return { id };
  });
}

/** The history event a step with 佐证材料 appends, which the files are linked to. */
const evidenceEvent = { apply: 'applied', verify_pass: 'verified_pass', verify_fail: 'verified_fail' } as const;

/**
 * 佐证材料 a user may cite: files uploaded within their own scope. Another unit's file answers like one that does not
 * exist (404), so nothing confirms it is there.
 */
async function requireEvidence(tx: Executor, actor: Actor, ids: readonly number[]) {
  for (const attachmentId of ids)
    if (!(await isAttachmentInScope(tx, actor.user, attachmentId)))
      throw notFound(`未找到佐证材料（附件编号${attachmentId}），或无权使用该文件`);
}

/**
 * One lifecycle step: the core decides, the service checks who may ask and stores the result, the 佐证材料 it cites
 * and its audit entry, in one transaction.
 */
export async function actOnProblem(db: Db, actor: Actor, id: number, input: ProblemActionInput, now: Date) {
  return db.transaction(async (tx) => {
    const loaded = await requireProblem(tx, actor, id);
    const { problem } = loaded;
    const isOffice = can(actor.user.role, 'oversight.manage');
    const label = problemActionLabels[input.type];
    if (officeActions.has(input.type)) {
      if (!isOffice) throw forbidden(`“${label}”须由依法治区办办理`);
    } else if (!isOffice && !problem.unitIds.includes(actor.user.orgId)) {
      throw forbidden(`本单位不是该问题的责任单位，不能${label}`);
    }
    const action: ProblemAction = input;
    const evidenceIds = 'attachmentIds' in input ? [...new Set(input.attachmentIds)] : [];
    await requireEvidence(tx, actor, evidenceIds);
    if ((action.type === 'claim' || action.type === 'sign_off') && !isOffice && action.unitId !== actor.user.orgId)
      throw forbidden(`只能以本单位名义${label}`);
    if (action.type === 'claim' || action.type === 'set_four_ones') {
      const fields = action.fields;
      if (fields?.ownerIds?.length) await requireOwners(tx, fields.ownerIds, problem.unitIds);
    }
    const result = applyProblemAction(problem, action, { by: actor.user.id, at: now });
    if (!result.ok) throw new AppError(422, result.code.toUpperCase(), result.message, result.details);
    await saveProblem(tx, loaded, result.problem);
    if (
      evidenceIds.length &&
      (input.type === 'apply' || input.type === 'verify_pass' || input.type === 'verify_fail')
    ) {
      const orgOf = await attachmentOrgs(tx, evidenceIds);
      await linkEvidenceToLastEvent(
        tx,
        id,
        evidenceEvent[input.type],
        evidenceIds.map((attachmentId) => ({ attachmentId, orgId: orgOf.get(attachmentId)! })),
      );
    }
    await notifyProblemAction(tx, { id, title: problem.title, unitIds: problem.unitIds }, input, actor.user.id);
    await writeAudit(tx, actor, {
      action: `problem.${input.type}`,
      entity: 'problem',
      entityId: id,
      orgId: loaded.orgId,
      before: { status: problem.status },
      after: { status: result.problem.status, ...input },
    });
    return { id, status: result.problem.status };
  });
}

/** 复发: a closed problem comes back as a new linked problem; the original stays closed and records the link. */
export async function registerRecurrence(
  db: Db,
  actor: Actor,
  id: number,
  input: { reason: string; deadline: string | null },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const loaded = await requireProblem(tx, actor, id);
    if (!can(actor.user.role, 'oversight.manage')) throw forbidden('登记问题复发须由依法治区办办理');
    const result = reopenOnRecurrence(loaded.problem, { newId: 0, ...input }, { by: actor.user.id, at: now });
    if (!result.ok) throw new AppError(422, result.code.toUpperCase(), result.message);
    const next = result.recurrence;
    const newId = await insertProblem(
      tx,
      {
        orgId: loaded.orgId,
        issuerOrgId: loaded.issuerOrgId,
        inspectionId: next.inspectionId,
        year: Number(now.toISOString().slice(0, 4)),
        title: next.title,
        description: next.description,
        status: next.status,
        deadline: next.fourOnes.deadline,
        isDeadlineFixed: next.isDeadlineFixed,
        recurrenceOf: loaded.problem.id,
        createdBy: actor.user.id,
        createdAt: now,
      },
      next.unitIds,
      next.history,
    );
    const original = {
      ...result.original,
      history: result.original.history.map((e) => (e.relatedProblemId === 0 ? { ...e, relatedProblemId: newId } : e)),
    };
    await saveProblem(tx, loaded, original);
    await writeAudit(tx, actor, {
      action: 'problem.recur',
      entity: 'problem',
      entityId: id,
      orgId: loaded.orgId,
      after: { recurrenceId: newId, ...input },
    });
    return { id: newId };
  });
}

/**
 * A 佐证材料 file of the problem, for whoever may see the problem (the office's 验收 files reach the unit this way,
 * though they were uploaded outside the unit's scope); a file the problem does not cite is not found.
 */
export async function problemEvidenceFile(db: Executor, actor: Actor, id: number, attachmentId: number) {
  if (!can(actor.user.role, 'attachment.read')) throw forbidden('您的角色不能查阅业务附件');
  await requireProblem(db, actor, id);
  const file = await findProblemEvidenceFile(db, id, attachmentId);
  if (!file) throw notFound('未找到该佐证材料');
  return file;
}

/** Cadres of the responsible units, to pick the one 整改责任人 from. */
export async function ownerOptions(db: Executor, actor: Actor, id: number) {
  const loaded = await requireProblem(db, actor, id);
  return queryOwnerOptions(db, loaded.problem.unitIds);
}

async function requireOwners(tx: Executor, ownerIds: readonly number[], unitIds: number[]) {
  if ((await countActiveOwners(tx, ownerIds, unitIds)) !== new Set(ownerIds).size)
    throw badRequest('整改责任人须为责任单位的在职干部', [{ field: 'fields.ownerIds', message: '整改责任人无效' }]);
}

/** Stores the core's next state (the row guarded by its version: 409 when someone else changed it first). */
export async function saveProblem(tx: Executor, before: LoadedProblem, after: Problem) {
  if (!(await storeProblemState(tx, before, after))) throw conflict('该问题已被他人处理，请刷新后重试');
}

/** For the reports module: the problems found in a year in an org subtree, in the order they were raised. */
export function problemsOfYear(db: Executor, subtreePath: string, year: number) {
  return queryProblemsOfYear(db, subtreePath, year);
}
