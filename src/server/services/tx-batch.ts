/**
 * Rows a case move's effects write, kept per transaction and inserted in one statement at the
 * end of the move (case/store.ts wraps its effects in `run`): timers, outbox rows. Nothing in a
 * move reads back what it queued; outside a batch, `queue` inserts at once.
 */
import type { Executor } from './context.js';

export interface TxBatch<R> {
  /** Runs `fn` with what it queues on `trx` kept, then written by `flush` in one go (a nested run joins the outer one). */
  run<T>(trx: Executor, fn: () => Promise<T>): Promise<T>;
  /** Adds the rows to `db`'s batch, or writes them now when there is none. */
  queue(db: Executor, rows: readonly R[]): Promise<void>;
}

export function txBatch<R>(flush: (db: Executor, rows: R[]) => Promise<void>): TxBatch<R> {
  const batches = new WeakMap<Executor, R[]>();
  return {
    async run(trx, fn) {
      if (batches.has(trx)) return fn();
      const rows: R[] = [];
      batches.set(trx, rows);
      let result;
      try {
        result = await fn();
      } finally {
        batches.delete(trx);
      }
      await flush(trx, rows);
      return result;
    },
    async queue(db, rows) {
      const batch = batches.get(db);
      if (batch) batch.push(...rows);
      else await flush(db, [...rows]);
    },
  };
}
