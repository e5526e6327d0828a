import type { LedgerDefinition } from '@fazhi/core/ledgers/definition';
import { describeKey } from '@fazhi/core/ledgers/duplicates';
import type { RowListQuery, RowUpdate, RowWrite } from '@fazhi/core/ledgers/ledgers.schemas';
import { keepMaskedValues, maskRowData } from '@fazhi/core/ledgers/mask';
import { buildRowSchema, type LedgerData, readComputed, rowIssues } from '@fazhi/core/ledgers/row-schema';
import { rowWarnings } from '@fazhi/core/ledgers/row-warnings';
import { can } from '@fazhi/core/platform/roles';
import type { Db, Executor } from '../db/client.ts';
import { shanghaiToday } from '../platform/kernel/clock.ts';
import type { Actor, AuthUser } from '../platform/kernel/context.ts';
import { badRequest, conflict } from '../platform/kernel/errors.ts';
import { sealRow } from '../platform/kernel/ledger-row-crypto.ts';
import { isAttachmentInScope } from '../platform/platform.attachments.service.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { requireFound, requireOrgInScope } from '../platform/platform.scope.service.ts';
import {
  conflictingKeys,
  deleteLedgerRow,
  duplicateFlagSql,
  findRow,
  insertLedgerRowReturning,
  listConditions,
  orderBy,
  orgLookup,
  orgNames,
  queryAllRows,
  queryHonoursOfYear,
  queryRowPage,
  rowsOfTypeDated,
  type StoredRow,
  updateLedgerRow,
} from './ledgers.repo.ts';
import { customTypeVersion, resolveType } from './ledgers.types.service.ts';

export const canSeePersonal = (user: AuthUser) => can(user.role, 'personal.read');

