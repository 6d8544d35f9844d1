/** The public pages of bundles (no login): published bundles only. */
import type { PublicBundleDetail, PublicBundleList, PublicBundlesQuery } from '../../../contracts/bundle.js';
import { bundleLimits } from '../../../domain/bundle/index.js';
import { notFound } from '../../../domain/errors.js';
import { findBundleItems, findPublicBundle, listPublicBundles as listRows } from '../../repositories/bundles.js';
import { readData } from '../catalogue/version-row.js';
import type { Ctx } from '../context.js';
import { buildCombined, resolveItems } from './items.js';
import { stagesOf, themesOf, toBundleSummary } from './row.js';

/** Published bundles, each with its one deadline. */
export async function listPublicBundles(ctx: Ctx, q: PublicBundlesQuery): Promise<PublicBundleList> {
  const db = ctx.deps.db.kysely;
  const { rows, total } = await listRows(db, ctx.deps.db.dialect, {
    q: q.q || undefined, theme: q.theme || undefined, centerId: q.centerId, limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
  });
  // the limits of every bundle on the page from one read of their items
  const itemRows = await findBundleItems(db, rows.flatMap((r) => stagesOf(r).flatMap((s) => s.itemIds)));
  const limits = new Map(itemRows.map((r) => [r.id, readData({ data: r.public_data ?? r.latest_data })]));
  return {
    total,
    items: rows.map((r) => {
      const s = toBundleSummary(r);
      const l = bundleLimits(stagesOf(r), limits);
      return {
        id: s.id, centerId: s.centerId, code: s.code, name: s.name, summary: r.summary, themes: s.themes,
        stageCount: s.stageCount, itemCount: s.itemCount, limits: { promisedLimit: l.promisedLimit, statutoryLimit: l.statutoryLimit },
      };
    }),
  };
}

/**
 * A published bundle by id or code: its stages and items, the one deadline, the combined
 * checklist, form and fee sheet. `available` is false while some item is not published (then no
 * application is taken). Errors: notFound.
 */
export async function getPublicBundle(ctx: Ctx, idOrCode: string, centerId?: string): Promise<PublicBundleDetail> {
  const db = ctx.deps.db.kysely;
  const row = await findPublicBundle(db, idOrCode, centerId);
  if (!row) throw notFound('“一件事”', 'Bundle');
  const stages = stagesOf(row);
  const items = await resolveItems(db, stages, row.center_path);
  const combined = buildCombined(stages, items, true);
  const ids = stages.flatMap((s) => s.itemIds);
  return {
    id: row.id, centerId: row.center_id, code: row.code, name: row.name, summary: row.summary, themes: themesOf(row),
    publishedAt: row.published_at,
    available: ids.length > 0 && ids.every((id) => items.get(id)?.available === true),
    ...combined,
  };
}
