/**
 * Outbox rows written by a case move's effects, batched: inside `batchOutbox` (case/store.ts
 * writeMoves) the rows queued on the transaction wait and go in as one statement at its end —
 * an acceptance or a conclusion queues the applicant's messages and the rating invitation,
 * two statements before. Nothing in a move reads the outbox; outside a batch a row goes in at once.
 */
import type { OutboxTable } from '../../db/schema.js';
import { insertOutbox } from '../../repositories/notifications.js';
import type { Executor } from '../context.js';

const batches = new WeakMap<Executor, OutboxTable[]>();

export async function batchOutbox<T>(trx: Executor, fn: () => Promise<T>): Promise<T> {
  if (batches.has(trx)) return fn();
  const rows: OutboxTable[] = [];
  batches.set(trx, rows);
  let result: T;
  try {
    result = await fn();
  } finally {
    batches.delete(trx);
  }
  await insertOutbox(trx, rows);
  return result;
}

/** Inserts the rows, or adds them to the transaction's batch. */
export async function queueOutbox(db: Executor, rows: OutboxTable[]): Promise<void> {
  const batch = batches.get(db);
  if (batch) batch.push(...rows);
  else await insertOutbox(db, rows);
}
