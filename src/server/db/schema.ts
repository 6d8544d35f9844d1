/** Table types for Kysely, one file per area in schema/. Conventions: see migrations/0001_foundation.ts. */

import type { CentersTable, DepartmentsTable, WindowsTable, WindowDepartmentsTable, WindowRosterTable, UsersTable, UserRolesTable, UserWindowsTable, SessionsTable, DelegationsTable } from './schema/organisation.js';
import type { FilesTable, ItemsTable, ItemVersionsTable, BundlesTable } from './schema/catalogue.js';
import type { CalendarDaysTable, CalendarYearsTable, SettingsTable, ActionLogTable, ActionLogHeadTable, CacheRevisionsTable, TimersTable } from './schema/system.js';
import type { CasesTable, CaseActionsTable, CaseNumberCountersTable, CaseNoticesTable, OutboxTable, MessagesTable } from './schema/cases.js';
import type { HallAccountsTable, HallCodesTable, HallAgentsTable, HallDraftsTable, HallDraftMaterialsTable, OnlineApplicationsTable, CaseMaterialsTable, ConsultationsTable, ComplaintsTable } from './schema/hall.js';
import type { EvaluationsTable, CardsTable, LightSnapshotsTable, WindowCurrentTable, RatingOccasionsTable, RectificationsTable, SupervisionOrdersTable, AnomaliesTable, FollowUpsTable, ObservationReportsTable } from './schema/supervision.js';

export type { CentersTable, DepartmentsTable, WindowsTable, WindowDepartmentsTable, WindowRosterTable, UsersTable, UserRolesTable, UserWindowsTable, SessionsTable, DelegationsTable } from './schema/organisation.js';
export type { FilesTable, ItemsTable, ItemVersionsTable, BundlesTable } from './schema/catalogue.js';
export type { CalendarDaysTable, CalendarYearsTable, SettingsTable, ActionLogTable, ActionLogHeadTable, CacheRevisionsTable, TimersTable } from './schema/system.js';
export type { CasesTable, CaseActionsTable, CaseNumberCountersTable, CaseNoticesTable, OutboxTable, MessagesTable } from './schema/cases.js';
export type { HallAccountsTable, HallCodesTable, HallAgentsTable, HallDraftsTable, HallDraftMaterialsTable, OnlineApplicationsTable, CaseMaterialsTable, ConsultationsTable, ComplaintsTable } from './schema/hall.js';
export type { EvaluationsTable, CardsTable, LightSnapshotsTable, WindowCurrentTable, RatingOccasionsTable, RectificationsTable, SupervisionOrdersTable, AnomaliesTable, FollowUpsTable, ObservationReportsTable } from './schema/supervision.js';
import type { BundleCasesDatabase } from './schema/bundle-cases.js';
import type { MeetingsDatabase } from './schema/meetings.js';
import type { CaseFlagsDatabase } from './schema/flags.js';
import type { BundleOnlineDatabase } from './schema/bundle-online.js';

export type * from './schema/bundle-cases.js';
export type * from './schema/meetings.js';
export type * from './schema/flags.js';
export type * from './schema/bundle-online.js';

export interface Database extends BundleCasesDatabase, MeetingsDatabase, CaseFlagsDatabase, BundleOnlineDatabase {
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
