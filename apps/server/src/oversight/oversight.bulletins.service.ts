import {
  type Bulletin,
  type BulletinStance,
  buildBulletin,
  deductionsFromBulletins,
} from '@fazhi/core/oversight/bulletin';
import { type BulletinCreate, formatDocNo } from '@fazhi/core/oversight/oversight.schemas';
import type { Db, Executor } from '../db/client.ts';
import { shanghaiToday } from '../platform/kernel/clock.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { badRequest, conflict, notFound } from '../platform/kernel/errors.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { isOrgInScope, requireFirst, scopeRootOrgId } from '../platform/platform.scope.service.ts';
import {
  insertBulletin,
  lockIssuedBulletin,
  markBulletinWithdrawn,
  orgNames,
  problemsFor,
  problemTalliesByUnit,
  queryBulletins,
  readDocNumberRegister,
  takeDocNumber,
  upsertDocNumberCode,
} from './oversight.bulletins.repo.ts';
import { queryOversightStats } from './oversight.repo.ts';

export async function listBulletins(db: Executor, actor: Actor, year?: number) {
  return queryBulletins(db, actor.user, year ? { year } : {});
}

async function requireBulletin(db: Executor, actor: Actor, id: number) {
  return requireFirst(await queryBulletins(db, actor.user, { id }), '未找到该通报，或不在您的数据范围内');
}

/** 印发 a 通报: the named units and problems are checked by the core, the 文号 comes from the office's register. */
export async function createBulletin(db: Db, actor: Actor, input: BulletinCreate) {
  return db.transaction(async (tx) => {
    const entries = input.entries.map((e) => ({ ...e, problemIds: e.problemIds ?? [] }));
    const orgIds = [...new Set(entries.map((e) => e.orgId))];
    for (const orgId of orgIds) {
      if (!(await isOrgInScope(tx, actor.user, orgId)))
        throw badRequest('通报单位不存在或不在您的数据范围内', [{ field: 'entries', message: '单位无效' }]);
    }
    const nameOf = await orgNames(tx, orgIds);
    const found = await problemsFor(
      tx,
      entries.flatMap((e) => e.problemIds),
    );
    const core: Bulletin = {
      id: 0,
      title: input.title,
      level: input.level ?? 'county',
      issuedOn: input.issuedOn,
      entries: entries.map((e) => ({ ...e, orgName: nameOf.get(e.orgId) ?? String(e.orgId) })),
    };
    const built = buildBulletin(core, found);
    if (!built.ok)
      throw badRequest(
        built.messages[0] ?? '通报内容有误',
        built.messages.map((message) => ({ field: 'entries', message })),
      );
    const orgId = await issuingOrgId(tx, actor);
    const year = Number(input.issuedOn.slice(0, 4));
    const docNo = await issueDocNumber(tx, orgId, year);
    const id = await insertBulletin(
      tx,
      {
        orgId,
        year,
        title: input.title,
        docNo,
        cc: input.cc ?? '',
        level: input.level ?? 'county',
        issuedOn: input.issuedOn,
        intro: input.intro ?? '',
        createdBy: actor.user.id,
      },
      entries,
    );
    await writeAudit(tx, actor, {
      action: 'bulletin.issue',
      entity: 'bulletin',
      entityId: id,
      after: { ...input, docNo },
    });
    return { id };
  });
}

/**
 * The next 文号 of an office's register for a year, taken in the caller's transaction (which a rollback gives back).
 * The demo's issued 通报 takes its number here too, so no 文号 is ever typed.
 */
export async function issueDocNumber(tx: Executor, orgId: number, year: number) {
  const taken = await takeDocNumber(tx, orgId, year);
  return formatDocNo(taken.code, year, taken.number);
}

/** Opens (or renames) an office's register for a year with its 机关代字, as the office does on the register page. */
export async function openDocNumberRegister(tx: Executor, orgId: number, year: number, code: string) {
  await upsertDocNumberCode(tx, orgId, year, code);
}

/**
 * The issuing office (发文机关) of what the user issues: their own org (区委依法治区办), which signs the 落款 and keeps
 * the 文号 register; the scope's root only when the user's own org lies outside their scope.
 */
async function issuingOrgId(db: Executor, actor: Actor) {
  return (await isOrgInScope(db, actor.user, actor.user.orgId)) ? actor.user.orgId : scopeRootOrgId(actor.user);
}

