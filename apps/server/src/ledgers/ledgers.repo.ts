import { fieldByKey, isPersonalField, type LedgerDefinition, uniqueKeySets } from '@fazhi/core/ledgers/definition';
import { keySeparator, type UniqueKey, uniqueKeysOf } from '@fazhi/core/ledgers/duplicates';
import type { RowListQuery } from '@fazhi/core/ledgers/ledgers.schemas';
import type { LedgerData } from '@fazhi/core/ledgers/row-schema';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { AuthUser } from '../platform/kernel/context.ts';
import { badRequest } from '../platform/kernel/errors.ts';
import { indexOf } from '../platform/kernel/field-crypto.ts';
import { encryptedFieldKeys, openRowData } from '../platform/kernel/ledger-row-crypto.ts';
import { orgScopeSql } from '../platform/platform.scope.service.ts';

export type StoredRow = {
  id: number;
  org_id: number;
  org_name: string;
  row_date: string;
  data: LedgerData;
  version: number;
  created_at: string | Date;
  updated_at: string | Date;
};

const rowColumns = sql`r.id, r.org_id, o.name as org_name, to_char(r.row_date, 'YYYY-MM-DD') as row_date, r.data,
  r.version, r.created_at, r.updated_at`;

/** The WHERE of a list or export: type, data scope, unit subtree, date range, keyword and whitelisted filters. */
export function listConditions(
  def: LedgerDefinition,
  user: AuthUser,
  query: Record<string, unknown> & Partial<RowListQuery>,
  canSeePersonal: boolean,
): SQL {
  const conditions: SQL[] = [sql`r.type_key = ${def.key}`, orgScopeSql(user, sql`r.org_id`)];
  const encrypted = new Set(encryptedFieldKeys(def));
  if (query.orgId) conditions.push(sql`o.path like (select p.path from orgs p where p.id = ${query.orgId}) || '%'`);
  if (query.from) conditions.push(sql`r.row_date >= ${query.from}::date`);
  if (query.to) conditions.push(sql`r.row_date <= ${query.to}::date`);
  if (query.q) {
    const searchable = def.fields.filter(
      (f) =>
        (f.kind === 'text' || (f.kind === 'person_name' && canSeePersonal)) &&
        !(isPersonalField(f) && !canSeePersonal) &&
        !encrypted.has(f.key),
    );
    if (searchable.length) {
      const like = `%${query.q}%`;
      conditions.push(
        sql`(${sql.join(
          searchable.map((f) => sql`r.data->>${f.key} ilike ${like}`),
          sql` or `,
        )})`,
      );
    }
  }
  for (const key of def.filters) {
    const raw = query[`f.${key}`];
    if (raw === undefined || raw === '') continue;
    const value = String(raw);
    const f = fieldByKey(def, key)!;
    if (isPersonalField(f) && !canSeePersonal) continue;
    if (encrypted.has(key)) {
      // Stored as ciphertext: found by its blind index, so only a whole value matches.
      conditions.push(sql`r.blind->>${key} = ${indexOf(value)}`);
    } else if (f.kind === 'enum') {
      const values = value.split(',');
      conditions.push(
        sql`r.data->>${key} in (${sql.join(
          values.map((v) => sql`${v}`),
          sql`, `,
        )})`,
      );
    } else if (f.kind === 'multi_enum') {
      // Rows whose list contains any of the chosen options.
      conditions.push(
        sql`(${sql.join(
          value.split(',').map((v) => sql`coalesce(r.data->${key} @> jsonb_build_array(${v}::text), false)`),
          sql` or `,
        )})`,
      );
    } else if (f.kind === 'boolean') {
      conditions.push(
        value === 'true' ? sql`(r.data->>${key}) = 'true'` : sql`coalesce(r.data->>${key}, 'false') = 'false'`,
      );
    } else if (f.kind === 'org') {
      conditions.push(sql`r.data->>${key} = ${String(Number(value))}`);
    } else {
      conditions.push(sql`r.data->>${key} ilike ${`%${value}%`}`);
    }
  }
  return sql.join(conditions, sql` and `);
}

