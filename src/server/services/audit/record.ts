/**
 * The tamper-evident action log: every state change appends a row in the same transaction,
 * each row carrying the hash of the previous one.
 *
 * Chaining needs the head row locked (PostgreSQL; SQLite serialises writers), and that lock
 * makes every writing transaction of every instance wait for the one holding it. So a
 * transaction opened by `inTx` does not chain as it goes: `recordAction` keeps its rows, and
 * `flushAudit` — the last thing `inTx` does before COMMIT — locks the head, numbers and hashes
 * them, inserts them in one statement and moves the head. The head is then held for those three
 * statements and the commit only, not for the rest of the transaction. A transaction that was
 * not opened by `inTx` (there is none today) gets its rows chained at once, as before.
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { ActionLogTable, Database } from '../../db/schema.js';
import { appendActions, lockHead } from '../../repositories/action-log.js';
import type { Ctx, Deps } from '../context.js';

export interface ActionInput {
  entity: string;
  entityId: string;
  action: string;
  payload?: unknown;
}

/** A row as recorded, before it is chained (number, time, previous hash and hash). */
type Unchained = Omit<ActionLogTable, 'seq' | 'at' | 'prev_hash' | 'hash'>;

export function hashRow(r: Omit<ActionLogTable, 'hash'>): string {
  const canonical = JSON.stringify([
    r.seq, r.at, r.actor_id, r.actor_name, r.role, r.client_ip, r.entity, r.entity_id, r.action, r.payload, r.prev_hash,
  ]);
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

/** Chains and writes the transaction's rows: the last statements before COMMIT. */
export async function flushAudit(trx: Transaction<Database>, deps: Deps): Promise<void> {
  const rows = pending.get(trx);
  pending.delete(trx);
  if (rows && rows.length > 0) await chain(trx, deps, rows);
}

async function chain(trx: Transaction<Database>, deps: Deps, rows: readonly Unchained[]): Promise<void> {
  const head = await lockHead(trx, deps.db.dialect);
  // read under the lock: the log's times follow its order
  const at = deps.clock.now().toISOString();
  let prev = { seq: head.seq, hash: head.hash };
  const chained = rows.map((r) => {
    const row: Omit<ActionLogTable, 'hash'> = { seq: prev.seq + 1, at, ...r, prev_hash: prev.hash };
    const full = { ...row, hash: hashRow(row) };
    prev = full;
    return full;
  });
  await appendActions(trx, deps.db.dialect, chained);
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
