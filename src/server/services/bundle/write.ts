/** Creating and editing a bundle's definition. */
import { randomUUID } from 'node:crypto';
import { type AdminBundleDetail, BundleData, type CreateBundleBody, type UpdateBundleBody } from '../../../contracts/bundle.js';
import { type BundleStatusName, validateBundleForPublish, validateBundleForSave } from '../../../domain/bundle/index.js';
import { AppError, conflict, fieldError, invalid } from '../../../domain/errors.js';
import { scopesFor } from '../../../domain/permissions.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { findBundleByCode, insertBundle, updateBundle as updateRow } from '../../repositories/bundles.js';
import { findCenter } from '../../repositories/items.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, inTx, nowIso } from '../context.js';
import { getBundleRow, requireBundleWrite } from './access.js';
import { buildBundleDetail } from './detail.js';
import { itemRefs, resolveItems } from './items.js';
import { dataColumns } from './row.js';

const duplicateCode = (code: string) =>
  new AppError('conflict', `“一件事”编码“${code}”已存在`, `Bundle code "${code}" already exists`, [
    fieldError('code', '编码已存在', 'This code already exists'),
  ]);

/** The center a new bundle goes to: given, or the one the actor's center-wide catalogue:edit grant names. */
async function targetCenter(ctx: Ctx, centerId: string | undefined) {
  const id = centerId ?? (ctx.actor ? scopesFor(ctx.actor, 'catalogue:edit').find((g) => g.centerId && g.departmentId === null)?.centerId : undefined);
  if (!id) throw invalid([fieldError('centerId', '请指定中心', 'Say which center (centerId)')]);
  const center = await findCenter(ctx.deps.db.kysely, id);
  if (!center) throw invalid([fieldError('centerId', '中心不存在', 'No such center')]);
  return center;
}

/**
 * A new draft bundle in the center. Errors: forbidden (catalogue:edit center-wide over the
 * center), validation (save rules: code, names, stages, items unknown or outside the center's
 * subtree), conflict (code already used in the center, field `code`).
 */
export async function createBundle(ctx: Ctx, body: CreateBundleBody): Promise<AdminBundleDetail> {
  requireBundleWrite(ctx, 'catalogue:edit'); // anywhere first: 403 before 400
  const { centerId, ...rest } = body;
  const data = BundleData.parse(rest);
  const center = await targetCenter(ctx, centerId);
  requireBundleWrite(ctx, 'catalogue:edit', center.path);
  return inTx(ctx.deps, async (trx) => {
    const problems = validateBundleForSave(data, itemRefs(await resolveItems(trx, data.stages, center.path)));
    if (problems.length) throw invalid(problems);
    if (await findBundleByCode(trx, center.id, data.code)) throw duplicateCode(data.code);
    const at = nowIso(ctx.deps);
    const id = randomUUID();
    try {
      await insertBundle(trx, {
        id, center_id: center.id, code: data.code, ...dataColumns(data), status: 'draft', published_at: null, version: 1, created_at: at, updated_at: at,
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicateCode(data.code);
      throw e;
    }
    await recordAction(trx, ctx, { entity: 'bundle', entityId: id, action: 'create', payload: { code: data.code, centerId: center.id, stages: data.stages } });
    return buildBundleDetail(trx, ctx, await getBundleRow(trx, id));
  });
}

/**
 * Replaces the definition (optimistic on `version`). The code never changes. A published bundle
 * stays published, so its edit must pass the publish rules.
 * Errors: forbidden, notFound, validation (save or publish rules; `code` changed), conflict (stale version).
 */
export async function updateBundle(ctx: Ctx, id: string, body: UpdateBundleBody): Promise<AdminBundleDetail> {
  requireBundleWrite(ctx, 'catalogue:edit'); // anywhere first: 403 before 404/400
  const { version, ...rest } = body;
  const data = BundleData.parse(rest);
  return inTx(ctx.deps, async (trx) => {
    const row = await getBundleRow(trx, id);
    requireBundleWrite(ctx, 'catalogue:edit', row.center_path);
    if (row.version !== version) throw conflict('“一件事”', 'The bundle');
    if (data.code !== row.code) throw invalid([fieldError('code', '编码不能修改', 'The code cannot be changed')]);
    const refs = itemRefs(await resolveItems(trx, data.stages, row.center_path));
    const live = (row.status as BundleStatusName) === 'published';
    const problems = live ? validateBundleForPublish(data, refs) : validateBundleForSave(data, refs);
    if (problems.length) throw invalid(problems);
    if (!(await updateRow(trx, id, version, { ...dataColumns(data), updated_at: nowIso(ctx.deps) }))) throw conflict('“一件事”', 'The bundle');
    await recordAction(trx, ctx, { entity: 'bundle', entityId: id, action: 'update', payload: { stages: data.stages, status: row.status } });
    return buildBundleDetail(trx, ctx, await getBundleRow(trx, id));
  });
}
