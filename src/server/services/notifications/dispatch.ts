/**
 * Drains the outbox: due rows are claimed in a batch (skipping rows another instance holds, on
 * PostgreSQL), each delivered once — into the message box, or to the SMS provider — and marked
 * sent in the same transaction as the claim. A provider failure is retried with backoff
 * (1, 5, 25, 125 minutes), then the row is marked failed; nothing is sent twice by two instances.
 */
import { randomUUID } from 'node:crypto';
import type { OutboxTable } from '../../db/schema.js';
import { claimDueOutbox, insertMessage, updateOutbox } from '../../repositories/notifications.js';
import { type Deps, type Executor, inTx, nowIso } from '../context.js';

export const MAX_ATTEMPTS = 5;

export interface DispatchResult {
  sent: number;
  retried: number;
  failed: number;
}

export async function dispatchOutbox(deps: Deps, opts: { batch?: number } = {}): Promise<DispatchResult> {
  const result: DispatchResult = { sent: 0, retried: 0, failed: 0 };
  await inTx(deps, async (trx) => {
    const now = nowIso(deps);
    for (const row of await claimDueOutbox(trx, deps.db.dialect, now, opts.batch ?? 100)) {
      try {
        await deliver(trx, deps, row, now);
        await updateOutbox(trx, row.id, { status: 'sent', sent_at: now, attempts: row.attempts + 1, provider: row.channel === 'sms' ? deps.sms.name : 'inbox', last_error: null });
        result.sent++;
      } catch (e) {
        const attempts = row.attempts + 1;
        const failed = attempts >= MAX_ATTEMPTS;
        const next = new Date(Date.parse(now) + 5 ** (attempts - 1) * 60_000).toISOString();
        await updateOutbox(trx, row.id, { status: failed ? 'failed' : 'pending', attempts, next_attempt_at: failed ? row.next_attempt_at : next, last_error: String((e as Error)?.message ?? e).slice(0, 500) });
        if (failed) result.failed++;
        else result.retried++;
      }
    }
  });
  return result;
}

async function deliver(trx: Executor, deps: Deps, row: OutboxTable, now: string): Promise<void> {
  const { title, body } = JSON.parse(row.payload) as { title: string; body: string };
  if (row.channel === 'inbox') {
    await insertMessage(trx, { id: randomUUID(), recipient_key: row.recipient, recipient_user_id: row.recipient_user_id, case_id: row.case_id, template: row.template, title, body, created_at: now, read_at: null });
  } else if (row.channel === 'sms') {
    await deps.sms.send(row.recipient, `【${title}】${body}`);
  } else {
    throw new Error(`unknown channel ${row.channel}`);
  }
}

/** Runs the dispatcher every `intervalMs` until stopped; one run at a time; errors are logged. */
export function startDispatcher(deps: Deps, intervalMs: number, log: (e: unknown) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    dispatchOutbox(deps)
      .catch(log)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
