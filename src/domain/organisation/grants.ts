/**
 * Role grants of staff users (DESIGN §1–2). Department-scoped roles work for one department of
 * the grant's center; center-scoped roles cover the center's subtree.
 */
import { type FieldError, fieldError } from '../errors.js';

export const DEPARTMENT_ROLES = ['clerk', 'chiefRep', 'reviewer', 'deptLeader'] as const;
export const CENTER_ROLES = ['centerAdmin', 'supervisor', 'volunteer'] as const;
/** Roles a user account may hold (applicant is a kind of account, deptSystem uses API keys). */
export const GRANT_ROLES = [...DEPARTMENT_ROLES, ...CENTER_ROLES] as const;
export type GrantRole = (typeof GRANT_ROLES)[number];

export function isDepartmentRole(role: string): boolean {
  return (DEPARTMENT_ROLES as readonly string[]).includes(role);
}

export interface GrantInput {
  role: GrantRole;
  centerId: string;
  departmentId?: string | null;
}

/** What the checker needs to know of the departments named in the grants. */
export interface DepartmentFact {
  centerId: string;
  active: boolean;
}

export interface CenterFact {
  active: boolean;
}

/**
 * Shape rules for a list of grants: department roles name a department of the grant's center,
 * center roles name none, no grant repeats. Field names are `grants.N.<field>`.
 */
export function checkGrants(
  grants: GrantInput[],
  centers: ReadonlyMap<string, CenterFact>,
  departments: ReadonlyMap<string, DepartmentFact>,
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  grants.forEach((g, i) => {
    const at = `grants.${i}`;
    const center = centers.get(g.centerId);
    if (!center) {
      errors.push(fieldError(`${at}.centerId`, '中心不存在', 'No such center'));
      return;
    }
    if (!center.active) errors.push(fieldError(`${at}.centerId`, '中心已停用', 'The center is deactivated'));
    const deptId = g.departmentId ?? null;
    if (isDepartmentRole(g.role)) {
      if (!deptId) {
        errors.push(fieldError(`${at}.departmentId`, `角色 ${g.role} 须指定所属部门`, `Role ${g.role} needs a department`));
      } else {
        const d = departments.get(deptId);
        if (!d) errors.push(fieldError(`${at}.departmentId`, '部门不存在', 'No such department'));
        else if (d.centerId !== g.centerId) {
          errors.push(fieldError(`${at}.departmentId`, '部门不属于该中心', 'The department is not in that center'));
        } else if (!d.active) errors.push(fieldError(`${at}.departmentId`, '部门已停用', 'The department is deactivated'));
      }
    } else if (deptId) {
      errors.push(fieldError(`${at}.departmentId`, `角色 ${g.role} 按中心授权，不能指定部门`, `Role ${g.role} is granted for a center, without a department`));
    }
    const key = `${g.role}|${g.centerId}|${deptId ?? ''}`;
    if (seen.has(key)) errors.push(fieldError(at, '角色授权重复', 'The same grant appears twice'));
    seen.add(key);
  });
  return errors;
}
