/**
 * `npm run bench:routing` — what routing a joint case to 5 co-departments costs against routing
 * it to 1 (issue 4, goal: ≤ 2.5×). See bench/README.md.
 *
 *   npm run bench:routing -- [--db sqlite|pg|both] [--cases N] [--concurrency N] [--warmup N] [--rounds N]
 *   (or BENCH_DB, BENCH_CASES, BENCH_CONCURRENCY, BENCH_WARMUP, BENCH_ROUNDS; PostgreSQL at BENCH_DATABASE_URL or
 *   TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
 *
 * On one fresh database per kind, with the app of bench/setup.ts (production mode): N cases of a
 * joint item with 1 co-department and N of one with 5 (bench/routing-setup.ts) are taken in and
 * accepted, then routed (start-review: one opinion task per co-department, its timer, the
 * department recorded on the case), then answered 同意 by each co-department until the case waits
 * for the decision (bench/routing-client.ts) — in rounds, the two items taking turns. Per-case latency (p50/p99) and cases per second for
 * routing and for answering; the ratio 5 vs 1 of the cost per case (1 / throughput, the load held
 * the same) and of p50. It reports; it does not assert: the exit code is 0 whatever the figures.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RoutingJob, RoutingResult } from './routing-client.js';
import { MAX_CO, type RoutingApp, startRoutingApp } from './routing-setup.js';
import { ID_NUMBER, type Kind, openBenchDb } from './setup.js';
import { type Measured, type Summary, summarise } from './stats.js';

const GOAL = 2.5;
/** The app's default PostgreSQL pool (openDb without pgPoolSize). */
const PG_POOL = 10;

