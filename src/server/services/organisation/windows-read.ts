import type { Window, WindowList, WindowListQuery } from '../../../contracts/organisation.js';
import { notFound } from '../../../domain/errors.js';
import { findWindowById, listWindows as listRows, loadWindowDepartments } from '../../repositories/windows.js';
import type { Ctx, Executor } from '../context.js';
import { checkCenterFilter } from './center-filter.js';
import { orgReadPaths, requireOrgRead, requireSome } from './scope.js';
import { toWindow } from './views.js';

/**
 * Windows in the actor's org:read scope. Errors: unauthenticated, forbidden (no org:read, or
 * `centerId` outside the scope), notFound (centerId).
 */
export async function listWindows(ctx: Ctx, query: WindowListQuery): Promise<WindowList> {
  const actor = requireSome(ctx, 'org:read');
  const db = ctx.deps.db.kysely;
  await checkCenterFilter(db, actor, query.centerId);
  const { rows, total } = await listRows(db, {
    dialect: ctx.deps.db.dialect,
    pathPrefixes: orgReadPaths(actor),
    centerId: query.centerId,
    kind: query.kind,
    departmentId: query.departmentId,
    q: query.q || undefined,
    active: query.active === undefined ? undefined : query.active === 'true',
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const depts = await loadWindowDepartments(db, rows.map((r) => r.id));
  return { items: rows.map((r) => toWindow(r, depts.get(r.id))), total };
}

/** Errors: unauthenticated, forbidden, notFound. */
export async function getWindow(ctx: Ctx, id: string): Promise<Window> {
  const actor = requireSome(ctx, 'org:read');
  const w = await findWindowById(ctx.deps.db.kysely, id);
  if (!w) throw notFound('窗口', 'Window');
  requireOrgRead(actor, w.center_path);
  return loadWindow(ctx.deps.db.kysely, id);
}

export async function loadWindow(db: Executor, id: string): Promise<Window> {
  const w = await findWindowById(db, id);
  if (!w) throw notFound('窗口', 'Window');
  const depts = await loadWindowDepartments(db, [id]);
  return toWindow(w, depts.get(id));
}
