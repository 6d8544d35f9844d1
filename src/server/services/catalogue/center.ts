/** The center an export/import works on: given, or the one the actor's grant names. */
import { fieldError, invalid, notFound } from '../../../domain/errors.js';
import { scopesFor } from '../../../domain/permissions.js';
import { findCenter } from '../../repositories/items.js';
import type { Ctx } from '../context.js';
import { requirePermission } from './access.js';

/** Errors: validation (`centerId` needed), notFound, forbidden (catalogue:import over the center). */
export async function importCenter(ctx: Ctx, centerId: string | undefined) {
  requirePermission(ctx, 'catalogue:import'); // anywhere first: without it, 403 before "which center" (400) or 404
  const id = centerId ?? (ctx.actor ? scopesFor(ctx.actor, 'catalogue:import').find((g) => g.centerId)?.centerId : undefined);
  if (!id) throw invalid([fieldError('centerId', '请指定中心', 'Say which center (centerId)')]);
  const center = await findCenter(ctx.deps.db.kysely, id);
  if (!center) throw notFound('中心', 'Center');
  requirePermission(ctx, 'catalogue:import', { centerPath: center.path });
  return center;
}
