/** Table rows (see ../schema.ts) of migration 0013: online bundle applications. */

export interface BundleApplicationsTable {
  id: string;
  user_id: string;
  center_id: string;
  bundle_id: string;
  bundle_name: string;
  department_ids: string;
  applicant_kind: string;
  applicant_name: string;
  applicant_id_number: string | null;
  applicant_uscc: string | null;
  applicant_phone: string;
  /** JSON object: the combined form's checked values */
  form_data: string;
  /** JSON `[{ code, fileId }]` */
  materials: string;
  /** submitted | accepted | returned | withdrawn */
  status: string;
  run_id: string | null;
  /** JSON `{ reason, materials }` once returned */
  return_reason: string | null;
  submitted_at: string;
  decided_at: string | null;
  decided_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface BundleOnlineDatabase {
  bundle_applications: BundleApplicationsTable;
}
