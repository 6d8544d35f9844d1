/**
 * The online hall's reads and writes around cases: an applicant's own cases, evaluations and the
 * publication of concluded decisions — the only place their SQL is built.
 */
import { toCount } from '../db/dialect.js';
import type { EvaluationsTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

/** Cases filed for any of `accountIds`, newest first, with the item's name and whether filed online. */
export async function listOwnCases(db: Executor, accountIds: string[], f: { status?: string; offset: number; limit: number }) {
  let q = db
    .selectFrom('cases')
    .innerJoin('item_versions', 'item_versions.id', 'cases.item_version_id')
    .leftJoin('online_applications', 'online_applications.case_id', 'cases.id')
    .where('cases.applicant_user_id', 'in', accountIds);
  if (f.status) q = q.where('cases.status', '=', f.status);
  const [rows, total] = await Promise.all([
    q
      .selectAll('cases')
      .select(['item_versions.name as item_name', 'online_applications.case_id as online_case_id'])
      .orderBy('cases.created_at', 'desc')
      .orderBy('cases.case_no', 'desc')
      .offset(f.offset)
      .limit(f.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: toCount(total.n) };
}

export async function insertEvaluation(db: Executor, row: EvaluationsTable): Promise<void> {
  await db.insertInto('evaluations').values(row).execute();
}

export async function listCaseEvaluations(db: Executor, caseId: string): Promise<EvaluationsTable[]> {
  return db.selectFrom('evaluations').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();
}

/**
 * Concluded decisions (approved or denied, never revoked by a termination), newest first: the
 * conclusion's business date is the `conclude` / `concludeImmediately` action's.
 */
export async function listPublications(db: Executor, f: { itemId?: string; centerId?: string; offset: number; limit: number }) {
  let q = db
    .selectFrom('cases')
    .innerJoin('item_versions', 'item_versions.id', 'cases.item_version_id')
    .innerJoin('departments', 'departments.id', 'cases.department_id')
    .innerJoin('case_actions', (j) => j.onRef('case_actions.case_id', '=', 'cases.id').on('case_actions.kind', 'in', ['conclude', 'concludeImmediately']))
    .where('cases.status', 'in', ['concluded', 'delivered'])
    .where('cases.outcome', 'in', ['approved', 'denied']);
  if (f.itemId) q = q.where('cases.item_id', '=', f.itemId);
  if (f.centerId) q = q.where('cases.center_id', '=', f.centerId);
  const [rows, total] = await Promise.all([
    q
      .select([
        'cases.case_no', 'cases.applicant_kind', 'cases.applicant_name', 'cases.applicant_id_number', 'cases.applicant_uscc', 'cases.outcome',
        'item_versions.name as item_name', 'departments.name as department_name', 'case_actions.date as concluded_on',
      ])
      .orderBy('case_actions.date', 'desc')
      .orderBy('cases.case_no', 'desc')
      .offset(f.offset)
      .limit(f.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: toCount(total.n) };
}

/** Active windows of a center (or of all), for naming one in a complaint. */
export async function listActiveWindows(db: Executor, centerId?: string) {
  let q = db.selectFrom('windows').innerJoin('centers', 'centers.id', 'windows.center_id').select(['windows.id', 'windows.center_id', 'centers.name as center_name', 'windows.code', 'windows.name']).where('windows.active', '=', 1);
  if (centerId) q = q.where('windows.center_id', '=', centerId);
  return q.orderBy('centers.path').orderBy('windows.code').execute();
}