/** ORDER BY from a whitelist: the business date, entry times, and the definition's sortable fields. */
export function orderBy(def: LedgerDefinition, sort: string | undefined, order: 'asc' | 'desc'): SQL {
  const dir = order === 'asc' ? sql`asc` : sql`desc`;
  if (!sort || sort === 'row_date') return sql`r.row_date ${dir}, r.id ${dir}`;
  if (sort === 'created_at' || sort === 'updated_at') return sql`${sql.raw(`r.${sort}`)} ${dir}, r.id ${dir}`;
  if (!def.sortable.includes(sort)) throw badRequest('不支持按该字段排序');
  const f = fieldByKey(def, sort)!;
  const numeric = f.kind === 'number' || f.kind === 'money' || (f.kind === 'computed' && f.resultKind !== 'date');
  const expr = numeric ? sql`(r.data->>${sort})::numeric` : sql`r.data->>${sort}`;
  return sql`${expr} ${dir} nulls last, r.id ${dir}`;
}

/** Stored rows as the services use them: personal values decrypted (masking is the presenter's job). */
const opened = <T extends StoredRow>(rows: T[]) => rows.map((r) => ({ ...r, data: openRowData(r.data) }));

/**
 * Whether another row of the type IN THE VIEWER'S SCOPE holds one of this row's unique keys (encrypted parts compared
 * on their blind index). Uniqueness is enforced within each writer's scope only, so two units may hold the same key;
 * the office, whose scope holds both rows, sees them flagged, and a unit never learns of the other's row.
 */
export function duplicateFlagSql(def: LedgerDefinition, user: AuthUser): SQL {
  const sets = uniqueKeySets(def);
  if (!sets.length) return sql`false`;
  const encrypted = new Set(encryptedFieldKeys(def));
  const same = (fields: string[]) =>
    sql.join(
      fields.map((f) => (encrypted.has(f) ? sql`d.blind->>${f} = r.blind->>${f}` : sql`d.data->>${f} = r.data->>${f}`)),
      sql` and `,
    );
  return sql`exists (select 1 from ledger_rows d where d.type_key = r.type_key and d.id <> r.id
    and ${orgScopeSql(user, sql`d.org_id`)} and ((${sql.join(
      sets.map((fields) => same(fields)),
      sql`) or (`,
    )})))`;
}

