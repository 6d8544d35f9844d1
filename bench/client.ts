/**
 * The load generator, run in a worker thread so that it has its own event loop (and, on a
 * 2-core machine, its own core) while the server's thread serves: real HTTP over keep-alive
 * sockets, `concurrency` clients at once. Two modes:
 *  - `flow`: each client takes the next case number and drives one case from intake to delivery;
 *    every 200 answer to a state-changing POST is one transition;
 *  - `noop`: each client POSTs a similar body with the same headers to the no-op route until the
 *    time is up (the HTTP baseline).
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { poster } from './http-post.js';
import { type Measured, Samples } from './stats.js';

import type { Session } from './http-post.js';

export type { Session };

export interface ClientJob {
  mode: 'flow' | 'noop';
  port: number;
  concurrency: number;
  /** flow: how many cases to drive at most */
  cases: number;
  /** flow: no new case is taken in after this many ms (cases under way are finished) */
  maxMs: number;
  /** noop: how long to send */
  durationMs: number;
  itemId: string;
  idNumber: string;
  sessions: { clerk: Session; reviewer: Session; leader: Session };
}

const job = workerData as ClientJob;
const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });

const post = poster(job.port, agent);

const samples = new Samples();
let ops = 0;
let errors = 0;
let firstError: string | undefined;
let startedCases = 0;

/** One timed POST; the parsed reply on 200, else the error is counted and null returned. */
async function step(label: string, path: string, s: Session, payload: object): Promise<any> {
  const t0 = performance.now();
  try {
    const r = await post(path, s, payload);
    const ms = performance.now() - t0;
    if (r.status === 200) {
      samples.push(ms);
      ops++;
      return JSON.parse(r.body);
    }
    errors++;
    firstError ??= `${label}: ${r.status} ${r.body.slice(0, 300)}`;
  } catch (e) {
    errors++;
    firstError ??= `${label}: ${(e as Error).message}`;
  }
  return null;
}

async function driveCase(): Promise<void> {
  const { clerk, reviewer, leader } = job.sessions;
  const applicant = { kind: 'person', name: '张三', idNumber: job.idNumber, phone: '13812345678' };
  let c = await step('intake', '/api/v1/cases', clerk, { itemId: job.itemId, applicant });
  if (!c) return;
  const base = `/api/v1/cases/${c.id}`;
  const moves: [string, Session, string, (v: number) => object][] = [
    ['accept', clerk, '/accept', (version) => ({ version })],
    ['start-review', clerk, '/start-review', (version) => ({ version })],
    ['complete 2.1', reviewer, '/tasks/2.1/complete', (version) => ({ version, opinion: '材料齐全，符合条件' })],
    ['complete 3.1', reviewer, '/tasks/3.1/complete', (version) => ({ version, opinion: '同意' })],
    ['decide', leader, '/decide', (version) => ({ version, decision: { outcome: 'approved', note: '准予许可' } })],
    ['conclude', leader, '/conclude', (version) => ({ version })],
    ['deliver', clerk, '/deliver', (version) => ({ version, delivery: { method: 'window', receiver: { name: '李四', idNumber: job.idNumber } } })],
  ];
  for (const [label, s, suffix, body] of moves) {
    c = await step(label, base + suffix, s, body(c.version));
    if (!c) return;
  }
}

async function run(): Promise<Measured> {
  const t0 = performance.now();
  if (job.mode === 'flow') {
    let next = 0;
    const deadline = t0 + job.maxMs;
    const client = async () => {
      while (next < job.cases && performance.now() < deadline) {
        next++;
        startedCases++;
        await driveCase();
      }
    };
    await Promise.all(Array.from({ length: job.concurrency }, client));
  } else {
    const until = t0 + job.durationMs;
    // about the size of a decision body, with the same headers as the flow
    const body = { version: 7, decision: { outcome: 'approved', note: '准予许可' } };
    const client = async () => {
      while (performance.now() < until) await step('noop', '/noop', job.sessions.clerk, body);
    };
    await Promise.all(Array.from({ length: job.concurrency }, client));
  }
  const elapsedMs = performance.now() - t0;
  agent.destroy();
  return { ops, errors, elapsedMs, latencies: samples.toArray(), firstError, cases: startedCases };
}

run().then(
  (m) => parentPort!.postMessage(m, [m.latencies.buffer as ArrayBuffer]),
  (e) => parentPort!.postMessage({ ops, errors: errors + 1, elapsedMs: 0, latencies: new Float64Array(0), firstError: String(e) }),
);
