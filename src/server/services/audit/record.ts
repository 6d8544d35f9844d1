/**
 * The tamper-evident action log: every state change appends a row in the same transaction,
 * each row carrying the hash of the previous one of its chain.
 *
 * The log is `AUDIT_CHAINS` hash chains (migration 0014). A transaction's rows all go to one
 * chain, together and in order: the one its first row's subject (entity id) falls in (`chainOf`).
 * A case's moves (each records the case first) stay in one chain; transactions on different
 * subjects mostly chain onto different heads, so they neither wait for nor order each other.
 * `pos` numbers the rows in the order appended, across chains.
 *
 * Chaining needs the chain's head row locked (PostgreSQL; SQLite serialises writers), and that
 * lock makes every writing transaction on that chain wait for the one holding it. So a
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
import { appendActions, chainAndAppendPg, type ChainedRow, insertChained, lockHead, moveHeadFrom } from '../../repositories/action-log.js';
import type { Ctx, Deps } from '../context.js';

export interface ActionInput {
  entity: string;
  entityId: string;
  action: string;
  payload?: unknown;
}

/** A row as recorded, before it is chained (chain, number, time, previous hash and hash). */
type Unchained = Omit<ActionLogTable, 'pos' | 'chain' | 'seq' | 'at' | 'prev_hash' | 'hash'>;

/** The number of chains; migration 0014 made one head row for each. */
export const AUDIT_CHAINS = 32;

/** The chain a subject's rows go to: FNV-1a of its id, modulo the number of chains. */
export function chainOf(entityId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < entityId.length; i++) {
    h ^= entityId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % AUDIT_CHAINS;
}

/**
 * The canonical text of a row between its seq and its prev_hash. The text hashed is
 * `[seq,middle,"prev_hash"]` — exactly JSON.stringify([seq, at, actor_id, actor_name, role,
 * client_ip, entity, entity_id, action, payload, prev_hash]) — so that PostgreSQL can chain a row
 * with the middle computed here (repositories/action-log.ts chainAndAppendPg).
 */
export function canonicalMiddle(r: Omit<ActionLogTable, 'pos' | 'chain' | 'seq' | 'prev_hash' | 'hash'>): string {
  return JSON.stringify([r.at, r.actor_id, r.actor_name, r.role, r.client_ip, r.entity, r.entity_id, r.action, r.payload]).slice(1, -1);
}

/** The chain (and pos) are not hashed: a row moved to another chain breaks the links of both. */
export function hashRow(r: Omit<ActionLogTable, 'hash' | 'chain' | 'pos'>): string {
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

/**
 * Chains and writes the transaction's rows: the last statement before COMMIT. `thenCommit`
 * (PostgreSQL): the statement goes with COMMIT behind it in one write, and the transaction is
 * over when this returns — only for a caller that commits next and does nothing in between (`inTx`).
 */
export async function flushAudit(trx: Transaction<Database>, deps: Deps, opts: { thenCommit?: boolean } = {}): Promise<void> {
  const rows = pending.get(trx);
  pending.delete(trx);
  if (!rows || rows.length === 0) return;
  const c = chainOf(rows[0].entity_id);
  if (deps.db.dialect === 'postgres') await chainInDb(trx, deps, c, rows, opts.thenCommit === true);
  else await chain(trx, deps, c, rows);
}

/** Per database handle (app instance), something kept for each chain. */
function perChain<T>(): (db: Db) => Map<number, T> {
  const all = new WeakMap<Db, Map<number, T>>();
  return (db) => {
    let m = all.get(db);
    if (!m) all.set(db, (m = new Map()));
    return m;
  };
}

/** The last chaining statement each database handle (app instance) sent on each chain, for `chainInDb`. */
const lastChaining = perChain<Promise<void>>();

/**
 * PostgreSQL: the chain's head is locked, the rows chained onto it and inserted, and the head moved
 * in one statement (hashes computed by the database from the canonical text made here), so the
 * lock is held for that statement and the COMMIT only, with no round trip to this process between
 * them. An instance sends one such statement at a time per chain, reading the time just before: as
 * when the time was read under the lock, an instance's rows have their times in their chain's order.
 */
async function chainInDb(trx: Transaction<Database>, deps: Deps, c: number, rows: readonly Unchained[], thenCommit: boolean): Promise<void> {
  const sent = lastChaining(deps.db);
  const before = sent.get(c) ?? Promise.resolve();
  const mine = before.then(() => {
    const at = deps.clock.now().toISOString();
    return chainAndAppendPg(
      trx,
      c,
      rows.map((r) => {
        const row = { at, ...r };
        return { ...row, middle: canonicalMiddle(row) };
      }),
      thenCommit,
    );
  });
  const settled = mine.catch(() => undefined);
  sent.set(c, settled);
  // the map keeps only statements still in flight
  void settled.then(() => {
    if (sent.get(c) === settled) sent.delete(c);
  });
  await mine;
}

/**
 * The head each database handle last moved each chain to (SQLite). The next transaction on that
 * chain chains onto it and moves the head only if it is still there (`moveHeadFrom`: seq and hash), then inserts its
 * rows: two statements instead of three (read the head, insert, move it). When another writer
 * moved the head (another process, a transaction rolled back after chaining), the check fails,
 * and the head is read as before. SQLite serialises writers, so between the check and COMMIT no
 * one else can chain.
 */
const lastHead = perChain<{ seq: number; hash: string }>();

function link(c: number, head: { seq: number; hash: string }, rows: readonly Unchained[], at: string): ChainedRow[] {
  let prev = head;
  return rows.map((r) => {
    const row: Omit<ActionLogTable, 'hash' | 'chain' | 'pos'> = { seq: prev.seq + 1, at, ...r, prev_hash: prev.hash };
    const full = { chain: c, ...row, hash: hashRow(row) };
    prev = full;
    return full;
  });
}

async function chain(trx: Transaction<Database>, deps: Deps, c: number, rows: readonly Unchained[]): Promise<void> {
  const heads = deps.db.dialect === 'sqlite' ? lastHead(deps.db) : undefined;
  const known = heads?.get(c);
  if (known) {
    const at = deps.clock.now().toISOString();
    const chained = link(c, known, rows, at);
    const last = chained[chained.length - 1];
    if (await moveHeadFrom(trx, c, known, last)) {
      await insertChained(trx, chained);
      heads!.set(c, { seq: last.seq, hash: last.hash });
      return;
    }
  }
  const head = await lockHead(trx, c);
  // read under the lock: the chain's times follow its order
  const at = deps.clock.now().toISOString();
  const chained = link(c, head, rows, at);
  await appendActions(trx, deps.db.dialect, chained);
  const last = chained[chained.length - 1];
  heads?.set(c, { seq: last.seq, hash: last.hash });
}

/**
 * The chain a transaction not opened by `inTx` chains its rows onto, once it chained one: every
 * row of a transaction goes to one chain, so it never holds two heads (two such transactions
 * taking two heads in opposite orders would deadlock).
 */
const chainOfTrx = new WeakMap<Transaction<Database>, number>();

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
  if (rows) {
    rows.push(row);
    return;
  }
  let c = chainOfTrx.get(trx);
  if (c === undefined) chainOfTrx.set(trx, (c = chainOf(row.entity_id)));
  await chain(trx, ctx.deps, c, [row]);
}
