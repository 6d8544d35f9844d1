/** Table rows (see ../schema.ts): Evaluation and supervision: ratings, cards, light snapshots, rectifications, orders, anomalies, follow-ups, observations. */

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
