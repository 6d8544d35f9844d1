/** Editing: save the draft, or start a new draft from the published version. */
import { ItemData, type ItemDataInput } from '../../../contracts/catalogue.js';
import type { AdminItemDetail } from '../../../contracts/catalogue-api.js';
import { AppError, invalid } from '../../../domain/errors.js';
import { findDraft, findVersionById, findVersionByNo, lockItem } from '../../repositories/items.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, inTx } from '../context.js';
import { getItemRow, itemScope, requirePermission } from './access.js';
import { buildItemDetail } from './detail.js';
import { saveProblems } from './problems.js';
import { readData } from './version-row.js';
import { insertVersionTx, saveDraftTx } from './writes.js';

const noDraft = () => new AppError('invalidState', '事项没有草稿，请先新建草稿', 'The item has no draft; start a new draft first');

/**
 * Replaces the draft's data. A deptLeader may also move the item only to a department they
 * may edit. Errors: notFound, forbidden (catalogue:edit over the item and its new department),
 * invalidState (no draft), validation (save rules; `code` cannot change), conflict (stale version).
 */
export async function saveDraft(ctx: Ctx, itemId: string, body: { version: number; data: ItemDataInput }): Promise<AdminItemDetail> {
  requirePermission(ctx, 'catalogue:edit'); // anywhere first: 403 before 404/400
  const data = ItemData.parse(body.data);
  return inTx(ctx.deps, async (trx) => {
    await lockItem(trx, ctx.deps.db.dialect, itemId);
    const item = await getItemRow(trx, itemId);
    requirePermission(ctx, 'catalogue:edit', itemScope(item));
    requirePermission(ctx, 'catalogue:edit', { centerPath: item.center_path, departmentId: data.departmentId });
    const draft = await findDraft(trx, itemId);
    if (!draft) throw noDraft();
    const problems = await saveProblems(trx, item.center_id, data);
    if (problems.length) throw invalid(problems);
    await saveDraftTx(trx, ctx, item, draft, body.version, data);
    return buildItemDetail(trx, ctx.deps.db.dialect, ctx, itemId);
  });
}

/**
 * New draft v(n+1) copied from the published (or suspended) version; for a retired item, from
 * its latest version. Errors: notFound, forbidden (catalogue:edit), invalidState (a draft exists).
 */
export async function newDraft(ctx: Ctx, itemId: string): Promise<AdminItemDetail> {
  requirePermission(ctx, 'catalogue:edit'); // anywhere first: 403 before 404/400
  return inTx(ctx.deps, async (trx) => {
    await lockItem(trx, ctx.deps.db.dialect, itemId);
    const item = await getItemRow(trx, itemId);
    requirePermission(ctx, 'catalogue:edit', itemScope(item));
    if (await findDraft(trx, itemId)) {
      throw new AppError('invalidState', '事项已有草稿，请直接编辑该草稿', 'The item already has a draft; edit that one');
    }
    const source = item.published_version_id
      ? await findVersionById(trx, item.published_version_id)
      : await findVersionByNo(trx, itemId, item.latest_version_no);
    if (!source) throw noDraft();
    const versionNo = item.latest_version_no + 1;
    await insertVersionTx(trx, ctx, itemId, versionNo, readData(source), 'draft');
    await recordAction(trx, ctx, { entity: 'item', entityId: itemId, action: 'newDraft', payload: { versionNo, fromVersionNo: source.version_no } });
    return buildItemDetail(trx, ctx.deps.db.dialect, ctx, itemId);
  });
}
