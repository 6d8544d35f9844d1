/** Where an actor may see or act in supervision: its grants of a permission, as scopes. */
import { AppError, forbidden } from '../../../domain/errors.js';
import { type Actor, type Permission, can, scopesFor } from '../../../domain/permissions.js';
import type { ScopeGrant } from '../../repositories/supervision.js';
import type { Ctx } from '../context.js';

export function requireStaff(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('unauthenticated', '请先登录', 'Please log in');
  return ctx.actor;
}

export function grantsOf(actor: Actor, perm: Permission): ScopeGrant[] {
  return scopesFor(actor, perm).filter((g) => g.centerPath !== null).map((g) => ({ centerPath: g.centerPath!, departmentId: g.departmentId }));
}

/** supervision:read anywhere (401 / 403), as scopes: supervisors their center subtree, leaders their department. */
export function readScope(ctx: Ctx): ScopeGrant[] {
  const actor = requireStaff(ctx);
  if (!can(actor, 'supervision:read')) throw forbidden();
  return grantsOf(actor, 'supervision:read');
}

/** The permission anywhere, before any input is looked at (403). */
export function requirePermission(ctx: Ctx, perm: Permission): Actor {
  const actor = requireStaff(ctx);
  if (!can(actor, perm)) throw forbidden();
  return actor;
}

/** The permission over the resource's scope (403). */
export function requireOver(actor: Actor, perm: Permission, centerPath: string, departmentId: string | null): void {
  if (!can(actor, perm, { centerPath, departmentId })) throw forbidden();
}
