/**
 * The item an applicant applies for: its published version (a suspended or retired item takes no
 * applications), the form (the version's `formSchema`) and the materials checklist. Items the
 * catalogue marks for the window only (`onlineDepth: window`) show their form but take no online
 * application.
 */
import type { ItemData } from '../../../contracts/catalogue.js';
import type { ItemForm } from '../../../contracts/hall-apply.js';
import { AppError, fieldError, invalid, notFound } from '../../../domain/errors.js';
import type { ItemVersionsTable } from '../../db/schema.js';
import { findDepartmentById } from '../../repositories/departments.js';
import { findItem, findVersionById, type ItemRow } from '../../repositories/items.js';
import { publicFileUrl } from '../catalogue/guide.js';
import { readData } from '../catalogue/version-row.js';
import type { Ctx, Executor } from '../context.js';
import { UPLOAD_TYPES } from './uploads.js';

/** Working days a clerk has for the online pre-review (网上预审, DESIGN §4 Clock). */
export const PREREVIEW_WORKDAYS = 2;

export interface OnlineItem {
  item: ItemRow;
  version: ItemVersionsTable;
  data: ItemData;
}

/** The item's published version, or null (unknown, never published, suspended, retired). */
export async function publishedItem(db: Executor, itemId: string): Promise<OnlineItem | null> {
  const item = await findItem(db, itemId);
  const version = item?.published_version_id ? await findVersionById(db, item.published_version_id) : undefined;
  if (!item || !version || version.status !== 'published') return null;
  return { item, version, data: readData(version) };
}

/**
 * The item an application may be made for now. Errors: validation (`field`: unknown or not
 * published), unprocessable (422: window only).
 */
export async function onlineItem(db: Executor, itemId: string, field = 'itemId'): Promise<OnlineItem> {
  const it = await publishedItem(db, itemId);
  if (!it) throw invalid([fieldError(field, `${field}：事项不存在、未发布或已暂停办理`, `${field}: the item does not exist, is not published or is suspended`)]);
  if (it.data.onlineDepth === 'window') {
    throw new AppError('unprocessable', `「${it.data.name}」需到中心窗口办理，暂不支持网上申报`, `"${it.data.name}" is handled at the window only; it cannot be applied for online`, [
      fieldError(field, `${field}：该事项不支持网上申报`, `${field}: the item cannot be applied for online`),
    ]);
  }
  return it;
}

/** `GET /api/v1/public/items/:id/form`. Errors: notFound. */
export async function itemForm(ctx: Ctx, itemId: string): Promise<ItemForm> {
  const db = ctx.deps.db.kysely;
  const it = await publishedItem(db, itemId);
  if (!it) throw notFound('事项', 'Item');
  const dept = await findDepartmentById(db, it.version.department_id);
  const url = (id: string | null) => (id ? publicFileUrl(id) : null);
  return {
    itemId: it.item.id,
    versionId: it.version.id,
    versionNo: it.version.version_no,
    code: it.data.code,
    name: it.data.name,
    departmentName: dept?.name ?? '',
    onlineDepth: it.data.onlineDepth,
    applyOnline: it.data.onlineDepth !== 'window',
    formSchema: it.data.formSchema,
    materials: it.data.materials.map((m) => ({
      code: m.code, name: m.name, required: m.required, form: m.form, copies: m.copies, notes: m.notes,
      sampleFileUrl: url(m.sampleFileId), blankFileUrl: url(m.blankFileId),
    })),
    upload: { types: UPLOAD_TYPES, maxMb: ctx.deps.config.uploadMaxMb },
    prereviewDays: PREREVIEW_WORKDAYS,
  };
}
