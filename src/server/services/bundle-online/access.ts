/**
 * Who may see and work an online bundle application. The applicant: only their own (another
 * account's answers 404, as if it did not exist). The window: case:intake + case:accept over the
 * bundle's center and the departments of its items — the rule for starting a run
 * (bundle-case/access.ts), as accepting one starts the run.
 */
import type { CaseActor } from '../../../domain/case/index.js';
import { AppError, conflict, notFound } from '../../../domain/errors.js';
import type { Actor } from '../../../domain/permissions.js';
import { type BundleApplicationRow, findBundleApplication, listCenterBundleApplications } from '../../repositories/bundle-online.js';
import { type RunScope, requireRunPermission, runActorFor } from '../bundle-case/access.js';
import type { Ctx, Executor } from '../context.js';
import { requireApplicant } from '../hall/access.js';

export const WINDOW_PERMS = ['case:intake', 'case:accept'] as const;

export const scopeOf = (row: Pick<BundleApplicationRow, 'center_path' | 'department_ids'>): RunScope => ({
  centerPath: row.center_path,
  departmentIds: row.department_ids.split(' ').filter(Boolean),
});

const missing = () => notFound('一件事网上申请', 'Online bundle application');

export const staleApplication = () => conflict('该一件事网上申请', 'The online bundle application');

/** 409 unless the application is still waiting for the window. */
export function requireSubmitted(row: Pick<BundleApplicationRow, 'status'>): void {
  if (row.status !== 'submitted') {
    throw new AppError('invalidState', '该申请已受理、退回或撤回，不能再办理', 'The application was accepted, returned or withdrawn already');
  }
}

/** The applicant's own application; 404 otherwise. */
export async function ownApplication(ctx: Ctx, db: Executor, id: string): Promise<{ actor: Actor; row: BundleApplicationRow }> {
  const actor = requireApplicant(ctx);
  const row = await findBundleApplication(db, id);
  if (!row || row.user_id !== actor.userId) throw missing();
  return { actor, row };
}

/** The application and the window actor over it; 403 (no permission, or out of scope), 404. */
export async function windowApplication(ctx: Ctx, db: Executor, id: string): Promise<{ actor: Actor; caseActor: CaseActor; row: BundleApplicationRow }> {
  const actor = requireRunPermission(ctx, ...WINDOW_PERMS);
  const row = await findBundleApplication(db, id);
  if (!row) throw missing();
  return { actor, caseActor: runActorFor(actor, scopeOf(row), ...WINDOW_PERMS), row };
}

/** The applications of a status the window actor may work: the center paths narrow, the run rule decides. */
export async function windowApplications(ctx: Ctx, db: Executor, status: string | undefined) {
  const actor = requireRunPermission(ctx, ...WINDOW_PERMS);
  const paths = actor.grants.flatMap((g) => (g.centerPath ? [g.centerPath] : []));
  const rows = await listCenterBundleApplications(db, [...new Set(paths)], status);
  return rows.filter((r) => {
    try {
      runActorFor(actor, scopeOf(r), ...WINDOW_PERMS);
      return true;
    } catch {
      return false;
    }
  });
}
