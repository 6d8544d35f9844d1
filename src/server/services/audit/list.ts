import { forbidden } from '../../../domain/errors.js';
import { can } from '../../../domain/permissions.js';
import { listActions } from '../../repositories/action-log.js';
import type { Ctx } from '../context.js';
import { verifyAuditChain, type VerifyResult } from './verify.js';

/** Errors: forbidden without audit:read. */
export async function listAuditLog(ctx: Ctx, f: { entity?: string; entityId?: string; page: number; pageSize: number }) {
  if (!can(ctx.actor, 'audit:read')) throw forbidden();
  const { rows, total } = await listActions(ctx.deps.db.kysely, {
    entity: f.entity,
    entityId: f.entityId,
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  return {
    total,
    items: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actorName: r.actor_name,
      role: r.role,
      clientIp: r.client_ip,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      payload: JSON.parse(r.payload) as unknown,
      hash: r.hash,
    })),
  };
}

export async function verifyAuditLog(ctx: Ctx): Promise<VerifyResult> {
  if (!can(ctx.actor, 'audit:read')) throw forbidden();
  return verifyAuditChain(ctx.deps);
}
