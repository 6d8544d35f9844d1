/** The admin views of items: one row of the list, and an item with its versions and moves. */
import type { AdminItemDetail, AdminItemSummary, ItemAction } from '../../../contracts/catalogue-api.js';
import type { HandlingClass, ItemStatus, OnlineDepth } from '../../../contracts/catalogue.js';
import { availableItemMoves } from '../../../domain/catalogue/index.js';
import { notFound } from '../../../domain/errors.js';
import { can } from '../../../domain/permissions.js';
import type { Dialect } from '../../db/dialect.js';
import { type AdminItemRow, findAdminItem, findDraft, findVersionById, findItem, listVersionSummaries } from '../../repositories/items.js';
import type { Ctx, Executor } from '../context.js';
import { itemScope, requirePermission } from './access.js';
import { toVersionView } from './version-row.js';

export function toSummary(r: AdminItemRow): AdminItemSummary {
  const hasDraft = r.latest_status === 'draft';
  return {
    id: r.id,
    centerId: r.center_id,
    code: r.code,
    name: r.name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    handlingClass: r.handling_class as HandlingClass,
    onlineDepth: r.online_depth as OnlineDepth,
    status: (r.public_status ?? r.latest_status) as ItemStatus,
    hasDraft,
    latestVersionNo: r.latest_version_no,
    draftVersionNo: hasDraft ? r.latest_version_no : null,
    publishedVersionNo: r.public_version_no ?? null,
    updatedAt: r.updated_at,
  };
}

/**
 * The item as the editor shows it. Errors: notFound; forbidden without catalogue:read over
 * the item.
 */
export async function buildItemDetail(db: Executor, dialect: Dialect, ctx: Ctx, itemId: string): Promise<AdminItemDetail> {
  const item = await findItem(db, itemId);
  const row = item && (await findAdminItem(db, dialect, itemId));
  if (!item || !row) throw notFound('事项', 'Item');
  const scope = itemScope(item);
  requirePermission(ctx, 'catalogue:read', scope);
  const [versions, draft, published] = await Promise.all([
    listVersionSummaries(db, itemId),
    findDraft(db, itemId),
    item.published_version_id ? findVersionById(db, item.published_version_id) : Promise.resolve(undefined),
  ]);
  const summary = toSummary(row);
  const actions: ItemAction[] = availableItemMoves(
    { publicStatus: (published?.status as 'published' | 'suspended' | undefined) ?? null, hasDraft: !!draft, hasAnyVersion: versions.length > 0 },
    { edit: can(ctx.actor, 'catalogue:edit', scope), publish: can(ctx.actor, 'catalogue:publish', scope) },
  );
  return {
    item: summary,
    versions: versions.map((v) => ({
      id: v.id, versionNo: v.version_no, status: v.status as ItemStatus, name: v.name,
      createdAt: v.created_at, updatedAt: v.updated_at, publishedAt: v.published_at, version: v.version,
    })),
    draft: draft ? toVersionView(draft) : null,
    published: published ? toVersionView(published) : null,
    actions,
  };
}
