/** Staff reads: the list and one bundle. */
import type { AdminBundleDetail, AdminBundlesQuery, BundleList } from '../../../contracts/bundle.js';
import { forbidden } from '../../../domain/errors.js';
import { listAdminBundles } from '../../repositories/bundles.js';
import type { Ctx } from '../context.js';
import { bundleReadPaths, getBundleRow, requireBundleRead } from './access.js';
import { buildBundleDetail } from './detail.js';
import { toBundleSummary } from './row.js';

/** Bundles of the centers inside the actor's catalogue:read scope. Errors: forbidden. */
export async function listBundles(ctx: Ctx, q: AdminBundlesQuery): Promise<BundleList> {
  const centerPaths = bundleReadPaths(ctx.actor);
  if (centerPaths.length === 0) throw forbidden();
  const { rows, total } = await listAdminBundles(ctx.deps.db.kysely, ctx.deps.db.dialect, {
    centerPaths, q: q.q || undefined, centerId: q.centerId, status: q.status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(toBundleSummary), total };
}

/** Errors: forbidden (catalogue:read over the bundle's center), notFound. */
export async function getBundle(ctx: Ctx, id: string): Promise<AdminBundleDetail> {
  requireBundleRead(ctx); // anywhere first: 403 before 404
  const db = ctx.deps.db.kysely;
  const row = await getBundleRow(db, id);
  requireBundleRead(ctx, row.center_path);
  return buildBundleDetail(db, ctx, row);
}
