/** Staff rows → the contract's shapes; phones masked unless the reader administers the account. */
import type { GrantView, StaffDetail, StaffListItem } from '../../../contracts/organisation.js';
import type { GrantRole } from '../../../domain/organisation/grants.js';
import { maskPhone } from '../../../domain/organisation/phone.js';
import type { GrantRow, StaffRow } from '../../repositories/staff.js';

function grantView(g: GrantRow): GrantView {
  return {
    role: g.role as GrantRole,
    centerId: g.center_id ?? '',
    centerName: g.center_name ?? '',
    departmentId: g.department_id,
    departmentName: g.department_name,
  };
}

export function toStaffListItem(u: StaffRow, grants: GrantRow[], windowIds: string[], now: string): StaffListItem {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    phone: maskPhone(u.phone),
    email: u.email,
    centerId: u.center_id,
    centerName: u.center_name,
    departmentId: u.department_id,
    departmentName: u.department_name,
    grants: grants.map(grantView),
    windowIds,
    active: u.active === 1,
    locked: !!u.locked_until && u.locked_until > now,
    version: u.version,
  };
}

export function toStaffDetail(u: StaffRow, grants: GrantRow[], windowIds: string[], now: string, fullPhone: boolean): StaffDetail {
  return {
    ...toStaffListItem(u, grants, windowIds, now),
    phone: fullPhone ? u.phone : maskPhone(u.phone),
    phoneMasked: !fullPhone && u.phone !== '',
    lockedUntil: u.locked_until,
    failedLogins: u.failed_logins,
    passwordChangedAt: u.password_changed_at,
    createdAt: u.created_at,
    updatedAt: u.updated_at,
  };
}
