/**
 * The applicant's own online bundle applications: the list (newest first), one with the run's
 * progress once accepted, and withdrawal while the window has not decided.
 */
import type { BundleApplicationList, BundleApplicationListQuery, BundleApplicationView, WithdrawBundleApplicationBody } from '../../../contracts/bundle-online.js';
import { BundleApplicationListQuery as ListQuery, WithdrawBundleApplicationBody as WithdrawBody } from '../../../contracts/bundle-online.js';
import { findBundleApplication, listUserBundleApplications, lockBundleApplication, updateBundleApplication } from '../../repositories/bundle-online.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, inTx, nowIso } from '../context.js';
import { requireApplicant } from '../hall/access.js';
import { ownApplication, requireSubmitted, staleApplication } from './access.js';
import { buildView, toSummary } from './view.js';

/** Errors: unauthenticated, forbidden (a staff account). */
export async function myBundleApplications(ctx: Ctx, input: BundleApplicationListQuery): Promise<BundleApplicationList> {
  const actor = requireApplicant(ctx);
  const q = ListQuery.parse(input);
  const { rows, total } = await listUserBundleApplications(ctx.deps.db.kysely, actor.userId, { status: q.status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: rows.map((r) => toSummary(r, 'applicant')), total };
}

/** Errors: notFound (none, or another account's). */
export async function myBundleApplication(ctx: Ctx, id: string): Promise<BundleApplicationView> {
  const db = ctx.deps.db.kysely;
  const { row } = await ownApplication(ctx, db, id);
  return buildView(ctx, db, row, 'applicant');
}

/** Errors: notFound, conflict (409: changed since `version`), invalidState (409: decided already). */
export async function withdrawBundleApplication(ctx: Ctx, id: string, input: WithdrawBundleApplicationBody): Promise<BundleApplicationView> {
  const { version } = WithdrawBody.parse(input);
  await inTx(ctx.deps, async (trx) => {
    await lockBundleApplication(trx, ctx.deps.db.dialect, id);
    const { row } = await ownApplication(ctx, trx, id);
    if (row.version !== version) throw staleApplication();
    requireSubmitted(row);
    const now = nowIso(ctx.deps);
    if (!(await updateBundleApplication(trx, id, version, { status: 'withdrawn', decided_at: now, updated_at: now }))) throw staleApplication();
    await recordAction(trx, ctx, { entity: 'bundleApplication', entityId: id, action: 'withdraw', payload: { version } });
  });
  return myBundleApplication(ctx, id);
}
