/**
 * `npm run bench:timers` — timers fired per second by the sweeper, against a baseline measured
 * in the same run. A benchmark, not a test: it prints figures and whether the goal is met, and
 * exits 0 either way.
 *
 *   npm run bench:timers -- [--db sqlite|pg|both] [--timers N] [--batch N]
 *   (or BENCH_DB, BENCH_TIMERS, BENCH_BATCH; PostgreSQL at BENCH_DATABASE_URL or TEST_DATABASE_URL)
 *
 * Each run starts from N timers of the neutral kind `noop` all due at once; its handler writes one
 * row (`timer_probe`) in the sweeper's transaction. Measured, on a fresh copy of the rows each:
 * - baseline: the same writes with no sweeper — batches of the same size, one transaction each:
 *   select the due ids (no lock), insert one probe row per id, mark the batch fired — straight
 *   through the driver (better-sqlite3 / pg), and the same statements through the app's Kysely;
 * - 1 instance: one worker thread running `runDueTimers` until nothing is due;
 * - 2 instances: two worker threads on the same database (SQLite file / PostgreSQL schema), each
 *   with its own connection(s), as two app processes would be.
 * Goal (issue 4): the sweeper at ≥ 40 % of the baseline.
 *
 * "Routing a case to 5 departments vs 1" (the same issue) is measured by `npm run bench:routing` (bench/routing.ts).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../src/server/config.js';
import { type Db, openDb } from '../src/server/db/database.js';
import type { TimersTable } from '../src/server/db/schema.js';
import { type Deps, systemClock } from '../src/server/services/context.js';
import { type TimerHandler, runDueTimers } from '../src/server/services/timers/index.js';
import { type Kind, openBenchDb, PG_URL } from './setup.js';

interface Job {
  kind: Kind;
  file?: string;
  schema?: string;
  batch: number;
  instance: string;
}

const probe: TimerHandler = async (trx, _deps, timer) => {
  await (trx as unknown as Kysely<any>).insertInto('timer_probe').values({ timer_id: timer.id, fired_at: timer.due_at }).execute();
};

function open(job: Pick<Job, 'kind' | 'file' | 'schema'>, poolSize = 2): Db {
  return job.kind === 'sqlite' ? openDb({ sqliteFile: job.file }) : openDb({ url: PG_URL, pgSchema: job.schema, pgPoolSize: poolSize });
}

/** What the sweeper uses of the app's dependencies. */
const depsOf = (db: Db): Deps => ({ db, clock: systemClock, config: {} as Config, files: null as never, sms: null as never });

