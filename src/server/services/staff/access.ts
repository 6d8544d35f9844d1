/**
 * Who may see and administer a staff account. An account lives where its grants (and its home
 * center/department) are: a reader needs user:read over one of those places; an administrator
 * needs user:manage over every one of them, so a county admin cannot edit someone who also holds
 * a role in the city center.
 */
import type { UserRolesTable } from '../../db/schema.js';
import { fieldError, invalid, type FieldError } from '../../../domain/errors.js';
import { checkGrants, type GrantInput } from '../../../domain/organisation/grants.js';
import { type Actor, can, type Scope } from '../../../domain/permissions.js';
import { findCentersByIds } from '../../repositories/centers.js';
import { findDepartmentsByIds } from '../../repositories/departments.js';
import type { GrantRow, StaffRow } from '../../repositories/staff.js';
import { findWindowsByIds } from '../../repositories/windows.js';
import type { Executor } from '../context.js';
import { isSystem, requireScope } from '../organisation/scope.js';
import { randomUUID } from 'node:crypto';

export function scopesOfUser(user: StaffRow, grants: GrantRow[]): Scope[] {
  const out: Scope[] = grants.filter((g) => g.center_path).map((g) => ({ centerPath: g.center_path!, departmentId: g.department_id }));
  if (user.center_path) out.push({ centerPath: user.center_path, departmentId: user.department_id });
  return out;
}

export function canReadUser(actor: Actor, scopes: Scope[]): boolean {
  return isSystem(actor) || scopes.some((s) => can(actor, 'user:read', s));
}

export function canManageUser(actor: Actor, scopes: Scope[]): boolean {
  return isSystem(actor) || (scopes.length > 0 && scopes.every((s) => can(actor, 'user:manage', s)));
}

export interface CheckedAssignment {
  grantRows: (userId: string) => UserRolesTable[];
  /** home: the first grant's center and department */
  home: { centerId: string; departmentId: string | null };
  windowIds: string[];
}

/**
 * Checks grants and windows given for an account: the shape rules of each grant, the actor's
 * right to give it (user:manage over its center and department — never above the actor's own
 * center), and that every window is an active window of a center the account holds a grant in.
 * Errors: validation (fields `grants.N.*`, `windowIds.N`), forbidden.
 */
export async function checkAssignment(
  db: Executor,
  actor: Actor,
  grants: GrantInput[],
  windowIds: string[],
): Promise<CheckedAssignment> {
  const centers = await findCentersByIds(db, grants.map((g) => g.centerId));
  const depts = await findDepartmentsByIds(db, grants.map((g) => g.departmentId).filter((d): d is string => !!d));
  const errors = checkGrants(
    grants,
    new Map(centers.map((c) => [c.id, { active: c.active === 1 }])),
    new Map(depts.map((d) => [d.id, { centerId: d.center_id, active: d.active === 1 }])),
  );
  if (errors.length) throw invalid(errors);
  const pathOf = new Map(centers.map((c) => [c.id, c.path]));
  for (const g of grants) requireScope(actor, 'user:manage', { centerPath: pathOf.get(g.centerId)!, departmentId: g.departmentId ?? null });

  const windows = await findWindowsByIds(db, windowIds);
  const byId = new Map(windows.map((w) => [w.id, w]));
  const grantCenters = new Set(grants.map((g) => g.centerId));
  const windowErrors: FieldError[] = [];
  windowIds.forEach((id, i) => {
    const w = byId.get(id);
    const field = `windowIds.${i}`;
    if (!w) windowErrors.push(fieldError(field, '窗口不存在', 'No such window'));
    else if (!w.active) windowErrors.push(fieldError(field, `窗口 ${w.code} 已停用`, `Window ${w.code} is deactivated`));
    else if (!grantCenters.has(w.center_id)) {
      windowErrors.push(fieldError(field, `窗口 ${w.code} 不在该账号任职的中心`, `Window ${w.code} is not in a center the account works in`));
    } else if (windowIds.indexOf(id) !== i) windowErrors.push(fieldError(field, '窗口重复', 'The window appears twice'));
  });
  if (windowErrors.length) throw invalid(windowErrors);

  return {
    grantRows: (userId) =>
      grants.map((g) => ({ id: randomUUID(), user_id: userId, role: g.role, center_id: g.centerId, department_id: g.departmentId ?? null })),
    home: { centerId: grants[0].centerId, departmentId: grants[0].departmentId ?? null },
    windowIds,
  };
}
