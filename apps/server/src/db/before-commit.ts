/**
 * Writes deferred to the end of a transaction: `deferUntilCommit(tx, write, value)` queues `value`, and the
 * transaction runs `write(tx, values)` as its last statements, after the caller's work and right before COMMIT.
 * The audit chain appends this way (platform.audit.service.ts): its global lock is then held only for the append
 * and the commit, not for the rest of the transaction. Consecutive values for the same `write` go in one call, in
 * the order they were queued. A savepoint (`tx.transaction`) that fails drops what was queued inside it, as the
 * database drops its rows.
 */
export type DeferredWrite<Tx> = (tx: Tx, values: unknown[]) => Promise<void>;

type Queued = { write: DeferredWrite<never>; value: unknown };
type Transactional = {
  transaction: (fn: (tx: Transactional) => Promise<unknown>, config?: unknown) => Promise<unknown>;
};

const queues = new WeakMap<object, Queued[]>();

/**
 * Queues `value` for `write` at the commit of the transaction `tx`; false when `tx` is not a transaction opened
 * through a database `runDeferredWritesAtCommit` was given (the caller then writes at once).
 */
export function deferUntilCommit<Tx extends object>(tx: Tx, write: DeferredWrite<Tx>, value: unknown): boolean {
  const queue = queues.get(tx);
  if (!queue) return false;
  queue.push({ write: write as DeferredWrite<never>, value });
  return true;
}

/** Makes every transaction of `db` (and its savepoints) run the writes queued with `deferUntilCommit` at commit. */
export function runDeferredWritesAtCommit(db: object) {
  wrap(db as Transactional, null);
}

function wrap(target: Transactional, rootQueue: Queued[] | null) {
  const original = target.transaction.bind(target);
  target.transaction = (fn, config) =>
    original(async (tx) => {
      const queue = rootQueue ?? [];
      queues.set(tx, queue);
      wrap(tx, queue);
      const mark = queue.length;
      try {
        const result = await fn(tx);
        if (!rootQueue) await flush(tx, queue);
        return result;
      } catch (err) {
        queue.length = mark; // a savepoint rolled back: so did what it queued
        throw err;
      }
    }, config);
}

async function flush(tx: Transactional, queue: Queued[]) {
  // A write may queue more (it runs in the same transaction): keep going until the queue is empty.
  while (queue.length > 0) {
    const write = queue[0]!.write;
    let n = 1;
    while (n < queue.length && queue[n]!.write === write) n++;
    const values = queue.splice(0, n).map((q) => q.value);
    await (write as DeferredWrite<Transactional>)(tx, values);
  }
}
