/**
 * The database baseline: roughly what one transition writes, straight through the driver, one
 * transaction each — the case row updated under its version check, one case_actions row, one
 * action_log row. It runs on the tables the app run just filled (same schema, indexes and size),
 * on the app's cases, with the app's pragmas (SQLite) or pool size (PostgreSQL). Not included,
 * on purpose: the reads the app does before writing and the action-log head row it locks. The
 * log rows go to a chain of their own (`BASELINE_CHAIN`, no head row), numbered on from its last.
 */
import { createHash, randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { type Measured, Samples } from './stats.js';

const UPDATE_CASE = 'update cases set status = $1, light = $2, updated_at = $3, version = $4 where id = $5 and version = $6';
const INSERT_ACTION = 'insert into case_actions (id, case_id, seq, kind, at, date, actor_id, role, payload) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)';
const BASELINE_CHAIN = -1;
const INSERT_LOG =
  `insert into action_log (chain, seq, at, actor_id, actor_name, role, client_ip, entity, entity_id, action, payload, prev_hash, hash) values (${BASELINE_CHAIN}, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`;
const MAX_SEQ = `select max(seq) as s from action_log where chain = ${BASELINE_CHAIN}`;
/** SQLite takes `?` placeholders */
const q = (s: string) => s.replace(/\$\d+/g, '?');

interface CaseRef {
  id: string;
  version: number;
}

/** The parameters of one transition's three statements, with a hash as the app computes it. */
function params(c: CaseRef, seq: number, prevHash: string) {
  const at = new Date().toISOString();
  const payload = JSON.stringify({ caseNo: 'BENCH', seq: c.version + 1, opinion: '同意' });
  const hash = createHash('sha256').update(JSON.stringify([seq, at, 'bench', 'reviewer', '127.0.0.1', 'case', c.id, 'completeTask', payload, prevHash])).digest('hex');
  return {
    update: ['inReview', 'green', at, c.version + 1, c.id, c.version],
    action: [randomUUID(), c.id, c.version + 1, 'completeTask', at, at.slice(0, 10), 'bench', 'reviewer', JSON.stringify({ taskId: '2.1', opinion: '同意' })],
    log: [seq, at, null, 'bench', 'reviewer', '127.0.0.1', 'case', c.id, 'completeTask', payload, prevHash, hash],
    hash,
  };
}

/** better-sqlite3, synchronous: one connection, one transaction after another for `durationMs`. */
export function sqliteBaseline(file: string, durationMs: number): Measured {
  const db = new SQLite(file);
  // the pragmas of src/server/db/database.ts
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 10000');
  try {
    const cases = db.prepare('select id, version from cases').all() as CaseRef[];
    if (cases.length === 0) throw new Error('no cases to write to');
    let seq = (db.prepare(MAX_SEQ).get() as { s: number | null }).s ?? 0;
    let prevHash = '0'.repeat(64);
    const update = db.prepare(q(UPDATE_CASE));
    const action = db.prepare(q(INSERT_ACTION));
    const log = db.prepare(q(INSERT_LOG));
    const tx = db.transaction((c: CaseRef) => {
      const p = params(c, seq + 1, prevHash);
      if (update.run(...p.update).changes !== 1) throw new Error(`version conflict on ${c.id}`);
      action.run(...p.action);
      log.run(...p.log);
      seq++;
      prevHash = p.hash;
      c.version++;
    });
    const samples = new Samples();
    let ops = 0;
    const t0 = performance.now();
    const until = t0 + durationMs;
    for (let i = 0; performance.now() < until; i++) {
      const s = performance.now();
      tx(cases[i % cases.length]);
      samples.push(performance.now() - s);
      ops++;
    }
    return { ops, errors: 0, elapsedMs: performance.now() - t0, latencies: samples.toArray() };
  } finally {
    db.close();
  }
}

/**
 * node-postgres, `concurrency` clients over a pool of `poolSize` connections (the app's pool),
 * each client on its own share of the cases so the version checks never collide.
 */
export async function pgBaseline(url: string, schema: string, poolSize: number, concurrency: number, durationMs: number): Promise<Measured> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: `-c search_path=${schema}` });
  try {
    const cases = (await pool.query<CaseRef>('select id, version from cases')).rows;
    if (cases.length < concurrency) throw new Error(`need at least ${concurrency} cases, have ${cases.length}`);
    let seq = Number((await pool.query<{ s: string | null }>(MAX_SEQ)).rows[0].s ?? 0);
    let prevHash = '0'.repeat(64);
    const samples = new Samples();
    let ops = 0;
    let errors = 0;
    let firstError: string | undefined;
    const t0 = performance.now();
    const until = t0 + durationMs;
    const client = async (w: number) => {
      const mine = cases.filter((_, i) => i % concurrency === w);
      for (let i = 0; performance.now() < until; i++) {
        const c = mine[i % mine.length];
        const s = performance.now();
        const p = params(c, ++seq, prevHash);
        prevHash = p.hash;
        const conn = await pool.connect();
        try {
          await conn.query('begin');
          const u = await conn.query(UPDATE_CASE, p.update);
          if (u.rowCount !== 1) throw new Error(`version conflict on ${c.id}`);
          await conn.query(INSERT_ACTION, p.action);
          await conn.query(INSERT_LOG, p.log);
          await conn.query('commit');
          c.version++;
          samples.push(performance.now() - s);
          ops++;
        } catch (e) {
          await conn.query('rollback').catch(() => {});
          errors++;
          firstError ??= (e as Error).message;
        } finally {
          conn.release();
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, (_, w) => client(w)));
    return { ops, errors, elapsedMs: performance.now() - t0, latencies: samples.toArray(), firstError };
  } finally {
    await pool.end();
  }
}
