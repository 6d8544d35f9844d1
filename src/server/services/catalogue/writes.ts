/**
 * The catalogue's writes inside a caller's transaction, shared by the use cases and the import.
 * No permission checks here (callers do them); every write records its action row.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { ItemData } from '../../../contracts/catalogue.js';
import { type ItemLifecycleAction, type ItemStatusName, nextItemStatus } from '../../../domain/catalogue/index.js';
import { AppError, conflict, fieldError, invalid } from '../../../domain/errors.js';
import { isUniqueViolation } from '../../db/dialect.js';
import type { Database, ItemVersionsTable } from '../../db/schema.js';
import { markFilesPublic } from '../../repositories/files.js';
import {
  findDepartmentsByIds,
  findItemByCode,
  findVersionById,
  insertItem,
  insertVersion,
  type ItemRow,
  updateItem,
  updateVersion,
} from '../../repositories/items.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, nowIso } from '../context.js';
import { actorId } from './access.js';
import { referencedFileIds, versionColumns } from './version-row.js';

type Trx = Transaction<Database>;

const duplicateCode = (code: string) =>
  new AppError('conflict', `事项编码“${code}”已存在`, `Item code "${code}" already exists`, [
    fieldError('code', '事项编码已存在', 'This item code already exists'),
  ]);

async function departmentName(trx: Trx, id: string): Promise<string> {
  const [d] = await findDepartmentsByIds(trx, [id]);
  return d?.name ?? '';
}

/** Inserts version `versionNo` of the item with `status` and bumps the item's latest number. */
export async function insertVersionTx(trx: Trx, ctx: Ctx, itemId: string, versionNo: number, data: ItemData, status: ItemStatusName): Promise<ItemVersionsTable> {
  const at = nowIso(ctx.deps);
  const row: ItemVersionsTable = {
    id: randomUUID(),
    item_id: itemId,
    version_no: versionNo,
    status,
    ...versionColumns(data, await departmentName(trx, data.departmentId)),
    created_by: actorId(ctx),
    created_at: at,
    updated_at: at,
    published_at: null,
    published_by: null,
    version: 1,
  };
  await insertVersion(trx, row);
  await updateItem(trx, itemId, { latest_version_no: versionNo, department_id: data.departmentId, updated_at: at });
  return row;
}

/** A new item in `centerId` with `data` as draft v1. Throws conflict (field `code`) on a duplicate code. */
export async function createItemTx(trx: Trx, ctx: Ctx, centerId: string, data: ItemData): Promise<{ itemId: string; draft: ItemVersionsTable }> {
  if (await findItemByCode(trx, centerId, data.code)) throw duplicateCode(data.code);
  const at = nowIso(ctx.deps);
  const itemId = randomUUID();
  try {
    await insertItem(trx, {
      id: itemId, center_id: centerId, code: data.code, department_id: data.departmentId, published_version_id: null,
      latest_version_no: 0, version: 1, created_at: at, updated_at: at,
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateCode(data.code);
    throw e;
  }
  const draft = await insertVersionTx(trx, ctx, itemId, 1, data, 'draft');
  await recordAction(trx, ctx, { entity: 'item', entityId: itemId, action: 'create', payload: { code: data.code, versionNo: 1 } });
  return { itemId, draft };
}

/** Replaces the draft's data (optimistic on `version`). */
export async function saveDraftTx(trx: Trx, ctx: Ctx, item: ItemRow, draft: ItemVersionsTable, version: number, data: ItemData): Promise<void> {
  if (data.code !== item.code) {
    throw invalid([fieldError('code', '事项编码不能修改', 'The item code cannot be changed')]);
  }
  const at = nowIso(ctx.deps);
  const cols = versionColumns(data, await departmentName(trx, data.departmentId));
  if (!(await updateVersion(trx, draft.id, version, { ...cols, updated_at: at }))) throw conflict('事项草稿', 'The item draft');
  await updateItem(trx, item.id, { department_id: data.departmentId, updated_at: at });
  await recordAction(trx, ctx, { entity: 'item', entityId: item.id, action: 'saveDraft', payload: { versionNo: draft.version_no } });
}

/**
 * Publishes the draft: the previous public version (published or suspended) is superseded
 * (retired), the item points at the draft, and the draft's forms become public files.
 * The caller has checked the publish rules.
 */
export async function publishDraftTx(trx: Trx, ctx: Ctx, item: ItemRow, draft: ItemVersionsTable, version: number, data: ItemData): Promise<void> {
  const at = nowIso(ctx.deps);
  const status = nextItemStatus(draft.status as ItemStatusName, 'publish');
  let retiredVersionNo: number | null = null;
  if (item.published_version_id) {
    const old = await findVersionById(trx, item.published_version_id);
    if (old) {
      const oldStatus = nextItemStatus(old.status as ItemStatusName, 'supersede');
      if (!(await updateVersion(trx, old.id, old.version, { status: oldStatus, updated_at: at }))) throw conflict('事项', 'The item');
      retiredVersionNo = old.version_no;
    }
  }
  const published = await updateVersion(trx, draft.id, version, { status, published_at: at, published_by: actorId(ctx), updated_at: at });
  if (!published) throw conflict('事项草稿', 'The item draft');
  await updateItem(trx, item.id, { published_version_id: draft.id, department_id: data.departmentId, updated_at: at });
  await markFilesPublic(trx, referencedFileIds(data));
  await recordAction(trx, ctx, {
    entity: 'item', entityId: item.id, action: 'publish', payload: { versionNo: draft.version_no, retiredVersionNo },
  });
}

/** suspend / resume / retire the public version (optimistic on its `version`). */
export async function changePublicStatusTx(
  trx: Trx,
  ctx: Ctx,
  item: ItemRow,
  action: Extract<ItemLifecycleAction, 'suspend' | 'resume' | 'retire'>,
  version: number | null,
  reason?: string,
): Promise<void> {
  const current = item.published_version_id ? await findVersionById(trx, item.published_version_id) : undefined;
  if (!current) {
    throw new AppError('invalidState', '事项没有已发布的版本', 'The item has no published version');
  }
  const status = nextItemStatus(current.status as ItemStatusName, action);
  const at = nowIso(ctx.deps);
  if (!(await updateVersion(trx, current.id, version ?? current.version, { status, updated_at: at }))) throw conflict('事项', 'The item');
  if (action === 'retire') await updateItem(trx, item.id, { published_version_id: null, updated_at: at });
  else await updateItem(trx, item.id, { updated_at: at });
  await recordAction(trx, ctx, {
    entity: 'item', entityId: item.id, action, payload: { versionNo: current.version_no, ...(reason ? { reason } : {}) },
  });
}
