/**
 * Inserts of the rows a case move writes (notices, outbox rows, timers, rating occasions, the
 * case and its number), compiled once per shape — the rows' keys and their number — and then run
 * with new values (db/prepared.ts). Building and compiling an insert through Kysely costs more
 * than SQLite takes to run it. A shape is taken from the rows themselves, so a column added to a
 * table is never left out; rows that do not share one set of keys, or with an `undefined` value
 * (which Kysely leaves out), or too many rows, go through Kysely as before.
 */
import type { Compilable, Kysely, QueryResult } from 'kysely';
import { prepared } from '../db/prepared.js';
import type { Database } from '../db/schema.js';
import type { Executor } from '../services/context.js';

/** Rows per prepared insert at most (the shapes compiled stay few). */
const MAX_ROWS = 4;

export type PreparedInsert<R> = (db: Executor, rows: readonly R[]) => Promise<QueryResult<unknown>>;

/**
 * `build(db, values)` makes the insert (with its `on conflict` and `returning`, if any) for
 * `values`: given placeholders when compiling a shape, the rows themselves otherwise.
 */
export function preparedInsert<R extends object>(build: (db: Kysely<Database>, values: R[]) => Compilable<unknown>): PreparedInsert<R> {
  const query = prepared<Record<string, unknown>, unknown>((db, p, { variant }) => {
    const [n, cols] = String(variant).split('|');
    const keys = cols.split(',');
    const values = Array.from({ length: Number(n) }, (_, i) => Object.fromEntries(keys.map((k) => [k, p(`${i}.${k}`)])) as R);
    return build(db, values);
  });
  return (db, rows) => {
    const keys = rows.length > 0 && rows.length <= MAX_ROWS ? sameKeys(rows) : null;
    if (!keys) return db.executeQuery(build(db as Kysely<Database>, [...rows]).compile());
    const args: Record<string, unknown> = {};
    rows.forEach((r, i) => keys.forEach((k) => (args[`${i}.${k}`] = (r as Record<string, unknown>)[k])));
    return db.executeQuery(query(db, args, `${rows.length}|${keys.join(',')}`));
  };
}

/** The keys every row has (in the first row's order), with no undefined value; null if the rows differ. */
function sameKeys(rows: readonly object[]): string[] | null {
  const keys = Object.keys(rows[0]);
  for (const r of rows) {
    const own = Object.keys(r);
    if (own.length !== keys.length) return null;
    for (const k of keys) if (!(k in r) || (r as Record<string, unknown>)[k] === undefined) return null;
  }
  return keys;
}
