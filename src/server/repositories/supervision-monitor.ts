/** The monitor's extra subjects beyond running cases (repositories/supervision.ts): online pre-reviews. */
import type { Executor } from '../services/context.js';
import { inScope, type ScopeGrant } from './supervision.js';

/** Online applications submitted and not yet pre-reviewed (accepted, refused or sent back), in scope. */
export async function listWaitingPrereviews(db: Executor, f: { grants: readonly ScopeGrant[]; centerId?: string; departmentId?: string; itemId?: string }) {
  let q = db
    .selectFrom('cases')
    .innerJoin('online_applications', 'online_applications.case_id', 'cases.id')
    .innerJoin('centers', 'centers.id', 'cases.center_id')
    .innerJoin('departments', 'departments.id', 'cases.department_id')
    .innerJoin('item_versions', 'item_versions.id', 'cases.item_version_id')
    .where((eb) => inScope(eb, f.grants, 'centers.path', 'cases.department_id'))
    .where('cases.status', '=', 'submitted');
  if (f.centerId) q = q.where('cases.center_id', '=', f.centerId);
  if (f.departmentId) q = q.where('cases.department_id', '=', f.departmentId);
  if (f.itemId) q = q.where('cases.item_id', '=', f.itemId);
  return q
    .select([
      'cases.id', 'cases.case_no', 'cases.center_id', 'cases.department_id', 'cases.item_id', 'cases.status', 'online_applications.prereview_due',
      'centers.path as center_path', 'centers.name as center_name', 'centers.time_zone as center_time_zone', 'departments.name as department_name',
      'item_versions.name as item_name',
    ])
    .orderBy('online_applications.prereview_due')
    .limit(5000)
    .execute();
}

/** Consultations not yet answered, in scope (the item's department). */
export async function listOpenConsultations(db: Executor, f: { grants: readonly ScopeGrant[]; centerId?: string; departmentId?: string; itemId?: string }) {
  let q = db
    .selectFrom('consultations')
    .innerJoin('centers', 'centers.id', 'consultations.center_id')
    .innerJoin('departments', 'departments.id', 'consultations.department_id')
    .innerJoin('items', 'items.id', 'consultations.item_id')
    .leftJoin('item_versions', 'item_versions.id', 'items.published_version_id')
    .where((eb) => inScope(eb, f.grants, 'centers.path', 'consultations.department_id'))
    .where('consultations.answered_at', 'is', null);
  if (f.centerId) q = q.where('consultations.center_id', '=', f.centerId);
  if (f.departmentId) q = q.where('consultations.department_id', '=', f.departmentId);
  if (f.itemId) q = q.where('consultations.item_id', '=', f.itemId);
  return q
    .select([
      'consultations.id', 'consultations.center_id', 'consultations.department_id', 'consultations.item_id', 'consultations.status', 'consultations.due_date',
      'centers.path as center_path', 'centers.name as center_name', 'centers.time_zone as center_time_zone', 'departments.name as department_name',
      'item_versions.name as item_name',
    ])
    .orderBy('consultations.due_date')
    .limit(5000)
    .execute();
}

/** Complaints not yet fed back to the complainant, in scope (their department; none: center-wide readers only). */
export async function listOpenComplaints(db: Executor, f: { grants: readonly ScopeGrant[]; centerId?: string; departmentId?: string }) {
  let q = db
    .selectFrom('complaints')
    .innerJoin('centers', 'centers.id', 'complaints.center_id')
    .leftJoin('departments', 'departments.id', 'complaints.department_id')
    .leftJoin('cases', 'cases.id', 'complaints.case_id')
    .where((eb) => inScope(eb, f.grants, 'centers.path', 'complaints.department_id'))
    .where('complaints.status', 'in', ['received', 'accepted', 'investigating', 'disposed']);
  if (f.centerId) q = q.where('complaints.center_id', '=', f.centerId);
  if (f.departmentId) q = q.where('complaints.department_id', '=', f.departmentId);
  return q
    .select([
      'complaints.id', 'complaints.center_id', 'complaints.department_id', 'complaints.case_id', 'complaints.subject', 'complaints.status', 'complaints.due_date',
      'cases.case_no', 'centers.path as center_path', 'centers.name as center_name', 'centers.time_zone as center_time_zone', 'departments.name as department_name',
    ])
    .orderBy('complaints.due_date')
    .limit(5000)
    .execute();
}