/** A row as the API returns it: personal data masked unless the viewer may see it, overdue flags for today. */
export function presentRow(def: LedgerDefinition, row: StoredRow, user: AuthUser, now: Date) {
  const data = readComputed(def, row.data, shanghaiToday(now));
  return {
    id: Number(row.id),
    orgId: row.org_id,
    orgName: row.org_name,
    rowDate: row.row_date,
    data: canSeePersonal(user) ? data : maskRowData(def, data),
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** What the audit log keeps of a row: personal values masked (the auditor is not a personal-data reader). */
const auditView = (def: LedgerDefinition, orgId: number, data: LedgerData) => ({
  typeKey: def.key,
  orgId,
  rowDate: data[def.dateField],
  fields: maskRowData(def, data),
});

/** Checks the values against the type's schema and the references against the user's scope. */
export async function validateRowData(db: Executor, def: LedgerDefinition, user: AuthUser, input: unknown) {
  const parsed = buildRowSchema(def).safeParse(input);
  if (!parsed.success) {
    const issues = rowIssues(parsed.error);
    throw badRequest(issues[0]!.message, issues);
  }
  const data = parsed.data;
  const orgFields = def.fields.filter((f) => f.kind === 'org' && typeof data[f.key] === 'number');
  if (orgFields.length) {
    const { ids } = await orgLookup(db, user);
    for (const f of orgFields)
      if (!ids.has(data[f.key] as number))
        throw badRequest(`${f.label}不在您的数据范围内`, [{ field: f.key, message: `${f.label}不在您的数据范围内` }]);
  }
  const attachments = def.fields.filter((f) => f.kind === 'attachment' && typeof data[f.key] === 'number');
  for (const f of attachments) {
    // Another unit's attachment gets the same answer as an id that does not exist: nothing confirms it is there.
    if (!(await isAttachmentInScope(db, user, data[f.key] as number)))
      throw badRequest(`${f.label}无效，请重新上传`, [{ field: f.key, message: `${f.label}无效，请重新上传` }]);
  }
  return data;
}

/** Uniqueness within the user's data scope only: a key held by another unit's row is neither refused nor hinted at. */
async function requireUnique(
  tx: Executor,
  def: LedgerDefinition,
  user: AuthUser,
  data: LedgerData,
  excludeId?: number,
) {
  const clashes = await conflictingKeys(tx, def, user, data, excludeId);
  if (clashes.length) {
    const first = clashes[0]!;
    throw conflict(`${describeKey(def, first)}已存在，不能重复登记`, [
      { field: first.fields[0], message: `${describeKey(def, first)}已存在` },
    ]);
  }
}

export async function createRow(db: Db, actor: Actor, def: LedgerDefinition, input: RowWrite, now: Date) {
  await requireOrgInScope(db, actor.user, input.orgId, '填报单位不在您的数据范围内');
  const data = await validateRowData(db, def, actor.user, input.data);
  return db.transaction(async (tx) => {
    await requireUnique(tx, def, actor.user, data);
    const sealed = sealRow(def, data);
    // The insert is the last statement before the audit append and COMMIT: it locks the roll-up rows it updates.
    const stored = await insertLedgerRowReturning(
      tx,
      def.key,
      { orgId: input.orgId, rowDate: data[def.dateField] as string, data: sealed.data, blind: sealed.blind },
      actor.user.id,
    );
    await writeAudit(tx, actor, {
      action: 'ledger_row.create',
      entity: 'ledger_row',
      entityId: stored.id,
      orgId: input.orgId,
      after: auditView(def, input.orgId, data),
    });
    return { ...presentRow(def, stored, actor.user, now), warnings: rowWarnings(def.key, data) };
  });
}

export async function getRow(db: Executor, actor: Actor, def: LedgerDefinition, id: number, now: Date) {
  const row = requireFound(await findRow(db, actor.user, def.key, id), '未找到该台账记录，或不在您的数据范围内');
  return presentRow(def, row, actor.user, now);
}

export async function updateRow(db: Db, actor: Actor, def: LedgerDefinition, id: number, input: RowUpdate, now: Date) {
  const current = requireFound(await findRow(db, actor.user, def.key, id), '未找到该台账记录，或不在您的数据范围内');
  if (current.version !== input.version) throw conflict('该记录已被他人修改，请刷新后重试');
  await requireOrgInScope(db, actor.user, input.orgId, '填报单位不在您的数据范围内');
  const submitted = canSeePersonal(actor.user)
    ? (input.data as LedgerData)
    : keepMaskedValues(def, input.data as LedgerData, current.data);
  const data = await validateRowData(db, def, actor.user, submitted);
  return db.transaction(async (tx) => {
    await requireUnique(tx, def, actor.user, data, id);
    const sealed = sealRow(def, data);
    const isUpdated = await updateLedgerRow(tx, def.key, id, input.version, {
      orgId: input.orgId,
      rowDate: data[def.dateField] as string,
      data: sealed.data,
      blind: sealed.blind,
    });
    if (!isUpdated) throw conflict('该记录已被他人修改，请刷新后重试');
    await writeAudit(tx, actor, {
      action: 'ledger_row.update',
      entity: 'ledger_row',
      entityId: id,
      orgId: input.orgId,
      before: auditView(def, current.org_id, current.data),
      after: auditView(def, input.orgId, data),
    });
    return {
      ...presentRow(def, (await findRow(tx, actor.user, def.key, id))!, actor.user, now),
      warnings: rowWarnings(def.key, data),
    };
  });
}

export async function deleteRow(db: Db, actor: Actor, def: LedgerDefinition, id: number, version?: number) {
  return db.transaction(async (tx) => {
    const current = requireFound(await findRow(tx, actor.user, def.key, id), '未找到该台账记录，或不在您的数据范围内');
    if (version !== undefined && current.version !== version) throw conflict('该记录已被他人修改，请刷新后重试');
    if (!(await deleteLedgerRow(tx, id, current.version))) throw conflict('该记录已被他人修改，请刷新后重试');
    await writeAudit(tx, actor, {
      action: 'ledger_row.delete',
      entity: 'ledger_row',
      entityId: id,
      orgId: current.org_id,
      before: auditView(def, current.org_id, current.data),
    });
    return { id };
  });
}

/** A type's definition with what the pages need beside it: built in or custom, its version, personal-data reach. */
export async function typeDetail(db: Executor, user: AuthUser, typeKey: string) {
  const definition = await resolveType(db, user, typeKey);
  const version = await customTypeVersion(db, user, typeKey);
  return { definition, builtin: version === null, version: version ?? 1, canSeePersonal: canSeePersonal(user) };
}

/** A page of a type's rows in the user's scope; `duplicate`: another row in scope holds one of its unique keys. */
export async function listRows(db: Executor, user: AuthUser, typeKey: string, q: RowListQuery, now: Date) {
  const def = await resolveType(db, user, typeKey);
  const where = listConditions(def, user, q, canSeePersonal(user));
  const page = await queryRowPage(
    db,
    where,
    orderBy(def, q.sort, q.order),
    q.page,
    q.pageSize,
    duplicateFlagSql(def, user),
  );
  return {
    items: page.items.map((r) => ({ ...presentRow(def, r, user, now), duplicate: r.duplicate })),
    total: page.total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

const exportLimit = 100_000;

/** The rows an export writes (personal values masked unless the user may read them), with the names of org fields. */
export async function exportRows(db: Executor, user: AuthUser, typeKey: string, q: RowListQuery, now: Date) {
  const def = await resolveType(db, user, typeKey);
  const personal = canSeePersonal(user);
  const rows = await queryAllRows(
    db,
    listConditions(def, user, q, personal),
    orderBy(def, q.sort, q.order),
    exportLimit,
  );
  const today = shanghaiToday(now);
  const orgFields = def.fields.filter((f) => f.kind === 'org');
  const orgIds = orgFields.length ? [...new Set(rows.flatMap((r) => orgFields.map((f) => Number(r.data[f.key]))))] : [];
  const names = await orgNames(db, orgIds.filter(Number.isFinite));
  const data = rows.map((r) => {
    const values = readComputed(def, r.data, today);
    return { orgName: r.org_name, data: personal ? values : maskRowData(def, values) };
  });
  return { def, data, orgName: (id: number) => names.get(id) ?? String(id) };
}

/**
 * For other modules' read-only sources (assessment's 荣誉台账): rows of one type in the given units dated within
 * [from, to), no user scope (the caller has already chosen the units), data as stored (personal fields sealed).
 */
export function ledgerRowsOfTypeDated(
  db: Executor,
  typeKey: string,
  orgIds: readonly number[],
  from: string,
  to: string,
) {
  return rowsOfTypeDated(db, typeKey, orgIds, from, to);
}

/** For the reports module: up to `limit` honours (荣誉 ledger) of a year in an org subtree, by date. */
export function honoursOfYear(db: Executor, subtreePath: string, year: number, limit = 12) {
  return queryHonoursOfYear(db, subtreePath, year, limit);
}
