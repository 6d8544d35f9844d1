/**
 * Who may do what to a bundle. A bundle spans departments, so it belongs to its center alone:
 * writing it takes a center-wide grant (catalogue:edit / catalogue:publish with no department)
 * over the bundle's center; reading it, catalogue:read anywhere above it, whatever department.
 */
import { forbidden, notFound } from '../../../domain/errors.js';
import { type Actor, type Permission, scopesFor } from '../../../domain/permissions.js';
import { type BundleRow, findBundle } from '../../repositories/bundles.js';
import type { Ctx, Executor } from '../context.js';

type WritePerm = Extract<Permission, 'catalogue:edit' | 'catalogue:publish'>;

function paths(actor: Actor | null, perm: Permission, centerWide: boolean): string[] {
  if (!actor) return [];
  return scopesFor(actor, perm)
    .filter((g) => g.centerPath && (!centerWide || g.departmentId === null))
    .map((g) => g.centerPath as string);
}

/** May the actor write (`perm`) bundles of the center at `centerPath` — or anywhere, when omitted? */
export function canWriteBundle(actor: Actor | null, perm: WritePerm, centerPath?: string): boolean {
  return paths(actor, perm, true).some((p) => centerPath === undefined || centerPath.startsWith(p));
}

export function requireBundleWrite(ctx: Ctx, perm: WritePerm, centerPath?: string): void {
  if (!canWriteBundle(ctx.actor, perm, centerPath)) throw forbidden();
}

/** Center paths under which the actor reads bundles. */
export function bundleReadPaths(actor: Actor | null): string[] {
  return paths(actor, 'catalogue:read', false);
}

export function requireBundleRead(ctx: Ctx, centerPath?: string): void {
  if (!bundleReadPaths(ctx.actor).some((p) => centerPath === undefined || centerPath.startsWith(p))) throw forbidden();
}

/** The bundle, or notFound. */
export async function getBundleRow(db: Executor, id: string): Promise<BundleRow> {
  const row = await findBundle(db, id);
  if (!row) throw notFound('“一件事”', 'Bundle');
  return row;
}
