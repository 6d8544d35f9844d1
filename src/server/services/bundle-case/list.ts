/** The runs of the actor's scope, newest first. Errors: forbidden (no case:read). */
import type { BundleRunList, BundleRunListQuery } from '../../../contracts/bundle-case.js';
import { listBundleRuns } from '../../repositories/bundle-runs.js';
import type { Ctx } from '../context.js';
import { requireRunPermission, runReadGrants } from './access.js';
import { toRunSummary } from './view.js';

export async function listRuns(ctx: Ctx, q: BundleRunListQuery): Promise<BundleRunList> {
  const actor = requireRunPermission(ctx, 'case:read');
  const { rows, total } = await listBundleRuns(ctx.deps.db.kysely, ctx.deps.db.dialect, {
    grants: runReadGrants(actor), status: q.status, q: q.q || undefined, limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(toRunSummary), total };
}
