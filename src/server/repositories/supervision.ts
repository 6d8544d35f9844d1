/**
 * Cards, the people they notify, daily light snapshots and the monitor's reads: the only place
 * their SQL is built.
 */
import { type ExpressionBuilder, sql, type SqlBool } from 'kysely';
import { escapeLike, toCount } from '../db/dialect.js';
import type { CardsTable, Database, LightSnapshotsTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

/** A grant's reach: a center subtree, and a department in it when the grant is a department's. */
export interface ScopeGrant {
  centerPath: string;
  departmentId: string | null;
}

/** (center path under one grant, department matching) OR …; false for no grants. */
export function inScope<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, grants: readonly ScopeGrant[], pathRef: string, deptRef: string) {
  const e = eb as unknown as ExpressionBuilder<Database, any>;
  if (grants.length === 0) return e.val(false) as unknown as ReturnType<typeof e.and>;
  return e.or(
    grants.map((g) => {
      const path = sql<SqlBool>`${sql.ref(pathRef)} like ${escapeLike(g.centerPath) + '%'} escape '\\'`;
      return g.departmentId === null ? e.and([path]) : e.and([path, e(sql.ref(deptRef) as any, '=', g.departmentId)]);
    }),
  );
}

// ——— cards ———

export async function latestCard(db: Executor, subjectType: string, subjectId: string): Promise<CardsTable | undefined> {
  return db.selectFrom('cards').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

export async function insertCard(db: Executor, row: CardsTable): Promise<void> {
  await db.insertInto('cards').values(row).execute();
}

export async function updateCard(db: Executor, id: string, version: number, set: Partial<Pick<CardsTable, 'level' | 'status' | 'escalated_on' | 'appeal' | 'ruling' | 'updated_at'>>): Promise<boolean> {
  const r = await db.updateTable('cards').set({ ...set, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export type CardRow = CardsTable & { center_path: string; center_name: string; center_time_zone: string; department_name: string | null; case_no: string | null };

const cardsQuery = (db: Executor) =>
  db
    .selectFrom('cards')
    .innerJoin('centers', 'centers.id', 'cards.center_id')
    .leftJoin('departments', 'departments.id', 'cards.department_id')
    .leftJoin('cases', 'cases.id', 'cards.case_id');

const cardColumns = ['centers.path as center_path', 'centers.name as center_name', 'centers.time_zone as center_time_zone', 'departments.name as department_name', 'cases.case_no as case_no'] as const;

export async function findCard(db: Executor, id: string): Promise<CardRow | undefined> {
  return cardsQuery(db).selectAll('cards').select(cardColumns).where('cards.id', '=', id).executeTakeFirst();
}

export interface CardFilter {
  grants: readonly ScopeGrant[];
  centerId?: string;
  departmentId?: string;
  level?: string;
  status?: string;
  caseId?: string;
  offset: number;
  limit: number;
}

export async function listCards(db: Executor, f: CardFilter): Promise<{ rows: CardRow[]; total: number }> {
  let q = cardsQuery(db).where((eb) => inScope(eb, f.grants, 'centers.path', 'cards.department_id'));
  if (f.centerId) q = q.where('cards.center_id', '=', f.centerId);
  if (f.departmentId) q = q.where('cards.department_id', '=', f.departmentId);
  if (f.level) q = q.where('cards.level', '=', f.level);
  if (f.status) q = q.where('cards.status', '=', f.status);
  if (f.caseId) q = q.where('cards.case_id', '=', f.caseId);
  const [rows, total] = await Promise.all([
    q.selectAll('cards').select(cardColumns).orderBy('cards.updated_at', 'desc').orderBy('cards.id').offset(f.offset).limit(f.limit).execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: toCount(total.n) };
}

/** Cards changed after the cursor (updated_at, id), oldest first: the live feed's poll. */
export async function cardsChangedSince(db: Executor, grants: readonly ScopeGrant[], since: { at: string; id: string }, limit: number): Promise<CardRow[]> {
  return cardsQuery(db)
    .selectAll('cards')
    .select(cardColumns)
    .where((eb) => inScope(eb, grants, 'centers.path', 'cards.department_id'))
    .where((eb) => eb.or([eb('cards.updated_at', '>', since.at), eb.and([eb('cards.updated_at', '=', since.at), eb('cards.id', '>', since.id)])]))
    .orderBy('cards.updated_at')
    .orderBy('cards.id')
    .limit(limit)
    .execute();
}

/** Cards issued per day and level in the scope, between two dates. */
export async function cardCountsByDay(db: Executor, grants: readonly ScopeGrant[], from: string, to: string, centerId?: string, departmentId?: string) {
  let q = cardsQuery(db)
    .where((eb) => inScope(eb, grants, 'centers.path', 'cards.department_id'))
    .where('cards.issued_on', '>=', from)
    .where('cards.issued_on', '<=', to);
  if (centerId) q = q.where('cards.center_id', '=', centerId);
  if (departmentId) q = q.where('cards.department_id', '=', departmentId);
  const rows = await q.select(['cards.issued_on as day', 'cards.level as level', (eb) => eb.fn.countAll().as('n')]).groupBy(['cards.issued_on', 'cards.level']).execute();
  return rows.map((r) => ({ day: r.day, level: r.level, n: toCount(r.n) }));
}

// ——— who a card notifies ———

/** Active users holding `role` in the department (or, for center roles, in one of `centerIds`). */
export async function usersWithRole(db: Executor, role: string, where: { departmentId?: string | null; centerIds?: readonly string[] }): Promise<string[]> {
  let q = db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id').select('users.id').where('user_roles.role', '=', role).where('users.active', '=', 1);
  if (where.departmentId) q = q.where('user_roles.department_id', '=', where.departmentId);
  if (where.centerIds) {
    if (where.centerIds.length === 0) return [];
    q = q.where('user_roles.center_id', 'in', [...where.centerIds]).where('user_roles.department_id', 'is', null);
  }
  return [...new Set((await q.execute()).map((r) => r.id))];
}

// ——— light snapshots ———

export async function upsertSnapshots(db: Executor, rows: readonly LightSnapshotsTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('light_snapshots')
    .values([...rows])
    .onConflict((oc) =>
      oc.columns(['center_id', 'department_id', 'day']).doUpdateSet((eb) => ({
        green: eb.ref('excluded.green'),
        warning: eb.ref('excluded.warning'),
        yellow_card: eb.ref('excluded.yellow_card'),
        red_card: eb.ref('excluded.red_card'),
      })),
    )
    .execute();
}

export async function listSnapshots(db: Executor, grants: readonly ScopeGrant[], from: string, to: string, centerId?: string, departmentId?: string) {
  let q = db
    .selectFrom('light_snapshots')
    .innerJoin('centers', 'centers.id', 'light_snapshots.center_id')
    .where((eb) => inScope(eb, grants, 'centers.path', 'light_snapshots.department_id'))
    .where('light_snapshots.day', '>=', from)
    .where('light_snapshots.day', '<=', to);
  if (centerId) q = q.where('light_snapshots.center_id', '=', centerId);
  if (departmentId) q = q.where('light_snapshots.department_id', '=', departmentId);
  return q.selectAll('light_snapshots').orderBy('light_snapshots.day').execute();
}

// ——— the monitor ———

export const OPEN_CASE_STATUSES = ['accepted', 'inReview', 'suspended', 'supplementRequired'] as const;

export interface MonitorFilter {
  grants: readonly ScopeGrant[];
  centerId?: string;
  departmentId?: string;
  itemId?: string;
  windowId?: string;
}

/** Accepted, open cases in scope with what the monitor shows of them. */
export async function listMonitorCases(db: Executor, f: MonitorFilter) {
  let q = db
    .selectFrom('cases')
    .innerJoin('centers', 'centers.id', 'cases.center_id')
    .innerJoin('departments', 'departments.id', 'cases.department_id')
    .innerJoin('item_versions', 'item_versions.id', 'cases.item_version_id')
    .where((eb) => inScope(eb, f.grants, 'centers.path', 'cases.department_id'))
    .where('cases.status', 'in', [...OPEN_CASE_STATUSES])
    .where('cases.accepted_on', 'is not', null);
  if (f.centerId) q = q.where('cases.center_id', '=', f.centerId);
  if (f.departmentId) q = q.where('cases.department_id', '=', f.departmentId);
  if (f.itemId) q = q.where('cases.item_id', '=', f.itemId);
  if (f.windowId) {
    const w = f.windowId;
    q = q.where((eb) => eb.exists(eb.selectFrom('window_current').select('window_current.window_id').whereRef('window_current.case_id', '=', 'cases.id').where('window_current.window_id', '=', w)));
  }
  return q
    .select([
      'cases.id', 'cases.case_no', 'cases.center_id', 'cases.department_id', 'cases.item_id', 'cases.item_version_id', 'cases.status', 'cases.accepted_on',
      'cases.promised_due', 'cases.statutory_due', 'cases.light', 'centers.path as center_path', 'centers.name as center_name',
      'centers.time_zone as center_time_zone', 'departments.name as department_name', 'item_versions.name as item_name',
    ])
    .orderBy('cases.promised_due')
    .orderBy('cases.case_no')
    .limit(5000)
    .execute() as Promise<MonitorCaseRow[]>;
}

export interface MonitorCaseRow {
  id: string;
  case_no: string;
  center_id: string;
  department_id: string;
  item_id: string;
  item_version_id: string;
  status: string;
  accepted_on: string | null;
  promised_due: string | null;
  statutory_due: string | null;
  light: string | null;
  center_path: string;
  center_name: string;
  center_time_zone: string;
  department_name: string;
  item_name: string;
}

/** Ids of the accepted, open cases of one center (not its subtree), in id order. */
export async function openCaseIdsOfCenter(db: Executor, centerId: string): Promise<{ id: string; department_id: string }[]> {
  return db
    .selectFrom('cases')
    .select(['id', 'department_id'])
    .where('center_id', '=', centerId)
    .where('status', 'in', [...OPEN_CASE_STATUSES])
    .where('accepted_on', 'is not', null)
    .orderBy('id')
    .execute();
}

/** The action rows of several cases, by case then sequence (the monitor folds them). */
export async function listActionsOfCases(db: Executor, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db.selectFrom('case_actions').selectAll().where('case_id', 'in', [...caseIds]).orderBy('case_id').orderBy('seq').execute();
}

export async function listItemVersions(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('item_versions').selectAll().where('id', 'in', [...ids]).execute();
}
