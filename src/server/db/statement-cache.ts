/**
 * Prepared statements kept by SQL text for Kysely's SQLite driver. The driver calls
 * `db.prepare(sql)` for every query, and compiling the SQL costs about as much as running a
 * small query; the app sends a few dozen distinct texts over and over. Kysely is given this
 * wrapper instead of the Database: `prepare` hands back the statement prepared earlier for the
 * same text. Past `max` texts the oldest prepared is dropped (a hot one is simply prepared again;
 * not reordering on every hit keeps a hit to one lookup).
 *
 * Safe because better-sqlite3 is synchronous: `all`/`run` finish before anything else runs, and
 * bind their parameters afresh on every call. The exceptions are handled: a statement still
 * being iterated (`busy`, Kysely's `stream`) is never handed out twice — a fresh one is
 * prepared instead — and the driver never switches a statement's mode (`raw`, `pluck`,
 * `expand`), so a cached statement always returns plain row objects.
 */
import type SQLite from 'better-sqlite3';

export interface StatementCacheStats {
  hits: number;
  misses: number;
  size: number;
}

/** What Kysely's SqliteDialect uses of a better-sqlite3 Database. */
export interface CachingDatabase {
  prepare(sql: string): SQLite.Statement;
  close(): void;
  readonly stats: StatementCacheStats;
}

export function cachingDatabase(db: SQLite.Database, max = 500): CachingDatabase {
  // a Map iterates in insertion order: the first key is the oldest prepared
  const cache = new Map<string, SQLite.Statement>();
  const stats: StatementCacheStats = { hits: 0, misses: 0, size: 0 };
  return {
    prepare(sql: string): SQLite.Statement {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        stats.hits++;
        return cached;
      }
      stats.misses++;
      const stmt = db.prepare(sql);
      // a busy one stays with its iterator; the fresh one takes its place for later calls
      cache.delete(sql);
      cache.set(sql, stmt);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
      stats.size = cache.size;
      return stmt;
    },
    close() {
      cache.clear();
      db.close();
    },
    stats,
  };
}
