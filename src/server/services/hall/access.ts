/**
 * Who acts in the online hall: a signed-in applicant account (staff accounts are refused: they
 * work cases through the staff routes), for itself or for an enterprise account that made it an
 * agent (代办人). A case is the applicant's own when it was filed for the account or for such an
 * enterprise (`cases.applicant_user_id`); anything else answers 404, as if it did not exist.
 */
import { AppError, forbidden, notFound } from '../../../domain/errors.js';
import type { Actor } from '../../../domain/permissions.js';
import { type CaseRow, findCase } from '../../repositories/cases.js';
import { activePrincipalIds, findHallAccount, type HallAccountRow } from '../../repositories/hall-accounts.js';
import { businessDate } from '../calendar/load.js';
import { type Ctx, type Executor, nowIso } from '../context.js';

export const unauthenticated = () => new AppError('unauthenticated', '请先登录', 'Please log in');

/** 401 without a session, 403 for a staff account. */
export function requireApplicant(ctx: Ctx): Actor {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.kind !== 'applicant') throw forbidden();
  return actor;
}

/** The account's hall row; an applicant seeded or created before the hall gets one on first use. */
export async function hallAccount(ctx: Ctx, db: Executor, userId: string): Promise<HallAccountRow> {
  const a = await findHallAccount(db, userId);
  if (a) return a;
  const now = nowIso(ctx.deps);
  await db
    .insertInto('hall_accounts')
    .values({ user_id: userId, identity_kind: null, real_name: '', id_number: null, uscc: null, legal_rep: '', identity_at: null, mobile_verified: 0, email_verified: 0, version: 1, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  return (await findHallAccount(db, userId))!;
}

/** The accounts `userId` may act for: itself first, then the enterprises it is an agent of. */
export async function actingFor(db: Executor, userId: string): Promise<string[]> {
  return [userId, ...(await activePrincipalIds(db, userId))];
}

/** The case, if it is the applicant's own; 404 otherwise (never 403: its existence is not told). */
export async function ownCase(db: Executor, userId: string, caseId: string): Promise<CaseRow> {
  const row = await findCase(db, caseId);
  if (!row || !row.applicant_user_id || !(await actingFor(db, userId)).includes(row.applicant_user_id)) throw notFound('办件', 'Case');
  return row;
}

/** The identity keys of the account's message box (`id:…` / `uscc:…`, see effects.ts). */
export function identityKeys(a: Pick<HallAccountRow, 'id_number' | 'uscc'>): string[] {
  return [a.id_number && `id:${a.id_number}`, a.uscc && `uscc:${a.uscc}`].filter((k): k is string => !!k);
}

/** Today's business date in the center's time zone (default Asia/Shanghai). */
export function todayIn(ctx: Ctx, timeZone = 'Asia/Shanghai'): { at: string; date: string } {
  const now = ctx.deps.clock.now();
  return { at: now.toISOString(), date: businessDate(now, timeZone) };
}
