/** Shared bits of the catalogue pages: status tag colours, step roles, the list's filters. */
import type { ItemStatus, StaffRole } from '@shared/contracts/catalogue';
import type { z } from 'zod';

export type ItemStatusCode = z.infer<typeof ItemStatus>;
export type StaffRoleCode = z.infer<typeof StaffRole>;

/** el-tag `type` of each item status */
export const STATUS_TAG: Record<ItemStatusCode, 'info' | 'success' | 'warning' | 'danger'> = {
  draft: 'info',
  published: 'success',
  suspended: 'warning',
  retired: 'danger',
};

/** Who usually works a procedure step (a StaffRole), labelled by dict.role. */
export const STEP_ROLES: StaffRoleCode[] = ['clerk', 'chiefRep', 'reviewer', 'deptLeader'];

/** The step roles offered, keeping an unusual role already in the data (e.g. imported). */
export function stepRoles(current: string): string[] {
  return current && !STEP_ROLES.includes(current as StaffRoleCode) ? [...STEP_ROLES, current] : STEP_ROLES;
}

export interface ListFilters {
  q: string;
  departmentId: string;
  status: string;
  handlingClass: string;
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [10, 20, 50, 100];

/** Filters from the URL query, so going back to the list keeps them. */
export function filtersFromQuery(q: Record<string, unknown>): ListFilters {
  const s = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : '');
  const n = (k: string, d: number) => {
    const v = Number(s(k));
    return Number.isInteger(v) && v > 0 ? v : d;
  };
  return {
    q: s('q'),
    departmentId: s('departmentId'),
    status: s('status'),
    handlingClass: s('handlingClass'),
    page: n('page', 1),
    pageSize: PAGE_SIZES.includes(n('pageSize', 20)) ? n('pageSize', 20) : 20,
  };
}

export function filtersToQuery(f: ListFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === '' || (k === 'page' && v === 1) || (k === 'pageSize' && v === 20)) continue;
    out[k] = String(v);
  }
  return out;
}
