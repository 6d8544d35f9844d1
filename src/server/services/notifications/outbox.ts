/**
 * Outbox rows written by a case move's effects, batched: inside `batchOutbox` (case/store.ts
 * writeMoves) the rows queued on the transaction wait and go in as one statement at its end —
 * an acceptance or a conclusion queues the applicant's messages and the rating invitation,
 * two statements before. Nothing in a move reads the outbox; outside a batch a row goes in at once.
 */
import type { OutboxTable } from '../../db/schema.js';
import { insertOutbox } from '../../repositories/notifications.js';
import type { Executor } from '../context.js';
import { txBatch } from '../tx-batch.js';

const outbox = txBatch<OutboxTable>((db, rows) => insertOutbox(db, rows));

export const batchOutbox = <T>(trx: Executor, fn: () => Promise<T>): Promise<T> => outbox.run(trx, fn);

/** Inserts the rows, or adds them to the transaction's batch. */
export const queueOutbox = (db: Executor, rows: OutboxTable[]): Promise<void> => outbox.queue(db, rows);
