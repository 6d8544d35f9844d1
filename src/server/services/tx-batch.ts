/**
 * Rows a case move's effects write, kept per transaction and inserted at the end of the move
 * (case/store.ts runs its effects in `runBatches`): notices, outbox rows, timers. Nothing in a
 * move reads back what it queued; outside a batch, `queue` inserts at once.
 *
 * At the end, each batch's rows go in one insert; on PostgreSQL all the batches' inserts go in
 * one statement (all but the last as writing CTEs: `with b0 as (insert …), b1 as (insert …)
 * insert …`, each run exactly once), so a move that issues a notice, messages the applicant and
 * sets its timers pays one round trip for the three.
 */
import { type Compilable, type Kysely, sql } from 'kysely';
import type { Dialect } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import type { Executor } from './context.js';

export interface TxBatch<R> {
  /** Adds the rows to `db`'s batch, or writes them now when there is none. */
  queue(db: Executor, rows: readonly R[]): Promise<void>;
  /** `runBatches`: starts keeping `trx`'s rows (false if they are kept already: an outer run's) */
  open(trx: Executor): boolean;
  /** `runBatches`: stops keeping `trx`'s rows and gives what writes them (null: no rows) */
  close(trx: Executor): Kept | null;
}

/** What `runBatches` takes of a batch (the batches export it: effects.ts, outbox.ts, schedule.ts). */
export type BatchHandle = Pick<TxBatch<unknown>, 'open' | 'close'>;

/** A batch's rows at the end of `runBatches`: written alone, or as one insert to run with others. */
interface Kept {
  write(): Promise<void>;
  insert(): Compilable<unknown> | null;
}

/**
 * `flush` writes rows (alone); `build` makes the same insert as a query to run with others
 * (`runBatches` on PostgreSQL), or null when the rows come to nothing.
 */
export function txBatch<R>(flush: (db: Executor, rows: R[]) => Promise<void>, build: (db: Executor, rows: R[]) => Compilable<unknown> | null): TxBatch<R> {
  const batches = new WeakMap<Executor, R[]>();
  return {
    async queue(db, rows) {
      const batch = batches.get(db);
      if (batch) batch.push(...rows);
      else await flush(db, [...rows]);
    },
    open(trx) {
      if (batches.has(trx)) return false;
      batches.set(trx, []);
      return true;
    },
    close(trx) {
      const rows = batches.get(trx) ?? [];
      batches.delete(trx);
      return rows.length > 0 ? { write: () => flush(trx, rows), insert: () => build(trx, rows) } : null;
    },
  };
}

/**
 * Runs `fn` with every batch of `batches` kept on `trx`, then writes them: one statement on
 * PostgreSQL, in the order given; one insert per batch elsewhere (SQLite runs statements in
 * process, and its prepared inserts are cheaper than one built for the occasion). A batch
 * already kept by an outer run stays with it.
 */
export async function runBatches<T>(trx: Executor, dialect: Dialect, batches: readonly BatchHandle[], fn: () => Promise<T>): Promise<T> {
  const mine = batches.filter((b) => b.open(trx));
  let result: T;
  try {
    result = await fn();
  } catch (e) {
    for (const b of mine) b.close(trx);
    throw e;
  }
  const kept = mine.map((b) => b.close(trx)).filter((k): k is Kept => k !== null);
  if (dialect !== 'postgres' || kept.length < 2) {
    for (const k of kept) await k.write();
    return result;
  }
  const inserts = kept.map((k) => k.insert()).filter((q): q is Compilable<unknown> => q !== null);
  if (inserts.length === 0) return result;
  const ctes = inserts.slice(0, -1).map((q, i) => sql`${sql.raw(`b${i}`)} as (${q as unknown as Kysely<Database>})`);
  await sql`with ${sql.join(ctes)} ${inserts[inserts.length - 1] as unknown as Kysely<Database>}`.execute(trx);
  return result;
}
