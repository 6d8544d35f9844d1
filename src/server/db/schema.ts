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
  /** co-departments copied on a joint case, space-separated ids (0009) */
  co_departments: string;
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
  hall_accounts: HallAccountsTable;
  hall_codes: HallCodesTable;
  hall_agents: HallAgentsTable;
  hall_drafts: HallDraftsTable;
  hall_draft_materials: HallDraftMaterialsTable;
  online_applications: OnlineApplicationsTable;
  case_materials: CaseMaterialsTable;
  evaluations: EvaluationsTable;
  consultations: ConsultationsTable;
  complaints: ComplaintsTable;
  cache_revisions: CacheRevisionsTable;
  timers: TimersTable;
  bundles: BundlesTable;
  cards: CardsTable;
  light_snapshots: LightSnapshotsTable;
  window_current: WindowCurrentTable;
  rating_occasions: RatingOccasionsTable;
  rectifications: RectificationsTable;
  supervision_orders: SupervisionOrdersTable;
  anomalies: AnomaliesTable;
  follow_ups: FollowUpsTable;
  observation_reports: ObservationReportsTable;
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

export interface TimersTable {
  id: string;
  kind: string;
  case_id: string | null;
  /** ISO instant it is (next) due */
  due_at: string;
  /** unique idempotency key, e.g. supplementExpiry:<caseId>:<seq> */
  key: string;
  /** JSON */
  payload: string;
  status: string;
  attempts: number;
  last_error: string | null;
  fired_at: string | null;
  created_at: string;
}

/** A random token per kind of data kept built in memory, replaced on every write (0004). */
export interface CacheRevisionsTable {
  name: string;
  revision: string;
}

// ——— online hall (0006) ———

export interface HallAccountsTable {
  user_id: string;
  identity_kind: string | null;
  real_name: string;
  id_number: string | null;
  uscc: string | null;
  legal_rep: string;
  identity_at: string | null;
  mobile_verified: number;
  email_verified: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface HallCodesTable {
  id: string;
  purpose: string;
  target: string;
  code_hash: string;
  ip: string;
  attempts: number;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface HallAgentsTable {
  id: string;
  principal_user_id: string;
  agent_user_id: string;
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface HallDraftsTable {
  id: string;
  user_id: string;
  principal_user_id: string;
  item_id: string;
  /** JSON: the form values as typed */
  form_data: string;
  case_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface HallDraftMaterialsTable {
  id: string;
  draft_id: string;
  material_code: string;
  file_id: string;
  created_at: string;
}

export interface OnlineApplicationsTable {
  case_id: string;
  draft_id: string;
  submitted_by: string;
  /** JSON: the checked form values */
  form_data: string;
  submitted_on: string;
  /** business date the pre-review (网上预审) is due */
  prereview_due: string;
  created_at: string;
  updated_at: string;
}

export interface CaseMaterialsTable {
  id: string;
  case_id: string;
  material_code: string;
  file_id: string;
  /** 'pending' | 'submitted' | 'replaced' */
  status: string;
  round: number;
  uploaded_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EvaluationsTable {
  id: string;
  case_id: string;
  center_id: string;
  department_id: string;
  window_id: string | null;
  item_id: string;
  occasion: string;
  channel: string;
  level: string;
  comment: string;
  rater_user_id: string | null;
  created_at: string;
  /** 0008: the indicator set rated under ('' = the channel's set) and the scores by indicator (JSON) */
  indicator_set?: string;
  indicators?: string;
}

export interface ConsultationsTable {
  id: string;
  center_id: string;
  department_id: string;
  item_id: string;
  asker_user_id: string;
  question: string;
  status: string;
  due_date: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  public: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ComplaintsTable {
  id: string;
  center_id: string;
  subject: string;
  case_id: string | null;
  window_id: string | null;
  department_id: string | null;
  staff_name: string;
  complainant_user_id: string;
  content: string;
  status: string;
  due_date: string;
  version: number;
  created_at: string;
  updated_at: string;
  /** 0008: the handling steps (JSON), the disposition and the feedback to the complainant */
  history?: string;
  disposition?: string;
  feedback?: string;
}

/** 一件事 (0007): `themes` and `stages` are JSON. */
export interface BundlesTable {
  id: string;
  center_id: string;
  code: string;
  name: string;
  summary: string;
  themes: string;
  stages: string;
  status: string;
  published_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

// ——— supervision and evaluation (0008) ———

export interface CardsTable {
  id: string;
  center_id: string;
  department_id: string | null;
  case_id: string | null;
  /** 'case' | 'task' | 'order' | 'rectification' */
  subject_type: string;
  subject_id: string;
  subject_label: string;
  level: string;
  status: string;
  issued_on: string;
  escalated_on: string | null;
  /** JSON { reason, by, on } */
  appeal: string | null;
  /** JSON { upheld, reason, by, on } */
  ruling: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LightSnapshotsTable {
  center_id: string;
  department_id: string;
  day: string;
  green: number;
  warning: number;
  yellow_card: number;
  red_card: number;
  created_at: string;
}

export interface WindowCurrentTable {
  window_id: string;
  case_id: string;
  user_id: string;
  at: string;
}

export interface RatingOccasionsTable {
  id: string;
  case_id: string;
  center_id: string;
  department_id: string;
  occasion: string;
  opened_on: string;
  closes_on: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface RectificationsTable {
  id: string;
  evaluation_id: string;
  case_id: string;
  center_id: string;
  department_id: string;
  status: string;
  due: string | null;
  overdue: number;
  /** JSON: the domain's RectificationEvent list */
  events: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SupervisionOrdersTable {
  id: string;
  center_id: string;
  department_id: string;
  case_id: string | null;
  anomaly_id: string | null;
  content: string;
  status: string;
  issued_on: string;
  due: string;
  answers: string;
  returns: string;
  closed_on: string | null;
  issued_by: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AnomaliesTable {
  id: string;
  case_id: string;
  center_id: string;
  department_id: string;
  rule: string;
  seq: number;
  message: string;
  message_en: string;
  status: string;
  disposition: string;
  closed_by: string | null;
  closed_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface FollowUpsTable {
  id: string;
  case_id: string;
  center_id: string;
  department_id: string;
  month: string;
  assignee_user_id: string | null;
  status: string;
  result: string | null;
  note: string;
  visited_on: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ObservationReportsTable {
  id: string;
  center_id: string;
  window_id: string | null;
  volunteer_user_id: string;
  observed_at: string;
  content: string;
  rating: string;
  status: string;
  handling: string | null;
  handled_by: string | null;
  handled_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}
