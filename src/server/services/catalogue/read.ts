/** Staff reads: the list, one item, and a preview of any version. */
import type { AdminItemDetail, AdminItemList, AdminItemsQuery, ItemVersionPreview } from '../../../contracts/catalogue-api.js';
import { forbidden, notFound } from '../../../domain/errors.js';
import { scopesFor } from '../../../domain/permissions.js';
import { findVersionByNo, listAdminItems } from '../../repositories/items.js';
import type { Ctx } from '../context.js';
import { getItemRow, itemScope, requirePermission } from './access.js';
import { buildItemDetail, toSummary } from './detail.js';
import { adminFileUrl, buildGuide } from './guide.js';
import { toVersionView } from './version-row.js';

/** Items inside the actor's catalogue:read scope, latest version each. Errors: forbidden. */
export async function listItems(ctx: Ctx, q: AdminItemsQuery): Promise<AdminItemList> {
  if (!ctx.actor) throw forbidden();
  const grants = scopesFor(ctx.actor, 'catalogue:read')
    .filter((g) => g.centerPath)
    .map((g) => ({ centerPath: g.centerPath as string, departmentId: g.departmentId }));
  if (grants.length === 0) throw forbidden();
  const { rows, total } = await listAdminItems(ctx.deps.db.kysely, ctx.deps.db.dialect, {
    grants, q: q.q || undefined, departmentId: q.departmentId, centerId: q.centerId, status: q.status, handlingClass: q.handlingClass,
    limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(toSummary), total };
}

/** Errors: notFound, forbidden (catalogue:read over the item). */
export async function getItem(ctx: Ctx, itemId: string): Promise<AdminItemDetail> {
  requirePermission(ctx, 'catalogue:read'); // anywhere first: 403 before 404/400
  return buildItemDetail(ctx.deps.db.kysely, ctx.deps.db.dialect, ctx, itemId);
}

/** Any version as stored and as its guide page would look. Errors: notFound, forbidden. */
export async function previewVersion(ctx: Ctx, itemId: string, versionNo: number): Promise<ItemVersionPreview> {
  requirePermission(ctx, 'catalogue:read'); // anywhere first: 403 before 404/400
  const db = ctx.deps.db.kysely;
  const item = await getItemRow(db, itemId);
  requirePermission(ctx, 'catalogue:read', itemScope(item));
  const v = await findVersionByNo(db, itemId, versionNo);
  if (!v) throw notFound('事项版本', 'Item version');
  return { version: toVersionView(v), guide: await buildGuide(db, v, item.center_id, adminFileUrl) };
}
