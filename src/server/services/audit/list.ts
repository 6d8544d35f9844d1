import { forbidden } from '../../../domain/errors.js';
import { can, scopesFor } from '../../../domain/permissions.js';
import { listActions } from '../../repositories/action-log.js';
import type { Ctx } from '../context.js';
import { verifyAuditChain, type VerifyResult } from './verify.js';

/**
 * The log spans every center, so only audit:read held at a root center (or the system) may read
 * or verify it; a county admin's audit:read does not open the city's records.
 */
function requireWholeLog(ctx: Ctx): void {
  if (!can(ctx.actor, 'audit:read')) throw forbidden();
  const root = scopesFor(ctx.actor!, 'audit:read').some((g) => g.centerPath !== null && g.centerPath.split('/').filter(Boolean).length <= 1);
  if (!root) throw forbidden();
}

/** Errors: forbidden without audit:read at a root center. */
export async function listAuditLog(ctx: Ctx, f: { entity?: string; entityId?: string; page: number; pageSize: number }) {
  requireWholeLog(ctx);
  const { rows, total } = await listActions(ctx.deps.db.kysely, {
    entity: f.entity,
    entityId: f.entityId,
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  return {
    total,
    items: rows.map((r) => ({
      pos: r.pos,
      chain: r.chain,
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
  requireWholeLog(ctx);
  return verifyAuditChain(ctx.deps);
}
