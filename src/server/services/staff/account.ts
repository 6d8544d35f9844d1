/** Account moves an administrator makes: reset the password, deactivate / activate, unlock. */
import type { z } from 'zod';
import { ResetPasswordBody, type StaffDetail, StateMoveBody } from '../../../contracts/organisation.js';
import { conflict, forbidden, notFound } from '../../../domain/errors.js';
import { ruleBroken } from '../../../domain/organisation/errors.js';
import type { Actor } from '../../../domain/permissions.js';
import { deleteUserSessions } from '../../repositories/sessions.js';
import { findStaffById, loadGrantRows, type StaffRow, updateStaffUser } from '../../repositories/staff.js';
import { recordAction } from '../audit/record.js';
import { checkPasswordPolicy, hashPassword } from '../auth/passwords.js';
import { type Ctx, inTx, nowIso } from '../context.js';
import { parseInput } from '../organisation/input.js';
import { requireSome } from '../organisation/scope.js';
import { canManageUser, scopesOfUser } from './access.js';
import { loadStaffDetail } from './read.js';

async function managedAccount(ctx: Ctx, id: string): Promise<{ actor: Actor; user: StaffRow }> {
  const actor = requireSome(ctx, 'user:manage');
  const db = ctx.deps.db.kysely;
  const user = await findStaffById(db, id);
  if (!user) throw notFound('账号', 'Account');
  const grants = (await loadGrantRows(db, [id])).get(id)!;
  if (!canManageUser(actor, scopesOfUser(user, grants))) throw forbidden();
  return { actor, user };
}

/**
 * Sets the password the administrator gives, clears a lockout and ends every session of the
 * user: whoever knew the old password is out. The hash never reaches the action log.
 * Errors: unauthenticated, forbidden, notFound, validation (policy, field `password`), conflict.
 */
export async function resetStaffPassword(ctx: Ctx, id: string, input: z.input<typeof ResetPasswordBody>): Promise<StaffDetail> {
  const { password } = parseInput(ResetPasswordBody, input);
  const { user } = await managedAccount(ctx, id);
  checkPasswordPolicy(password, 'password');
  const hash = await hashPassword(password);
  const now = nowIso(ctx.deps);
  return inTx(ctx.deps, async (trx) => {
    const ok = await updateStaffUser(trx, id, user.version, {
      password_hash: hash,
      password_changed_at: now,
      failed_logins: 0,
      locked_until: null,
      updated_at: now,
    });
    if (!ok) throw conflict('账号', 'The account');
    await deleteUserSessions(trx, id);
    await recordAction(trx, ctx, { entity: 'user', entityId: id, action: 'resetPassword' });
    return loadStaffDetail(trx, id, now, true);
  });
}

/**
 * Deactivating ends every session of the user at once and stops logins; an administrator
 * cannot deactivate themselves. Errors: unauthenticated, forbidden, notFound, unprocessable
 * (oneself), conflict (stale version).
 */
export async function setStaffActive(ctx: Ctx, id: string, active: boolean, input: z.input<typeof StateMoveBody>): Promise<StaffDetail> {
  const { version } = parseInput(StateMoveBody, input);
  const { actor } = await managedAccount(ctx, id);
  if (!active && actor.userId === id) throw ruleBroken('不能停用自己的账号', 'You cannot deactivate your own account', 'id');
  const now = nowIso(ctx.deps);
  return inTx(ctx.deps, async (trx) => {
    const ok = await updateStaffUser(trx, id, version, { active: active ? 1 : 0, updated_at: now });
    if (!ok) throw conflict('账号', 'The account');
    if (!active) await deleteUserSessions(trx, id);
    await recordAction(trx, ctx, { entity: 'user', entityId: id, action: active ? 'activate' : 'deactivate' });
    return loadStaffDetail(trx, id, now, true);
  });
}

export const deactivateStaff = (ctx: Ctx, id: string, input: StateMoveBody) => setStaffActive(ctx, id, false, input);
export const activateStaff = (ctx: Ctx, id: string, input: StateMoveBody) => setStaffActive(ctx, id, true, input);

/** Clears a lockout after repeated failed logins. Errors: unauthenticated, forbidden, notFound, conflict. */
export async function unlockStaff(ctx: Ctx, id: string): Promise<StaffDetail> {
  const { user } = await managedAccount(ctx, id);
  const now = nowIso(ctx.deps);
  return inTx(ctx.deps, async (trx) => {
    const ok = await updateStaffUser(trx, id, user.version, { failed_logins: 0, locked_until: null, updated_at: now });
    if (!ok) throw conflict('账号', 'The account');
    await recordAction(trx, ctx, { entity: 'user', entityId: id, action: 'unlock', payload: { lockedUntil: user.locked_until } });
    return loadStaffDetail(trx, id, now, true);
  });
}
