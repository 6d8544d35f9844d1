import type { AdminItemDetail } from '../../../contracts/catalogue-api.js';
import { AppError, conflict, invalid } from '../../../domain/errors.js';
import { findDraft, lockItem } from '../../repositories/items.js';
import { type Ctx, inTx } from '../context.js';
import { getItemRow, itemScope, requirePermission } from './access.js';
import { buildItemDetail } from './detail.js';
import { publishProblems } from './problems.js';
import { readData } from './version-row.js';
import { publishDraftTx } from './writes.js';

/**
 * Publishes the item's draft as its new public version; the previous one is retired (kept:
 * cases reference it). Errors: notFound, forbidden (catalogue:publish over the item),
 * invalidState (no draft), conflict (stale draft version), validation (every publish-rule
 * problem, fields as JSON paths into ItemData).
 */
export async function publishItem(ctx: Ctx, itemId: string, body: { version: number }): Promise<AdminItemDetail> {
  requirePermission(ctx, 'catalogue:publish'); // anywhere first: 403 before 404/400
  return inTx(ctx.deps, async (trx) => {
    await lockItem(trx, ctx.deps.db.dialect, itemId);
    const item = await getItemRow(trx, itemId);
    requirePermission(ctx, 'catalogue:publish', itemScope(item));
    const draft = await findDraft(trx, itemId);
    if (!draft) throw new AppError('invalidState', '事项没有待发布的草稿', 'The item has no draft to publish');
    if (draft.version !== body.version) throw conflict('事项草稿', 'The item draft');
    const data = readData(draft);
    const problems = await publishProblems(trx, item.center_id, data);
    if (problems.length) throw invalid(problems);
    await publishDraftTx(trx, ctx, item, draft, body.version, data);
    return buildItemDetail(trx, ctx.deps.db.dialect, ctx, itemId);
  });
}
