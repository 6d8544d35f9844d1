import type { Department, DepartmentList, DepartmentListQuery } from '../../../contracts/organisation.js';
import { notFound } from '../../../domain/errors.js';
import { findDepartmentById, listDepartments as listRows } from '../../repositories/departments.js';
import type { Ctx } from '../context.js';
import { checkCenterFilter } from './center-filter.js';
import { orgReadPaths, requireOrgRead, requireSome } from './scope.js';
import { toDepartment } from './views.js';

/**
 * Departments in the actor's org:read scope, contact phones masked.
 * Errors: unauthenticated, forbidden (no org:read, or `centerId` outside the scope), notFound (centerId).
 */
export async function listDepartments(ctx: Ctx, query: DepartmentListQuery): Promise<DepartmentList> {
  const actor = requireSome(ctx, 'org:read');
  const db = ctx.deps.db.kysely;
  await checkCenterFilter(db, actor, query.centerId);
  const { rows, total } = await listRows(db, {
    dialect: ctx.deps.db.dialect,
    pathPrefixes: orgReadPaths(actor),
    centerId: query.centerId,
    q: query.q || undefined,
    active: query.active === undefined ? undefined : query.active === 'true',
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map((r) => toDepartment(r, true)), total };
}

/** One department with its contact phones in full. Errors: unauthenticated, forbidden, notFound. */
export async function getDepartment(ctx: Ctx, id: string): Promise<Department> {
  const actor = requireSome(ctx, 'org:read');
  const d = await findDepartmentById(ctx.deps.db.kysely, id);
  if (!d) throw notFound('部门', 'Department');
  requireOrgRead(actor, d.center_path);
  return toDepartment(d, false);
}
