/**
 * Organisation administration — src/server/routes/admin/organisation.ts, contract
 * src/contracts/organisation.ts: centers, departments, windows, staff accounts, delegations.
 */
import type { z } from 'zod';
import type { OkBody } from '@shared/contracts/common';
import type {
  CenterDetail,
  CenterList,
  CenterListQuery,
  CreateCenterBody,
  CreateDelegationBody,
  CreateDepartmentBody,
  CreateStaffBody,
  CreateWindowBody,
  Delegation,
  DelegationList,
  DelegationListQuery,
  Department,
  DepartmentList,
  DepartmentListQuery,
  ResetPasswordBody,
  StaffDetail,
  StaffList,
  StaffListQuery,
  UpdateCenterBody,
  UpdateDepartmentBody,
  UpdateStaffBody,
  UpdateWindowBody,
  Window,
  WindowList,
  WindowListQuery,
} from '@shared/contracts/organisation';
import type { AdminItemList, AdminItemsQuery } from '@shared/contracts/catalogue-api';
import { http } from './http';

export type {
  CenterDetail,
  CenterKind,
  CenterList,
  CenterListItem,
  Delegation,
  Department,
  GrantRole,
  GrantView,
  RosterEntry,
  StaffDetail,
  StaffListItem,
  Window,
  WindowKind,
} from '@shared/contracts/organisation';

// Bodies as the caller writes them (fields with defaults may be left out).
export type CenterInput = z.input<typeof CreateCenterBody>;
export type CenterUpdate = z.input<typeof UpdateCenterBody>;
export type DepartmentInput = z.input<typeof CreateDepartmentBody>;
export type DepartmentUpdate = z.input<typeof UpdateDepartmentBody>;
export type WindowInput = z.input<typeof CreateWindowBody>;
export type WindowUpdate = z.input<typeof UpdateWindowBody>;
export type StaffInput = z.input<typeof CreateStaffBody>;
export type StaffUpdate = z.input<typeof UpdateStaffBody>;
export type DelegationInput = z.input<typeof CreateDelegationBody>;
export type ResetPasswordInput = z.input<typeof ResetPasswordBody>;

export type CenterQuery = Partial<z.input<typeof CenterListQuery>>;
export type DepartmentQuery = Partial<z.input<typeof DepartmentListQuery>>;
export type WindowQuery = Partial<z.input<typeof WindowListQuery>>;
export type StaffQuery = Partial<z.input<typeof StaffListQuery>>;
export type DelegationQuery = Partial<z.input<typeof DelegationListQuery>>;
/** The catalogue's admin item list, used here to pick the items a department may delegate. */
export type DepartmentItemsQuery = Partial<z.input<typeof AdminItemsQuery>>;

type Ok = z.infer<typeof OkBody>;
const A = '/api/v1/admin';
const move = <T>(url: string, version: number) => http.post<T>(url, { version });

export const organisationApi = {
  // centers
  centers: (q: CenterQuery = {}) => http.get<CenterList>(`${A}/centers`, q),
  center: (id: string) => http.get<CenterDetail>(`${A}/centers/${id}`),
  createCenter: (b: CenterInput) => http.post<CenterDetail>(`${A}/centers`, b),
  updateCenter: (id: string, b: CenterUpdate) => http.put<CenterDetail>(`${A}/centers/${id}`, b),
  deactivateCenter: (id: string, version: number) => move<CenterDetail>(`${A}/centers/${id}/deactivate`, version),
  activateCenter: (id: string, version: number) => move<CenterDetail>(`${A}/centers/${id}/activate`, version),

  // departments
  departments: (q: DepartmentQuery = {}) => http.get<DepartmentList>(`${A}/departments`, q),
  department: (id: string) => http.get<Department>(`${A}/departments/${id}`),
  createDepartment: (b: DepartmentInput) => http.post<Department>(`${A}/departments`, b),
  updateDepartment: (id: string, b: DepartmentUpdate) => http.put<Department>(`${A}/departments/${id}`, b),
  deactivateDepartment: (id: string, version: number) => move<Department>(`${A}/departments/${id}/deactivate`, version),
  activateDepartment: (id: string, version: number) => move<Department>(`${A}/departments/${id}/activate`, version),

  // windows
  windows: (q: WindowQuery = {}) => http.get<WindowList>(`${A}/windows`, q),
  window: (id: string) => http.get<Window>(`${A}/windows/${id}`),
  createWindow: (b: WindowInput) => http.post<Window>(`${A}/windows`, b),
  updateWindow: (id: string, b: WindowUpdate) => http.put<Window>(`${A}/windows/${id}`, b),
  deactivateWindow: (id: string, version: number) => move<Window>(`${A}/windows/${id}/deactivate`, version),
  activateWindow: (id: string, version: number) => move<Window>(`${A}/windows/${id}/activate`, version),

  // staff accounts
  staff: (q: StaffQuery = {}) => http.get<StaffList>(`${A}/staff`, q),
  staffMember: (id: string) => http.get<StaffDetail>(`${A}/staff/${id}`),
  createStaff: (b: StaffInput) => http.post<StaffDetail>(`${A}/staff`, b),
  updateStaff: (id: string, b: StaffUpdate) => http.put<StaffDetail>(`${A}/staff/${id}`, b),
  resetPassword: (id: string, b: ResetPasswordInput) => http.post<StaffDetail>(`${A}/staff/${id}/reset-password`, b),
  deactivateStaff: (id: string, version: number) => move<StaffDetail>(`${A}/staff/${id}/deactivate`, version),
  activateStaff: (id: string, version: number) => move<StaffDetail>(`${A}/staff/${id}/activate`, version),
  unlockStaff: (id: string) => http.post<StaffDetail>(`${A}/staff/${id}/unlock`),

  // delegations (授权)
  delegations: (q: DelegationQuery = {}) => http.get<DelegationList>(`${A}/delegations`, q),
  createDelegation: (b: DelegationInput) => http.post<Delegation>(`${A}/delegations`, b),
  deleteDelegation: (id: string) => http.delete<Ok>(`${A}/delegations/${id}`),
  /** GET /api/v1/admin/items (catalogue API) — the department's items to choose from */
  items: (q: DepartmentItemsQuery) => http.get<AdminItemList>(`${A}/items`, q),
};