/** `--name value`, `--name=value`, the environment variable, or the default. */
function arg(name: string, env: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  return process.argv.find((x) => x.startsWith(`--${name}=`))?.slice(name.length + 3) ?? (process.env[env] || fallback);
}
function opt(name: string, env: string, fallback: number): number {
  const n = Math.floor(Number(arg(name, env, String(fallback))));
  if (!Number.isFinite(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
  return n;
}
const dbOpt = arg('db', 'BENCH_DB', 'both');
if (!['sqlite', 'pg', 'postgres', 'both'].includes(dbOpt)) throw new Error('--db must be sqlite, pg or both');
const kinds: Kind[] = dbOpt === 'both' ? ['sqlite', 'postgres'] : dbOpt === 'sqlite' ? ['sqlite'] : ['postgres'];
const opts = {
  cases: opt('cases', 'BENCH_CASES', 300),
  concurrency: opt('concurrency', 'BENCH_CONCURRENCY', 8),
  warmup: opt('warmup', 'BENCH_WARMUP', 20),
  /** the cases of each item are driven in this many rounds, 1 and 5 co-departments taking turns */
  rounds: opt('rounds', 'BENCH_ROUNDS', 6),
};

const CLIENT = new URL('./routing-client.ts', import.meta.url).href;

function runClient(job: Omit<RoutingJob, 'idNumber'>): Promise<RoutingResult> {
  return new Promise((resolve, reject) => {
    // tsx's loader is registered in this thread only: the worker loads the client through tsx's API
    const src = `import('tsx/esm/api').then((t) => t.tsImport(${JSON.stringify(CLIENT)}, ${JSON.stringify(import.meta.url)}))`;
    const w = new Worker(src, { eval: true, workerData: { ...job, idNumber: ID_NUMBER } });
    w.once('message', (m: RoutingResult | { error: string }) => ('error' in m ? reject(new Error(m.error)) : resolve(m)));
    w.once('error', reject);
    w.once('exit', (code) => code !== 0 && reject(new Error(`client worker exited with ${code}`)));
  });
}

interface Run {
  route: Summary;
  answer: Summary;
}

async function drive(a: RoutingApp, co: number, cases: number): Promise<RoutingResult> {
  const item = await a.joint(co);
  const r = await runClient({ port: a.port, concurrency: opts.concurrency, cases, itemId: item.itemId, clerk: a.sessions.clerk, reviewers: item.reviewers });
  if (r.prepare.errors) throw new Error(`${co} co-department(s): preparing failed: ${r.prepare.firstError}`);
  return r;
}

/** The rounds of one item as one measurement: samples pooled, time summed. */
function pool(ms: readonly Measured[]): Summary {
  const latencies = new Float64Array(ms.reduce((n, m) => n + m.latencies.length, 0));
  let at = 0;
  for (const m of ms) {
    latencies.set(m.latencies, at);
    at += m.latencies.length;
  }
  const sum = (f: (m: Measured) => number) => ms.reduce((n, m) => n + f(m), 0);
  return summarise({ ops: sum((m) => m.ops), errors: sum((m) => m.errors), elapsedMs: sum((m) => m.elapsedMs), latencies, firstError: ms.find((m) => m.firstError)?.firstError });
}

/**
 * The two items in turns (1, 5, 5, 1, 1, 5 …): a shared machine's load drifts, and the database
 * grows, during a run; taking turns spreads both evenly over the two items.
 */
async function measure(a: RoutingApp): Promise<{ one: Run; five: Run }> {
  const got = new Map<number, RoutingResult[]>([[1, []], [MAX_CO, []]]);
  for (let r = 0; r < opts.rounds; r++) {
    const n = Math.floor(opts.cases / opts.rounds) + (r < opts.cases % opts.rounds ? 1 : 0);
    for (const co of r % 2 === 0 ? [1, MAX_CO] : [MAX_CO, 1]) if (n > 0) got.get(co)!.push(await drive(a, co, n));
  }
  const run = (co: number): Run => ({ route: pool(got.get(co)!.map((x) => x.route)), answer: pool(got.get(co)!.map((x) => x.answer)) });
  return { one: run(1), five: run(MAX_CO) };
}

interface DbResult {
  kind: Kind;
  one: Run;
  five: Run;
}

async function benchDb(kind: Kind): Promise<DbResult> {
  const b = await openBenchDb(kind, PG_POOL);
  try {
    const a = await startRoutingApp(b);
    try {
      // warm-up: both items, every code path hot before anything is measured
      for (const co of [1, MAX_CO]) {
        const w = await drive(a, co, opts.warmup);
        if (w.route.errors || w.answer.errors) throw new Error(`warm-up (${co}): ${w.route.firstError ?? w.answer.firstError}`);
      }
      return { kind, ...(await measure(a)) };
    } finally {
      await a.app.close();
    }
  } finally {
    await b.drop();
  }
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const times = (x: number) => `${fmt(x, 2)}×`;

function report(results: DbResult[]): void {
  const w = [10, 46, 8, 9, 9, 7];
  const row = (c: string[]) => c.map((s, i) => (i < 2 ? s.padEnd(w[i]) : s.padStart(w[i]))).join('  ');
  const lines = [row(['database', 'measured (per case)', 'per s', 'p50 ms', 'p99 ms', 'errors']), '-'.repeat(w.reduce((x, y) => x + y + 2, -2))];
  const line = (db: string, what: string, s: Summary) => lines.push(row([db, what, fmt(s.perSecond), fmt(s.p50, 2), fmt(s.p99, 2), String(s.errors)]));
  const verdicts: string[] = [];
  for (const r of results) {
    const name = r.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    line(name, 'route   start-review → 1 opinion task', r.one.route);
    line(name, `route   start-review → ${MAX_CO} opinion tasks`, r.five.route);
    line(name, 'answer  1 opinion until ready to decide', r.one.answer);
    line(name, `answer  ${MAX_CO} opinions until ready to decide`, r.five.answer);
    for (const s of [r.one.route, r.five.route, r.one.answer, r.five.answer]) if (s.firstError) lines.push(`  first error: ${s.firstError}`);
    const cost = r.one.route.perSecond / r.five.route.perSecond;
    const p50 = r.five.route.p50 / r.one.route.p50;
    const answerCost = r.one.answer.perSecond / r.five.answer.perSecond;
    verdicts.push(
      `${name.padEnd(11)} routing, ${MAX_CO} vs 1: cost per case ${times(cost)}, p50 ${times(p50)} — goal ≤ ${GOAL}×: ${cost <= GOAL && p50 <= GOAL ? 'PASS' : 'FAIL'}`,
      `${name.padEnd(11)} answering, ${MAX_CO} vs 1: cost per case ${times(answerCost)} (${times(answerCost / MAX_CO)} per opinion; no goal)`,
    );
  }
  console.log('\n' + lines.join('\n'));
  console.log('\nRatios:\n  ' + verdicts.join('\n  '));
}

async function main(): Promise<void> {
  console.log(
    `OneStop routing benchmark — ${opts.cases} cases per item (1 and ${MAX_CO} co-departments), ${opts.concurrency} concurrent clients, ` +
      `${opts.rounds} rounds taking turns, ${opts.warmup} warm-up cases per item; Node ${process.version}, ${os.cpus().length} CPUs`,
  );
  const results: DbResult[] = [];
  for (const kind of kinds) {
    console.log(`measuring ${kind} …`);
    try {
      results.push(await benchDb(kind));
    } catch (e) {
      console.log(`  ${kind} could not be measured: ${(e as Error).message}`);
    }
  }
  report(results);
}

main()
  .catch((e) => console.error('benchmark failed:', e))
  .finally(() => process.exit(0));
