/** Table types for Kysely. Conventions: see migrations/0001_foundation.ts. */
import type { Generated } from 'kysely';

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

export interface FilesTable {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  purpose: string;
  public: number;
  created_by: string | null;
  created_at: string;
}

export interface ItemsTable {
  id: string;
  center_id: string;
  code: string;
  department_id: string;
  published_version_id: string | null;
  latest_version_no: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ItemVersionsTable {
  id: string;
  item_id: string;
  version_no: number;
  status: string;
  name: string;
  department_id: string;
  handling_class: string;
  online_depth: string;
  themes: string;
  search_text: string;
  promised_limit: number;
  statutory_limit: number;
  data: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  published_by: string | null;
  version: number;
}

export interface DelegationsTable {
  id: string;
  department_id: string;
  item_id: string;
  note: string;
  granted_by: string | null;
  created_at: string;
}

export interface CalendarDaysTable {
  id: string;
  scope: string;
  date: string;
  workday: number;
  name: string | null;
  created_by: string | null;
  created_at: string;
}

export interface CalendarYearsTable {
  year: number;
  source: string;
  created_by: string | null;
  created_at: string;
}

export interface SettingsTable {
  scope: string;
  key: string;
  value: string;
  version: number;
  updated_at: string;
}

export interface ActionLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  role: string;
  client_ip: string;
  entity: string;
  entity_id: string;
  action: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

export interface ActionLogHeadTable {
  id: Generated<number>;
  seq: number;
  hash: string;
}

export interface CasesTable {
  id: string;
  center_id: string;
  case_no: string;
  verification_code: string;
  external_no: string | null;
  item_id: string;
  item_version_id: string;
  department_id: string;
  applicant_kind: string;
  applicant_name: string;
  applicant_id_number: string | null;
  applicant_uscc: string | null;
  applicant_phone: string;
  applicant_user_id: string | null;
  status: string;
  outcome: string | null;
  intake_date: string;
  accepted_on: string | null;
  promised_due: string | null;
  statutory_due: string | null;
  light: string | null;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CaseActionsTable {
  id: string;
  case_id: string;
  seq: number;
  kind: string;
  at: string;
  date: string;
  actor_id: string;
  role: string;
  /** JSON: the action without kind, at, date, actorId and role */
  payload: string;
}

export interface CaseNumberCountersTable {
  center_id: string;
  day: string;
  next_value: number;
}

export interface Database {
  centers: CentersTable;
  departments: DepartmentsTable;
  windows: WindowsTable;
  window_departments: WindowDepartmentsTable;
  window_roster: WindowRosterTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  user_windows: UserWindowsTable;
  sessions: SessionsTable;
  files: FilesTable;
  items: ItemsTable;
  item_versions: ItemVersionsTable;
  delegations: DelegationsTable;
  calendar_days: CalendarDaysTable;
  calendar_years: CalendarYearsTable;
  settings: SettingsTable;
  action_log: ActionLogTable;
  action_log_head: ActionLogHeadTable;
  cases: CasesTable;
  case_actions: CaseActionsTable;
  case_number_counters: CaseNumberCountersTable;
  case_notices: CaseNoticesTable;
  outbox: OutboxTable;
  messages: MessagesTable;
}

export interface CaseNoticesTable {
  id: string;
  case_id: string;
  kind: string;
  notice_no: string;
  seq: number;
  issued_on: string;
  file_id: string | null;
  created_at: string;
}

export interface OutboxTable {
  id: string;
  channel: string;
  template: string;
  case_id: string | null;
  recipient: string;
  recipient_user_id: string | null;
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  provider: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface MessagesTable {
  id: string;
  recipient_key: string;
  recipient_user_id: string | null;
  case_id: string | null;
  template: string;
  title: string;
  body: string;
  created_at: string;
  read_at: string | null;
}
