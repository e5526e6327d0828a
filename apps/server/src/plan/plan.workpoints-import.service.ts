import { extractWorkpoints } from '@fazhi/core/plan/workpoints-extract';
import type { WorkpointsProposalResponse, WorkpointsPublish } from '@fazhi/core/plan/workpoints-extract-schemas';
import type { Db, Executor } from '../db/client.ts';
import { currentShanghaiYear } from '../platform/kernel/clock.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { readDocxText } from '../platform/kernel/docx-text.ts';
import { AppError, badRequest, notFound, unprocessable } from '../platform/kernel/errors.ts';
import { extractPdfText } from '../platform/kernel/pdf-text.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { scopeRootOrgId } from '../platform/platform.scope.service.ts';
import { notifyTasksIssued } from './plan.notifications.service.ts';
import { insertTask, insertTaskEvents, insertWorkPoint, publishWorkPointRows, setTaskAssists } from './plan.repo.ts';
import { queryScopeOrgs } from './plan.workpoints-import.repo.ts';

/**
 * A year's 工作要点 arrives as a document. The preview reads its text (Word through mammoth in the parse worker,
 * PDF through pdf.js, both bounded; plain text as UTF-8 or GB18030) and proposes a task tree; nothing is stored.
 * The office corrects the proposal on one screen and publishes it: the work point and all its tasks are created
 * and issued in one transaction, audited, and a refused row is named.
 */

const MB = 1024 * 1024;
/** A 工作要点 runs to a few thousand characters; a text past this is not one, and is refused before extraction. */
export const workpointsLimits = { maxBytes: 20 * MB, maxChars: 200_000, maxPoints: 500 };

type Kind = 'docx' | 'pdf' | 'txt';
const kinds: Record<string, Kind> = { docx: 'docx', pdf: 'pdf', txt: 'txt', text: 'txt' };

function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

export async function readWorkpointsDocument(filename: string, data: Buffer): Promise<string> {
  const ext = /\.([a-z]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  const kind = kinds[ext];
  if (!kind) {
    throw new AppError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `不支持的文件类型“${filename}”：请上传 Word（.docx）、PDF 或文本（.txt）格式的工作要点`,
    );
  }
  if (data.length === 0) throw badRequest(`文件“${filename}”是空的`);
  if (data.length > workpointsLimits.maxBytes) {
    throw badRequest(`文件“${filename}”超过 ${workpointsLimits.maxBytes / MB} MB，请只上传工作要点正文`);
  }
  let text: string;
  if (kind === 'docx') text = await readDocxText(data);
  else if (kind === 'pdf') text = await extractPdfText(filename, data, '工作要点正文');
  else text = decodeText(data);
  if (text.includes('\u0000')) throw badRequest(`文件“${filename}”不是文本文件，请上传 .docx、.pdf 或 .txt`);
  if (text.length > workpointsLimits.maxChars) {
    throw badRequest(`文件“${filename}”正文超过20万字，不像一份工作要点：请只上传工作要点正文`);
  }
  if (text.trim().length < 10) throw badRequest(`文件“${filename}”中几乎没有文字，无法识别工作要点`);
  return text;
}

export async function previewWorkpointsImport(
  db: Executor,
  actor: Actor,
  filename: string,
  data: Buffer,
  now: Date,
): Promise<WorkpointsProposalResponse> {
  const text = await readWorkpointsDocument(filename, data);
  const orgs = await queryScopeOrgs(db, actor.user);
  const proposal = extractWorkpoints(text, orgs, { year: currentShanghaiYear(now) });
  if (proposal.points.length === 0) {
    throw unprocessable(
      `文件“${filename}”中没有找到编号的工作要点（如“一、”“（一）”“1.”或任务分工表），请检查是否上传了工作要点正文`,
    );
  }
  if (proposal.points.length > workpointsLimits.maxPoints) {
    throw unprocessable(`文件“${filename}”识别出 ${proposal.points.length} 条要点，超过一次500条的上限，请分批上传`);
  }
  return { filename, ...proposal };
}

/** Checks every row before anything is written; the first refusal names its row and field. */
async function checkRows(tx: Executor, actor: Actor, input: WorkpointsPublish) {
  const seen = new Set<string>();
  const inScope = new Set((await queryScopeOrgs(tx, actor.user)).map((o) => o.id));
  input.tasks.forEach((t, i) => {
    const row = `第${i + 1}条任务“${t.title}”`;
    const field = (name: string, message: string) => [{ field: `tasks.${i}.${name}`, message }];
    if (seen.has(t.key)) throw badRequest(`${row}的编号与前面的任务重复`, field('key', '编号重复'));
    if (t.parentKey !== null && !seen.has(t.parentKey)) {
      throw badRequest(`${row}的上级任务须排在它前面`, field('parentKey', '上级任务无效'));
    }
    seen.add(t.key);
    if (t.leadOrgId === null) throw badRequest(`${row}未选择牵头单位`, field('leadOrgId', '请选择牵头单位'));
    if (t.deadline === null) throw badRequest(`${row}未填写完成时限`, field('deadline', '请填写完成时限'));
    if (!inScope.has(t.leadOrgId)) throw notFound(`${row}的牵头单位不存在，或不在您的数据范围内`);
    const outside = t.assistOrgIds.find((id) => !inScope.has(id));
    if (outside !== undefined) throw notFound(`${row}的协办单位不存在，或不在您的数据范围内`);
    if (t.assistOrgIds.includes(t.leadOrgId)) {
      throw badRequest(`${row}的协办单位不能与牵头单位相同`, field('assistOrgIds', '协办单位不能与牵头单位相同'));
    }
  });
}

export async function publishWorkpointsImport(db: Db, actor: Actor, input: WorkpointsPublish, now: Date) {
  return db.transaction(async (tx) => {
    await checkRows(tx, actor, input);
    const orgId = scopeRootOrgId(actor.user);
    const workPointId = await insertWorkPoint(tx, {
      orgId,
      year: input.year,
      title: input.title,
      content: input.content,
      createdBy: actor.user.id,
    });
    await publishWorkPointRows(tx, workPointId, now);
    const idOf = new Map<string, number>();
    for (const t of input.tasks) {
      const id = await insertTask(tx, {
        workPointId,
        parentId: t.parentKey === null ? null : idOf.get(t.parentKey)!,
        orgId: t.leadOrgId!,
        year: input.year,
        title: t.title,
        description: t.description,
        deadline: t.deadline!,
        weight: 1,
        status: 'issued',
        createdBy: actor.user.id,
      });
      idOf.set(t.key, id);
      await setTaskAssists(tx, id, [...new Set(t.assistOrgIds)], false);
    }
    const taskIds = [...idOf.values()];
    await insertTaskEvents(
      tx,
      taskIds.map((taskId) => ({
        taskId,
        action: 'create',
        fromStatus: null,
        toStatus: 'issued',
        actorId: actor.user.id,
      })),
    );
    await notifyTasksIssued(tx, taskIds, actor.user.id);
    await writeAudit(tx, actor, {
      action: 'work_point.import',
      entity: 'work_point',
      entityId: workPointId,
      orgId,
      after: {
        title: input.title,
        year: input.year,
        tasks: input.tasks.map((t, i) => ({
          id: taskIds[i],
          title: t.title,
          leadOrgId: t.leadOrgId,
          assistOrgIds: t.assistOrgIds,
          deadline: t.deadline,
        })),
      },
    });
    return { workPointId, issued: taskIds.length };
  });
}
