import type { z } from 'zod';
import { type StaffDetail, UpdateStaffBody } from '../../../contracts/organisation.js';
import { conflict, forbidden, notFound } from '../../../domain/errors.js';
import { maskPhone } from '../../../domain/organisation/phone.js';
import { findStaffById, loadGrantRows, loadWindowIdsOf, replaceGrants, replaceUserWindows, updateStaffUser } from '../../repositories/staff.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, inTx, nowIso } from '../context.js';
import { changes, parseInput } from '../organisation/input.js';
import { requireSome } from '../organisation/scope.js';
import { canManageUser, checkAssignment, scopesOfUser } from './access.js';
import { loadStaffDetail } from './read.js';

/**
 * Updates an account; grants and windows are replaced as a whole and the first grant becomes
 * the home. The actor needs user:manage over every current and every new grant. Sessions stay:
 * the new grants apply on the user's next request (the actor is loaded per request).
 * Errors: unauthenticated, forbidden, notFound, validation, conflict (stale version).
 */
export async function updateStaff(ctx: Ctx, id: string, input: z.input<typeof UpdateStaffBody>): Promise<StaffDetail> {
  const actor = requireSome(ctx, 'user:manage');
  const body = parseInput(UpdateStaffBody, input);
  const db = ctx.deps.db.kysely;
  const u = await findStaffById(db, id);
  if (!u) throw notFound('账号', 'Account');
  const grants = (await loadGrantRows(db, [id])).get(id)!;
  if (!canManageUser(actor, scopesOfUser(u, grants))) throw forbidden();
  const a = await checkAssignment(db, actor, body.grants, body.windowIds);
  const windowsBefore = (await loadWindowIdsOf(db, [id])).get(id)!;

  const now = nowIso(ctx.deps);
  const set = {
    display_name: body.displayName,
    phone: body.phone,
    email: body.email,
    center_id: a.home.centerId,
    department_id: a.home.departmentId,
  };
  return inTx(ctx.deps, async (trx) => {
    if (!(await updateStaffUser(trx, id, body.version, { ...set, updated_at: now }))) throw conflict('账号', 'The account');
    await replaceGrants(trx, id, a.grantRows(id));
    await replaceUserWindows(trx, id, a.windowIds);
    const diff = changes(
      {
        ...u,
        phone: maskPhone(u.phone),
        grants: grants.map((g) => ({ role: g.role, centerId: g.center_id, departmentId: g.department_id })),
        windowIds: windowsBefore,
      },
      {
        ...set,
        phone: maskPhone(set.phone),
        grants: body.grants.map((g) => ({ role: g.role, centerId: g.centerId, departmentId: g.departmentId ?? null })),
        windowIds: body.windowIds,
      },
    );
    await recordAction(trx, ctx, { entity: 'user', entityId: id, action: 'update', payload: { changes: diff } });
    return loadStaffDetail(trx, id, now, true);
  });
}
