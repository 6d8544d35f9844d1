/** Table rows (see ../schema.ts): The online hall: accounts, codes, agents, drafts, applications, materials, consultations, complaints. */

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
