/**
 * The database and the real app for a run: a SQLite file in a temp dir or a PostgreSQL schema
 * `bench_<random>` of its own (created, migrated and dropped under the tests' advisory lock, so
 * test runs on the same server are not disturbed); the test organisation, a published promised
 * item with two review steps, and the signed-in staff.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { idNumberCheckChar } from '../src/domain/identity/index.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { type Db, openDb } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { createPublishedItem } from '../src/server/services/catalogue/index.js';
import type { Clock } from '../src/server/services/context.js';
import { systemCtx } from '../src/server/services/context.js';
import { PASSWORD, seedOrg } from '../test/helpers/fixtures.js';
import type { Session } from './client.js';

export type Kind = 'sqlite' | 'postgres';

export const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** The lock the test helpers take around creating and dropping schemas. */
const SCHEMA_LOCK = 774411;

/** A valid citizen ID number for the applicant and the receiver. */
export const ID_NUMBER = '37010219900307123' + idNumberCheckChar('37010219900307123');

/**
 * Real time, shifted to start on a working Monday morning in Beijing: the run never crosses a
 * business day, whatever day the benchmark is run on, and deadlines are computed as usual.
 */
export class ShiftedClock implements Clock {
  private readonly offset = Date.parse('2026-03-02T02:00:00.000Z') - Date.now();
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
}

export interface BenchDb {
  kind: Kind;
  db: Db;
  dataDir: string;
  /** SQLite: the database file */
  file?: string;
  /** PostgreSQL: the schema */
  schema?: string;
  /** closes the Kysely handle if still open, removes the file or drops the schema */
  drop(): Promise<void>;
}

async function withSchemaLock<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query('select pg_advisory_lock($1)', [SCHEMA_LOCK]);
    return await fn(c);
  } finally {
    await c.query('select pg_advisory_unlock($1)', [SCHEMA_LOCK]).catch(() => {});
    await c.end();
  }
}

export async function openBenchDb(kind: Kind, pgPoolSize: number): Promise<BenchDb> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-bench-'));
  let closed = false;
  if (kind === 'sqlite') {
    const file = path.join(dataDir, 'onestop.db');
    const db = openDb({ sqliteFile: file });
    await migrateToLatest(db.kysely);
    const close = db.close;
    db.close = async () => {
      if (!closed) await close();
      closed = true;
    };
    return { kind, db, dataDir, file, drop: async () => { await db.close(); fs.rmSync(dataDir, { recursive: true, force: true }); } };
  }
  const schema = 'bench_' + randomBytes(6).toString('hex');
  // the app's default pool size (main.ts opens the database without one)
  const db = openDb({ url: PG_URL, pgSchema: schema, pgPoolSize });
  await withSchemaLock(async (c) => {
    await c.query(`create schema ${schema}`);
    await migrateToLatest(db.kysely, schema);
  });
  const close = db.close;
  db.close = async () => {
    if (!closed) await close();
    closed = true;
  };
  return {
    kind, db, dataDir, schema,
    drop: async () => {
      await db.close();
      await withSchemaLock((c) => c.query(`drop schema if exists ${schema} cascade`));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface BenchApp {
  app: FastifyInstance;
  port: number;
  itemId: string;
  sessions: { clerk: Session; reviewer: Session; leader: Session };
}

/** A promised item of deptA: 受理 → 初审 (reviewer) → 复核 (reviewer) → 决定 (leader). */
function reviewItem(departmentId: string) {
  return {
    code: 'SCJG-XK-0101',
    name: '食品经营许可（基准测试）',
    departmentId,
    level: 'city' as const,
    itemType: 'licensing' as const,
    themes: ['企业开办'],
    summary: '从事食品销售和餐饮服务活动，应当依法取得食品经营许可。',
    legalBasis: [{ law: '《中华人民共和国食品安全法》', article: '第三十五条', text: '国家对食品生产经营实行许可制度。' }],
    conditions: ['有与经营的食品品种、数量相适应的经营场所'],
    materials: [{ code: 'M01', name: '食品经营许可申请书' }],
    procedure: [
      { name: '受理', kind: 'accept' as const, role: 'clerk' as const, limitDays: 0 },
      { name: '初审', kind: 'review' as const, role: 'reviewer' as const, limitDays: 3 },
      { name: '复核', kind: 'review' as const, role: 'reviewer' as const, limitDays: 2 },
      { name: '决定', kind: 'decide' as const, role: 'deptLeader' as const, limitDays: 2 },
    ],
    handlingClass: 'promised' as const,
    statutoryLimit: 20,
    promisedLimit: 10,
    fees: { free: true, lines: [] },
    result: { name: '食品经营许可证', validity: '5年', delivery: ['window' as const] },
    onlineDepth: 'onlinePreReview' as const,
    maxVisits: 1,
  };
}

/**
 * The real app, built as main.ts builds it in production (NODE_ENV=production), listening on a
 * free port of 127.0.0.1. Logging is off (a request log line on stdout would be measured too) and the login rate limit is raised:
 * the benchmark signs in only three times, but runs may follow one another quickly.
 */
export async function startApp(b: BenchDb): Promise<BenchApp> {
  const config = loadConfig({
    // as deployed: production mode (replies copied through their schemas' whitelists rather than
    // validated by Zod, src/server/serialize.ts), which requires a session secret
    NODE_ENV: 'production',
    ONESTOP_DATA_DIR: b.dataDir,
    LOG_LEVEL: 'silent',
    LOGIN_RATE_PER_MINUTE: '10000',
    LOGIN_MAX_FAILURES: '100',
    SESSION_SECRET: randomBytes(24).toString('hex'),
  });
  // BENCH_LOG=error shows what went wrong when a request fails
  const logger = process.env.BENCH_LOG ? { level: process.env.BENCH_LOG } : false;
  const app = await buildApp({ config, db: b.db, clock: new ShiftedClock(), logger, webRoot: '/nonexistent' });
  const org = await seedOrg(b.db);
  const itemId = (await createPublishedItem(systemCtx(app.deps), reviewItem(org.deptA))).item.id;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  const login = async (username: string): Promise<Session> => {
    const r = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${await r.text()}`);
    const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
    return { cookie, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
  };
  const sessions = { clerk: await login('clerk'), reviewer: await login('reviewer'), leader: await login('leader') };
  return { app, port, itemId, sessions };
}
