import {
  type Bulletin,
  type BulletinLevel,
  type BulletinStance,
  buildBulletin,
  deductionsFromBulletins,
} from '@fazhi/core/oversight/bulletin';
import { type BulletinCreate, formatDocNo } from '@fazhi/core/oversight/oversight.schemas';
import type { ProblemStatus } from '@fazhi/core/oversight/problem';
import { chineseDate } from '@fazhi/core/reports/report-text';
import { sql } from 'drizzle-orm';
import { type Db, type Executor, queryRows } from '../db/client.ts';
import { shanghaiToday } from '../platform/kernel/clock.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { badRequest, conflict, notFound } from '../platform/kernel/errors.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { isOrgInScope, orgScopeSql, requireFirst, scopeRootOrgId } from '../platform/platform.scope.service.ts';
import { chineseOrdinal, type DocBlock, officialDocx } from './official-docx.ts';
import { effectiveDeadlineSql, problemVisibleSql, queryOversightStats } from './oversight.repo.ts';
import { bulletinEntries, bulletins, docNumberRegisters } from './oversight.schema.ts';

const ids = (list: readonly number[]) => sql.join(list.length ? list.map((x) => sql`${x}`) : [sql`0`], sql`, `);

type BulletinRow = {
  id: number;
  org_id: number;
  org_name: string;
  year: number;
  title: string;
  doc_no: string;
  level: BulletinLevel;
  issued_on: string;
  intro: string;
  cc: string;
  created_at: string | Date;
  withdrawn_at: string | Date | null;
  withdraw_reason: string;
  entries: { orgId: number; orgName: string; stance: BulletinStance; reason: string; problemIds: number[] }[] | null;
};

