/** Table rows (see ../schema.ts): Cases, their actions, numbers, notices, the outbox and the message box. */

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
  /** 绿色通道 (0012): 1 while flagged, with its escort (领办人), as the last greenChannel action left it */
  green_channel: number;
  escort_id: string | null;
  /** the bundle run (一件事办件) the case is a child of, or null (0015) */
  bundle_run_id: string | null;
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
