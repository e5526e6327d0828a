import { builtinLedger, builtinLedgerKeys, builtinLedgers } from '@fazhi/core/ledgers/builtin/index';
import { type LedgerDefinition, ledgerDefinitionSchema, withMultiSelectHelp } from '@fazhi/core/ledgers/definition';
import { definitionChangeProblems } from '@fazhi/core/ledgers/definition-change';
import type { CustomTypeInput, LedgerTypeSummary } from '@fazhi/core/ledgers/ledgers.schemas';
import { customTypeInputSchema } from '@fazhi/core/ledgers/ledgers.schemas';
import type { Db, Executor } from '../db/client.ts';
import type { Actor, AuthUser } from '../platform/kernel/context.ts';
import { encryptLedgerTypePlaintextIn } from '../platform/kernel/data-encryption.ts';
import { badRequest, conflict, notFound } from '../platform/kernel/errors.ts';
import { encryptedFieldKeys } from '../platform/kernel/ledger-row-crypto.ts';
import { writeAudit } from '../platform/platform.audit.service.ts';
import { requireFound, scopeRootOrgId } from '../platform/platform.scope.service.ts';
import {
  customTypeKeyExists,
  findCustomType,
  insertCustomType,
  isOrgInScope,
  rowCountOfType,
  rowCountsByType,
  updateCustomTypeRow,
  visibleCustomTypes,
} from './ledgers.types.repo.ts';

/** The definition of a type the user may see: built-in from core, custom from the database; else 404. */
export async function resolveType(db: Executor, user: AuthUser, key: string): Promise<LedgerDefinition> {
  const builtin = builtinLedger(key);
  if (builtin) return builtin;
  const custom = requireFound(await findCustomType(db, user, key), '未找到该台账类型，或您无权查看');
  return ledgerDefinitionSchema.parse(custom.definition);
}

export async function customTypeVersion(db: Executor, user: AuthUser, key: string) {
  return (await findCustomType(db, user, key))?.version ?? null;
}

/** Built-in and visible custom types with the number of rows the user can see in each, in one query. */
export async function listTypes(db: Executor, user: AuthUser): Promise<LedgerTypeSummary[]> {
  const customs = await visibleCustomTypes(db, user);
  const counts = await rowCountsByType(db, user);
  const countOf = new Map(counts.map((c) => [c.type_key, c.n]));
  const summary = (d: LedgerDefinition, builtin: boolean): LedgerTypeSummary => ({
    key: d.key,
    name: d.name,
    category: d.category,
    description: d.description,
    builtin,
    rowCount: countOf.get(d.key) ?? 0,
  });
  return [...builtinLedgers.map((d) => summary(d, true)), ...customs.map((c) => summary(c.definition, false))];
}

/** Fills in keys the designer left out (c_xxxx for the type, f1, f2 … for fields) and checks the whole definition. */
export function completeDefinition(input: CustomTypeInput, key: string, existing?: LedgerDefinition) {
  const parsed = customTypeInputSchema.parse(input);
  const used = new Set(existing?.fields.map((f) => f.key) ?? []);
  for (const f of parsed.fields) if (f.key) used.add(f.key);
  let n = 1;
  const fields = parsed.fields.map((f) => {
    if (f.key) return f;
    while (used.has(`f${n}`)) n++;
    used.add(`f${n}`);
    return { ...f, key: `f${n}` };
  });
  const byLabel = (ref: string) => fields.find((f) => f.key === ref || f.label === ref)?.key ?? ref;
  const definition = {
    key,
    name: parsed.name,
    category: parsed.category,
    description: parsed.description,
    dateField: byLabel(parsed.dateField),
    fields: fields.map((f) => ({
      ...f,
      options: f.kind === 'enum' || f.kind === 'multi_enum' ? withOptionKeys(f.options ?? []) : undefined,
    })),
    listColumns: parsed.listColumns.map(byLabel),
    filters: parsed.filters.map(byLabel),
    sortable: parsed.sortable.map(byLabel),
  };
  const result = ledgerDefinitionSchema.safeParse(definition);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    throw badRequest(`台账定义有误：${issues[0]!.message}`, issues);
  }
  return withMultiSelectHelp(result.data);
}

/** Options the designer added get the next free `oN` key; existing keys stay. */
function withOptionKeys(options: { key?: string; label: string }[]) {
  const used = new Set(options.map((o) => o.key).filter(Boolean));
  let n = 1;
  return options.map((o) => {
    if (o.key) return { key: o.key, label: o.label };
    while (used.has(`o${n}`)) n++;
    used.add(`o${n}`);
    return { key: `o${n}`, label: o.label };
  });
}

export async function createCustomType(db: Db, actor: Actor, input: CustomTypeInput) {
  const key = input.key ?? `c_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  if (builtinLedgerKeys.includes(key)) throw conflict(`标识“${key}”已被内置台账使用`);
  const definition = completeDefinition({ ...input, key }, key);
  return db.transaction(async (tx) => {
    if (await customTypeKeyExists(tx, key)) throw conflict(`台账标识“${key}”已存在`);
    const ownerOrgId = scopeRootOrgId(actor.user);
    await insertCustomType(tx, { key, ownerOrgId, definition, createdBy: actor.user.id });
    await writeAudit(tx, actor, {
      action: 'ledger_type.create',
      entity: 'ledger_type',
      entityId: key,
      orgId: ownerOrgId,
      after: { definition },
    });
    return { key, definition, version: 1 };
  });
}

export async function updateCustomType(db: Db, actor: Actor, key: string, input: CustomTypeInput) {
  if (builtinLedger(key)) throw badRequest('内置台账类型不能修改');
  return db.transaction(async (tx) => {
    const current = await findCustomType(tx, actor.user, key);
    if (!current || !(await isOrgInScope(tx, actor.user, current.owner_org_id)))
      throw notFound('未找到该自定义台账，或不在您的管理范围内');
    if (input.version !== undefined && input.version !== current.version)
      throw conflict('该台账定义已被他人修改，请刷新后重试');
    const before = ledgerDefinitionSchema.parse(current.definition);
    const definition = completeDefinition({ ...input, key }, key, before);
    if ((await rowCountOfType(tx, key)) > 0) {
      const problems = definitionChangeProblems(before, definition);
      if (problems.length)
        throw conflict(
          problems[0]!,
          problems.map((message) => ({ field: '', message })),
        );
    }
    const version = await updateCustomTypeRow(tx, key, current.version, definition);
    if (version === undefined) throw conflict('该台账定义已被他人修改，请刷新后重试');
    // A field newly marked personal has its stored values encrypted now, with the change (start-up does not sweep).
    const wasEncrypted = new Set(encryptedFieldKeys(before));
    if (encryptedFieldKeys(definition).some((k) => !wasEncrypted.has(k)))
      await encryptLedgerTypePlaintextIn(tx, definition);
    await writeAudit(tx, actor, {
      action: 'ledger_type.update',
      entity: 'ledger_type',
      entityId: key,
      orgId: current.owner_org_id,
      before: { definition: before },
      after: { definition },
    });
    return { key, definition, version };
  });
}
