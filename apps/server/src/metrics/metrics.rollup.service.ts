import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { definitionsHash, installSql, rebuildSql } from './metrics.rollup.repo.ts';

const lockKey = 7_426_001;

/**
 * Installs the roll-up triggers and rebuilds the roll-up when the definitions changed since the last build
 * (or it was never built). Idempotent; one transaction under an advisory lock so two servers don't race.
 */
export async function ensureMetricRollup(db: Executor): Promise<'built' | 'current' | 'no-ledgers'> {
  const [table] = await queryRows<{ ok: boolean }>(db, sql`select to_regclass('ledger_rows') is not null as ok`);
  if (!table?.ok) return 'no-ledgers';
  const hash = definitionsHash();
  const [state] = await queryRows<{ hash: string }>(
    db,
    sql`select definitions_hash as hash from metric_rollup_state where id = 1`,
  );
  if (state?.hash === hash) return 'current';
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${lockKey})`);
    // The rebuild groups millions of rows: let it hash in memory instead of spilling (this transaction only).
    await tx.execute(sql`set local work_mem = '256MB'`);
    const [again] = await queryRows<{ hash: string }>(
      tx,
      sql`select definitions_hash as hash from metric_rollup_state where id = 1`,
    );
    if (again?.hash === hash) return;
    await rebuildMetricRollup(tx);
    await tx.execute(sql`insert into metric_rollup_state (id, definitions_hash, built_at) values (1, ${hash}, now())
      on conflict (id) do update set definitions_hash = excluded.definitions_hash, built_at = excluded.built_at`);
  });
  return 'built';
}

/** Triggers installed afresh and every figure recomputed from `ledger_rows` (also after a bulk load without them). */
export async function rebuildMetricRollup(db: Executor): Promise<void> {
  for (const statement of installSql()) await db.execute(sql.raw(statement));
  for (const statement of rebuildSql()) await db.execute(sql.raw(statement));
}

const readiness = new WeakMap<object, Promise<boolean>>();

/**
 * Starts bringing the roll-up up to date without holding up the server start (a rebuild of a province can take
 * minutes); until it is ready, figures are computed straight from the rows — slower, never wrong.
 */
export function startMetricRollup(db: Executor, onError: (err: unknown) => void = () => {}): Promise<boolean> {
  let ready = readiness.get(db);
  if (!ready) {
    ready = ensureMetricRollup(db).then(
      (state) => state !== 'no-ledgers',
      (err) => {
        onError(err);
        return false;
      },
    );
    readiness.set(db, ready);
    void ready.then((ok) => markRollupReady(db, ok));
  }
  return ready;
}

/** Resolves true once the roll-up may be read for this database (false: compute from rows). */
export function whenRollupReady(db: Executor): Promise<boolean> {
  return readiness.get(db) ?? Promise.resolve(false);
}

const settled = new WeakMap<object, boolean>();
/** Synchronous view of readiness for the query planner in metrics.figures.service.ts. */
export function isRollupReady(db: Executor): boolean {
  return settled.get(db) === true;
}
export function markRollupReady(db: Executor, ready: boolean) {
  settled.set(db, ready);
}
