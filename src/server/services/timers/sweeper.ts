/**
 * The sweeper: due timers are claimed in a batch (on PostgreSQL skipping rows another instance
 * holds, so any number of instances drain one table), each handler runs in the claiming
 * transaction and the batch is marked fired in it — a timer fires exactly once: a crash rolls
 * the claim, the effects and the mark back together (DESIGN §4 invariant 5).
 *
 * Decisions:
 * - Fast path: the whole batch without savepoints (one transaction: one update claiming the batch
 *   and marking it fired, and the handlers' writes). Handlers rarely fail, and a savepoint per timer costs two
 *   round trips and, on PostgreSQL, a subtransaction each.
 * - When a handler fails the batch is rolled back and claimed again in careful mode: a savepoint
 *   per timer, so the failing one is rolled back alone, counted, and retried later with backoff
 *   (1, 5, 25, 125 minutes), failed for good at the 5th attempt; the others fire.
 * - The attempt is counted by the claim itself, so an attempt that crashed is not counted.
 */
import type { ControlledTransaction } from 'kysely';
import type { Database, TimersTable } from '../../db/schema.js';
import { claimAndFireDueTimers, claimDueTimers, markTimerFailure, markTimersFired } from '../../repositories/timers.js';
import { endSavepointAudit, flushAudit, openAudit } from '../audit/record.js';
import { type Deps, inTx, nowIso } from '../context.js';
import { TIMER_HANDLERS, type TimerHandler } from './handlers.js';

export const MAX_ATTEMPTS = 5;
export const DEFAULT_BATCH = 100;

export interface SweepResult {
  fired: number;
  retried: number;
  failed: number;
}

export interface SweepOptions {
  batch?: number;
  /** handlers by kind; default the built-in ones */
  handlers?: Readonly<Record<string, TimerHandler>>;
}

/** A handler's error, told apart from the database failing under the sweeper itself. */
class HandlerFailed extends Error {}

const byDue = (a: TimersTable, b: TimersTable) => (a.due_at < b.due_at ? -1 : a.due_at > b.due_at ? 1 : a.id < b.id ? -1 : 1);

function handlerFor(handlers: Readonly<Record<string, TimerHandler>>, t: TimersTable): TimerHandler {
  const h = handlers[t.kind];
  if (!h) throw new Error(`no handler for timer kind ${t.kind}`);
  return h;
}

/** Claims one batch of due timers and fires them; what happened. */
export async function runDueTimers(deps: Deps, opts: SweepOptions = {}): Promise<SweepResult> {
  const batch = opts.batch ?? DEFAULT_BATCH;
  const handlers = opts.handlers ?? TIMER_HANDLERS;
  try {
    return await inTx(deps, async (trx) => {
      const now = nowIso(deps);
      // claimed and marked fired in one statement: a failing handler rolls the mark back with the rest
      const rows = (await claimAndFireDueTimers(trx, now, batch)).sort(byDue);
      for (const t of rows) {
        try {
          await handlerFor(handlers, t)(trx, deps, t);
        } catch (e) {
          throw new HandlerFailed(String((e as Error)?.message ?? e), { cause: e });
        }
      }
      return { fired: rows.length, retried: 0, failed: 0 };
    });
  } catch (e) {
    if (!(e instanceof HandlerFailed)) throw e;
    return runCarefully(deps, batch, handlers);
  }
}

/** The batch again, one savepoint per timer: a failing handler is rolled back alone. */
async function runCarefully(deps: Deps, batch: number, handlers: Readonly<Record<string, TimerHandler>>): Promise<SweepResult> {
  const result: SweepResult = { fired: 0, retried: 0, failed: 0 };
  const trx: ControlledTransaction<Database> = await deps.db.kysely.startTransaction().execute();
  // audit rows chained just before COMMIT, as inTx does; a rolled-back timer's rows dropped with it
  openAudit(trx);
  try {
    const now = nowIso(deps);
    const fired: string[] = [];
    for (const t of (await claimDueTimers(trx, deps.db.dialect, now, batch)).sort(byDue)) {
      const sp = await trx.savepoint('timer').execute();
      openAudit(sp);
      try {
        await handlerFor(handlers, t)(sp, deps, t);
        await sp.releaseSavepoint('timer').execute();
        endSavepointAudit(sp, trx, true);
        fired.push(t.id);
      } catch (e) {
        endSavepointAudit(sp, trx, false);
        await sp.rollbackToSavepoint('timer').execute();
        await sp.releaseSavepoint('timer').execute();
        const failed = t.attempts >= MAX_ATTEMPTS;
        const retryAt = new Date(Date.parse(now) + 5 ** (t.attempts - 1) * 60_000).toISOString();
        await markTimerFailure(trx, t.id, { status: failed ? 'failed' : 'pending', due_at: failed ? t.due_at : retryAt, last_error: String((e as Error)?.message ?? e).slice(0, 500) });
        if (failed) result.failed++;
        else result.retried++;
      }
    }
    await markTimersFired(trx, fired, now);
    await flushAudit(trx, deps);
    await trx.commit().execute();
    result.fired = fired.length;
    return result;
  } catch (e) {
    await trx.rollback().execute().catch(() => {});
    throw e;
  }
}

/** Fires due timers until fewer than a batch are due (one call per tick of the sweeper). */
export async function drainDueTimers(deps: Deps, opts: SweepOptions & { shouldStop?: () => boolean } = {}): Promise<SweepResult> {
  const total: SweepResult = { fired: 0, retried: 0, failed: 0 };
  const batch = opts.batch ?? DEFAULT_BATCH;
  for (;;) {
    const r = await runDueTimers(deps, opts);
    total.fired += r.fired;
    total.retried += r.retried;
    total.failed += r.failed;
    if (r.fired + r.retried + r.failed < batch || opts.shouldStop?.()) return total;
  }
}

/**
 * Runs the sweeper every `intervalMs` until stopped; one run at a time, each draining what is
 * due; errors are logged and the next tick tries again. `stop` waits for the run under way.
 */
export function startSweeper(deps: Deps, intervalMs: number, log: (e: unknown) => void): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = drainDueTimers(deps, { shouldStop: () => stopped })
      .catch(log)
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
