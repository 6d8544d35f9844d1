/**
 * Outbox rows written by a case move's effects, batched: during a move (case/store.ts
 * writeMoves, tx-batch.ts runBatches) the rows queued on the transaction wait and go in at its
 * end with its other rows — an acceptance or a conclusion queues the applicant's messages and
 * the rating invitation, two statements before. Nothing in a move reads the outbox; outside a
 * batch a row goes in at once.
 */
import type { OutboxTable } from '../../db/schema.js';
import { insertOutbox, outboxInsert } from '../../repositories/notifications.js';
import type { Executor } from '../context.js';
import { type BatchHandle, txBatch } from '../tx-batch.js';

const outbox = txBatch<OutboxTable>(insertOutbox, outboxInsert);

/** The outbox batch, for a move that writes its batches together (case/store.ts, tx-batch.ts runBatches). */
export const outboxBatch: BatchHandle = outbox;


/** Inserts the rows, or adds them to the transaction's batch. */
export const queueOutbox = (db: Executor, rows: OutboxTable[]): Promise<void> => outbox.queue(db, rows);
