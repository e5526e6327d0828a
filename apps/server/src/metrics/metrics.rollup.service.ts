import type { Executor } from '../db/client.ts';
import {
  builtDefinitionsHash,
  definitionsHash,
  foldRollupSlots,
  installAndRebuildRollup,
  ledgerRowsTableExists,
  lockRollupBuild,
  saveBuiltDefinitionsHash,
} from './metrics.rollup.repo.ts';

/**
 * Installs the roll-up triggers and rebuilds the roll-up when the definitions changed since the last build
 * (or it was never built). Idempotent; one transaction under an advisory lock so two servers don't race.
 */
export async function ensureMetricRollup(db: Executor): Promise<'built' | 'current' | 'no-ledgers'> {
  if (!(await ledgerRowsTableExists(db))) return 'no-ledgers';
  const hash = definitionsHash();
  if ((await builtDefinitionsHash(db)) === hash) return 'current';
  await db.transaction(async (tx) => {
    await lockRollupBuild(tx);
    if ((await builtDefinitionsHash(tx)) === hash) return;
    await rebuildMetricRollup(tx);
    await saveBuiltDefinitionsHash(tx, hash);
  });
  return 'built';
}

/** Triggers installed afresh and every figure recomputed from `ledger_rows` (also after a bulk load without them). */
export async function rebuildMetricRollup(db: Executor): Promise<void> {
  await installAndRebuildRollup(db);
}

/**
 * The scheduled fold (scheduled-work.ts, once per period across processes): the writers' slots back into slot 0,
 * so a figure read stays one row plus what was written since.
 */
export async function foldMetricRollupSlots(tx: Executor): Promise<number> {
  return foldRollupSlots(tx);
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