async function pending(db: Db): Promise<number> {
  const r = await db.kysely.selectFrom('timers').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A worker: one app instance's sweeper, draining until nothing is pending. */
async function worker(job: Job): Promise<void> {
  const db = open(job);
  const deps = depsOf(db);
  parentPort!.postMessage({ ready: true });
  await new Promise((r) => parentPort!.once('message', r));
  const t0 = performance.now();
  let fired = 0;
  for (;;) {
    const r = await runDueTimers(deps, { batch: job.batch, handlers: { noop: probe } });
    fired += r.fired;
    if (r.fired === 0) {
      if ((await pending(db)) === 0) break;
      await new Promise((res) => setTimeout(res, 1));
    }
  }
  const ms = performance.now() - t0;
  await db.close();
  parentPort!.postMessage({ fired, ms });
}

const SELF = new URL(import.meta.url).href;

/** Starts `n` instances, lets them go at once, and waits for all: timers fired and wall time. */
async function instances(n: number, job: Omit<Job, 'instance'>): Promise<{ fired: number[]; ms: number }> {
  const src = `import('tsx/esm/api').then((t) => t.tsImport(${JSON.stringify(SELF)}, ${JSON.stringify(SELF)}))`;
  const workers = Array.from({ length: n }, (_, i) => new Worker(src, { eval: true, workerData: { ...job, instance: String(i) } }));
  const ready = workers.map((w) => new Promise<void>((res, rej) => { w.once('message', () => res()); w.once('error', rej); }));
  await Promise.all(ready);
  const done = workers.map((w) => new Promise<{ fired: number }>((res, rej) => { w.once('message', res); w.once('error', rej); }));
  const t0 = performance.now();
  for (const w of workers) w.postMessage('go');
  const results = await Promise.all(done);
  return { fired: results.map((r) => r.fired), ms: performance.now() - t0 };
}

// ── baselines ───────────────────────────────────────────────────────────────────────────────

const SELECT_DUE = "select id, due_at from timers where status = 'pending' and due_at <= $1 order by due_at limit $2";
const INSERT_PROBE = 'insert into timer_probe (timer_id, fired_at) values ($1, $2)';
const q = (s: string) => s.replace(/\$\d+/g, '?');

function sqliteBaseline(file: string, batch: number): number {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  const select = db.prepare(q(SELECT_DUE));
  const insert = db.prepare(q(INSERT_PROBE));
  const marks = new Map<number, SQLite.Statement>();
  const mark = (n: number) => {
    let s = marks.get(n);
    if (!s) marks.set(n, (s = db.prepare(`update timers set status = 'fired', fired_at = ? where id in (${Array(n).fill('?').join(',')})`)));
    return s;
  };
  const now = new Date().toISOString();
  const t0 = performance.now();
  const tx = db.transaction(() => {
    const rows = select.all(now, batch) as { id: string; due_at: string }[];
    for (const r of rows) insert.run(r.id, r.due_at);
    if (rows.length > 0) mark(rows.length).run(now, ...rows.map((r) => r.id));
    return rows.length;
  });
  while (tx() > 0);
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

async function pgBaseline(schema: string, batch: number): Promise<number> {
  const c = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
  await c.connect();
  const now = new Date().toISOString();
  const t0 = performance.now();
  for (;;) {
    await c.query('begin');
    const rows = (await c.query<{ id: string; due_at: string }>(SELECT_DUE, [now, batch])).rows;
    for (const r of rows) await c.query(INSERT_PROBE, [r.id, r.due_at]);
    if (rows.length > 0) await c.query("update timers set status = 'fired', fired_at = $1 where id = any($2)", [now, rows.map((r) => r.id)]);
    await c.query('commit');
    if (rows.length === 0) break;
  }
  const ms = performance.now() - t0;
  await c.end();
  return ms;
}

/** The baseline's statements through the app's query builder (what the handler goes through). */
async function kyselyBaseline(db: Db, batch: number): Promise<number> {
  const k = db.kysely as unknown as Kysely<any>;
  const now = new Date().toISOString();
  const t0 = performance.now();
  for (let n = -1; n !== 0; ) {
    n = await k.transaction().execute(async (trx) => {
      const rows = await trx.selectFrom('timers').select(['id', 'due_at']).where('status', '=', 'pending').where('due_at', '<=', now).orderBy('due_at').limit(batch).execute();
      for (const r of rows) await trx.insertInto('timer_probe').values({ timer_id: r.id, fired_at: r.due_at }).execute();
      if (rows.length > 0) await trx.updateTable('timers').set({ status: 'fired', fired_at: now }).where('id', 'in', rows.map((r) => r.id)).execute();
      return rows.length;
    });
  }
  return performance.now() - t0;
}

// ── the run ─────────────────────────────────────────────────────────────────────────────────

function option(name: string, env: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  return process.env[env] || fallback;
}

/** N fresh timers all due a minute ago, the probe table empty, statistics up to date. */
async function reset(db: Db, n: number, run: string): Promise<void> {
  const k = db.kysely as unknown as Kysely<any>;
  await k.deleteFrom('timer_probe').execute();
  await k.deleteFrom('timers').execute();
  const due = new Date(Date.now() - 60_000).toISOString();
  for (let i = 0; i < n; i += 1000) {
    const rows: TimersTable[] = [];
    for (let j = i; j < Math.min(n, i + 1000); j++) {
      rows.push({ id: crypto.randomUUID(), kind: 'noop', case_id: null, due_at: due, key: `noop:${run}:${j}`, payload: '{}', status: 'pending', attempts: 0, last_error: null, fired_at: null, created_at: due });
    }
    await db.kysely.insertInto('timers').values(rows).execute();
  }
  if (db.dialect === 'postgres') await sql`vacuum analyze timers, timer_probe`.execute(k);
  else await sql`analyze`.execute(k);
}

async function check(db: Db, n: number, what: string): Promise<void> {
  const k = db.kysely as unknown as Kysely<any>;
  const r = await k.selectFrom('timer_probe').select([sql<number>`count(*)`.as('n'), sql<number>`count(distinct timer_id)`.as('d')]).executeTakeFirstOrThrow();
  if (Number(r.n) !== n || Number(r.d) !== n) throw new Error(`${what}: ${r.n} probe rows for ${r.d} timers, expected ${n} each`);
}

const fmt = (perSecond: number) => Math.round(perSecond).toLocaleString('en-US').padStart(8);

async function bench(kind: Kind, n: number, batch: number): Promise<void> {
  const b = await openBenchDb(kind, 4);
  try {
    const k = b.db.kysely as unknown as Kysely<any>;
    await k.schema.createTable('timer_probe').addColumn('timer_id', 'text', (c) => c.notNull()).addColumn('fired_at', 'text', (c) => c.notNull()).execute();
    const job = { kind, file: b.file, schema: b.schema, batch };
    const rate = (ms: number) => (n * 1000) / ms;

    const driver = async (run: string) => {
      await reset(db, n, run);
      const ms = kind === 'sqlite' ? sqliteBaseline(b.file!, batch) : await pgBaseline(b.schema!, batch);
      await check(db, n, 'driver baseline');
      return ms;
    };
    const db = b.db;
    // the baseline before and after the sweeper runs: the machine is shared, so the better one counts
    const driverMs = [await driver('driver-1')];
    await reset(db, n, 'kysely');
    const kyselyMs = await kyselyBaseline(db, batch);
    await check(db, n, 'Kysely baseline');
    await reset(db, n, 'one');
    const one = await instances(1, job);
    await check(db, n, '1 instance');
    await reset(db, n, 'two');
    const two = await instances(2, job);
    await check(db, n, '2 instances');
    driverMs.push(await driver('driver-2'));

    const base = rate(Math.min(...driverMs));
    const row = (label: string, perSecond: number, extra = '') => console.log(`  ${label.padEnd(34)} ${fmt(perSecond)} timers/s  ${((perSecond / base) * 100).toFixed(0).padStart(4)} % of baseline${extra}`);
    console.log(`\n${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} — ${n.toLocaleString('en-US')} timers due at once, batches of ${batch}`);
    row('baseline: raw batched writes', base, `  (runs before / after: ${driverMs.map((ms) => fmt(rate(ms)).trim()).join(' / ')})`);
    row('  same statements through Kysely', rate(kyselyMs));
    row('sweeper, 1 instance', rate(one.ms));
    row('sweeper, 2 instances', rate(two.ms), `  (fired ${two.fired.join(' + ')})`);
    const worst = Math.min(rate(one.ms), rate(two.ms)) / base;
    console.log(`  goal ≥ 40 % of the baseline: ${worst >= 0.4 ? 'met' : 'NOT met'} (${(worst * 100).toFixed(0)} % at worst); every timer fired exactly once (checked)`);
  } finally {
    await b.drop();
  }
}

async function main(): Promise<void> {
  const dbOpt = option('db', 'BENCH_DB', 'both');
  const kinds: Kind[] = dbOpt === 'both' ? ['sqlite', 'postgres'] : dbOpt === 'sqlite' ? ['sqlite'] : ['postgres'];
  const n = Math.max(1, Number(option('timers', 'BENCH_TIMERS', '100000')));
  const batch = Math.max(1, Number(option('batch', 'BENCH_BATCH', '100')));
  for (const kind of kinds) await bench(kind, n, batch);
  console.log('\nRouting a case to 5 departments vs 1 (goal ≤ 2.5×): npm run bench:routing.');
}

if (isMainThread) await main();
else await worker(workerData as Job);
