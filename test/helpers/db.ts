/**
 * Fresh databases for each test, on every dialect in DIALECTS (default: sqlite,postgres).
 * SQLite: a new file in a temp dir. PostgreSQL: a new schema in TEST_DATABASE_URL's database.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Db, openDb } from '../../src/server/db/database.js';
import type { Dialect } from '../../src/server/db/dialect.js';
import { migrateTo } from '../../src/server/db/migrate.js';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function dialects(): Dialect[] {
  const v = (process.env.DIALECTS ?? 'sqlite,postgres').split(',').map((s) => s.trim()).filter(Boolean);
  return v as Dialect[];
}

export interface TestDb {
  db: Db;
  dataDir: string;
  cleanup(): Promise<void>;
}

/** `upTo`: migrate up to this migration only (a migration's own test), else to the latest. */
export async function freshDb(dialect: Dialect, upTo?: string): Promise<TestDb> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-test-'));
  if (dialect === 'sqlite') {
    const db = openDb({ sqliteFile: path.join(dataDir, 'test.db') });
    await migrateTo(db.kysely, upTo);
    return {
      db,
      dataDir,
      cleanup: async () => {
        await db.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = 't_' + randomBytes(6).toString('hex');
  const db = openDb({ url: PG_URL, pgSchema: schema, pgPoolSize: 4 });
  await withSchemaLock(async (c) => {
    await c.query(`create schema ${schema}`);
    await migrateTo(db.kysely, upTo, schema);
  });
  return {
    db,
    dataDir,
    cleanup: async () => {
      await db.close();
      await withSchemaLock((c) => c.query(`drop schema if exists ${schema} cascade`));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Creating, migrating and dropping test schemas one at a time across all test processes: the
 * catalogue queries Kysely's migrator runs fail when another process drops a schema meanwhile.
 */
/** A database made with `freshDb(dialect, upTo)` migrated on to the latest (under the schema lock on PostgreSQL). */
export async function migrateOn(tdb: TestDb): Promise<void> {
  if (tdb.db.dialect === 'sqlite') await migrateTo(tdb.db.kysely, undefined);
  else await withSchemaLock(() => migrateTo(tdb.db.kysely, undefined, tdb.db.schema));
}

async function withSchemaLock<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query('select pg_advisory_lock(774411)');
    return await fn(c);
  } finally {
    await c.query('select pg_advisory_unlock(774411)').catch(() => {});
    await c.end();
  }
}
