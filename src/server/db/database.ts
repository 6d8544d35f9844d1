import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { appPool } from './pg-pool.js';
import type { Dialect } from './dialect.js';
import { cachingDatabase } from './statement-cache.js';
import type { Database } from './schema.js';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** where the SQLite file is, or the PostgreSQL URL with the password hidden */
  location: string;
  /** PostgreSQL schema when not the default (tests) */
  schema?: string;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres://… ; when absent, SQLite at `sqliteFile` */
  url?: string;
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests give each test its own) */
  pgSchema?: string;
  pgPoolSize?: number;
}

// COUNT(*) and BIGINT come back as numbers; ids are text so nothing loses precision.
pg.types.setTypeParser(20, (v) => Number(v));

export function openDb(opts: DbOptions): Db {
  if (opts.url) {
    const config: pg.PoolConfig & { pipeline: boolean } = {
      connectionString: opts.url,
      max: opts.pgPoolSize ?? 10,
      options: opts.pgSchema ? `-c search_path=${opts.pgSchema}` : undefined,
      // queries sent without waiting for the answer before (pg-pool.ts sends pairs in one write)
      pipeline: true,
    };
    const pool = new pg.Pool(config);
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: appPool(pool) }) });
    return {
      kysely,
      dialect: 'postgres',
      location: opts.url.replace(/:[^:@/]*@/, ':***@'),
      schema: opts.pgSchema,
      close: () => kysely.destroy(),
    };
  }
  const file = opts.sqliteFile ?? path.resolve('data', 'onestop.db');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Checkpoints (copying the WAL back into the file, with its fsyncs) run inside the commit that
  // crosses the threshold; at the default 1,000 pages one commit in a hundred paid ~10 ms, most
  // of all commit time. A larger WAL checkpoints a tenth as often, and a page written by many
  // transactions (the log head, the tables' last pages) is copied once per checkpoint.
  sqlite.pragma('wal_autocheckpoint = 10000');
  // prepared statements reused by SQL text (statement-cache.ts)
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingDatabase(sqlite) }) });
  return { kysely, dialect: 'sqlite', location: file, close: () => kysely.destroy() };
}
