import { createHash } from 'node:crypto';
import {
  type AggregateComputation,
  ledgerComputations,
  type MetricComputation,
  metricComputations,
  type RegistryKey,
} from '@fazhi/core/metrics/definitions';
import type { TableSourceKey } from '@fazhi/core/metrics/sources';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { conditionSql, contributionSql, dateSql } from './metrics.computation.repo.ts';
import { literal, type SourceAdapter } from './metrics.source-adapter.repo.ts';
import { ledgerSource } from './metrics.source-ledger.repo.ts';
import { planTasksSource } from './metrics.source-plan-tasks.repo.ts';

/**
 * Table sources rolled up beside the ledgers: few rows, but each reaches every ancestor, so counting them at read
 * time joins the whole org tree (8 ms of a province's 25 ms dashboard). Their rows' contributions are recorded in
 * `metric_rollup_parts`, because a task's depends on other rows (a split task counts through its sub-tasks).
 */
const rolledUpTables = {
  'plan.tasks': {
    adapter: planTasksSource,
    table: 'tasks',
    /** Columns the adapter's `from` reads beside those the definitions name (issued, leaf: status and parent). */
    fromColumns: ['status', 'parent_id'],
    /** A row's parent, whose parts change when a child comes, goes or moves (a split task counts through them). */
    parentColumn: 'parent_id',
  },
} as const satisfies Partial<
  Record<TableSourceKey, { adapter: SourceAdapter; table: string; fromColumns: string[]; parentColumn: string }>
>;
type RolledUpTable = keyof typeof rolledUpTables;

/** Whether figures of this computation are read from the roll-up (distinct counts are not additive: never). */
export function isRolledUp(c: AggregateComputation): boolean {
  if (c.kind === 'distinct') return false;
  return c.source.kind === 'ledger' || c.source.table in rolledUpTables;
}

const tableComputations = (source: RolledUpTable) =>
  (Object.entries(metricComputations) as [RegistryKey, MetricComputation][]).flatMap(([key, c]) =>
    c.kind !== 'rate' &&
    c.kind !== 'difference' &&
    isRolledUp(c) &&
    c.source.kind === 'table' &&
    c.source.table === source
      ? [{ key, computation: c }]
      : [],
  );

/**
 * SQL text of the roll-up, generated from the registry: what each ledger row contributes to each metric and month
 * (one lateral per row, so a rebuild reads `ledger_rows` once), and how contributions reach every ancestor org.
 */
const additive = () => ledgerComputations().filter((m) => m.computation.kind !== 'distinct');

/** `(org_id, key, month, value)` per row of `relation` (aliased r), pre-grouped per org. */
export function contributionsSql(relation: string, where = 'true'): string {
  const branches = additive().map(({ key, ledger, computation }) => {
    const adapter = ledgerSource(ledger, ledger);
    const month = `date_trunc('month', ${dateSql(adapter, computation)})::date`;
    return `select ${literal(key)}::text, ${month}, ${contributionSql(adapter, computation)}::float8 where ${conditionSql(adapter, computation)}`;
  });
  if (branches.length === 0)
    return 'select null::int as org_id, null::text as key, null::date as month, 0::float8 as value where false';
  return `select r.org_id, x.key, x.month, sum(x.value) as value
    from ${relation} r cross join lateral (${branches.join('\n      union all ')}) x(key, month, value)
    where ${where}
    group by 1, 2, 3`;
}

const ancestors = (path: string) => `unnest(string_to_array(trim(both '/' from ${path}), '/')::int[])`;

/**
 * Writers' slots per figure. A trigger adds to the slot of its own backend (1…8), so transactions on different
 * connections that add to the same county's figures (every new row of the month reaches the county and city rows)
 * take different rows and don't wait for each other's commit; readers sum the slots. Two connections on the same
 * slot only queue as every writer did before; 8 keeps the rows a reader sums few. Slot 0 is the rebuild's and the
 * fold's (`foldRollupSlots`), which no trigger writes.
 */
export const rollupSlots = 8;
const slotSql = `(1 + pg_backend_pid() % ${rollupSlots})::smallint`;

