/** Observation reports and the complaints supervisors handle: the only place their SQL is built. */
import type { ComplaintsTable, ObservationReportsTable } from '../db/schema.js';
import { toCount } from '../db/dialect.js';
import type { Executor } from '../services/context.js';
import { inScope, type ScopeGrant } from './supervision.js';

export async function findWindowPlace(db: Executor, id: string) {
  return db
    .selectFrom('windows')
    .innerJoin('centers', 'centers.id', 'windows.center_id')
    .select(['windows.id', 'windows.center_id', 'windows.active', 'centers.path as center_path'])
    .where('windows.id', '=', id)
    .executeTakeFirst();
}

// ——— observation reports ———

const observationQuery = (db: Executor) =>
  db
    .selectFrom('observation_reports')
    .innerJoin('centers', 'centers.id', 'observation_reports.center_id')
    .innerJoin('users', 'users.id', 'observation_reports.volunteer_user_id')
    .leftJoin('windows', 'windows.id', 'observation_reports.window_id')
    .selectAll('observation_reports')
    .select(['centers.path as center_path', 'centers.time_zone as center_time_zone', 'users.display_name as volunteer_name', 'windows.name as window_name']);
export type ObservationRow = NonNullable<Awaited<ReturnType<typeof findObservation>>>;

export async function insertObservation(db: Executor, row: ObservationReportsTable): Promise<void> {
  await db.insertInto('observation_reports').values(row).execute();
}

export async function findObservation(db: Executor, id: string) {
  return observationQuery(db).where('observation_reports.id', '=', id).executeTakeFirst();
}

/** Newest observed first; within the grants (supervisors) or one volunteer's own. */
export async function listObservations(db: Executor, f: { grants?: readonly ScopeGrant[]; volunteerUserId?: string; status?: string; offset: number; limit: number }) {
  let q = observationQuery(db);
  // a report concerns a center, not a department: a department-scoped grant never matches it
  if (f.grants) q = q.where((eb) => inScope(eb, f.grants!, 'centers.path', 'observation_reports.center_id'));
  if (f.volunteerUserId) q = q.where('observation_reports.volunteer_user_id', '=', f.volunteerUserId);
  if (f.status) q = q.where('observation_reports.status', '=', f.status);
  const [rows, total] = await Promise.all([
    q.orderBy('observation_reports.observed_at', 'desc').orderBy('observation_reports.id').offset(f.offset).limit(f.limit).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: toCount(total.n) };
}

export async function handleObservation(db: Executor, id: string, version: number, set: { handling: string; handled_by: string; handled_at: string }): Promise<boolean> {
  const r = await db
    .updateTable('observation_reports')
    .set({ ...set, status: 'handled', updated_at: set.handled_at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'filed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ——— complaints ———

export async function findComplaint(db: Executor, id: string) {
  return db
    .selectFrom('complaints')
    .innerJoin('centers', 'centers.id', 'complaints.center_id')
    .leftJoin('cases', 'cases.id', 'complaints.case_id')
    .leftJoin('windows', 'windows.id', 'complaints.window_id')
    .innerJoin('users', 'users.id', 'complaints.complainant_user_id')
    .leftJoin('hall_accounts', 'hall_accounts.user_id', 'complaints.complainant_user_id')
    .selectAll('complaints')
    .select([
      'centers.path as center_path', 'centers.time_zone as center_time_zone', 'cases.case_no', 'windows.name as window_name', 'users.display_name as complainant_name',
      'hall_accounts.real_name as complainant_real_name', 'hall_accounts.user_id as complainant_account', 'users.phone as complainant_phone',
    ])
    .where('complaints.id', '=', id)
    .executeTakeFirst();
}
export type HandledComplaintRow = NonNullable<Awaited<ReturnType<typeof findComplaint>>>;

export async function updateComplaint(db: Executor, id: string, version: number, set: Partial<Pick<ComplaintsTable, 'status' | 'history' | 'disposition' | 'feedback' | 'updated_at'>>): Promise<boolean> {
  const r = await db.updateTable('complaints').set({ ...set, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
