/**
 * The tamper-evident action log: every state change appends a row in the same transaction,
 * each row carrying the hash of the previous one.
 *
 * Chaining needs the head row locked (PostgreSQL; SQLite serialises writers), and that lock
 * makes every writing transaction of every instance wait for the one holding it. So a
 * transaction opened by `inTx` does not chain as it goes: `recordAction` keeps its rows, and
 * `flushAudit` — the last thing `inTx` does before COMMIT — chains them. On PostgreSQL that is
 * one statement (lock the head, number and hash the rows, insert them, move the head; see
 * `chainInDb`), so the head is held for that statement and the COMMIT only. On SQLite (in
 * process, no round trips) the rows are hashed here onto the head this handle last wrote, the
 * head moved if still there (else read) and the rows inserted (`chain`).
 * A transaction that was not opened by `inTx` gets its rows chained at once, the head locked by a
 * statement of its own, as before; the sweeper's careful mode opens its transaction and each
 * savepoint with `openAudit` (a head locked for a whole batch, while its handlers wait for row
 * locks, would deadlock with requests waiting in `chainInDb` where PostgreSQL cannot see it).
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { ActionLogTable, Database } from '../../db/schema.js';
import type { Db } from '../../db/database.js';
import { appendActions, chainAndAppendPg, insertChained, lockHead, moveHeadFrom } from '../../repositories/action-log.js';
import type { Ctx, Deps } from '../context.js';

export interface ActionInput {
  entity: string;
  entityId: string;
  action: string;
  payload?: unknown;
}

/** A row as recorded, before it is chained (number, time, previous hash and hash). */
type Unchained = Omit<ActionLogTable, 'seq' | 'at' | 'prev_hash' | 'hash'>;

/**
 * The canonical text of a row between its seq and its prev_hash. The text hashed is
 * `[seq,middle,"prev_hash"]` — exactly JSON.stringify([seq, at, actor_id, actor_name, role,
 * client_ip, entity, entity_id, action, payload, prev_hash]) — so that PostgreSQL can chain a row
 * with the middle computed here (repositories/action-log.ts chainAndAppendPg).
 */
export function canonicalMiddle(r: Omit<ActionLogTable, 'seq' | 'prev_hash' | 'hash'>): string {
  return JSON.stringify([r.at, r.actor_id, r.actor_name, r.role, r.client_ip, r.entity, r.entity_id, r.action, r.payload]).slice(1, -1);
}

export function hashRow(r: Omit<ActionLogTable, 'hash'>): string {
  const canonical = `[${JSON.stringify(r.seq)},${canonicalMiddle(r)},${JSON.stringify(r.prev_hash)}]`;
  return createHash('sha256').update(canonical).digest('hex');
}

function actorRole(ctx: Ctx): string {
  if (!ctx.actor) return 'system';
  return ctx.actor.grants.map((g) => g.role).join(',') || ctx.actor.kind;
}

/** Rows recorded in a transaction and not yet chained, by transaction (see the module comment). */
const pending = new WeakMap<Transaction<Database>, Unchained[]>();

/** Called by `inTx` when it opens a transaction: its rows are kept until `flushAudit`. */
export function openAudit(trx: Transaction<Database>): void {
  pending.set(trx, []);
}

/**
 * A savepoint opened with `openAudit` ends: its rows join its transaction's (released) or are
 * dropped (rolled back to), so a savepoint rolled back leaves no audit row and none is chained
 * before COMMIT (timers/sweeper.ts careful mode).
 */
export function endSavepointAudit(sp: Transaction<Database>, trx: Transaction<Database>, released: boolean): void {
  const rows = pending.get(sp);
  pending.delete(sp);
  if (!released || !rows || rows.length === 0) return;
  const into = pending.get(trx);
  if (!into) throw new Error('action log: the savepoint\'s transaction keeps no rows');
  into.push(...rows);
}

