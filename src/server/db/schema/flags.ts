/** Table rows (see ../schema.ts) of migration 0012: credit records and denial reports (the green channel is two columns of `cases`). */

export interface CreditRecordsTable {
  id: string;
  center_id: string;
  /** person (ID number) | enterprise (unified social credit code) */
  subject_kind: string;
  subject_no: string;
  subject_name: string;
  /** manual (a supervisor) | falsePledge (the system, on a case terminated for a false pledge) */
  source: string;
  reason: string;
  case_id: string | null;
  recorded_by: string;
  recorded_at: string;
  lifted_by: string | null;
  lifted_at: string | null;
  lift_reason: string | null;
  version: number;
}

export interface DenialReportsTable {
  id: string;
  case_id: string;
  center_id: string;
  department_id: string;
  case_no: string;
  item_name: string;
  /** JSON array of the written reasons */
  reasons: string;
  denied_on: string;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  version: number;
  created_at: string;
}

export interface CaseFlagsDatabase {
  credit_records: CreditRecordsTable;
  denial_reports: DenialReportsTable;
}
