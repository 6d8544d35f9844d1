/**
 * The tamper-evident action log: every state change appends a row in the same transaction,
 * each row carrying the hash of the previous one.
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { ActionLogTable, Database } from '../../db/schema.js';
import { appendAction, lockHead } from '../../repositories/action-log.js';
import type { Ctx } from '../context.js';

export interface ActionInput {
  entity: string;
  entityId: string;
  action: string;
  payload?: unknown;
}

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

export async function recordAction(trx: Transaction<Database>, ctx: Ctx, a: ActionInput): Promise<number> {
  const head = await lockHead(trx, ctx.deps.db.dialect);
  const row: Omit<ActionLogTable, 'hash'> = {
    seq: head.seq + 1,
    at: ctx.deps.clock.now().toISOString(),
    actor_id: ctx.actor && ctx.actor.userId !== 'system' ? ctx.actor.userId : null,
    actor_name: ctx.actor?.username ?? 'system',
    role: actorRole(ctx),
    client_ip: ctx.ip,
    entity: a.entity,
    entity_id: a.entityId,
    action: a.action,
    payload: JSON.stringify(a.payload ?? {}),
    prev_hash: head.hash,
  };
  await appendAction(trx, { ...row, hash: hashRow(row) });
  return row.seq;
}
