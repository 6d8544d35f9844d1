/**
 * `npm run bench:cases` — case transitions per second through the HTTP API, against two
 * baselines measured in the same run: a Fastify route that only answers (B_http) and the
 * transition's writes straight through the driver (B_db). See bench/README.md.
 *
 *   npm run bench:cases -- [--db sqlite|pg|both] [--cases N] [--max-seconds S] [--concurrency N] [--seconds S] [--warmup N]
 *   (or BENCH_DB, BENCH_CASES, BENCH_MAX_SECONDS, BENCH_CONCURRENCY, BENCH_SECONDS, BENCH_WARMUP; PostgreSQL at
 *   BENCH_DATABASE_URL or TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
 *
 * It reports; it does not assert: the exit code is 0 whatever the figures.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import { pgBaseline, sqliteBaseline } from './baseline-db.js';
import type { ClientJob } from './client.js';
import { type Kind, ID_NUMBER, openBenchDb, PG_URL, startApp } from './setup.js';
import { ceiling, type Measured, type Summary, summarise } from './stats.js';

/** Transitions per case: intake, accept, start-review, complete ×2, decide, conclude, deliver. */
const TRANSITIONS_PER_CASE = 8;
/** The app's default PostgreSQL pool (openDb without pgPoolSize). */
const PG_POOL = Number(process.env.BENCH_POOL ?? 10);
const GOALS = { sqlitePerSecond: 1000, sqliteShare: 0.5, pgPerSecond: 800 };

function option(name: string, env: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (eq) return eq.slice(name.length + 3);
  return process.env[env] || fallback;
}
const numOption = (name: string, env: string, fallback: number) => {
  const v = Number(option(name, env, String(fallback)));
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
};
const intOption = (name: string, env: string, fallback: number) => Math.max(1, Math.floor(numOption(name, env, fallback)));

const dbOpt = option('db', 'BENCH_DB', 'both');
if (!['sqlite', 'pg', 'postgres', 'both'].includes(dbOpt)) throw new Error('--db must be sqlite, pg or both');
const kinds: Kind[] = dbOpt === 'both' ? ['sqlite', 'postgres'] : dbOpt === 'sqlite' ? ['sqlite'] : ['postgres'];
const opts = {
  /** at most this many cases per database … */
  cases: intOption('cases', 'BENCH_CASES', 2000),
  /** … and no new case after this many seconds: the whole run stays under 2 minutes */
  maxSeconds: intOption('max-seconds', 'BENCH_MAX_SECONDS', 25),
  concurrency: intOption('concurrency', 'BENCH_CONCURRENCY', 16),
  seconds: numOption('seconds', 'BENCH_SECONDS', 3),
  warmup: intOption('warmup', 'BENCH_WARMUP', 30),
};

const CLIENT = new URL('./client.ts', import.meta.url).href;

function runClient(job: Omit<ClientJob, 'idNumber'>): Promise<Measured> {
  return new Promise((resolve, reject) => {
    // tsx's loader is registered in this thread only: the worker loads client.ts through tsx's API
    const src = `import('tsx/esm/api').then((t) => t.tsImport(${JSON.stringify(CLIENT)}, ${JSON.stringify(import.meta.url)}))`;
    const w = new Worker(src, { eval: true, workerData: { ...job, idNumber: ID_NUMBER } });
    w.once('message', (m: Measured) => resolve(m));
    w.once('error', reject);
    w.once('exit', (code) => code !== 0 && reject(new Error(`client worker exited with ${code}`)));
  });
}

const noSessions = { clerk: { cookie: 'a=b', csrf: 'x' }, reviewer: { cookie: 'a=b', csrf: 'x' }, leader: { cookie: 'a=b', csrf: 'x' } };

