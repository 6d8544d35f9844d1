import type { StaffDetail, StaffList, StaffListQuery } from '../../../contracts/organisation.js';
import { forbidden, notFound } from '../../../domain/errors.js';
import { findStaffById, listStaff as listRows, loadGrantRows, loadWindowIdsOf } from '../../repositories/staff.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, type Executor, inTx, nowIso } from '../context.js';
import { requireSome, visibilityFor } from '../organisation/scope.js';
import { canManageUser, canReadUser, scopesOfUser } from './access.js';
import { toStaffDetail, toStaffListItem } from './views.js';

/**
 * Staff accounts in the actor's user:read scope, phones masked.
 * Errors: unauthenticated, forbidden (no user:read).
 */
export async function listStaff(ctx: Ctx, query: StaffListQuery): Promise<StaffList> {
  const actor = requireSome(ctx, 'user:read');
  const db = ctx.deps.db.kysely;
  const { rows, total } = await listRows(db, {
    dialect: ctx.deps.db.dialect,
    visibility: visibilityFor(actor, 'user:read'),
    centerId: query.centerId,
    departmentId: query.departmentId,
    role: query.role,
    q: query.q || undefined,
    active: query.active === undefined ? undefined : query.active === 'true',
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const ids = rows.map((r) => r.id);
  const grants = await loadGrantRows(db, ids);
  const windows = await loadWindowIdsOf(db, ids);
  const now = nowIso(ctx.deps);
  return { items: rows.map((r) => toStaffListItem(r, grants.get(r.id)!, windows.get(r.id)!, now)), total };
}

/**
 * One account. The phone is shown in full only to an actor with user:manage over the account,
 * and that read of personal data is written to the action log (DESIGN §11).
 * Errors: unauthenticated, forbidden, notFound.
 */
export async function getStaff(ctx: Ctx, id: string): Promise<StaffDetail> {
  const actor = requireSome(ctx, 'user:read');
  const db = ctx.deps.db.kysely;
  const u = await findStaffById(db, id);
  if (!u) throw notFound('账号', 'Account');
  const grants = (await loadGrantRows(db, [id])).get(id)!;
  const scopes = scopesOfUser(u, grants);
  if (!canReadUser(actor, scopes)) throw forbidden();
  const full = canManageUser(actor, scopes);
  if (full && u.phone) {
    await inTx(ctx.deps, (trx) => recordAction(trx, ctx, { entity: 'user', entityId: id, action: 'readPhone' }));
  }
  return loadStaffDetail(db, id, nowIso(ctx.deps), full);
}

/** The detail of an account that exists (used after writes, inside their transaction). */
export async function loadStaffDetail(db: Executor, id: string, now: string, fullPhone: boolean): Promise<StaffDetail> {
  const u = await findStaffById(db, id);
  if (!u) throw notFound('账号', 'Account');
  const grants = (await loadGrantRows(db, [id])).get(id)!;
  const windows = (await loadWindowIdsOf(db, [id])).get(id)!;
  return toStaffDetail(u, grants, windows, now, fullPhone);
}
