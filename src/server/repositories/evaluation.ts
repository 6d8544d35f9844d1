/**
 * Evaluation (好差评): rating occasions, ratings, the case a window handled last, rectifications
 * and the counts behind the published figures — the only place their SQL is built.
 */
import { sql, type SqlBool } from 'kysely';
import { escapeLike } from '../db/dialect.js';
import type { EvaluationsTable, RatingOccasionsTable, RectificationsTable, WindowCurrentTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';
import { preparedInsert } from './prepared-insert.js';
import { inScope, type ScopeGrant } from './supervision.js';

// ——— the case a window acted on last ———

export async function setWindowCurrent(db: Executor, rows: readonly WindowCurrentTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('window_current')
    .values([...rows])
    .onConflict((oc) => oc.column('window_id').doUpdateSet((eb) => ({ case_id: eb.ref('excluded.case_id'), user_id: eb.ref('excluded.user_id'), at: eb.ref('excluded.at') })))
    .execute();
}

/** The window with its center and the case it handled last (with what the screen shows of it). */
export async function findWindowScreen(db: Executor, windowId: string) {
  return db
    .selectFrom('windows')
    .innerJoin('centers', 'centers.id', 'windows.center_id')
    .leftJoin('window_current', 'window_current.window_id', 'windows.id')
    .leftJoin('cases', 'cases.id', 'window_current.case_id')
    .leftJoin('item_versions', 'item_versions.id', 'cases.item_version_id')
    .leftJoin('users', 'users.id', 'window_current.user_id')
    .select([
      'windows.id', 'windows.name', 'windows.active', 'windows.center_id', 'centers.path as center_path', 'centers.time_zone', 'centers.name as center_name',
      'window_current.case_id', 'window_current.at as handled_at', 'cases.case_no', 'cases.applicant_name', 'item_versions.name as item_name',
      'users.display_name as clerk_name',
    ])
    .where('windows.id', '=', windowId)
    .executeTakeFirst();
}

// ——— occasions ———

export async function insertOccasion(db: Executor, row: RatingOccasionsTable): Promise<boolean> {
  const r = await insertOccasionQuery(db, [row]);
  return Number(r.numAffectedRows ?? 0) === 1;
}
const insertOccasionQuery = preparedInsert<RatingOccasionsTable>((db, v) =>
  db.insertInto('rating_occasions').values(v).onConflict((oc) => oc.columns(['case_id', 'occasion']).doNothing()),
);

export async function findOccasion(db: Executor, id: string) {
  return occasionQuery(db).where('rating_occasions.id', '=', id).executeTakeFirst();
}

export async function findCaseOccasions(db: Executor, caseId: string) {
  return occasionQuery(db).where('rating_occasions.case_id', '=', caseId).orderBy('rating_occasions.opened_on').orderBy('rating_occasions.created_at').execute();
}

const occasionQuery = (db: Executor) =>
  db
    .selectFrom('rating_occasions')
    .innerJoin('cases', 'cases.id', 'rating_occasions.case_id')
    .innerJoin('centers', 'centers.id', 'rating_occasions.center_id')
    .innerJoin('item_versions', 'item_versions.id', 'cases.item_version_id')
    .selectAll('rating_occasions')
    .select(['cases.case_no', 'cases.item_id', 'cases.applicant_phone', 'cases.applicant_name', 'centers.path as center_path', 'centers.time_zone', 'item_versions.name as item_name']);
export type OccasionRow = NonNullable<Awaited<ReturnType<typeof findOccasion>>>;

export async function setOccasionStatus(db: Executor, id: string, status: string, at: string): Promise<void> {
  await db.updateTable('rating_occasions').set({ status, updated_at: at }).where('id', '=', id).execute();
}

/** Open occasions of the center whose rating period ended before `today`. */
export async function lapsedOccasions(db: Executor, centerId: string, today: string) {
  return occasionQuery(db).where('rating_occasions.center_id', '=', centerId).where('rating_occasions.status', '=', 'open').where('rating_occasions.closes_on', '<', today).execute();
}

// ——— ratings ———

export async function insertRating(db: Executor, row: Required<EvaluationsTable>): Promise<void> {
  await db.insertInto('evaluations').values(row).execute();
}

export async function ratingsOfCase(db: Executor, caseId: string): Promise<EvaluationsTable[]> {
  return db.selectFrom('evaluations').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
}

export async function findRating(db: Executor, id: string): Promise<EvaluationsTable | undefined> {
  return db.selectFrom('evaluations').selectAll().where('id', '=', id).executeTakeFirst();
}

// ——— rectifications ———

export async function insertRectification(db: Executor, row: RectificationsTable): Promise<void> {
  await db.insertInto('rectifications').values(row).onConflict((oc) => oc.column('evaluation_id').doNothing()).execute();
}

export async function updateRectification(db: Executor, id: string, version: number, set: Pick<RectificationsTable, 'status' | 'due' | 'overdue' | 'events' | 'updated_at'>): Promise<boolean> {
  const r = await db.updateTable('rectifications').set({ ...set, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

const rectificationQuery = (db: Executor) =>
  db
    .selectFrom('rectifications')
    .innerJoin('cases', 'cases.id', 'rectifications.case_id')
    .innerJoin('centers', 'centers.id', 'rectifications.center_id')
    .innerJoin('departments', 'departments.id', 'rectifications.department_id')
    .innerJoin('item_versions', 'item_versions.id', 'cases.item_version_id')
    .innerJoin('evaluations', 'evaluations.id', 'rectifications.evaluation_id')
    .selectAll('rectifications')
    .select([
      'cases.case_no', 'cases.item_id', 'item_versions.name as item_name', 'centers.path as center_path', 'centers.name as center_name', 'centers.time_zone as center_time_zone',
      'departments.name as department_name', 'evaluations.level as rating_level', 'evaluations.comment as rating_comment', 'evaluations.channel as rating_channel',
      'evaluations.occasion as rating_occasion',
    ]);
export type RectificationRow = NonNullable<Awaited<ReturnType<typeof findRectification>>>;

export async function findRectification(db: Executor, id: string) {
  return rectificationQuery(db).where('rectifications.id', '=', id).executeTakeFirst();
}

export async function listRectifications(db: Executor, f: { grants: readonly ScopeGrant[]; centerId?: string; departmentId?: string; status?: string; overdue?: boolean; offset: number; limit: number }) {
  let q = rectificationQuery(db).where((eb) => inScope(eb, f.grants, 'centers.path', 'rectifications.department_id'));
  if (f.centerId) q = q.where('rectifications.center_id', '=', f.centerId);
  if (f.departmentId) q = q.where('rectifications.department_id', '=', f.departmentId);
  if (f.status) q = q.where('rectifications.status', '=', f.status);
  if (f.overdue !== undefined) q = q.where('rectifications.overdue', '=', f.overdue ? 1 : 0);
  const rows = await q.orderBy('rectifications.created_at', 'desc').orderBy('rectifications.id').offset(f.offset).limit(f.limit).execute();
  const total = await db
    .selectFrom('rectifications')
    .innerJoin('centers', 'centers.id', 'rectifications.center_id')
    .where((eb) => inScope(eb, f.grants, 'centers.path', 'rectifications.department_id'))
    .$if(!!f.centerId, (x) => x.where('rectifications.center_id', '=', f.centerId!))
    .$if(!!f.departmentId, (x) => x.where('rectifications.department_id', '=', f.departmentId!))
    .$if(!!f.status, (x) => x.where('rectifications.status', '=', f.status!))
    .$if(f.overdue !== undefined, (x) => x.where('rectifications.overdue', '=', f.overdue ? 1 : 0))
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

export const OPEN_RECTIFICATION = ['verifying', 'invalidPending', 'rectifying', 'returnVisit'] as const;

export async function listOpenRectifications(db: Executor, f: { grants?: readonly ScopeGrant[]; centerId?: string; departmentId?: string }) {
  let q = rectificationQuery(db).where('rectifications.status', 'in', [...OPEN_RECTIFICATION]);
  if (f.grants) {
    const grants = f.grants;
    q = q.where((eb) => inScope(eb, grants, 'centers.path', 'rectifications.department_id'));
  }
  if (f.centerId) q = q.where('rectifications.center_id', '=', f.centerId);
  if (f.departmentId) q = q.where('rectifications.department_id', '=', f.departmentId);
  return q.orderBy('rectifications.due').execute();
}

// ——— figures ———

/** Occasions opened between the dates in the centers under `path` (with their chosen ratings worked out by the service). */
export async function occasionsForFigures(db: Executor, path: string, from: string, to: string) {
  return db
    .selectFrom('rating_occasions')
    .innerJoin('centers', 'centers.id', 'rating_occasions.center_id')
    .innerJoin('departments', 'departments.id', 'rating_occasions.department_id')
    .select(['rating_occasions.case_id', 'rating_occasions.occasion', 'rating_occasions.department_id', 'departments.name as department_name'])
    .where(sql<SqlBool>`${sql.ref('centers.path')} like ${escapeLike(path) + '%'} escape '\\'`)
    .where('rating_occasions.opened_on', '>=', from)
    .where('rating_occasions.opened_on', '<=', to)
    .execute();
}

export async function ratingsForCases(db: Executor, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  const out: { id: string; case_id: string; occasion: string; channel: string; level: string; created_at: string; rect_status: string | null }[] = [];
  for (let i = 0; i < caseIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('evaluations')
        .leftJoin('rectifications', 'rectifications.evaluation_id', 'evaluations.id')
        .select(['evaluations.id', 'evaluations.case_id', 'evaluations.occasion', 'evaluations.channel', 'evaluations.level', 'evaluations.created_at', 'rectifications.status as rect_status'])
        .where('evaluations.case_id', 'in', caseIds.slice(i, i + 500))
        .orderBy('evaluations.created_at')
        .orderBy('evaluations.id')
        .execute()),
    );
  }
  return out;
}

export async function followUpsForFigures(db: Executor, path: string, fromMonth: string, toMonth: string) {
  return db
    .selectFrom('follow_ups')
    .innerJoin('centers', 'centers.id', 'follow_ups.center_id')
    .select(['follow_ups.department_id', 'follow_ups.status'])
    .where(sql<SqlBool>`${sql.ref('centers.path')} like ${escapeLike(path) + '%'} escape '\\'`)
    .where('follow_ups.month', '>=', fromMonth)
    .where('follow_ups.month', '<=', toMonth)
    .execute();
}

/** A setting row unless one is there already (the per-install token secret, made once). */
export async function insertSettingIfAbsent(db: Executor, row: { scope: string; key: string; value: string; version: number; updated_at: string }): Promise<void> {
  await db.insertInto('settings').values(row).onConflict((oc) => oc.columns(['scope', 'key']).doNothing()).execute();
}

/** The case's open occasion(s) of these names marked rated (a rating written by the online hall). */
export async function markOccasionRated(db: Executor, caseId: string, occasions: readonly string[], at: string): Promise<void> {
  await db.updateTable('rating_occasions').set({ status: 'rated', updated_at: at }).where('case_id', '=', caseId).where('occasion', 'in', [...occasions]).where('status', '=', 'open').execute();
}
