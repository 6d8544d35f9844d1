/** Table rows (see ../schema.ts) of migration 0010: bundle runs (一件事办件) and their child cases. */

export interface BundleRunsTable {
  id: string;
  center_id: string;
  bundle_id: string;
  /** `YJS` + the center's case number scheme (the same daily counter): see services/bundle-case/start.ts */
  run_no: string;
  verification_code: string;
  bundle_name: string;
  /** JSON `[{ name, itemIds }]`: the bundle's stages when the run started */
  stages: string;
  /** space-separated ids of the departments of the bundle's items */
  department_ids: string;
  applicant_kind: string;
  applicant_name: string;
  applicant_id_number: string | null;
  applicant_uscc: string | null;
  applicant_phone: string;
  /** the applicant's hall account when the run came from an online application (0013); its child cases carry it */
  applicant_user_id: string | null;
  /** JSON: the combined form's values as checked */
  form_data: string;
  /** JSON `[{ code, name, required, received }]`: the combined checklist as it stood at acceptance */
  materials: string;
  /** 'inProgress' | 'concluded' | 'stopped' */
  status: string;
  /** 0-based index of the stage in progress (the last one once concluded) */
  stage: number;
  accepted_on: string;
  promised_limit: number;
  promised_due: string;
  statutory_limit: number;
  statutory_due: string;
  ended_on: string | null;
  /** the child case that stopped the run, and why */
  stop_case_id: string | null;
  stop_reason: string | null;
  /** payments of the fee sheet so far (receipt numbers `{runNo}-F{nn}`) */
  payments: number;
  /** the clerk who accepted the run: later stages' cases are taken in and accepted in their name */
  created_by: string;
  created_role: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface BundleRunCasesTable {
  case_id: string;
  run_id: string;
  stage: number;
  position: number;
  item_id: string;
}

export interface BundleCasesDatabase {
  bundle_runs: BundleRunsTable;
  bundle_run_cases: BundleRunCasesTable;
}
