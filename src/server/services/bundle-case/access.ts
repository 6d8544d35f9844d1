/**
 * Who may act on a bundle run. A run spans departments, so its scope is its center plus the
 * departments of its items: a grant over the center that is center-wide (a comprehensive window,
 * the supervision office) or held in one of those departments covers it — a clerk of another
 * department, or of another center, is refused (403).
 *
 * The run's child cases are opened and accepted in the name of the clerk who accepted the run (一窗
 * 受理: the bundle's window takes in for every item), whatever department each item belongs to;
 * after that each child case is the department's, under the usual case rules.
 */
import type { CaseActor } from '../../../domain/case/index.js';
import { forbidden, notFound } from '../../../domain/errors.js';
import { type Actor, type Permission, type Role, ROLE_PERMISSIONS, scopesFor } from '../../../domain/permissions.js';
import { type BundleRunRow, findBundleRun, type RunScopeGrant } from '../../repositories/bundle-runs.js';
import type { Ctx, Executor } from '../context.js';

/** The window roles first: the role the actor acts in when several grants cover the run. */
const ROLE_ORDER: readonly Role[] = ['clerk', 'chiefRep', 'deptLeader', 'reviewer', 'supervisor', 'centerAdmin'];

export interface RunScope {
  centerPath: string;
  departmentIds: readonly string[];
}

export const runScopeOf = (row: Pick<BundleRunRow, 'center_path' | 'department_ids'>): RunScope => ({
  centerPath: row.center_path,
  departmentIds: row.department_ids.split(' ').filter(Boolean),
});

/** 403 unless the actor holds every one of `perms` somewhere: refused before anything is looked up. */
export function requireRunPermission(ctx: Ctx, ...perms: Permission[]): Actor {
  const actor = ctx.actor;
  if (!actor || !perms.every((p) => scopesFor(actor, p).length > 0)) throw forbidden();
  return actor;
}

/** The actor as the case rules see them over the run, holding every one of `perms` in one grant; 403 otherwise. */
export function runActorFor(actor: Actor, scope: RunScope, ...perms: Permission[]): CaseActor {
  const grants = actor.grants
    .filter((g) => perms.every((p) => ROLE_PERMISSIONS[g.role].includes(p)))
    .filter((g) => g.centerPath !== null && scope.centerPath.startsWith(g.centerPath))
    .filter((g) => g.departmentId === null || scope.departmentIds.includes(g.departmentId))
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
  const g = grants[0];
  if (!g) throw forbidden();
  return { id: actor.userId, role: g.role, departmentId: g.departmentId };
}

/** May the actor act with `perm` on the run? */
export function mayOnRun(actor: Actor | null, scope: RunScope, perm: Permission): boolean {
  if (!actor) return false;
  try {
    runActorFor(actor, scope, perm);
    return true;
  } catch {
    return false;
  }
}

/** The grants under which the actor reads runs (lists). */
export function runReadGrants(actor: Actor): RunScopeGrant[] {
  return scopesFor(actor, 'case:read').flatMap((g) => (g.centerPath ? [{ centerPath: g.centerPath, departmentId: g.departmentId }] : []));
}

/** The run, or 404. */
export async function getRunRow(db: Executor, id: string): Promise<BundleRunRow> {
  const row = await findBundleRun(db, id);
  if (!row) throw notFound('一件事办件', 'Bundle run');
  return row;
}