/** Chains and writes the transaction's rows: the last statement before COMMIT. */
export async function flushAudit(trx: Transaction<Database>, deps: Deps): Promise<void> {
  const rows = pending.get(trx);
  pending.delete(trx);
  if (!rows || rows.length === 0) return;
  if (deps.db.dialect === 'postgres') await chainInDb(trx, deps, rows);
  else await chain(trx, deps, rows);
}

/** The last chaining statement each database handle (app instance) sent, for `chainInDb`. */
const lastChaining = new WeakMap<Db, Promise<void>>();

/**
 * PostgreSQL: the head is locked, the rows chained onto it and inserted, and the head moved in one
 * statement (hashes computed by the database from the canonical text made here), so the lock is
 * held for that statement and the COMMIT only, with no round trip to this process between them.
 * An instance sends one such statement at a time, reading the time just before: as when the time
 * was read under the lock, an instance's rows have their times in the log's order.
 */
async function chainInDb(trx: Transaction<Database>, deps: Deps, rows: readonly Unchained[]): Promise<void> {
  const before = lastChaining.get(deps.db) ?? Promise.resolve();
  const mine = before.then(() => {
    const at = deps.clock.now().toISOString();
    return chainAndAppendPg(
      trx,
      rows.map((r) => {
        const row = { at, ...r };
        return { ...row, middle: canonicalMiddle(row) };
      }),
    );
  });
  lastChaining.set(deps.db, mine.catch(() => undefined));
  await mine;
}

/**
 * The head each database handle last moved the log to (SQLite). The next transaction chains onto
 * it and moves the head only if it is still there (`moveHeadFrom`: seq and hash), then inserts its
 * rows: two statements instead of three (read the head, insert, move it). When another writer
 * moved the head (another process, a transaction rolled back after chaining), the check fails,
 * and the head is read as before. SQLite serialises writers, so between the check and COMMIT no
 * one else can chain.
 */
const lastHead = new WeakMap<Db, { seq: number; hash: string }>();

function link(head: { seq: number; hash: string }, rows: readonly Unchained[], at: string): ActionLogTable[] {
  let prev = head;
  return rows.map((r) => {
    const row: Omit<ActionLogTable, 'hash'> = { seq: prev.seq + 1, at, ...r, prev_hash: prev.hash };
    const full = { ...row, hash: hashRow(row) };
    prev = full;
    return full;
  });
}

async function chain(trx: Transaction<Database>, deps: Deps, rows: readonly Unchained[]): Promise<void> {
  const known = deps.db.dialect === 'sqlite' ? lastHead.get(deps.db) : undefined;
  if (known) {
    const at = deps.clock.now().toISOString();
    const chained = link(known, rows, at);
    const last = chained[chained.length - 1];
    if (await moveHeadFrom(trx, known, last)) {
      await insertChained(trx, chained);
      lastHead.set(deps.db, { seq: last.seq, hash: last.hash });
      return;
    }
  }
  const head = await lockHead(trx, deps.db.dialect);
  // read under the lock: the log's times follow its order
  const at = deps.clock.now().toISOString();
  const chained = link(head, rows, at);
  await appendActions(trx, deps.db.dialect, chained);
  const last = chained[chained.length - 1];
  if (deps.db.dialect === 'sqlite') lastHead.set(deps.db, { seq: last.seq, hash: last.hash });
}

export async function recordAction(trx: Transaction<Database>, ctx: Ctx, a: ActionInput): Promise<void> {
  const row: Unchained = {
    actor_id: ctx.actor && ctx.actor.userId !== 'system' ? ctx.actor.userId : null,
    actor_name: ctx.actor?.username ?? 'system',
    role: actorRole(ctx),
    client_ip: ctx.ip,
    entity: a.entity,
    entity_id: a.entityId,
    action: a.action,
    // serialised now: the payload is what it was when the action was recorded
    payload: JSON.stringify(a.payload ?? {}),
  };
  const rows = pending.get(trx);
  if (rows) rows.push(row);
  else await chain(trx, ctx.deps, [row]);
}
