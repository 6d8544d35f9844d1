/**
 * Every difference between SQLite and PostgreSQL lives here, nowhere else.
 */
import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** Row lock for read-modify-write; SQLite serializes writers, so it needs none. */
export function forUpdate<DB, TB extends keyof DB, O>(
  dialect: Dialect,
  q: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return dialect === 'postgres' ? q.forUpdate() : q;
}

/** Case-insensitive LIKE operator: SQLite's LIKE already ignores ASCII case. */
export function likeOp(dialect: Dialect): 'like' | 'ilike' {
  return dialect === 'postgres' ? 'ilike' : 'like';
}

interface DriverError {
  code?: string;
  constraint?: string;
  message?: string;
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as DriverError;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function isForeignKeyViolation(err: unknown): boolean {
  const e = err as DriverError;
  return e?.code === '23503' || e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** COUNT(*) comes back as a string from pg for bigint; make it a number on both. */
export function toCount(v: unknown): number {
  return typeof v === 'number' ? v : Number(v ?? 0);
}

/** Escape LIKE wildcards in user input (both dialects use backslash with ESCAPE). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => '\\' + m);
}

/**
 * Claims rows for a worker: on PostgreSQL rows another instance holds are skipped (several app
 * instances drain one queue); SQLite has one writer at a time, so a plain select is a claim.
 */
export function forUpdateSkipLocked<DB, TB extends keyof DB, O>(
  dialect: Dialect,
  q: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return dialect === 'postgres' ? q.forUpdate().skipLocked() : q;
}

/**
 * Row lock on one table of a join (`FOR UPDATE OF t`): the joined rows (e.g. the case's center)
 * stay unlocked. SQLite serialises writers, so it needs none.
 */
export function forUpdateOf<DB, TB extends keyof DB, O>(
  dialect: Dialect,
  q: SelectQueryBuilder<DB, TB, O>,
  table: TB & string,
): SelectQueryBuilder<DB, TB, O> {
  return dialect === 'postgres' ? q.forUpdate(table as any) : q;
}

/**
 * Can one statement insert rows and update another table (a data-modifying WITH)? PostgreSQL
 * yes; SQLite no (and needs not: it runs the statements in-process, with no round trip).
 */
export function hasWritingCte(dialect: Dialect): boolean {
  return dialect === 'postgres';
}

/**
 * In a subquery: the JSON text of an array with one array per row (`cols`, in order), `[]` when
 * there is no row — lists read with their owner in one statement (a session with its grants).
 */
export function jsonRowsAgg(dialect: Dialect, cols: readonly RawBuilder<unknown>[]): RawBuilder<string> {
  return dialect === 'postgres'
    ? sql<string>`coalesce(json_agg(json_build_array(${sql.join(cols)})), '[]'::json)::text`
    : sql<string>`json_group_array(json_array(${sql.join(cols)}))`;
}
