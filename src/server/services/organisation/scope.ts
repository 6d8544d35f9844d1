/**
 * Who may see and change what in the organisation. Writes use `can` with the resource's scope
 * (center subtree, department). Reading the organisation's structure (centers, departments,
 * windows) needs org:read anywhere in the center's subtree, whatever department the grant
 * names: a clerk of one department may see the hall's other departments and windows.
 */
import { AppError, forbidden } from '../../../domain/errors.js';
import { type Actor, can, type Permission, type Scope, SYSTEM_ACTOR, scopesFor } from '../../../domain/permissions.js';
import type { Visibility } from '../../repositories/staff.js';
import type { Ctx } from '../context.js';

export function isSystem(actor: Actor | null): boolean {
  return actor?.userId === SYSTEM_ACTOR.userId;
}

/** The actor, or 401: services are also called outside HTTP (CLI) and must not trust routes. */
export function actorOf(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('unauthenticated', '请先登录', 'Please log in');
  return ctx.actor;
}

/** Holds `perm` somewhere at all — checked first, so callers without it get 403 before 404/400. */
export function requireSome(ctx: Ctx, perm: Permission): Actor {
  const actor = actorOf(ctx);
  if (!can(actor, perm)) throw forbidden();
  return actor;
}

export function requireScope(actor: Actor, perm: Permission, scope: Scope): void {
  if (!can(actor, perm, scope)) throw forbidden();
}

/** Center subtrees the actor may read the organisation of (department of the grant ignored). */
export function orgReadPaths(actor: Actor): string[] {
  const paths = scopesFor(actor, 'org:read')
    .map((g) => g.centerPath)
    .filter((p): p is string => !!p);
  // a path inside another one adds nothing
  return [...new Set(paths)].filter((p, _, all) => !all.some((q) => q !== p && p.startsWith(q)));
}

export function canReadOrg(actor: Actor, centerPath: string): boolean {
  return orgReadPaths(actor).some((p) => centerPath.startsWith(p));
}

export function requireOrgRead(actor: Actor, centerPath: string): void {
  if (!canReadOrg(actor, centerPath)) throw forbidden();
}

/** Scopes under which the actor holds `perm`, as filters for list queries. */
export function visibilityFor(actor: Actor, perm: Permission): Visibility[] {
  return scopesFor(actor, perm)
    .filter((g) => !!g.centerPath)
    .map((g) => ({ path: g.centerPath!, departmentId: g.departmentId }));
}
