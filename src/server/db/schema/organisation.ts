/** Table rows (see ../schema.ts): Centers, departments, windows, accounts, sessions and delegations. */

export interface CentersTable {
  id: string;
  parent_id: string | null;
  path: string;
  name: string;
  kind: string;
  area_code: string;
  address: string;
  phone: string;
  time_zone: string;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DepartmentsTable {
  id: string;
  center_id: string;
  code: string;
  name: string;
  short_name: string;
  liaison_name: string;
  liaison_phone: string;
  leader_name: string;
  leader_phone: string;
  sort: number;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface WindowsTable {
  id: string;
  center_id: string;
  code: string;
  name: string;
  kind: string;
  department_id: string | null;
  location: string;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface WindowDepartmentsTable {
  window_id: string;
  department_id: string;
}

export interface WindowRosterTable {
  window_id: string;
  weekday: number;
  department_id: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  kind: string;
  password_hash: string;
  phone: string;
  email: string;
  center_id: string | null;
  department_id: string | null;
  active: number;
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UserRolesTable {
  id: string;
  user_id: string;
  role: string;
  center_id: string | null;
  department_id: string | null;
}

export interface UserWindowsTable {
  user_id: string;
  window_id: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string;
  user_agent: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface DelegationsTable {
  id: string;
  department_id: string;
  item_id: string;
  note: string;
  granted_by: string | null;
  created_at: string;
}
