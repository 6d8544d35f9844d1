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