/** Add `sign` × the contributions of `relation` to every ancestor-or-self of each row's org (this backend's slot). */
export function applySql(relation: string, sign: 1 | -1): string {
  return `insert into metric_rollup as m (org_id, metric_key, month, slot, value)
  select a.id, d.key, d.month, ${slotSql}, ${sign} * sum(d.value)
  from (${contributionsSql(relation)}) d
  join orgs o on o.id = d.org_id
  cross join lateral ${ancestors('o.path')} a(id)
  group by 1, 2, 3
  order by 1, 2, 3
  on conflict (org_id, metric_key, month, slot) do update set value = m.value + excluded.value`;
}

/** The plain column behind an adapter expression (`r.status` → `status`); anything else cannot be watched. */
function columnOf(expression: string): string {
  const match = /^r\.([a-z_]+)$/.exec(expression);
  if (!match) throw new Error(`roll-up: ${expression} is not a plain column of the source row`);
  return match[1]!;
}

/** The columns whose change can change a row's parts: its org, dates, filtered and summed fields, and the `from`'s. */
export function watchedColumns(source: RolledUpTable): string[] {
  const { adapter, fromColumns } = rolledUpTables[source];
  const columns = new Set<string>([columnOf(adapter.org), ...fromColumns]);
  for (const { computation: c } of tableComputations(source)) {
    columns.add(columnOf(dateSql(adapter, c)));
    for (const f of c.filters ?? []) columns.add(columnOf(adapter.text(f.field)));
    if (c.kind === 'sum') columns.add(columnOf(adapter.number(c.field)));
  }
  return [...columns].sort();
}

/** `(row_id, org_id, key, month, value)`: what each row of a rolled-up table source adds (rows with ids in `ids`). */
function partsSql(source: RolledUpTable, ids?: string): string {
  const { adapter } = rolledUpTables[source];
  const branches = tableComputations(source).map(({ key, computation }) => {
    const month = `date_trunc('month', ${dateSql(adapter, computation)})::date`;
    return `select ${literal(key)}::text, ${month}, ${contributionSql(adapter, computation)}::float8 where ${conditionSql(adapter, computation)}`;
  });
  return `select ${adapter.rowId} as row_id, ${adapter.org} as org_id, x.key, x.month, x.value
    from ${adapter.from} cross join lateral (${branches.join('\n      union all ')}) x(key, month, value)
    where ${ids ? `${adapter.rowId} in (${ids})` : 'true'}`;
}

/** `sign` × the parts in `relation` (org_id, metric_key, month, value) onto every ancestor-or-self (this backend's slot). */
function applyPartsSql(relation: string, sign: 1 | -1): string {
  return `insert into metric_rollup as m (org_id, metric_key, month, slot, value)
  select a.id, p.metric_key, p.month, ${slotSql}, ${sign} * sum(p.value)
  from ${relation} p
  join orgs o on o.id = p.org_id
  cross join lateral ${ancestors('o.path')} a(id)
  group by 1, 2, 3
  order by 1, 2, 3
  on conflict (org_id, metric_key, month, slot) do update set value = m.value + excluded.value`;
}

const partsLockKey = 7_426_002;

/**
 * The trigger body of a rolled-up table source for one statement: the rows it changed (an update only where a
 * watched column changed) and the parents whose children it added, removed or moved (a parent counts only while it
 * has none). Their recorded parts come off the roll-up, their parts now go on. The parents are locked first (in id
 * order): two statements adding sub-tasks under one parent would otherwise each judge it from before the other's.
 */
function tableTriggerSql(source: RolledUpTable, op: 'INSERT' | 'UPDATE' | 'DELETE'): string {
  const { adapter, parentColumn: parent } = rolledUpTables[source];
  const id = columnOf(adapter.rowId);
  const changed = watchedColumns(source);
  const rows = (alias: string) => `row(${changed.map((c) => `${alias}.${c}`).join(', ')})`;
  const [touched, parents] =
    op === 'INSERT'
      ? [`select ${id} from new_rows`, `select ${parent} from new_rows`]
      : op === 'DELETE'
        ? [`select ${id} from old_rows`, `select ${parent} from old_rows`]
        : [
            `select n.${id} from new_rows n join old_rows o on o.${id} = n.${id}
               where ${rows('n')} is distinct from ${rows('o')}`,
            `select v.p from new_rows n join old_rows o on o.${id} = n.${id}
               cross join lateral (values (n.${parent}), (o.${parent})) v(p)
               where n.${parent} is distinct from o.${parent}`,
          ];
  const parentIds = `select distinct q.id from (${parents}) q(id) where q.id is not null`;
  const affected = `select t.id from (${touched}) t(id) union select p.id from (${parentIds}) p`;
  return `perform pg_advisory_xact_lock(${partsLockKey}, l.id) from (${parentIds} order by 1) l;
    with gone as (delete from metric_rollup_parts where source = ${literal(source)} and row_id in (${affected})
                  returning org_id, metric_key, month, value)
    ${applyPartsSql('gone', -1)};
    with fresh as (insert into metric_rollup_parts (source, row_id, org_id, metric_key, month, value)
                   select ${literal(source)}, q.row_id, q.org_id, q.key, q.month, q.value
                   from (${partsSql(source, affected)}) q
                   returning org_id, metric_key, month, value)
    ${applyPartsSql('fresh', 1)};`;
}

