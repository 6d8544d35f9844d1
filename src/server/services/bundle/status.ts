/** Publishing and retiring a bundle. */
import type { AdminBundleDetail, BundleStatusBody } from '../../../contracts/bundle.js';
import { type BundleStatusName, nextBundleStatus, validateBundleForPublish } from '../../../domain/bundle/index.js';
import { conflict, invalid } from '../../../domain/errors.js';
import { updateBundle as updateRow } from '../../repositories/bundles.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, inTx, nowIso } from '../context.js';
import { getBundleRow, requireBundleWrite } from './access.js';
import { buildBundleDetail } from './detail.js';
import { itemRefs, resolveItems } from './items.js';
import { defOf } from './row.js';

/**
 * Publishes the bundle (from draft, or again after it was retired): the publish rules run on the
 * items as they are now. Errors: forbidden (catalogue:publish center-wide), notFound,
 * invalidState (already published), conflict (stale version), validation (every rule problem:
 * fewer than 2 items, an empty stage, an item twice, unpublished or out of scope, > 10 stages).
 */
export async function publishBundle(ctx: Ctx, id: string, body: BundleStatusBody): Promise<AdminBundleDetail> {
  requireBundleWrite(ctx, 'catalogue:publish'); // anywhere first: 403 before 404/400
  return inTx(ctx.deps, async (trx) => {
    const row = await getBundleRow(trx, id);
    requireBundleWrite(ctx, 'catalogue:publish', row.center_path);
    const status = nextBundleStatus(row.status as BundleStatusName, 'publish');
    if (row.version !== body.version) throw conflict('“一件事”', 'The bundle');
    const def = defOf(row);
    const problems = validateBundleForPublish(def, itemRefs(await resolveItems(trx, def.stages, row.center_path)));
    if (problems.length) throw invalid(problems);
    const at = nowIso(ctx.deps);
    if (!(await updateRow(trx, id, body.version, { status, published_at: at, updated_at: at }))) throw conflict('“一件事”', 'The bundle');
    await recordAction(trx, ctx, { entity: 'bundle', entityId: id, action: 'publish', payload: { code: row.code, from: row.status, ...(body.reason ? { reason: body.reason } : {}) } });
    return buildBundleDetail(trx, ctx, await getBundleRow(trx, id));
  });
}

/**
 * Withdraws a published bundle from the public pages; its items are untouched.
 * Errors: forbidden, notFound, invalidState (not published), conflict (stale version).
 */
export async function retireBundle(ctx: Ctx, id: string, body: BundleStatusBody): Promise<AdminBundleDetail> {
  requireBundleWrite(ctx, 'catalogue:publish'); // anywhere first: 403 before 404/400
  return inTx(ctx.deps, async (trx) => {
    const row = await getBundleRow(trx, id);
    requireBundleWrite(ctx, 'catalogue:publish', row.center_path);
    const status = nextBundleStatus(row.status as BundleStatusName, 'retire');
    if (row.version !== body.version) throw conflict('“一件事”', 'The bundle');
    if (!(await updateRow(trx, id, body.version, { status, updated_at: nowIso(ctx.deps) }))) throw conflict('“一件事”', 'The bundle');
    await recordAction(trx, ctx, { entity: 'bundle', entityId: id, action: 'retire', payload: { code: row.code, ...(body.reason ? { reason: body.reason } : {}) } });
    return buildBundleDetail(trx, ctx, await getBundleRow(trx, id));
  });
}
