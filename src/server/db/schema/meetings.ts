/** Table rows (see ../schema.ts) of migration 0011: joint review meetings (联审会). */

export interface MeetingsTable {
  id: string;
  case_id: string;
  center_id: string;
  topic: string;
  place: string;
  /** ISO instant (UTC) */
  starts_at: string;
  /** 'scheduled' | 'cancelled' | 'recorded' */
  status: string;
  minutes: string;
  cancel_reason: string;
  scheduled_by: string;
  recorded_by: string | null;
  recorded_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MeetingDepartmentsTable {
  meeting_id: string;
  department_id: string;
  sort: number;
  /** null until the meeting is recorded; 'present' | 'absent' */
  attendance: string | null;
  /** JSON array of attendee names */
  attendees: string;
}

export interface MeetingDecisionsTable {
  id: string;
  meeting_id: string;
  seq: number;
  department_id: string;
  content: string;
  limit_days: number;
  /** the case task the decision became */
  task_id: string;
}

export interface MeetingsDatabase {
  meetings: MeetingsTable;
  meeting_departments: MeetingDepartmentsTable;
  meeting_decisions: MeetingDecisionsTable;
}