export async function queryRowPage(
  db: Executor,
  where: SQL,
  order: SQL,
  page: number,
  size: number,
  duplicateFlag: SQL = sql`false`,
) {
  const [items, [count]] = await Promise.all([
    queryRows<StoredRow & { duplicate: boolean }>(
      db,
      sql`select ${rowColumns}, ${duplicateFlag} as duplicate from ledger_rows r join orgs o on o.id = r.org_id where ${where}
          order by ${order} limit ${size} offset ${(page - 1) * size}`,
    ).then(opened),
    queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ledger_rows r join orgs o on o.id = r.org_id where ${where}`,
    ),
  ]);
  return { items, total: count?.n ?? 0 };
}

export async function queryAllRows(db: Executor, where: SQL, order: SQL, limit: number) {
  return opened(
    await queryRows<StoredRow>(
      db,
      sql`select ${rowColumns} from ledger_rows r join orgs o on o.id = r.org_id where ${where} order by ${order} limit ${limit}`,
    ),
  );
}

/** One row of a type, only if it lies in the user's data scope. */
export async function findRow(db: Executor, user: AuthUser, typeKey: string, id: number) {
  const [row] = await queryRows<StoredRow>(
    db,
    sql`select ${rowColumns} from ledger_rows r join orgs o on o.id = r.org_id
        where r.id = ${id} and r.type_key = ${typeKey} and ${orgScopeSql(user, sql`r.org_id`)}`,
  );
  return row && { ...row, data: openRowData(row.data) };
}

/**
 * Which of these unique keys already exist among the type's stored rows IN THE USER'S DATA SCOPE, as `fields → set of
 * values`. Rows outside the scope are never looked at, so no answer tells whether another unit holds a key (a
 * duplicate across units is accepted and shown to whoever sees both rows — docs/security.md). Encrypted fields are
 * compared on their blind index. One query per constraint, each taking every value as one JSON parameter.
 */
export async function existingUniqueValues(
  db: Executor,
  def: LedgerDefinition,
  user: AuthUser,
  keys: (UniqueKey & { blind?: Record<string, string> })[],
  excludeId?: number,
): Promise<Map<string, Set<string>>> {
  const encrypted = new Set(encryptedFieldKeys(def));
  const groups = new Map<string, { fields: string[]; lookups: Map<string, string[]> }>();
  for (const k of keys) {
    const id = k.fields.join(',');
    const g = groups.get(id) ?? { fields: k.fields, lookups: new Map<string, string[]>() };
    // The compared text: each encrypted part replaced by its blind index (a key without one is compared as it is).
    let lookup = k.value;
    if (k.fields.some((f) => encrypted.has(f))) {
      const parts = k.value.split(keySeparator);
      lookup = k.fields
        .map((f, i) => (encrypted.has(f) ? (k.blind?.[f] ?? indexOf(parts[i]!)) : parts[i]!))
        .join(keySeparator);
    }
    const same = g.lookups.get(lookup);
    if (same) same.push(k.value);
    else g.lookups.set(lookup, [k.value]);
    groups.set(id, g);
  }
  const found = new Map<string, Set<string>>();
  for (const [id, g] of groups) {
    const expr = sql`concat_ws(chr(31), ${sql.join(
      g.fields.map((f) => (encrypted.has(f) ? sql`r.blind->>${f}` : sql`r.data->>${f}`)),
      sql`, `,
    )})`;
    const rows = await queryRows<{ k: string }>(
      db,
      sql`select distinct ${expr} as k from ledger_rows r
          where r.type_key = ${def.key} and ${excludeId ? sql`r.id <> ${excludeId}` : sql`true`}
            and ${orgScopeSql(user, sql`r.org_id`)}
            and ${expr} in (select jsonb_array_elements_text(${JSON.stringify([...g.lookups.keys()])}::jsonb))`,
    );
    found.set(id, new Set(rows.flatMap((r) => g.lookups.get(r.k) ?? [])));
  }
  return found;
}

/** The unique keys of `data` that another stored row in the user's scope already holds. */
export async function conflictingKeys(
  db: Executor,
  def: LedgerDefinition,
  user: AuthUser,
  data: LedgerData,
  excludeId?: number,
) {
  const keys = uniqueKeysOf(def, data);
  if (!keys.length) return [];
  const existing = await existingUniqueValues(db, def, user, keys, excludeId);
  return keys.filter((k) => existing.get(k.fields.join(','))?.has(k.value));
}

/** Units the user may file for, by name and short name (ambiguous names are marked). */
export async function orgLookup(db: Executor, user: AuthUser) {
  const rows = await queryRows<{ id: number; name: string; short_name: string | null }>(
    db,
    sql`select id, name, short_name from orgs where ${orgScopeSql(user, sql`id`)}`,
  );
  const byName = new Map<string, number | 'ambiguous'>();
  const add = (name: string | null, id: number) => {
    if (!name) return;
    const prev = byName.get(name);
    byName.set(name, prev === undefined || prev === id ? id : 'ambiguous');
  };
  for (const r of rows) add(r.name, r.id);
  for (const r of rows) if (!byName.has(r.short_name ?? '')) add(r.short_name, r.id);
  return { lookup: (name: string) => byName.get(name.trim()), ids: new Set(rows.map((r) => r.id)) };
}

export async function orgNames(db: Executor, ids: number[]) {
  if (!ids.length) return new Map<number, string>();
  const rows = await queryRows<{ id: number; name: string }>(
    db,
    sql`select id, name from orgs where id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::int)`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Up to `limit` honours (荣誉 ledger) of a year in an org subtree, by date (reports reads it through the service). */
export async function queryHonoursOfYear(db: Executor, subtreePath: string, year: number, limit = 12) {
  return queryRows<{ title: string; level: string; authority: string }>(
    db,
    sql`select coalesce(r.data->>'title', '') as title, coalesce(r.data->>'level', '') as level,
               coalesce(r.data->>'issuing_authority', '') as authority
        from ledger_rows r join orgs o on o.id = r.org_id
        where r.type_key = 'honour' and o.path like ${`${subtreePath}%`}
          and r.row_date >= ${`${year}-01-01`} and r.row_date <= ${`${year}-12-31`}
        order by r.row_date, r.id limit ${limit}`,
  );
}

/** A sealed row (personal values encrypted, blind index beside them) as it is stored. */
export type SealedWrite = { orgId: number; rowDate: string; data: unknown; blind: unknown };

/**
 * Inserts a row and gives it back as `findRow` would, in one statement: the insert's roll-up trigger locks the unit's
 * (and its ancestors') `metric_rollup` rows until commit, so a new row's transaction makes no extra round trip
 * after it (docs/benchmarks.md, "Mixed load").
 */
export async function insertLedgerRowReturning(db: Executor, typeKey: string, row: SealedWrite, createdBy: number) {
  const [inserted] = await queryRows<StoredRow>(
    db,
    sql`with r as (
          insert into ledger_rows (type_key, org_id, row_date, data, blind, created_by)
          values (${typeKey}, ${row.orgId}, ${row.rowDate}::date, ${JSON.stringify(row.data)}::jsonb,
            ${JSON.stringify(row.blind)}::jsonb, ${createdBy})
          returning *)
        select ${rowColumns} from r join orgs o on o.id = r.org_id`,
  );
  return { ...inserted!, data: openRowData(inserted!.data) };
}

/** Rewrites a row at the version the writer read; false when someone changed it since. */
export async function updateLedgerRow(db: Executor, typeKey: string, id: number, version: number, row: SealedWrite) {
  const updated = await queryRows<{ id: number }>(
    db,
    sql`update ledger_rows set org_id = ${row.orgId}, row_date = ${row.rowDate}::date,
          data = ${JSON.stringify(row.data)}::jsonb, blind = ${JSON.stringify(row.blind)}::jsonb,
          version = version + 1, updated_at = now()
        where id = ${id} and type_key = ${typeKey} and version = ${version} returning id`,
  );
  return updated.length > 0;
}

/** Deletes a row at the version the writer read; false when someone changed it since. */
export async function deleteLedgerRow(db: Executor, id: number, version: number) {
  const deleted = await queryRows<{ id: number }>(
    db,
    sql`delete from ledger_rows where id = ${id} and version = ${version} returning id`,
  );
  return deleted.length > 0;
}

/**
 * Rows of one type in the given units dated within [from, to) (ISO dates), by id, data as stored: for other modules'
 * read-only sources (assessment's 荣誉台账). Personal fields stay sealed; callers read only non-personal fields.
 */
export function rowsOfTypeDated(db: Executor, typeKey: string, orgIds: readonly number[], from: string, to: string) {
  const ids = `{${orgIds.map((id) => Math.trunc(id)).join(',')}}`;
  return queryRows<{ id: number; org_id: number; data: Record<string, unknown> }>(
    db,
    sql`select id, org_id, data from ledger_rows
        where type_key = ${typeKey} and org_id = any(${ids}::int[])
          and row_date >= ${from}::date and row_date < ${to}::date
        order by id`,
  );
}
