/** Credit records (信用记录) and denial reports (否定报备): the only place their SQL is built. */
import type { CreditRecordsTable, DenialReportsTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';
import { inScope, type ScopeGrant } from './supervision.js';

// ——— credit records ———

const creditQuery = (db: Executor) =>
  db
    .selectFrom('credit_records')
    .innerJoin('centers', 'centers.id', 'credit_records.center_id')
    .leftJoin('cases', 'cases.id', 'credit_records.case_id')
    .leftJoin('users', 'users.id', 'credit_records.recorded_by')
    .selectAll('credit_records')
    .select(['centers.path as center_path', 'centers.time_zone as center_time_zone', 'cases.case_no', 'users.display_name as recorded_by_name']);
export type CreditRow = NonNullable<Awaited<ReturnType<typeof findCreditRecord>>>;

export async function findCreditRecord(db: Executor, id: string) {
  return creditQuery(db).where('credit_records.id', '=', id).executeTakeFirst();
}

/** Center-wide grants only: a record names no department. */
export async function listCreditRecords(db: Executor, f: { grants: readonly ScopeGrant[]; subjectNo?: string; active?: boolean; offset: number; limit: number }) {
  const grants = f.grants.filter((g) => g.departmentId === null);
  if (grants.length === 0) return { rows: [], total: 0 };
  let q = creditQuery(db).where((eb) => inScope(eb, grants, 'centers.path', 'credit_records.center_id'));
  if (f.subjectNo) q = q.where('credit_records.subject_no', '=', f.subjectNo);
  if (f.active !== undefined) q = q.where('credit_records.lifted_at', f.active ? 'is' : 'is not', null);
  const all = await q.orderBy('credit_records.recorded_at', 'desc').orderBy('credit_records.id').execute();
  return { rows: all.slice(f.offset, f.offset + f.limit), total: all.length };
}

/** Does any center hold an active record against this ID number or USCC? (a bar anywhere is a bar) */
export async function hasActiveCreditRecord(db: Executor, subjectNo: string): Promise<boolean> {
  const r = await db.selectFrom('credit_records').select('id').where('subject_no', '=', subjectNo).where('lifted_at', 'is', null).limit(1).executeTakeFirst();
  return r !== undefined;
}

export async function insertCreditRecord(db: Executor, row: CreditRecordsTable): Promise<void> {
  await db.insertInto('credit_records').values(row).execute();
}

export async function liftCreditRecord(db: Executor, id: string, version: number, set: { lifted_by: string; lifted_at: string; lift_reason: string }): Promise<boolean> {
  const r = await db.updateTable('credit_records').set({ ...set, version: version + 1 }).where('id', '=', id).where('version', '=', version).where('lifted_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ——— denial reports ———

const denialQuery = (db: Executor) =>
  db
    .selectFrom('denial_reports')
    .innerJoin('centers', 'centers.id', 'denial_reports.center_id')
    .innerJoin('departments', 'departments.id', 'denial_reports.department_id')
    .leftJoin('users', 'users.id', 'denial_reports.acknowledged_by')
    .selectAll('denial_reports')
    .select(['centers.path as center_path', 'centers.time_zone as center_time_zone', 'departments.name as department_name', 'users.display_name as acknowledged_by_name']);
export type DenialRow = NonNullable<Awaited<ReturnType<typeof findDenialReport>>>;

export async function findDenialReport(db: Executor, id: string) {
  return denialQuery(db).where('denial_reports.id', '=', id).executeTakeFirst();
}

export async function listDenialReports(db: Executor, f: { grants: readonly ScopeGrant[]; acknowledged?: boolean; offset: number; limit: number }) {
  let q = denialQuery(db).where((eb) => inScope(eb, f.grants, 'centers.path', 'denial_reports.department_id'));
  if (f.acknowledged !== undefined) q = q.where('denial_reports.acknowledged_at', f.acknowledged ? 'is not' : 'is', null);
  const all = await q.orderBy('denial_reports.created_at', 'desc').orderBy('denial_reports.id').execute();
  return { rows: all.slice(f.offset, f.offset + f.limit), total: all.length };
}

/** One report per case (a unique index): a second denial of the same case is not reported twice. */
export async function insertDenialReport(db: Executor, row: DenialReportsTable): Promise<boolean> {
  const r = await db.insertInto('denial_reports').values(row).onConflict((oc) => oc.column('case_id').doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function acknowledgeDenialReport(db: Executor, id: string, version: number, set: { acknowledged_by: string; acknowledged_at: string }): Promise<boolean> {
  const r = await db.updateTable('denial_reports').set({ ...set, version: version + 1 }).where('id', '=', id).where('version', '=', version).where('acknowledged_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
