import { ItemData, type ItemDataInput } from '../../../contracts/catalogue.js';
import type { ValidateItemReply } from '../../../contracts/catalogue-api.js';
import { AppError, fieldError, invalid } from '../../../domain/errors.js';
import { findDepartmentsByIds, findDraft } from '../../repositories/items.js';
import type { Ctx } from '../context.js';
import { getItemRow, itemScope, requirePermission } from './access.js';
import { publishProblems } from './problems.js';
import { readData } from './version-row.js';

/**
 * The publish-rule problems of `data` (or of the item's draft when no data is given), without
 * saving anything; `itemId` null checks data for a new item. Errors: notFound, forbidden
 * (catalogue:read), invalidState (no data and no draft), validation (unknown department of new data).
 */
export async function validateItem(ctx: Ctx, itemId: string | null, input?: ItemDataInput): Promise<ValidateItemReply> {
  requirePermission(ctx, 'catalogue:read'); // anywhere first: 403 before 404/400
  const db = ctx.deps.db.kysely;
  let centerId: string;
  let data: ItemData | undefined = input === undefined ? undefined : ItemData.parse(input);
  if (itemId) {
    const item = await getItemRow(db, itemId);
    requirePermission(ctx, 'catalogue:read', itemScope(item));
    centerId = item.center_id;
    if (!data) {
      const draft = await findDraft(db, itemId);
      if (!draft) throw new AppError('invalidState', '事项没有草稿', 'The item has no draft');
      data = readData(draft);
    }
  } else {
    if (!data) throw invalid([fieldError('data', '必填', 'Required')]);
    const [dept] = await findDepartmentsByIds(db, [data.departmentId]);
    if (!dept) throw invalid([fieldError('data.departmentId', '实施部门不存在', 'The department does not exist')]);
    requirePermission(ctx, 'catalogue:read', { centerPath: dept.center_path, departmentId: dept.id });
    centerId = dept.center_id;
  }
  const problems = await publishProblems(db, centerId, data);
  return { ok: problems.length === 0, problems };
}
