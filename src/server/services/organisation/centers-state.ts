import type { z } from 'zod';
import type { CenterDetail } from '../../../contracts/organisation.js';
import { StateMoveBody } from '../../../contracts/organisation.js';
import { conflict, forbidden, notFound } from '../../../domain/errors.js';
import { ruleBroken } from '../../../domain/organisation/errors.js';
import { can } from '../../../domain/permissions.js';
import { findCenterById, findChildren, updateCenter } from '../../repositories/centers.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, inTx, nowIso } from '../context.js';
import { loadCenterDetail } from './centers-read.js';
import { parseInput } from './input.js';
import { isSystem, requireSome } from './scope.js';

/**
 * Deactivates or reactivates a center. Like creating one, this is done from above: org:manage
 * over the parent (a root: the system actor only) — a county admin cannot switch off their own
 * county. Deactivation waits until no active child center remains; activation needs an active
 * parent. Errors: unauthenticated, forbidden, notFound, unprocessable (active children),
 * (parent inactive), conflict (stale version).
 */
export async function setCenterActive(ctx: Ctx, id: string, active: boolean, input: z.input<typeof StateMoveBody>): Promise<CenterDetail> {
  const actor = requireSome(ctx, 'org:manage');
  const { version } = parseInput(StateMoveBody, input);
  const db = ctx.deps.db.kysely;
  const c = await findCenterById(db, id);
  if (!c) throw notFound('中心', 'Center');
  const parent = c.parent_id ? await findCenterById(db, c.parent_id) : undefined;
  if (parent ? !can(actor, 'org:manage', { centerPath: parent.path }) : !isSystem(actor)) throw forbidden();
  if (!active) {
    const live = (await findChildren(db, id)).filter((k) => k.active === 1);
    if (live.length) {
      throw ruleBroken(
        `请先停用下级中心：${live.map((k) => k.name).join('、')}`,
        `Deactivate the child centers first: ${live.map((k) => k.name).join(', ')}`,
        'id',
      );
    }
  } else if (parent && !parent.active) {
    throw ruleBroken('上级中心已停用，请先启用上级中心', 'The parent center is deactivated; activate it first', 'id');
  }
  return inTx(ctx.deps, async (trx) => {
    const ok = await updateCenter(trx, id, version, { active: active ? 1 : 0, updated_at: nowIso(ctx.deps) });
    if (!ok) throw conflict('中心', 'The center');
    await recordAction(trx, ctx, { entity: 'center', entityId: id, action: active ? 'activate' : 'deactivate' });
    return loadCenterDetail(trx, id);
  });
}

export const deactivateCenter = (ctx: Ctx, id: string, input: StateMoveBody) => setCenterActive(ctx, id, false, input);
export const activateCenter = (ctx: Ctx, id: string, input: StateMoveBody) => setCenterActive(ctx, id, true, input);
