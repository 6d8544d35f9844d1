/** The admin view of one bundle: its definition, the combined preview, the publish problems and the actor's moves. */
import type { AdminBundleDetail } from '../../../contracts/bundle.js';
import { availableBundleMoves, type BundleStatusName, validateBundleForPublish } from '../../../domain/bundle/index.js';
import type { BundleRow } from '../../repositories/bundles.js';
import type { Ctx, Executor } from '../context.js';
import { canWriteBundle } from './access.js';
import { buildCombined, itemRefs, resolveItems } from './items.js';
import { defOf, toBundleSummary } from './row.js';

export async function buildBundleDetail(db: Executor, ctx: Ctx, row: BundleRow): Promise<AdminBundleDetail> {
  const def = defOf(row);
  const items = await resolveItems(db, def.stages, row.center_path);
  return {
    ...toBundleSummary(row),
    summary: row.summary,
    stages: def.stages,
    createdAt: row.created_at,
    preview: buildCombined(def.stages, items),
    problems: validateBundleForPublish(def, itemRefs(items)),
    actions: availableBundleMoves(row.status as BundleStatusName, {
      edit: canWriteBundle(ctx.actor, 'catalogue:edit', row.center_path),
      publish: canWriteBundle(ctx.actor, 'catalogue:publish', row.center_path),
    }),
  };
}
