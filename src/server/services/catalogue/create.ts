import type { Transaction } from 'kysely';
import { ItemData, type ItemDataInput } from '../../../contracts/catalogue.js';
import type { AdminItemDetail } from '../../../contracts/catalogue-api.js';
import { fieldError, invalid } from '../../../domain/errors.js';
import type { Permission } from '../../../domain/permissions.js';
import type { Database } from '../../db/schema.js';
import { findDepartmentsByIds } from '../../repositories/items.js';
import { type Ctx, inTx } from '../context.js';
import { getItemRow, requirePermission } from './access.js';
import { buildItemDetail } from './detail.js';
import { publishProblems, saveProblems } from './problems.js';
import { createItemTx, publishDraftTx } from './writes.js';

/** The new item's department (its center is the item's), after checking `perms` over it. */
async function homeDepartment(trx: Transaction<Database>, ctx: Ctx, data: ItemData, perms: Permission[]) {
  const [dept] = await findDepartmentsByIds(trx, [data.departmentId]);
  if (!dept) throw invalid([fieldError('departmentId', '实施部门不存在', 'The department does not exist')]);
  for (const p of perms) requirePermission(ctx, p, { centerPath: dept.center_path, departmentId: dept.id });
  return dept;
}

/**
 * Creates an item as draft v1 in its department's center.
 * Errors: validation (schema, save rules, unknown department/files), forbidden (catalogue:edit
 * over the department), conflict (code already used in the center, field `code`).
 */
export async function createItem(ctx: Ctx, input: ItemDataInput): Promise<AdminItemDetail> {
  requirePermission(ctx, 'catalogue:edit'); // anywhere first: 403 before 404/400
  const data = ItemData.parse(input);
  return inTx(ctx.deps, async (trx) => {
    const dept = await homeDepartment(trx, ctx, data, ['catalogue:edit']);
    const problems = await saveProblems(trx, dept.center_id, data);
    if (problems.length) throw invalid(problems);
    const { itemId } = await createItemTx(trx, ctx, dept.center_id, data);
    return buildItemDetail(trx, ctx.deps.db.dialect, ctx, itemId);
  });
}

/**
 * Creates an item and publishes it at once, in one transaction — for seeding and scripts (use
 * systemCtx). Errors: as createItem, plus forbidden without catalogue:publish and validation
 * with every publish-rule problem.
 */
export async function createPublishedItem(ctx: Ctx, input: ItemDataInput): Promise<AdminItemDetail> {
  const data = ItemData.parse(input);
  return inTx(ctx.deps, async (trx) => {
    const dept = await homeDepartment(trx, ctx, data, ['catalogue:edit', 'catalogue:publish']);
    const problems = await publishProblems(trx, dept.center_id, data);
    if (problems.length) throw invalid(problems);
    const { itemId, draft } = await createItemTx(trx, ctx, dept.center_id, data);
    await publishDraftTx(trx, ctx, await getItemRow(trx, itemId), draft, draft.version, data);
    return buildItemDetail(trx, ctx.deps.db.dialect, ctx, itemId);
  });
}
