/** Consultations (网上咨询) and complaints (投诉): the only place their SQL is built. */
import { type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { escapeLike, toCount } from '../db/dialect.js';
import type { ComplaintsTable, ConsultationsTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

export interface ScopeGrant {
  centerPath: string;
  departmentId: string | null;
}

/** Rows whose center lies under one of the grants (and in its department, when it has one). */
function inScope(eb: ExpressionBuilder<any, any>, grants: ScopeGrant[], deptCol: 'consultations.department_id' | 'complaints.department_id') {
  return eb.or(
    grants.map((g) => {
      const under = sql<SqlBool>`${sql.ref('centers.path')} like ${escapeLike(g.centerPath) + '%'} escape '\\'`;
      return g.departmentId === null ? under : eb.and([under, eb(deptCol, '=', g.departmentId)]);
    }),
  );
}

export async function insertConsultation(db: Executor, row: ConsultationsTable): Promise<void> {
  await db.insertInto('consultations').values(row).execute();
}

const consultationQuery = (db: Executor) =>
  db
    .selectFrom('consultations')
    .innerJoin('centers', 'centers.id', 'consultations.center_id')
    .innerJoin('items', 'items.id', 'consultations.item_id')
    .leftJoin('item_versions', 'item_versions.id', 'items.published_version_id');

const CONSULTATION_COLUMNS = ['centers.path as center_path', 'item_versions.name as item_name'] as const;

export async function findConsultation(db: Executor, id: string) {
  return consultationQuery(db).selectAll('consultations').select(CONSULTATION_COLUMNS).where('consultations.id', '=', id).executeTakeFirst();
}
export type ConsultationRow = NonNullable<Awaited<ReturnType<typeof findConsultation>>>;

/** By asker, or for staff by scope; with an optional status; newest first (staff: oldest due first). */
export async function listConsultations(db: Executor, f: { askerUserId?: string; grants?: ScopeGrant[]; status?: string; offset: number; limit: number }) {
  let q = consultationQuery(db);
  if (f.askerUserId) q = q.where('consultations.asker_user_id', '=', f.askerUserId);
  if (f.grants) q = q.where((eb) => inScope(eb, f.grants!, 'consultations.department_id'));
  if (f.status) q = q.where('consultations.status', '=', f.status);
  const ordered = f.grants ? q.orderBy('consultations.due_date').orderBy('consultations.created_at') : q.orderBy('consultations.created_at', 'desc');
  const [rows, total] = await Promise.all([
    ordered.selectAll('consultations').select(CONSULTATION_COLUMNS).orderBy('consultations.id').offset(f.offset).limit(f.limit).execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: toCount(total.n) };
}

export async function listPublicConsultations(db: Executor, itemId: string, page: { offset: number; limit: number }) {
  const q = db.selectFrom('consultations').where('item_id', '=', itemId).where('public', '=', 1).where('status', '=', 'answered');
  const [rows, total] = await Promise.all([
    q.select(['id', 'question', 'answer', 'answered_at']).orderBy('answered_at', 'desc').orderBy('id').offset(page.offset).limit(page.limit).execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: toCount(total.n) };
}

export async function answerConsultation(db: Executor, id: string, version: number, set: Pick<ConsultationsTable, 'answer' | 'answered_by' | 'answered_at' | 'public' | 'updated_at'>): Promise<boolean> {
  const r = await db.updateTable('consultations').set({ ...set, status: 'answered', version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ── complaints ─────────────────────────────────────────────────────────────────────────────

export async function insertComplaint(db: Executor, row: ComplaintsTable): Promise<void> {
  await db.insertInto('complaints').values(row).execute();
}

export async function listComplaints(db: Executor, f: { id?: string; complainantUserId?: string; grants?: ScopeGrant[]; status?: string; offset: number; limit: number }) {
  let q = db
    .selectFrom('complaints')
    .innerJoin('centers', 'centers.id', 'complaints.center_id')
    .leftJoin('cases', 'cases.id', 'complaints.case_id')
    .leftJoin('windows', 'windows.id', 'complaints.window_id')
    .innerJoin('users', 'users.id', 'complaints.complainant_user_id')
    .leftJoin('hall_accounts', 'hall_accounts.user_id', 'complaints.complainant_user_id');
  if (f.id) q = q.where('complaints.id', '=', f.id);
  if (f.complainantUserId) q = q.where('complaints.complainant_user_id', '=', f.complainantUserId);
  if (f.grants) q = q.where((eb) => inScope(eb, f.grants!, 'complaints.department_id'));
  if (f.status) q = q.where('complaints.status', '=', f.status);
  const [rows, total] = await Promise.all([
    q
      .selectAll('complaints')
      .select(['cases.case_no', 'windows.name as window_name', 'users.display_name as complainant_name', 'hall_accounts.real_name as complainant_real_name', 'users.phone as complainant_phone'])
      .orderBy('complaints.due_date')
      .orderBy('complaints.created_at')
      .orderBy('complaints.id')
      .offset(f.offset)
      .limit(f.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: toCount(total.n) };
}
export type ComplaintRow = Awaited<ReturnType<typeof listComplaints>>['rows'][number];

export async function findWindow(db: Executor, id: string) {
  return db.selectFrom('windows').select(['id', 'center_id', 'department_id', 'name', 'active']).where('id', '=', id).executeTakeFirst();
}