/** B_http: a bare Fastify (same version, same process, same client) whose one route only answers. */
async function httpBaseline(): Promise<Summary> {
  const app = Fastify({ logger: false });
  app.post('/noop', async () => ({ ok: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const job = { mode: 'noop' as const, port, concurrency: opts.concurrency, cases: 0, maxMs: 0, itemId: '', sessions: noSessions };
  try {
    await runClient({ ...job, durationMs: 1000 }); // warm-up
    return summarise(await runClient({ ...job, durationMs: opts.seconds * 1000 }));
  } finally {
    await app.close();
  }
}

interface DbResult {
  kind: Kind;
  app: Summary;
  db: Summary;
}

async function benchDb(kind: Kind): Promise<DbResult> {
  const b = await openBenchDb(kind, PG_POOL);
  try {
    const a = await startApp(b);
    let app: Summary;
    try {
      const job = { mode: 'flow' as const, port: a.port, concurrency: opts.concurrency, durationMs: 0, itemId: a.itemId, sessions: a.sessions };
      const warm = await runClient({ ...job, cases: opts.warmup, maxMs: opts.maxSeconds * 1000 });
      if (warm.errors) throw new Error(`${kind}: warm-up failed: ${warm.firstError}`);
      app = summarise(await runClient({ ...job, cases: opts.cases, maxMs: opts.maxSeconds * 1000 }));
    } finally {
      await a.app.close();
    }
    // the driver baseline on the same tables, with the app's handle closed
    await b.db.close();
    const db = kind === 'sqlite'
      ? sqliteBaseline(b.file!, opts.seconds * 1000)
      : await pgBaseline(PG_URL, b.schema!, PG_POOL, opts.concurrency, opts.seconds * 1000);
    return { kind, app, db: summarise(db) };
  } finally {
    await b.drop();
  }
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function row(cells: string[], widths: number[]) {
  return cells.map((c, i) => (i === 0 || i === 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
}

function report(http: Summary, results: DbResult[]) {
  const widths = [10, 38, 10, 9, 9, 8];
  const lines = [row(['database', 'measured', 'per s', 'p50 ms', 'p99 ms', 'errors'], widths), '-'.repeat(widths.reduce((a, b) => a + b + 2, -2))];
  const line = (db: string, what: string, s: Summary) => lines.push(row([db, what, fmt(s.perSecond), fmt(s.p50, 2), fmt(s.p99, 2), String(s.errors)], widths));
  line('—', 'B_http  no-op Fastify route (requests)', http);
  const verdicts: string[] = [];
  for (const r of results) {
    const name = r.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    const top = ceiling(http.perSecond, r.db.perSecond);
    const share = r.app.perSecond / top;
    line(name, `B_db    driver writes (transactions)`, r.db);
    lines.push(row([name, 'ceiling 1 / (1/B_http + 1/B_db)', fmt(top), '', '', ''], widths));
    line(name, `app     case transitions (${r.app.cases} cases)`, r.app);
    lines.push(row([name, '        share of the ceiling', pct(share), '', '', ''], widths));
    if (r.app.firstError) lines.push(`  first error: ${r.app.firstError}`);
    if (r.db.firstError) lines.push(`  first baseline error: ${r.db.firstError}`);
    const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
    if (r.kind === 'sqlite') {
      verdicts.push(`SQLite      ≥ ${GOALS.sqlitePerSecond} transitions/s: ${met(r.app.perSecond >= GOALS.sqlitePerSecond)} (${fmt(r.app.perSecond)}/s)`);
      verdicts.push(`SQLite      ≥ ${GOALS.sqliteShare * 100} % of the ceiling: ${met(share >= GOALS.sqliteShare)} (${pct(share)})`);
    } else {
      verdicts.push(`PostgreSQL  ≥ ${GOALS.pgPerSecond} transitions/s: ${met(r.app.perSecond >= GOALS.pgPerSecond)} (${fmt(r.app.perSecond)}/s)`);
    }
  }
  console.log('\n' + lines.join('\n'));
  console.log('\nGoals:\n  ' + verdicts.join('\n  '));
}

async function main() {
  console.log(
    `OneStop case benchmark — up to ${opts.cases} cases (${opts.maxSeconds} s) × ${TRANSITIONS_PER_CASE} transitions, ${opts.concurrency} concurrent clients, ` +
      `${opts.warmup} warm-up cases, baselines ${opts.seconds} s each; Node ${process.version}, ${os.cpus().length} CPUs`,
  );
  console.log('measuring B_http …');
  const http = await httpBaseline();
  const results: DbResult[] = [];
  for (const kind of kinds) {
    console.log(`measuring ${kind}: app transitions, then B_db …`);
    try {
      results.push(await benchDb(kind));
    } catch (e) {
      console.log(`  ${kind} could not be measured: ${(e as Error).message}`);
    }
  }
  report(http, results);
}

main()
  .catch((e) => console.error('benchmark failed:', e))
  .finally(() => process.exit(0));
