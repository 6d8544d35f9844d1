/**
 * The PostgreSQL pool Kysely is given: pg's pool in pipeline mode, its clients wrapped so that a
 * transaction costs fewer round trips. Every message sent on loopback is a system call on each
 * side and a wake-up of the other process; on the case benchmark they were a third of the app's
 * CPU. What the wrapper does:
 *
 * - statements seen before go as named prepared statements (db/pg-prepared.ts);
 * - `begin` is held back and sent in the same write as the transaction's first statement (an
 *   empty transaction sends nothing at all);
 * - a statement whose text ends with `THEN_COMMIT` is sent with `commit` behind it, in one write,
 *   and Kysely's own `commit` that follows is answered here. The action log's chaining statement
 *   asks for it (audit/record.ts): the chain's head is then held for one round trip instead of two.
 *   If the statement fails, PostgreSQL answers the commit with a rollback, the statement's error
 *   is thrown, and Kysely's `rollback` that follows is answered here; if the commit itself fails,
 *   its error is thrown.
 *
 * Pipeline mode sends a query without waiting for the one before to be answered; each query
 * keeps its own Sync, so the answers and errors are each query's as before. Kysely runs one
 * statement at a time on a connection, so only the pairs above are ever in flight together.
 * Cursors (Kysely's `stream`) are refused in pipeline mode; the app does not use them.
 */
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { processNames, type StatementNames } from './pg-prepared.js';

/** Appended to a statement that must be followed by COMMIT, the last of its transaction. */
export const THEN_COMMIT = '\n/* then commit */';

interface Result {
  command: string;
  rowCount: number | null;
  rows: unknown[];
}
const answered = (command: string): Promise<Result> => Promise.resolve({ command, rowCount: null, rows: [] });

type Stream = { cork(): void; uncork(): void };

function wrap(client: pg.PoolClient, names: StatementNames): PostgresPoolClient {
  /** `begin` asked for and not sent yet */
  let beginHeld = false;
  /** the transaction ended with a commit sent behind its last statement */
  let ended = false;
  const stream = (client as unknown as { connection: { stream: Stream } }).connection.stream;

  const send = (text: string, values?: readonly unknown[]): Promise<Result> => {
    const name = names.nameOf(text);
    const v = values as unknown[] | undefined;
    return (name ? client.query({ name, text, values: v }) : client.query(text, v)) as unknown as Promise<Result>;
  };

  /** `before`, the statement and `after`, queued in one write; the statement's answer. */
  const together = async (before: string | null, text: string, values: readonly unknown[] | undefined, after: string | null): Promise<Result> => {
    stream.cork();
    let first: Promise<Result> | null = null;
    let main: Promise<Result>;
    let last: Promise<Result> | null = null;
    try {
      if (before) first = send(before);
      main = send(text, values);
      if (after) last = send(after);
    } finally {
      stream.uncork();
    }
    const [b, m, a] = await Promise.allSettled([first, main, last]);
    if (b.status === 'rejected') throw b.reason;
    if (m.status === 'rejected') throw m.reason;
    if (a.status === 'rejected') throw a.reason;
    if (after && a.value?.command === 'ROLLBACK') throw new Error('transaction rolled back at commit');
    return m.value;
  };

  const query = (text: unknown, values?: readonly unknown[]): unknown => {
    if (typeof text !== 'string') return client.query(text as pg.QueryConfig);
    if (text === 'begin') {
      beginHeld = true;
      ended = false;
      return answered('BEGIN');
    }
    if (ended) {
      // the commit already went; Kysely's commit (or its rollback, after a failed statement) ends nothing
      if (text === 'commit' || text === 'rollback') {
        ended = false;
        return answered(text === 'commit' ? 'COMMIT' : 'ROLLBACK');
      }
      ended = false;
    }
    const before = beginHeld ? 'begin' : null;
    if (beginHeld) {
      beginHeld = false;
      // nothing was sent: nothing to end
      if (text === 'commit' || text === 'rollback') return answered(text === 'commit' ? 'COMMIT' : 'ROLLBACK');
    }
    const thenCommit = text.endsWith(THEN_COMMIT);
    if (thenCommit) ended = true;
    if (!before && !thenCommit) return send(text, values);
    return together(before, text, values, thenCommit ? 'commit' : null);
  };
  return {
    query,
    release: (destroy?: boolean) => {
      beginHeld = false;
      ended = false;
      client.release(destroy);
    },
  } as unknown as PostgresPoolClient;
}

export function appPool(pool: pg.Pool, names: StatementNames = processNames): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) wrapped.set(client, (w = wrap(client, names)));
      return w;
    },
    end: () => pool.end(),
  };
}
