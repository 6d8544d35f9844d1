/** Rows → the contract's shapes. */
import type { CenterDetail, CenterListItem, Department, Window } from '../../../contracts/organisation.js';
import { type CenterKind, depthOf } from '../../../domain/organisation/centers.js';
import { maskPhone } from '../../../domain/organisation/phone.js';
import type { WindowKind } from '../../../domain/organisation/windows.js';
import type { CenterWithCounts } from '../../repositories/centers.js';
import type { DepartmentWithCenter } from '../../repositories/departments.js';
import type { WindowWithCenter } from '../../repositories/windows.js';

export function toCenterListItem(r: CenterWithCounts): CenterListItem {
  return {
    id: r.id,
    parentId: r.parent_id,
    path: r.path,
    depth: depthOf(r.path),
    name: r.name,
    kind: r.kind as CenterKind,
    areaCode: r.area_code,
    active: r.active === 1,
    departmentCount: r.department_count,
    windowCount: r.window_count,
    version: r.version,
  };
}

export function toCenterDetail(r: CenterWithCounts, parentName: string | null): CenterDetail {
  return {
    ...toCenterListItem(r),
    parentName,
    address: r.address,
    phone: r.phone,
    timeZone: r.time_zone,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Lists mask the contact phones (personal data); the single-record read shows them. */
export function toDepartment(r: DepartmentWithCenter, masked: boolean): Department {
  const phone = (p: string) => (masked ? maskPhone(p) : p);
  return {
    id: r.id,
    centerId: r.center_id,
    centerName: r.center_name,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    liaisonName: r.liaison_name,
    liaisonPhone: phone(r.liaison_phone),
    leaderName: r.leader_name,
    leaderPhone: phone(r.leader_phone),
    sort: r.sort,
    active: r.active === 1,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toWindow(
  r: WindowWithCenter,
  d: { served: string[]; roster: { weekday: number; departmentId: string }[] } | undefined,
): Window {
  return {
    id: r.id,
    centerId: r.center_id,
    centerName: r.center_name,
    code: r.code,
    name: r.name,
    kind: r.kind as WindowKind,
    departmentId: r.department_id,
    servedDepartmentIds: d?.served ?? [],
    roster: d?.roster ?? [],
    location: r.location,
    active: r.active === 1,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
