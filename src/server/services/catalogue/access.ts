/** Loading an item and checking the actor's permission over it (center subtree, department). */
import { forbidden, notFound } from '../../../domain/errors.js';
import { can, type Permission, type Scope } from '../../../domain/permissions.js';
import { findItem, type ItemRow } from '../../repositories/items.js';
import type { Ctx, Executor } from '../context.js';

export function itemScope(item: Pick<ItemRow, 'center_path' | 'department_id'>): Scope {
  return { centerPath: item.center_path, departmentId: item.department_id };
}

export function requirePermission(ctx: Ctx, perm: Permission, scope?: Scope): void {
  if (!can(ctx.actor, perm, scope)) throw forbidden();
}

/** The item, or notFound. */
export async function getItemRow(db: Executor, id: string): Promise<ItemRow> {
  const item = await findItem(db, id);
  if (!item) throw notFound('事项', 'Item');
  return item;
}

/** The id recorded as creator/publisher: null for the system itself. */
export function actorId(ctx: Ctx): string | null {
  return ctx.actor && ctx.actor.userId !== 'system' ? ctx.actor.userId : null;
}