/** The office's 文号 register for a year: its 机关代字, the numbers given out, and the next one. */
export async function docNumberRegister(db: Executor, actor: Actor, year: number) {
  const orgId = await issuingOrgId(db, actor);
  const reg = await readDocNumberRegister(db, orgId, year);
  return {
    orgId,
    orgName: reg.orgName,
    year,
    code: reg.code,
    lastNo: reg.lastNo,
    next: formatDocNo(reg.code, year, reg.lastNo + 1),
    issued: reg.issued,
  };
}

/** Sets the 机关代字 for the office's register of a year; numbers already given out keep theirs. */
export async function setDocNumberCode(db: Db, actor: Actor, input: { year: number; code: string }) {
  const orgId = await issuingOrgId(db, actor);
  await db.transaction(async (tx) => {
    const before = await docNumberRegister(tx, actor, input.year);
    await upsertDocNumberCode(tx, orgId, input.year, input.code);
    await writeAudit(tx, actor, {
      action: 'doc_number.code',
      entity: 'doc_number_register',
      entityId: orgId,
      before: { year: input.year, code: before.code },
      after: input,
    });
  });
  return docNumberRegister(db, actor, input.year);
}

/**
 * 撤回 an issued bulletin: only the issuing office (a bulletin it did not issue is not found), once (409 after),
 * with a reason. The bulletin stays listed as withdrawn; its deductions leave the assessment inputs. Audited with
 * the deductions it took back.
 */
export async function withdrawBulletin(db: Db, actor: Actor, id: number, reason: string) {
  return db.transaction(async (tx) => {
    const row = await lockIssuedBulletin(tx, actor.user, id);
    if (!row) throw notFound('未找到该通报，或不在您的数据范围内');
    if (row.withdrawn_at !== null) throw conflict('该通报已撤回，不能重复撤回');
    const b = await requireBulletin(tx, actor, id);
    const taken = deductionsFromBulletins([
      { id: b.id, title: b.title, level: b.level, issuedOn: b.issuedOn, entries: b.entries },
    ]);
    await markBulletinWithdrawn(tx, id, actor.user.id, reason);
    await writeAudit(tx, actor, {
      action: 'bulletin.withdraw',
      entity: 'bulletin',
      entityId: id,
      before: { docNo: b.docNo, deductions: taken },
      after: { reason },
    });
    return { id };
  });
}

/** The office's starting point for a 通报: criticise units with overdue problems, praise units that closed all theirs. */
export async function suggestBulletinEntries(db: Executor, actor: Actor, year: number, now: Date) {
  const rows = await problemTalliesByUnit(db, actor.user, year, shanghaiToday(now));
  type Suggestion = { orgId: number; orgName: string; stance: BulletinStance; reason: string; problemIds: number[] };
  return rows.flatMap((r): Suggestion[] => {
    if (r.overdue_ids?.length)
      return [
        {
          orgId: r.org_id,
          orgName: r.org_name,
          stance: 'criticism',
          reason: `督察发现问题${r.total}个，其中${r.overdue_ids.length}个超过整改时限仍未整改到位`,
          problemIds: r.overdue_ids,
        },
      ];
    if (r.total > 0 && r.closed === r.total)
      return [
        {
          orgId: r.org_id,
          orgName: r.org_name,
          stance: 'praise',
          reason: `督察发现的${r.total}个问题全部按期整改销号`,
          problemIds: [],
        },
      ];
    return [];
  });
}

/** The .docx of a 通报 in official-document layout, with the year's figures and each named unit's problems. */
export async function bulletinDocx(db: Executor, actor: Actor, id: number, now: Date) {
  const b = await requireBulletin(db, actor, id);
  const found = await problemsFor(
    db,
    b.entries.flatMap((e) => e.problemIds),
  );
  const built = buildBulletin(
    { id: b.id, title: b.title, level: b.level, issuedOn: b.issuedOn, entries: b.entries },
    found,
  );
  if (!built.ok) throw badRequest(built.messages[0] ?? '通报内容有误');
  const stats = await queryOversightStats(db, actor.user, b.year, now);
  const { bulletinDocx } = await import('./oversight.bulletins.docx.ts'); // docx loads on first use
  const data = await bulletinDocx(b, built.bulletin, stats);
  return { filename: `${b.title}.docx`, data };
}

/** The assessment's 减法 inputs for 督查发现问题 from the year's bulletins, per the core rule (不重复扣分, 就高不就低). */
export async function oversightDeductions(db: Executor, actor: Actor, year: number) {
  const list = await queryBulletins(db, actor.user, { year, inForce: true });
  return deductionsFromBulletins(
    list.map((b) => ({ id: b.id, title: b.title, level: b.level, issuedOn: b.issuedOn, entries: b.entries })),
  );
}
