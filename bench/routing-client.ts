/**
 * The load generator of `bench:routing`, in a worker thread (its own event loop, so the server's
 * thread keeps a core): real HTTP over keep-alive sockets, `concurrency` clients at once. For one
 * joint item it runs three phases over the same `cases` cases, each phase to its end before the
 * next starts, so each is timed alone:
 *  1. prepare (not measured): intake and accept at the window;
 *  2. route: start-review — the request that opens one opinion task per co-department;
 *  3. answer: each co-department's reviewer answers 同意, one after another, until no task of the
 *     case is open (the case waits for the lead's decision); one sample per case, the sum of its
 *     answers.
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { poster } from './http-post.js';
import type { Session } from './client.js';
import { type Measured, Samples } from './stats.js';

export interface RoutingJob {
  port: number;
  concurrency: number;
  cases: number;
  itemId: string;
  idNumber: string;
  clerk: Session;
  /** co-department id → its reviewer's session */
  reviewers: Record<string, Session>;
}

export interface RoutingResult {
  prepare: Measured;
  route: Measured;
  answer: Measured;
}

interface TaskReply {
  id: string;
  status: string;
  kind: string;
  assignee: { departmentId: string | null };
}
interface CaseReply {
  id: string;
  version: number;
  status: string;
  tasks: TaskReply[];
}

const job = workerData as RoutingJob;
const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });

const post = poster(job.port, agent);

/** One phase: `work` once per case, `concurrency` at a time; a sample per case that succeeded. */
async function phase(cases: readonly (CaseReply | null)[], work: (c: CaseReply) => Promise<CaseReply>): Promise<{ m: Measured; out: (CaseReply | null)[] }> {
  const samples = new Samples();
  const out: (CaseReply | null)[] = cases.map(() => null);
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const t0 = performance.now();
  const client = async () => {
    while (next < cases.length) {
      const i = next++;
      const c = cases[i];
      if (!c) continue;
      const s0 = performance.now();
      try {
        out[i] = await work(c);
        samples.push(performance.now() - s0);
      } catch (e) {
        errors++;
        firstError ??= (e as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, client));
  const elapsedMs = performance.now() - t0;
  return { m: { ops: samples.length, errors, elapsedMs, latencies: samples.toArray(), firstError, cases: samples.length }, out };
}

async function call(label: string, path: string, s: Session, payload: object): Promise<CaseReply> {
  const r = await post(path, s, payload);
  if (r.status !== 200) throw new Error(`${label}: ${r.status} ${r.body.slice(0, 300)}`);
  return JSON.parse(r.body) as CaseReply;
}

const applicant = { kind: 'person', name: '张三', idNumber: job.idNumber, phone: '13812345678' };

async function prepare(): Promise<CaseReply> {
  const c = await call('intake', '/api/v1/cases', job.clerk, { itemId: job.itemId, applicant });
  return call('accept', `/api/v1/cases/${c.id}/accept`, job.clerk, { version: c.version });
}

async function route(c: CaseReply): Promise<CaseReply> {
  const r = await call('start-review', `/api/v1/cases/${c.id}/start-review`, job.clerk, { version: c.version });
  const open = r.tasks.filter((t) => t.status === 'open' && t.kind === 'opinion').length;
  if (open !== Object.keys(job.reviewers).length) throw new Error(`start-review opened ${open} opinions`);
  return r;
}

async function answer(c: CaseReply): Promise<CaseReply> {
  let r = c;
  for (const t of c.tasks.filter((x) => x.status === 'open')) {
    const s = job.reviewers[t.assignee.departmentId ?? ''];
    if (!s) throw new Error(`no reviewer for task ${t.id}`);
    r = await call(`complete ${t.id}`, `/api/v1/cases/${c.id}/tasks/${t.id}/complete`, s, { version: r.version, opinion: '同意', answer: 'agree' });
  }
  if (r.status !== 'inReview' || r.tasks.some((t) => t.status === 'open')) throw new Error(`not ready for decision: ${r.status}`);
  return r;
}

async function run(): Promise<RoutingResult> {
  const prepared = await phase(Array.from({ length: job.cases }, () => ({ id: '', version: 0, status: '', tasks: [] })), prepare);
  const routed = await phase(prepared.out, route);
  const answered = await phase(routed.out, answer);
  agent.destroy();
  return { prepare: prepared.m, route: routed.m, answer: answered.m };
}

run().then(
  (r) => parentPort!.postMessage(r),
  (e) => parentPort!.postMessage({ error: String(e) }),
);
