import { createHash } from 'node:crypto';
import {
  answerCoverageProblem,
  DUPLICATE_DEVICE_MESSAGE,
  DUPLICATE_PHONE_MESSAGE,
  SATISFIED_FROM,
  SURVEY_STATUS_LABELS,
  type SurveyInput,
  satisfactionRate,
  surveyAnswerSchema,
} from '@fazhi/core/consultation/survey';
import type { Db, Executor } from '../db/client.ts';
import { shanghaiToday } from '../platform/kernel/clock.ts';
import type { Actor, AuthUser } from '../platform/kernel/context.ts';
import { AppError, badRequest, conflict, notFound } from '../platform/kernel/errors.ts';
import { indexOf, seal } from '../platform/kernel/field-crypto.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { requireOrgInScope } from '../platform/platform.scope.service.ts';
import {
  insertRatings,
  insertResponse,
  insertSurvey,
  queryAnsweredBy,
  queryOrgsById,
  queryQuestionCounts,
  querySurvey,
  querySurveys,
  queryTargetTallies,
  type SurveyRow,
  type TargetOrgRow,
  updateSurveyStatus,
} from './consultation.survey.repo.ts';

// 群众满意度测评. The office side checks the data scope first; the public side shows only published surveys
// (open or closed) and takes one answer per phone (blind index) and per device.

const notFoundMessage = '未找到该满意度测评，或不在您的数据范围内';
const publicNotFound = '未找到该满意度测评，或测评尚未发布';

/** Kinds a respondent may rate: a township (乡镇街道) or a unit (部门、办公室、委员会、司法所). */
const TOWNSHIP_KINDS = new Set(['township']);
const UNIT_KINDS = new Set(['department', 'office', 'committee', 'judicial_office']);
const groupOf = (kind: string) => (TOWNSHIP_KINDS.has(kind) ? ('township' as const) : ('unit' as const));

async function targetsOf(db: Executor, rows: readonly SurveyRow[]) {
  const ids = [...new Set(rows.flatMap((r) => r.target_org_ids))];
  const orgs = new Map((await queryOrgsById(db, ids)).map((o) => [o.id, o]));
  return (row: SurveyRow) =>
    row.target_org_ids
      .map((id) => orgs.get(id))
      .filter((o): o is TargetOrgRow => o !== undefined)
      .map((o) => ({ id: o.id, name: o.name, group: groupOf(o.kind) }));
}

function view(row: SurveyRow, targets: { id: number; name: string; group: 'township' | 'unit' }[]) {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    title: row.title,
    intro: row.intro,
    status: row.status,
    statusLabel: SURVEY_STATUS_LABELS[row.status],
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    questions: row.questions,
    targets,
    responses: row.responses,
    version: row.version,
    createdAt: row.created_at,
  };
}

export async function listSurveys(db: Executor, user: AuthUser) {
  const rows = await querySurveys(db, user);
  const targets = await targetsOf(db, rows);
  return rows.map((r) => view(r, targets(r)));
}

async function requireSurvey(db: Executor, user: AuthUser, id: number, lock = false) {
  const row = await querySurvey(db, id, user, lock);
  if (!row) throw notFound(notFoundMessage);
  return row;
}

export async function getSurvey(db: Executor, user: AuthUser, id: number) {
  const row = await requireSurvey(db, user, id);
  return view(row, (await targetsOf(db, [row]))(row));
}

export async function createSurvey(db: Db, actor: Actor, input: SurveyInput) {
  await requireOrgInScope(db, actor.user, input.orgId, '测评所属单位不存在，或不在您的数据范围内');
  const [owner] = await queryOrgsById(db, [input.orgId]);
  const targets = await queryOrgsById(db, input.targetOrgIds);
  const byId = new Map(targets.map((t) => [t.id, t]));
  for (const [i, id] of input.targetOrgIds.entries()) {
    const t = byId.get(id);
    if (!t?.path.startsWith(owner!.path) || t.id === owner!.id)
      throw badRequest(`被测评单位第${i + 1}项不存在，或不在${owner!.name}范围内`);
    if (!TOWNSHIP_KINDS.has(t.kind) && !UNIT_KINDS.has(t.kind))
      throw badRequest(`“${t.name}”不能作为被测评单位：请选择乡镇（街道）或部门单位`);
  }
  const id = await db.transaction(async (tx) => {
    const surveyId = await insertSurvey(tx, {
      orgId: input.orgId,
      title: input.title,
      intro: input.intro,
      questions: input.questions,
      targetOrgIds: input.targetOrgIds,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      createdBy: actor.user.id,
    });
    await writeAudit(tx, actor, {
      action: 'survey.create',
      entity: 'survey',
      entityId: surveyId,
      orgId: input.orgId,
      after: input,
    });
    return surveyId;
  });
  return getSurvey(db, actor.user, id);
}

export async function setSurveyStatus(
  db: Db,
  actor: Actor,
  id: number,
  change: { status: 'open' | 'closed'; version: number },
  now: Date,
) {
  await db.transaction(async (tx) => {
    const row = await requireSurvey(tx, actor.user, id, true);
    if (row.version !== change.version) throw conflict('该测评已被他人修改，请刷新后重试');
    if (change.status === 'open' && row.status !== 'draft') throw conflict('只有未发布的测评可以发布');
    if (change.status === 'closed' && row.status !== 'open') throw conflict('只有测评中的测评可以结束');
    if (!(await updateSurveyStatus(tx, id, change.version, change.status, now)))
      throw conflict('该测评已被他人修改，请刷新后重试');
    await writeAudit(tx, actor, {
      action: change.status === 'open' ? 'survey.open' : 'survey.close',
      entity: 'survey',
      entityId: id,
      orgId: row.org_id,
      before: { status: row.status },
      after: { status: change.status },
    });
  });
  return getSurvey(db, actor.user, id);
}

