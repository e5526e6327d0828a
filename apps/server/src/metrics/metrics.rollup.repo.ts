import { createHash } from 'node:crypto';
import { ledgerComputations } from '@fazhi/core/metrics/definitions';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { conditionSql, contributionSql, dateSql } from './metrics.computation.repo.ts';
import { literal } from './metrics.source-adapter.repo.ts';
import { ledgerSource } from './metrics.source-ledger.repo.ts';

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

/** Every figure recomputed from `ledger_rows` into slot 0 (the column default). */
export const rebuildSql = () => [
  'delete from metric_rollup',
  `insert into metric_rollup (org_id, metric_key, month, value)
  select a.id, d.key, d.month, sum(d.value)
  from (${contributionsSql('ledger_rows')}) d
  join orgs o on o.id = d.org_id
  cross join lateral ${ancestors('o.path')} a(id)
  group by 1, 2, 3`,
];

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
  // An org move changes the ancestors of its rows: take its own rows off the old ancestors, onto the new ones.
  `create or replace function metric_rollup_org_move() returns trigger language plpgsql as $fn$
begin
  insert into metric_rollup as m (org_id, metric_key, month, slot, value)
  select a.id, d.key, d.month, ${slotSql}, sum(a.sign * d.value)
  from (select n.id, ol.path as old_path, n.path as new_path
          from new_orgs n join old_orgs ol on ol.id = n.id where ol.path <> n.path) mv
  join (${contributionsSql('ledger_rows', 'r.org_id in (select n.id from new_orgs n join old_orgs ol on ol.id = n.id where ol.path <> n.path)')}) d
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