const rolledUpSources = Object.keys(rolledUpTables) as RolledUpTable[];
/** The roll-up triggers of a rolled-up table source are this name with `_ins`, `_upd` and `_del`. */
export const rollupTriggerName = (source: RolledUpTable) => `metric_rollup_${source.replace('.', '_')}`;

/** Every figure recomputed from `ledger_rows` and the rolled-up tables into slot 0 (the column default). */
export const rebuildSql = () => [
  'delete from metric_rollup',
  'delete from metric_rollup_parts',
  ...rolledUpSources.map(
    (source) => `insert into metric_rollup_parts (source, row_id, org_id, metric_key, month, value)
    select ${literal(source)}, q.row_id, q.org_id, q.key, q.month, q.value from (${partsSql(source)}) q`,
  ),
  `insert into metric_rollup (org_id, metric_key, month, value)
  select a.id, p.metric_key, p.month, sum(p.value)
  from metric_rollup_parts p
  join orgs o on o.id = p.org_id
  cross join lateral ${ancestors('o.path')} a(id)
  group by 1, 2, 3`,
  `insert into metric_rollup (org_id, metric_key, month, value)
  select a.id, d.key, d.month, sum(d.value)
  from (${contributionsSql('ledger_rows')}) d
  join orgs o on o.id = d.org_id
  cross join lateral ${ancestors('o.path')} a(id)
  group by 1, 2, 3`,
];

const movedOrgs = 'select n.id from new_orgs n join old_orgs ol on ol.id = n.id where ol.path <> n.path';

export const installSql = () => [
  `create or replace function metric_rollup_ledger() returns trigger language plpgsql as $fn$
begin
  if TG_OP = 'INSERT' then
    ${applySql('new_rows', 1)};
  elsif TG_OP = 'DELETE' then
    ${applySql('old_rows', -1)};
  else
    ${applySql('old_rows', -1)};
    ${applySql('new_rows', 1)};
  end if;
  return null;
end $fn$`,
  ...rolledUpSources.flatMap((source) => {
    const { table } = rolledUpTables[source];
    const name = rollupTriggerName(source);
    return [
      `create or replace function ${name}() returns trigger language plpgsql as $fn$
begin
  if TG_OP = 'INSERT' then
    ${tableTriggerSql(source, 'INSERT')}
  elsif TG_OP = 'DELETE' then
    ${tableTriggerSql(source, 'DELETE')}
  else
    ${tableTriggerSql(source, 'UPDATE')}
  end if;
  return null;
end $fn$`,
      `drop trigger if exists ${name}_ins on ${table}`,
      `drop trigger if exists ${name}_upd on ${table}`,
      `drop trigger if exists ${name}_del on ${table}`,
      `create trigger ${name}_ins after insert on ${table} referencing new table as new_rows
     for each statement execute function ${name}()`,
      `create trigger ${name}_upd after update on ${table} referencing old table as old_rows new table as new_rows
     for each statement execute function ${name}()`,
      `create trigger ${name}_del after delete on ${table} referencing old table as old_rows
     for each statement execute function ${name}()`,
    ];
  }),
  // An org move changes the ancestors of its rows (ledger rows, and the rolled-up tables' recorded parts): take
  // its own rows off the old ancestors, onto the new ones.
  `create or replace function metric_rollup_org_move() returns trigger language plpgsql as $fn$
begin
  insert into metric_rollup as m (org_id, metric_key, month, slot, value)
  select a.id, d.key, d.month, ${slotSql}, sum(a.sign * d.value)
  from (select n.id, ol.path as old_path, n.path as new_path
          from new_orgs n join old_orgs ol on ol.id = n.id where ol.path <> n.path) mv
  join (${contributionsSql('ledger_rows', `r.org_id in (${movedOrgs})`)}
        union all
        select p.org_id, p.metric_key, p.month, p.value from metric_rollup_parts p where p.org_id in (${movedOrgs})) d
    on d.org_id = mv.id
  cross join lateral (select x, -1 from ${ancestors('mv.old_path')} x
                      union all select x, 1 from ${ancestors('mv.new_path')} x) a(id, sign)
  group by 1, 2, 3
  order by 1, 2, 3
  on conflict (org_id, metric_key, month, slot) do update set value = m.value + excluded.value;
  return null;
end $fn$`,
  'drop trigger if exists metric_rollup_ins on ledger_rows',
  'drop trigger if exists metric_rollup_upd on ledger_rows',
  'drop trigger if exists metric_rollup_del on ledger_rows',
  'drop trigger if exists metric_rollup_move on orgs',
  `create trigger metric_rollup_ins after insert on ledger_rows referencing new table as new_rows
     for each statement execute function metric_rollup_ledger()`,
  `create trigger metric_rollup_upd after update on ledger_rows referencing old table as old_rows new table as new_rows
     for each statement execute function metric_rollup_ledger()`,
  `create trigger metric_rollup_del after delete on ledger_rows referencing old table as old_rows
     for each statement execute function metric_rollup_ledger()`,
  `create trigger metric_rollup_move after update on orgs referencing old table as old_orgs new table as new_orgs
     for each statement execute function metric_rollup_org_move()`,
];

