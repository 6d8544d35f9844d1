import type { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { CreateStaffBody, type StaffDetail } from '../../../contracts/organisation.js';
import { duplicate } from '../../../domain/organisation/errors.js';
import { maskPhone } from '../../../domain/organisation/phone.js';
import { replaceGrants, replaceUserWindows } from '../../repositories/staff.js';
import { insertUser } from '../../repositories/users.js';
import { recordAction } from '../audit/record.js';
import { checkPasswordPolicy, hashPassword } from '../auth/passwords.js';
import { type Ctx, inTx, nowIso } from '../context.js';
import { orDuplicate, parseInput } from '../organisation/input.js';
import { requireSome } from '../organisation/scope.js';
import { checkAssignment } from './access.js';
import { loadStaffDetail } from './read.js';

/**
 * Creates a staff account with its grants and windows. The password is checked against the
 * policy and stored only as an argon2 hash; it never reaches the action log.
 * Errors: unauthenticated, forbidden (a grant outside the actor's user:manage scope), validation
 * (password → `password`, grants → `grants.N.*`, windows → `windowIds.N`), conflict (username
 * taken, field `username`).
 */
export async function createStaffUser(ctx: Ctx, input: z.input<typeof CreateStaffBody>): Promise<StaffDetail> {
  const actor = requireSome(ctx, 'user:manage');
  const body = parseInput(CreateStaffBody, input);
  checkPasswordPolicy(body.password, 'password');
  const a = await checkAssignment(ctx.deps.db.kysely, actor, body.grants, body.windowIds);
  const hash = await hashPassword(body.password);

  const id = randomUUID();
  const now = nowIso(ctx.deps);
  return inTx(ctx.deps, async (trx) => {
    await orDuplicate(
      () =>
        insertUser(trx, {
          id,
          username: body.username,
          display_name: body.displayName,
          kind: 'staff',
          password_hash: hash,
          phone: body.phone,
          email: body.email,
          center_id: a.home.centerId,
          department_id: a.home.departmentId,
          active: 1,
          failed_logins: 0,
          locked_until: null,
          password_changed_at: now,
          version: 1,
          created_at: now,
          updated_at: now,
        }),
      () => duplicate('username', '用户名', 'The username'),
    );
    await replaceGrants(trx, id, a.grantRows(id));
    await replaceUserWindows(trx, id, a.windowIds);
    await recordAction(trx, ctx, {
      entity: 'user',
      entityId: id,
      action: 'create',
      payload: {
        username: body.username,
        displayName: body.displayName,
        phone: maskPhone(body.phone),
        email: body.email,
        grants: body.grants,
        windowIds: body.windowIds,
      },
    });
    return loadStaffDetail(trx, id, now, true);
  });
}