/** Bulletins the user's scope issued, or that name a unit in it; entries about units outside the scope are left out. */
async function queryBulletins(db: Executor, actor: Actor, filter: { year?: number; id?: number; inForce?: boolean }) {
  const user = actor.user;
  const rows = await queryRows<BulletinRow>(
    db,
    sql`
    select b.id, b.org_id, o.name as org_name, b.year, b.title, b.doc_no, b.level, to_char(b.issued_on, 'YYYY-MM-DD') as issued_on,
      b.intro, b.cc, b.created_at, b.withdrawn_at, b.withdraw_reason,
      (select json_agg(json_build_object('orgId', e.org_id, 'orgName', eo.name, 'stance', e.stance, 'reason', e.reason,
              'problemIds', e.problem_ids) order by e.id)
         from bulletin_entries e join orgs eo on eo.id = e.org_id
         where e.bulletin_id = b.id and (${orgScopeSql(user, sql`b.org_id`)} or ${orgScopeSql(user, sql`e.org_id`)})) as entries
    from bulletins b join orgs o on o.id = b.org_id
    where (${filter.year ?? null}::int is null or b.year = ${filter.year ?? null}::int)
      and (${filter.id ?? null}::int is null or b.id = ${filter.id ?? null}::int)
      and (${filter.inForce ?? false}::boolean is false or b.withdrawn_at is null)
      and (${orgScopeSql(user, sql`b.org_id`)} or exists (
        select 1 from bulletin_entries x where x.bulletin_id = b.id and ${orgScopeSql(user, sql`x.org_id`)}))
    order by b.issued_on desc, b.id desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    year: r.year,
    title: r.title,
    docNo: r.doc_no,
    level: r.level,
    issuedOn: r.issued_on,
    intro: r.intro,
    cc: r.cc,
    createdAt: new Date(r.created_at).toISOString(),
    entries: r.entries ?? [],
    withdrawnAt: r.withdrawn_at === null ? null : new Date(r.withdrawn_at).toISOString(),
    withdrawReason: r.withdraw_reason,
  }));
}

export async function listBulletins(db: Executor, actor: Actor, year?: number) {
  return queryBulletins(db, actor, year ? { year } : {});
}

async function requireBulletin(db: Executor, actor: Actor, id: number) {
  const row = requireFirst(await queryBulletins(db, actor, { id }), '未找到该通报，或不在您的数据范围内');
  return row;
}

async function problemsFor(db: Executor, problemIds: readonly number[]) {
  return queryRows<{ id: number; title: string; status: ProblemStatus; unitIds: number[] }>(
    db,
    sql`select p.id, p.title, p.status,
          (select json_agg(pu.org_id order by pu.sort) from problem_units pu where pu.problem_id = p.id) as "unitIds"
        from problems p where p.id in (${ids(problemIds)})`,
  );
}

export async function createBulletin(db: Db, actor: Actor, input: BulletinCreate) {
  return db.transaction(async (tx) => {
    const entries = input.entries.map((e) => ({ ...e, problemIds: e.problemIds ?? [] }));
    const orgIds = [...new Set(entries.map((e) => e.orgId))];
    for (const orgId of orgIds) {
      if (!(await isOrgInScope(tx, actor.user, orgId)))
        throw badRequest('通报单位不存在或不在您的数据范围内', [{ field: 'entries', message: '单位无效' }]);
    }
    const names = await queryRows<{ id: number; name: string }>(
      tx,
      sql`select id, name from orgs where id in (${ids(orgIds)})`,
    );
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    const problemIds = entries.flatMap((e) => e.problemIds);
    const found = await problemsFor(tx, problemIds);
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
    const docNo = await allocateDocNo(tx, orgId, year);
    const [row] = await tx
      .insert(bulletins)
      .values({
        orgId,
        year,
        title: input.title,
        docNo,
        cc: input.cc ?? '',
        level: input.level ?? 'county',
        issuedOn: input.issuedOn,
        intro: input.intro ?? '',
        createdBy: actor.user.id,
      })
      .returning({ id: bulletins.id });
    const id = row!.id;
    await tx.insert(bulletinEntries).values(entries.map((e) => ({ bulletinId: id, ...e })));
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
 * The issuing office (发文机关) of what the user issues: their own org (区委依法治区办), which signs the 落款 and keeps
 * the 文号 register; the scope's root only when the user's own org lies outside their scope.
 */
async function issuingOrgId(db: Executor, actor: Actor) {
  return (await isOrgInScope(db, actor.user, actor.user.orgId)) ? actor.user.orgId : scopeRootOrgId(actor.user);
}

/** The 机关代字 an office uses when it has none for the year: last year's, else a plain default. */
const defaultCode = '法治办';

function codeFor(orgId: number, year: number) {
  return sql`coalesce((select r.code from doc_number_registers r where r.org_id = ${orgId} and r.year < ${year}
    order by r.year desc limit 1), ${defaultCode})`;
}

/**
 * The next 文号 of the office's register for the year, taken in the caller's transaction: one upsert that locks the
 * register row, so two concurrent issues get different numbers and a rolled-back issue gives its number back.
 */
async function allocateDocNo(tx: Executor, orgId: number, year: number) {
  const [row] = await queryRows<{ code: string; last_no: number }>(
    tx,
    sql`insert into doc_number_registers (org_id, year, code, last_no)
        values (${orgId}, ${year}, ${codeFor(orgId, year)}, 1)
        on conflict (org_id, year) do update set last_no = doc_number_registers.last_no + 1
        returning code, last_no`,
  );
  return formatDocNo(row!.code, year, row!.last_no);
}

/** The office's 文号 register for a year: its 机关代字, the numbers given out, and the next one. */
export async function docNumberRegister(db: Executor, actor: Actor, year: number) {
  const orgId = await issuingOrgId(db, actor);
  const [reg] = await queryRows<{ org_name: string; code: string; last_no: number }>(
    db,
    sql`select o.name as org_name, coalesce(r.code, ${codeFor(orgId, year)}) as code, coalesce(r.last_no, 0)::int as last_no
        from orgs o left join doc_number_registers r on r.org_id = o.id and r.year = ${year}
        where o.id = ${orgId}`,
  );
  const issued = await queryRows<{ id: number; docNo: string; title: string; issuedOn: string; withdrawn: boolean }>(
    db,
    sql`select id, doc_no as "docNo", title, to_char(issued_on, 'YYYY-MM-DD') as "issuedOn",
          (withdrawn_at is not null) as withdrawn
        from bulletins where org_id = ${orgId} and year = ${year} and doc_no <> '' order by id`,
  );
  const code = reg?.code ?? defaultCode;
  const lastNo = reg?.last_no ?? 0;
  return {
    orgId,
    orgName: reg?.org_name ?? '',
    year,
    code,
    lastNo,
    next: formatDocNo(code, year, lastNo + 1),
    issued,
  };
}

/** Sets the 机关代字 for the office's register of a year; numbers already given out keep theirs. */
export async function setDocNumberCode(db: Db, actor: Actor, input: { year: number; code: string }) {
  const orgId = await issuingOrgId(db, actor);
  await db.transaction(async (tx) => {
    const before = await docNumberRegister(tx, actor, input.year);
    await tx
      .insert(docNumberRegisters)
      .values({ orgId, year: input.year, code: input.code, lastNo: 0 })
      .onConflictDoUpdate({ target: [docNumberRegisters.orgId, docNumberRegisters.year], set: { code: input.code } });
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
    const [row] = await queryRows<{ id: number; year: number; withdrawn_at: string | null }>(
      tx,
      sql`select id, year, withdrawn_at from bulletins b
          where b.id = ${id} and ${orgScopeSql(actor.user, sql`b.org_id`)} for update`,
    );
    if (!row) throw notFound('未找到该通报，或不在您的数据范围内');
    if (row.withdrawn_at !== null) throw conflict('该通报已撤回，不能重复撤回');
    const [b] = await queryBulletins(tx, actor, { id });
    const taken = deductionsFromBulletins([
      { id: b!.id, title: b!.title, level: b!.level, issuedOn: b!.issuedOn, entries: b!.entries },
    ]);
    await queryRows(
      tx,
      sql`update bulletins set withdrawn_at = now(), withdrawn_by = ${actor.user.id}, withdraw_reason = ${reason}
          where id = ${id} returning id`,
    );
    await writeAudit(tx, actor, {
      action: 'bulletin.withdraw',
      entity: 'bulletin',
      entityId: id,
      before: { docNo: b!.docNo, deductions: taken },
      after: { reason },
    });
    return { id };
  });
}

/** The office's starting point for a 通报: criticise units with overdue problems, praise units that closed all theirs. */
export async function suggestBulletinEntries(db: Executor, actor: Actor, year: number, now: Date) {
  const today = shanghaiToday(now);
  const rows = await queryRows<{
    org_id: number;
    org_name: string;
    total: number;
    closed: number;
    overdue_ids: number[] | null;
  }>(
    db,
    sql`
    select pu.org_id, o.name as org_name, count(*)::int as total,
      (count(*) filter (where p.status = 'closed'))::int as closed,
      array_agg(p.id order by p.id) filter (where p.status in ('unclaimed', 'rectifying') and ${effectiveDeadlineSql()} < ${today}::date) as overdue_ids
    from problems p join problem_units pu on pu.problem_id = p.id join orgs o on o.id = pu.org_id
    where p.year = ${year} and ${problemVisibleSql(actor.user)} and ${orgScopeSql(actor.user, sql`pu.org_id`)}
    group by pu.org_id, o.name, o.sort order by o.sort, pu.org_id`,
  );
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
  const model = built.bulletin;
  const stats = await queryOversightStats(db, actor.user, b.year, now);
  const blocks: DocBlock[] = [{ kind: 'redHeader', header: { issuer: b.orgName, docNo: b.docNo } }];
  blocks.push(
    { kind: 'title', text: b.title },
    { kind: 'addressee', text: '各乡镇（街道）党（工）委、政府（办事处），区级各部门：' },
  );
  const rate = stats.rectificationRate === null ? '—' : `${stats.rectificationRate}%`;
  blocks.push({
    kind: 'body',
    text:
      b.intro ||
      `${b.year}年，${b.orgName}在年初部署、半年小结、中期推进、年终总结等关键节点，采取定期督查指导、随机抽查暗访等方式开展法治督察${stats.inspections}次，发现问题${stats.problems}个，已整改销号${stats.rectified}个，整改率${rate}。按照“一个问题、一人负责、一套方案、一揽子包抓落实”的“四个一”工作机制，现将有关情况通报如下。`,
  });
  let section = 0;
  if (model.praised.length) {
    blocks.push({ kind: 'heading', text: `${chineseOrdinal(++section)}、通报表扬` });
    blocks.push({ kind: 'body', text: `以下${model.praised.length}个单位整改工作成效明显，予以通报表扬：` });
    for (const u of model.praised)
      blocks.push({ kind: 'body', label: `${u.orgName}：`, text: `${u.reasons.join('；')}。` });
  }
  if (model.criticised.length) {
    blocks.push({ kind: 'heading', text: `${chineseOrdinal(++section)}、通报批评` });
    blocks.push({
      kind: 'body',
      text: `以下${model.criticised.length}个单位问题整改不力，予以通报批评，所涉${model.criticisedProblemCount}个问题纳入年度法治建设考核扣分：`,
    });
    for (const [i, u] of model.criticised.entries()) {
      blocks.push({ kind: 'subheading', text: `（${chineseOrdinal(i + 1)}）${u.orgName}` });
      blocks.push({ kind: 'body', text: `${u.reasons.join('；')}。` });
      for (const [j, p] of u.problems.entries())
        blocks.push({ kind: 'body', text: `${j + 1}. ${p.title}（${p.statusLabel}）` });
    }
  }
  blocks.push({ kind: 'heading', text: `${chineseOrdinal(++section)}、工作要求` });
  blocks.push({
    kind: 'body',
    text: '各单位要对照通报问题逐项建立整改台账，明确责任人、整改方案、整改措施和整改时限，按期完成整改并申请销号。被通报批评的单位要在通报印发之日起15日内向区委依法治区办书面报告整改情况。区委依法治区办将适时开展“回头看”，对整改不力、问题反弹的严肃追责问责。',
  });
  blocks.push(
    { kind: 'sealedSignature', signedBy: b.orgName, date: chineseDate(b.issuedOn) },
    {
      kind: 'distribution',
      distribution: { cc: b.cc, printedBy: b.orgName, printedOn: chineseDate(b.issuedOn) },
    },
  );
  const data = await officialDocx(blocks, { title: b.title, creator: b.orgName });
  return { filename: `${b.title}.docx`, data };
}

/** The assessment's 减法 inputs for 督查发现问题 from the year's bulletins, per the core rule (不重复扣分, 就高不就低). */
export async function oversightDeductions(db: Executor, actor: Actor, year: number) {
  const list = await queryBulletins(db, actor, { year, inForce: true });
  return deductionsFromBulletins(
    list.map((b) => ({ id: b.id, title: b.title, level: b.level, issuedOn: b.issuedOn, entries: b.entries })),
  );
}