/**
 * Moves the writers' slots into slot 0 (one row per figure again), skipping the rows an open transaction still holds:
 * it never waits for a writer, and no writer waits for it (triggers don't write slot 0). Returns the rows folded.
 */
export async function foldRollupSlots(tx: Executor): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`with moved as (
          delete from metric_rollup where ctid in (
            select ctid from metric_rollup where slot <> 0 for update skip locked)
          returning org_id, metric_key, month, value),
        folded as (
          insert into metric_rollup as m (org_id, metric_key, month, slot, value)
          select org_id, metric_key, month, 0, sum(value) from moved group by 1, 2, 3 order by 1, 2, 3
          on conflict (org_id, metric_key, month, slot) do update set value = m.value + excluded.value)
        select count(*)::int as n from moved`,
  );
  return row?.n ?? 0;
}

/** Changes whenever a definition, or this generator, changes: the roll-up is then rebuilt at start. */
export function definitionsHash(): string {
  return createHash('sha256')
    .update([...installSql(), ...rebuildSql()].join('\n'))
    .digest('hex')
    .slice(0, 16);
}

/** Whether `ledger_rows` exists in this database (a database without the ledgers module has no roll-up). */
export async function ledgerRowsTableExists(db: Executor): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(db, sql`select to_regclass('ledger_rows') is not null as ok`);
  return row?.ok === true;
}

/** The definitions hash the roll-up was last built from (undefined: never built). */
export async function builtDefinitionsHash(db: Executor): Promise<string | undefined> {
  const [state] = await queryRows<{ hash: string }>(
    db,
    sql`select definitions_hash as hash from metric_rollup_state where id = 1`,
  );
  return state?.hash;
}

const lockKey = 7_426_001;

/**
 * Takes the roll-up build lock until `tx` ends, so two servers don't rebuild at once, and lets the rebuild hash
 * its millions of rows in memory instead of spilling (this transaction only).
 */
export async function lockRollupBuild(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${lockKey})`);
  await tx.execute(sql`set local work_mem = '256MB'`);
}

/** Records that the roll-up now matches the definitions of `hash`. */
export async function saveBuiltDefinitionsHash(tx: Executor, hash: string): Promise<void> {
  await tx.execute(sql`insert into metric_rollup_state (id, definitions_hash, built_at) values (1, ${hash}, now())
    on conflict (id) do update set definitions_hash = excluded.definitions_hash, built_at = excluded.built_at`);
}

/** Installs the triggers afresh and recomputes every figure from `ledger_rows`. */
export async function installAndRebuildRollup(db: Executor): Promise<void> {
  for (const statement of installSql()) await db.execute(sql.raw(statement));
  for (const statement of rebuildSql()) await db.execute(sql.raw(statement));
}