const tally = (t: { ratings: number; satisfied: number; average: number | null }) => ({
  ratings: t.ratings,
  satisfied: t.satisfied,
  rate: satisfactionRate(t.satisfied, t.ratings),
  average: t.ratings > 0 ? t.average : null,
});

/** Results by rated unit (townships and units), by question, and in total — hand-countable from the ratings. */
export async function surveyResults(db: Executor, user: AuthUser, id: number) {
  const row = await requireSurvey(db, user, id);
  const targets = (await targetsOf(db, [row]))(row);
  const [byOrg, byQuestion] = await Promise.all([
    queryTargetTallies(db, id, SATISFIED_FROM),
    queryQuestionCounts(db, id),
  ]);
  const orgTally = new Map(byOrg.map((t) => [t.org_id, t]));
  const empty = { responses: 0, ratings: 0, satisfied: 0, average: null };
  const ratings = byOrg.reduce((n, t) => n + t.ratings, 0);
  const satisfied = byOrg.reduce((n, t) => n + t.satisfied, 0);
  const scoreSum = byQuestion.reduce((n, q) => n + q.score * q.n, 0);
  return {
    surveyId: id,
    total: {
      responses: row.responses,
      ...tally({ ratings, satisfied, average: ratings > 0 ? Math.round((scoreSum / ratings) * 100) / 100 : null }),
    },
    questions: row.questions.map((q) => {
      const counts = [1, 2, 3, 4, 5].map(
        (s) => byQuestion.find((c) => c.question_key === q.key && c.score === s)?.n ?? 0,
      );
      const n = counts.reduce((a, b) => a + b, 0);
      const sum = counts.reduce((a, c, i) => a + c * (i + 1), 0);
      const sat = counts.slice(SATISFIED_FROM - 1).reduce((a, b) => a + b, 0);
      return {
        key: q.key,
        text: q.text,
        counts,
        ...tally({ ratings: n, satisfied: sat, average: n > 0 ? Math.round((sum / n) * 100) / 100 : null }),
      };
    }),
    targets: targets.map((t) => {
      const r = orgTally.get(t.id) ?? empty;
      return { orgId: t.id, name: t.name, group: t.group, responses: r.responses, ...tally(r) };
    }),
  };
}

// ---- the public side ----

function blockedReason(row: SurveyRow, now: Date): string | null {
  const today = shanghaiToday(now);
  if (row.status === 'closed') return '本次测评已结束，感谢关注';
  if (today > row.closes_on) return `本次测评已于${row.closes_on}结束，感谢关注`;
  if (today < row.opens_on) return `本次测评将于${row.opens_on}开始，请届时参与`;
  return null;
}

async function requirePublic(db: Executor, id: number) {
  const row = await querySurvey(db, id, null);
  if (!row || row.status === 'draft') throw notFound(publicNotFound);
  return row;
}

export async function publicSurvey(db: Executor, id: number, now: Date) {
  const row = await requirePublic(db, id);
  return {
    id: row.id,
    title: row.title,
    intro: row.intro,
    orgName: row.org_name,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    blockedReason: blockedReason(row, now),
    questions: row.questions,
    targets: (await targetsOf(db, [row]))(row),
  };
}

const deviceHashOf = (deviceId: string | null) =>
  deviceId ? createHash('sha256').update(`fazhi-survey-device:${deviceId}`).digest('hex') : null;

/**
 * One answer. No audit row (an anonymous answer is not an account's operation; the answer row is the record), one
 * transaction for the answer and its ratings; a phone or device that answered already gets a Chinese 409.
 */
export async function answerSurvey(db: Db, id: number, body: unknown, now: Date) {
  const parsed = surveyAnswerSchema.safeParse(body ?? {});
  if (!parsed.success) throw badRequest(parsed.error.issues[0]!.message, parsed.error.issues);
  const answer = parsed.data;
  const row = await requirePublic(db, id);
  const blocked = blockedReason(row, now);
  if (blocked) throw new AppError(409, 'SURVEY_CLOSED', blocked);
  const coverage = answerCoverageProblem(row.questions, answer.scores);
  if (coverage) throw badRequest(coverage);
  if (!row.target_org_ids.includes(answer.targetOrgId)) throw badRequest('请从列表中选择您要评价的单位或乡镇');
  const phoneIndex = indexOf(answer.phone);
  const deviceHash = deviceHashOf(answer.deviceId);
  const values = {
    surveyId: id,
    orgId: answer.targetOrgId,
    phone: seal(answer.phone)!,
    phoneIndex,
    deviceHash,
    comment: answer.comment,
    submittedAt: now,
  };
  const saved = await db.transaction(async (tx) => {
    const responseId = await insertResponse(tx, values);
    if (responseId === null) return false;
    await insertRatings(
      tx,
      { surveyId: id, orgId: answer.targetOrgId, responseId, submittedAt: now },
      row.questions.map((q) => ({ key: q.key, score: answer.scores[q.key]! })),
    );
    return true;
  });
  if (!saved) {
    const by = await queryAnsweredBy(db, id, phoneIndex, deviceHash);
    throw new AppError(409, 'DUPLICATE_ANSWER', by.phone ? DUPLICATE_PHONE_MESSAGE : DUPLICATE_DEVICE_MESSAGE);
  }
  return { message: '提交成功，感谢您对法治建设工作的评价！' };
}
