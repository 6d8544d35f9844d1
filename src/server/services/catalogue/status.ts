/** Suspend (暂停办理), resume and retire (废止) the item's public version. */
import type { AdminItemDetail } from '../../../contracts/catalogue-api.js';
import { lockItem } from '../../repositories/items.js';
import { type Ctx, inTx } from '../context.js';
import { getItemRow, itemScope, requirePermission } from './access.js';
import { buildItemDetail } from './detail.js';
import { changePublicStatusTx } from './writes.js';

export interface StatusChange {
  /** `version` of the public version as read */
  version: number;
  reason?: string;
}

async function change(ctx: Ctx, itemId: string, action: 'suspend' | 'resume' | 'retire', body: StatusChange): Promise<AdminItemDetail> {
  requirePermission(ctx, 'catalogue:publish'); // anywhere first: 403 before 404/400
  return inTx(ctx.deps, async (trx) => {
    await lockItem(trx, ctx.deps.db.dialect, itemId);
    const item = await getItemRow(trx, itemId);
    requirePermission(ctx, 'catalogue:publish', itemScope(item));
    await changePublicStatusTx(trx, ctx, item, action, body.version, body.reason);
    return buildItemDetail(trx, ctx.deps.db.dialect, ctx, itemId);
  });
}

/**
 * No new applications; the guide page still shows the item, marked 暂停办理.
 * Errors: notFound, forbidden (catalogue:publish), invalidState (not published), conflict (stale version).
 */
export const suspendItem = (ctx: Ctx, itemId: string, body: StatusChange) => change(ctx, itemId, 'suspend', body);

/** Back to published. Errors: as suspendItem (invalidState unless suspended). */
export const resumeItem = (ctx: Ctx, itemId: string, body: StatusChange) => change(ctx, itemId, 'resume', body);

/**
 * Withdraws the item: its public version is retired and it leaves public search; a pending
 * draft stays and may be published later. Errors: as suspendItem.
 */
export const retireItem = (ctx: Ctx, itemId: string, body: StatusChange) => change(ctx, itemId, 'retire', body);
