/**
 * Hot statements built and compiled by Kysely once per dialect, then run with new parameters.
 * Building a query (immutable nodes, frozen at every step) and compiling it to SQL costs more
 * than running a small indexed query on SQLite; the few statements every request or case move
 * runs are kept compiled here.
 *
 * `prepared(build)` gives a function `(db, args) => CompiledQuery`: on first use for a dialect,
 * `build` is called with a placeholder maker `p(name)`, the query compiled, and each bound
 * parameter that is a placeholder remembered by position; later calls only put `args[name]` in
 * those positions. The SQL and every other parameter stay as compiled, so a statement must have
 * one shape whatever its arguments (no `in (…)` lists of varying length, no optional clauses):
 * use `variant` to keep one compiled form per shape (e.g. per number of rows inserted).
 */
import { type Compilable, CompiledQuery, type Kysely, PostgresAdapter, type QueryResult } from 'kysely';
import type { Executor } from '../services/context.js';
import type { Dialect } from './dialect.js';
import type { Database } from './schema.js';

const MARK = '\u0000onestop-param:';

type Slot = { name: string } | { value: unknown };

interface Template {
  sql: string;
  slots: Slot[];
  compiled: CompiledQuery;
}

export type Placeholder = <T = any>(name: string) => T;

export interface Prepared<A extends Record<string, unknown>, R> {
  (db: Executor, args: A, variant?: string | number): CompiledQuery<R>;
}

/** The dialect a Kysely instance (or transaction) speaks. */
export function dialectOf(db: Executor): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export function prepared<A extends Record<string, unknown>, R>(
  build: (db: Kysely<Database>, p: Placeholder, o: { dialect: Dialect; variant: string | number | undefined }) => Compilable<R>,
): Prepared<A, R> {
  const templates = new Map<string, Template>();
  return (db, args, variant) => {
    const dialect = dialectOf(db);
    const key = `${dialect}|${variant ?? ''}`;
    let t = templates.get(key);
    if (!t) {
      const p: Placeholder = (name) => (MARK + name) as any;
      const compiled = build(db as Kysely<Database>, p, { dialect, variant }).compile();
      const slots: Slot[] = compiled.parameters.map((v) =>
        typeof v === 'string' && v.startsWith(MARK) ? { name: v.slice(MARK.length) } : { value: v },
      );
      t = { sql: compiled.sql, slots, compiled };
      templates.set(key, t);
    }
    const parameters = t.slots.map((s) => {
      if (!('name' in s)) return s.value;
      const v = args[s.name];
      if (v === undefined) throw new Error(`prepared statement: no value for ${s.name}`);
      return v;
    });
    return { ...t.compiled, parameters };
  };
}

/** Runs a prepared statement on `db` (a transaction or the database). */
export function run<R>(db: Executor, q: CompiledQuery<R>): Promise<QueryResult<R>> {
  return db.executeQuery(q);
}

export { CompiledQuery };
