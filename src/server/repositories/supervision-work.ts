/**
 * The supervision office's work lists — anomalies, supervision orders, follow-up visits,
 * observation reports — the only place their SQL is built.
 */
import type { AnomaliesTable, FollowUpsTable, SupervisionOrdersTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';
import { inScope, type ScopeGrant } from './supervision.js';

// ——— anomalies ———

export async function insertAnomalies(db: Executor, rows: readonly AnomaliesTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('anomalies').values([...rows]).onConflict((oc) => oc.columns(['case_id', 'rule', 'seq']).doNothing()).execute();
}

const anomalyQuery = (db: Executor) =>
  db
    .selectFrom('anomalies')
    .innerJoin('cases', 'cases.id', 'anomalies.case_id')
    .innerJoin('centers', 'centers.id', 'anomalies.center_id')
    .innerJoin('departments', 'departments.id', 'anomalies.department_id')
    .selectAll('anomalies')
    .select(['cases.case_no', 'centers.path as center_path', 'centers.name as center_name', 'departments.name as department_name']);
export type AnomalyRow = NonNullable<Awaited<ReturnType<typeof findAnomaly>>>;

export async function findAnomaly(db: Executor, id: string) {
  return anomalyQuery(db).where('anomalies.id', '=', id).executeTakeFirst();
}

export async function listAnomalies(db: Executor, f: { grants: readonly ScopeGrant[]; status?: string; rule?: string; caseId?: string; offset: number; limit: number }) {
  let q = anomalyQuery(db).where((eb) => inScope(eb, f.grants, 'centers.path', 'anomalies.department_id'));
  if (f.status) q = q.where('anomalies.status', '=', f.status);
  if (f.rule) q = q.where('anomalies.rule', '=', f.rule);
  if (f.caseId) q = q.where('anomalies.case_id', '=', f.caseId);
  const all = await q.orderBy('anomalies.created_at', 'desc').orderBy('anomalies.id').execute();
  return { rows: all.slice(f.offset, f.offset + f.limit), total: all.length };
}

export async function closeAnomaly(db: Executor, id: string, version: number, set: { disposition: string; closed_by: string; closed_at: string }): Promise<boolean> {
  const r = await db.updateTable('anomalies').set({ ...set, status: 'closed', updated_at: set.closed_at, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ——— supervision orders ———

export async function insertOrder(db: Executor, row: SupervisionOrdersTable): Promise<void> {
  await db.insertInto('supervision_orders').values(row).execute();
}

export async function updateOrder(db: Executor, id: string, version: number, set: Pick<SupervisionOrdersTable, 'status' | 'answers' | 'returns' | 'closed_on' | 'updated_at'>): Promise<boolean> {
  const r = await db.updateTable('supervision_orders').set({ ...set, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

const orderQuery = (db: Executor) =>
  db
    .selectFrom('supervision_orders')
    .innerJoin('centers', 'centers.id', 'supervision_orders.center_id')
    .innerJoin('departments', 'departments.id', 'supervision_orders.department_id')
    .leftJoin('cases', 'cases.id', 'supervision_orders.case_id')
    .selectAll('supervision_orders')
    .select(['cases.case_no', 'centers.path as center_path', 'centers.name as center_name', 'centers.time_zone as center_time_zone', 'departments.name as department_name']);
export type OrderRow = NonNullable<Awaited<ReturnType<typeof findOrder>>>;

export async function findOrder(db: Executor, id: string) {
  return orderQuery(db).where('supervision_orders.id', '=', id).executeTakeFirst();
}

export async function listOrders(db: Executor, f: { grants: readonly ScopeGrant[]; status?: string; offset: number; limit: number }) {
  let q = orderQuery(db).where((eb) => inScope(eb, f.grants, 'centers.path', 'supervision_orders.department_id'));
  if (f.status) q = q.where('supervision_orders.status', '=', f.status);
  const all = await q.orderBy('supervision_orders.due').orderBy('supervision_orders.id').execute();
  return { rows: all.slice(f.offset, f.offset + f.limit), total: all.length };
}

/** Open orders of the center due before `today` (overdue). */
export async function overdueOrders(db: Executor, centerId: string, today: string) {
  return orderQuery(db).where('supervision_orders.center_id', '=', centerId).where('supervision_orders.status', '=', 'open').where('supervision_orders.due', '<', today).execute();
}

// ——— follow-up visits ———

export async function followUpsExist(db: Executor, centerId: string, month: string): Promise<boolean> {
  return (await db.selectFrom('follow_ups').select('id').where('center_id', '=', centerId).where('month', '=', month).limit(1).executeTakeFirst()) !== undefined;
}

/** Cases of the center whose conclusion occasion opened in the month (`YYYY-MM`): the concluded ones. */
export async function concludedInMonth(db: Executor, centerId: string, month: string) {
  return db
    .selectFrom('rating_occasions')
    .select(['case_id', 'department_id'])
    .where('center_id', '=', centerId)
    .where('occasion', 'in', ['conclusion', 'whole'])
    .where('opened_on', '>=', `${month}-01`)
    .where('opened_on', '<=', `${month}-31`)
    .orderBy('case_id')
    .execute();
}

export async function insertFollowUps(db: Executor, rows: readonly FollowUpsTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('follow_ups').values([...rows]).onConflict((oc) => oc.column('case_id').doNothing()).execute();
}

const followUpQuery = (db: Executor) =>
  db
    .selectFrom('follow_ups')
    .innerJoin('cases', 'cases.id', 'follow_ups.case_id')
    .innerJoin('centers', 'centers.id', 'follow_ups.center_id')
    .innerJoin('departments', 'departments.id', 'follow_ups.department_id')
    .innerJoin('item_versions', 'item_versions.id', 'cases.item_version_id')
    .selectAll('follow_ups')
    .select(['cases.case_no', 'cases.applicant_name', 'cases.applicant_phone', 'item_versions.name as item_name', 'centers.path as center_path', 'centers.time_zone as center_time_zone', 'departments.name as department_name']);
export type FollowUpRow = NonNullable<Awaited<ReturnType<typeof findFollowUp>>>;

export async function findFollowUp(db: Executor, id: string) {
  return followUpQuery(db).where('follow_ups.id', '=', id).executeTakeFirst();
}

export async function listFollowUps(db: Executor, f: { grants: readonly ScopeGrant[]; month?: string; status?: string; offset: number; limit: number }) {
  let q = followUpQuery(db).where((eb) => inScope(eb, f.grants, 'centers.path', 'follow_ups.department_id'));
  if (f.month) q = q.where('follow_ups.month', '=', f.month);
  if (f.status) q = q.where('follow_ups.status', '=', f.status);
  const all = await q.orderBy('follow_ups.month', 'desc').orderBy('cases.case_no').execute();
  return { rows: all.slice(f.offset, f.offset + f.limit), total: all.length };
}

export async function updateFollowUp(db: Executor, id: string, version: number, set: Partial<Pick<FollowUpsTable, 'assignee_user_id' | 'status' | 'result' | 'note' | 'visited_on' | 'updated_at'>>): Promise<boolean> {
  const r = await db.updateTable('follow_ups').set({ ...set, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
