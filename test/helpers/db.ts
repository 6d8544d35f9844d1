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
import { migrateToLatest } from '../../src/server/db/migrate.js';

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

export async function freshDb(dialect: Dialect): Promise<TestDb> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-test-'));
  if (dialect === 'sqlite') {
    const db = openDb({ sqliteFile: path.join(dataDir, 'test.db') });
    await migrateToLatest(db.kysely);
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
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = openDb({ url: PG_URL, pgSchema: schema, pgPoolSize: 4 });
  await migrateToLatest(db.kysely, schema);
  return {
    db,
    dataDir,
    cleanup: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
