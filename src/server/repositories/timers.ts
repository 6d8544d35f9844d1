/**
 * Timers: the only place their SQL is built. A timer row is scheduled once per key (a second
 * schedule of the same key is a no-op), claimed by the sweeper, and left fired, failed or
 * cancelled — never deleted, so what fired and when stays visible.
 */
import { type Dialect, forUpdateSkipLocked } from '../db/dialect.js';
import type { TimersTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';
import { preparedInsert } from './prepared-insert.js';
import { prepared, run } from '../db/prepared.js';

/** Inserts the rows; a key already scheduled keeps its first row (`on conflict do nothing`). */
export async function insertTimers(db: Executor, rows: readonly TimersTable[]): Promise<void> {
  if (rows.length === 0) return;
  await insertTimersQuery(db, rows);
}
const timersValues = (db: Executor, v: TimersTable[]) => db.insertInto('timers').values(v).onConflict((oc) => oc.column('key').doNothing());
const insertTimersQuery = preparedInsert<TimersTable>(timersValues);
/** The same insert as a query, to run with others (services/tx-batch.ts); null for no rows. */
export const timersInsert = (db: Executor, rows: TimersTable[]) => (rows.length > 0 ? timersValues(db, rows) : null);

/**
 * Claims up to `limit` pending rows due at `now` for the caller's transaction, counting the
 * attempt. The write comes first on purpose: on PostgreSQL the inner select skips rows another
 * instance holds (FOR UPDATE SKIP LOCKED); on SQLite a transaction that starts with a write takes
 * the database's write lock at once (waiting its busy timeout), where one that read first could
 * only fail on upgrading. Rows come back in no particular order: the caller sorts them.
 */
export async function claimDueTimers(db: Executor, dialect: Dialect, now: string, limit: number): Promise<TimersTable[]> {
  return (await run(db, claimQuery(db, { now, limit }))).rows;
}
// compiled once per dialect (db/prepared.ts): the sweeper runs these two per batch, back to back
const claimQuery = prepared<{ now: string; limit: number }, TimersTable>((db, p, { dialect }) => {
  // ordered by due_at alone: the (status, due_at) index gives the first rows without a sort
  const due = forUpdateSkipLocked(dialect, db.selectFrom('timers').select('id').where('status', '=', 'pending').where('due_at', '<=', p('now')).orderBy('due_at').limit(p('limit')));
  return db
    .updateTable('timers')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', due)
    .returningAll();
});

/**
 * The fast path's claim (services/timers/sweeper.ts): as claimDueTimers, and the rows marked fired
 * by the same statement — one write per timer instead of two. Sound because the handlers' effects
 * are written in the same transaction: if any handler fails, the transaction (and the mark) is
 * rolled back and the batch is claimed again in careful mode.
 */
export async function claimAndFireDueTimers(db: Executor, now: string, limit: number): Promise<TimersTable[]> {
  return (await run(db, claimFireQuery(db, { now, limit }))).rows;
}
const claimFireQuery = prepared<{ now: string; limit: number }, TimersTable>((db, p, { dialect }) => {
  const due = forUpdateSkipLocked(dialect, db.selectFrom('timers').select('id').where('status', '=', 'pending').where('due_at', '<=', p('now')).orderBy('due_at').limit(p('limit')));
  return db
    .updateTable('timers')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), status: 'fired', fired_at: p('now'), last_error: null }))
    .where('id', 'in', due)
    .returningAll();
});

export async function markTimersFired(db: Executor, ids: readonly string[], at: string): Promise<void> {
  if (ids.length === 0) return;
  const args: Record<string, unknown> = { at };
  ids.forEach((id, i) => (args[`id${i}`] = id));
  await run(db, markFiredQuery(db, args, ids.length));
}
// one compiled form per batch size (`variant`): a full batch is the usual case
const markFiredQuery = prepared<Record<string, unknown>, never>((db, p, { variant }) =>
  db
    .updateTable('timers')
    .set({ status: 'fired', fired_at: p('at'), last_error: null })
    .where('id', 'in', Array.from({ length: Number(variant) }, (_, i) => p<string>(`id${i}`))),
);

/** A failed attempt: pending again at `dueAt`, or failed for good. */
export async function markTimerFailure(db: Executor, id: string, set: { status: 'pending' | 'failed'; due_at: string; last_error: string }): Promise<void> {
  await db.updateTable('timers').set(set).where('id', '=', id).execute();
}

export async function listTimersForCase(db: Executor, caseId: string): Promise<TimersTable[]> {
  return db.selectFrom('timers').selectAll().where('case_id', '=', caseId).orderBy('due_at').orderBy('key').execute();
}

/**
 * The stored light of a case (a projection refreshed by the light timer between moves): only
 * while the case is still at `version`, so a move that wrote it meanwhile wins.
 */
export async function setCaseLight(db: Executor, caseId: string, version: number, light: string | null, at: string): Promise<boolean> {
  const r = await db.updateTable('cases').set({ light, updated_at: at }).where('id', '=', caseId).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
