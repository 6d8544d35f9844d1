/**
 * Cases, their action lists and the daily case-number counters: the only place their SQL is
 * built. A case row is the stored projection of its action list (status, deadlines, light for
 * querying); the action rows are the truth.
 */
import { type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { type Dialect, escapeLike, forUpdate, forUpdateOf, likeOp, toCount } from '../db/dialect.js';
import type { CaseActionsTable, CasesTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';
import { prepared } from '../db/prepared.js';
import { preparedInsert } from './prepared-insert.js';

/**
 * The next daily sequence of a center, taken inside the caller's transaction: the counter row is
 * created at 2 (handing out 1) or incremented. The upsert locks the row on PostgreSQL until the
 * transaction ends and SQLite serialises writers, so concurrent intakes queue here; a rolled-back
 * intake rolls its increment back with it, so the sequence has no gaps. Plain `INSERT … ON
 * CONFLICT DO UPDATE … RETURNING` is the same on both databases.
 */
export async function allocateCaseSeq(db: Executor, centerId: string, day: string): Promise<number> {
  const r = await db.executeQuery(allocateSeqQuery(db, { centerId, day }));
  if (!r.rows[0]) throw new Error('case number counter: no row returned');
  return Number(r.rows[0].next_value) - 1;
}
const allocateSeqQuery = prepared<{ centerId: string; day: string }, { next_value: number }>((db, p) =>
  db
    .insertInto('case_number_counters')
    .values({ center_id: p('centerId'), day: p('day'), next_value: 2 })
    .onConflict((oc) => oc.columns(['center_id', 'day']).doUpdateSet((eb) => ({ next_value: eb('case_number_counters.next_value', '+', 1) })))
    .returning('next_value'),
);

export async function insertCase(db: Executor, row: CasesTable): Promise<void> {
  await insertCaseQuery(db, [row]);
}
const insertCaseQuery = preparedInsert<CasesTable>((db, v) => db.insertInto('cases').values(v));

const caseWithCenter = (db: Executor, id: string) =>
  db
    .selectFrom('cases')
    .innerJoin('centers', 'centers.id', 'cases.center_id')
    .selectAll('cases')
    .select(['centers.path as center_path', 'centers.time_zone as time_zone', 'centers.name as center_name'])
    .where('cases.id', '=', id);

/** A case with its center's path, area code and time zone (scope and business date). */
export async function findCase(db: Executor, id: string) {
  return caseWithCenter(db, id).executeTakeFirst();
}

/**
 * `findCase` with the case row locked for the transaction (PostgreSQL: `FOR UPDATE OF cases`,
 * the center row stays free; SQLite serialises writers) in one statement. A writer that had to
 * wait gets the row as the one before it committed it (PostgreSQL re-reads a locked row that
 * changed while it waited).
 */
export async function lockAndFindCase(db: Executor, dialect: Dialect, id: string): Promise<CaseRow | undefined> {
  const r = await db.executeQuery(lockAndFindCaseQuery(db, { id }));
  return r.rows[0];
}
const lockAndFindCaseQuery = prepared<{ id: string }, CaseRow>((db, p, { dialect }) => forUpdateOf(dialect, caseWithCenter(db, p('id')), 'cases'));
/**
 * Locks the case row (PostgreSQL; SQLite serialises writers) for a read-modify-write: a second
 * writer waits here, then reads the version the first one left.
 */
export async function lockCase(db: Executor, dialect: Dialect, id: string): Promise<void> {
  await forUpdate(dialect, db.selectFrom('cases').select('id').where('id', '=', id)).execute();
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export type CaseProjection = Pick<CasesTable, 'status' | 'outcome' | 'accepted_on' | 'promised_due' | 'statutory_due' | 'light' | 'green_channel' | 'escort_id' | 'updated_at'>;

/** Optimistic write of the projection: false when the case moved on since `version`. */
export async function updateCaseProjection(db: Executor, id: string, version: number, nextVersion: number, set: CaseProjection): Promise<boolean> {
  const r = await db.executeQuery(updateProjectionQuery(db, { ...set, id, version, nextVersion }));
  return Number(r.numAffectedRows) === 1;
}
export const PROJECTION: readonly (keyof CaseProjection)[] = ['status', 'outcome', 'accepted_on', 'promised_due', 'statutory_due', 'light', 'green_channel', 'escort_id', 'updated_at'];
const updateProjectionQuery = prepared<CaseProjection & { id: string; version: number; nextVersion: number }, never>((db, p) =>
  db
    .updateTable('cases')
    .set({ ...Object.fromEntries(PROJECTION.map((k) => [k, p(k)])), version: p('nextVersion') })
    .where('id', '=', p('id'))
    .where('version', '=', p('version')),
);

export async function insertCaseAction(db: Executor, row: CaseActionsTable): Promise<void> {
  await db.insertInto('case_actions').values(row).execute();
}

/** Several action rows in one statement (a move and its follow-ups). */
export async function insertCaseActions(db: Executor, rows: readonly CaseActionsTable[]): Promise<void> {
  if (rows.length === 0) return;
  if (rows.length > 4) {
    await db.insertInto('case_actions').values([...rows]).execute();
    return;
  }
  const args: Record<string, unknown> = {};
  rows.forEach((r, i) => ACTION_COLUMNS.forEach((k) => (args[`${i}.${k}`] = r[k])));
  await db.executeQuery(insertActionsQuery(db, args, rows.length));
}
export const ACTION_COLUMNS: readonly (keyof CaseActionsTable)[] = ['id', 'case_id', 'seq', 'kind', 'at', 'date', 'actor_id', 'role', 'payload'];
const insertActionsQuery = prepared<Record<string, unknown>, never>((db, p, { variant }) =>
  db.insertInto('case_actions').values(
    Array.from({ length: Number(variant) }, (_, i) => Object.fromEntries(ACTION_COLUMNS.map((k) => [k, p(`${i}.${k}`)])) as unknown as CaseActionsTable),
  ),
);

export async function listCaseActions(db: Executor, caseId: string): Promise<CaseActionsTable[]> {
  return db.selectFrom('case_actions').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
}

/** Is the item delegated to the department (its chief rep decides at the window)? */
export async function isDelegated(db: Executor, departmentId: string, itemId: string): Promise<boolean> {
  const r = await db.selectFrom('delegations').select('id').where('department_id', '=', departmentId).where('item_id', '=', itemId).executeTakeFirst();
  return r !== undefined;
}

// ── lists ─────────────────────────────────────────────────────────────────────────────────

export interface CaseScopeGrant {
  centerPath: string;
  departmentId: string | null;
}

export interface CaseFilter {
  grants: CaseScopeGrant[];
  /** taken in on this business date */
  intakeDate?: string;
  /** taken in by this user */
  createdBy?: string;
  /** case number (prefix), applicant name (contains), ID number or USCC (exact) */
  q?: string;
  status?: string;
  /** any of these statuses */
  statuses?: readonly string[];
  limit: number;
  offset: number;
}

function startsWith(col: string, prefix: string) {
  return sql<SqlBool>`${sql.ref(col)} like ${escapeLike(prefix) + '%'} escape '\\'`;
}

function casesQuery(db: Executor, dialect: Dialect, f: CaseFilter) {
  let q = db
    .selectFrom('cases')
    .innerJoin('centers', 'centers.id', 'cases.center_id')
    .innerJoin('item_versions', 'item_versions.id', 'cases.item_version_id')
    .where((eb: ExpressionBuilder<any, any>) =>
      eb.or(
        f.grants.map((g) =>
          g.departmentId === null
            ? startsWith('centers.path', g.centerPath)
            : eb.and([
                startsWith('centers.path', g.centerPath),
                // the department's own cases, and joint cases it was copied to (co_departments, 0009)
                eb.or([eb('cases.department_id', '=', g.departmentId), sql<SqlBool>`${sql.ref('cases.co_departments')} like ${'%' + escapeLike(g.departmentId) + '%'} escape '\\'`]),
              ]),
        ),
      ),
    );
  if (f.intakeDate) q = q.where('cases.intake_date', '=', f.intakeDate);
  if (f.createdBy) q = q.where('cases.created_by', '=', f.createdBy);
  if (f.status) q = q.where('cases.status', '=', f.status);
  if (f.statuses) q = q.where('cases.status', 'in', [...f.statuses]);
  const text = f.q?.trim();
  if (text) {
    const upper = text.toUpperCase();
    q = q.where((eb) =>
      eb.or([
        sql<SqlBool>`${sql.ref('cases.case_no')} like ${escapeLike(text) + '%'} escape '\\'`,
        sql<SqlBool>`${sql.ref('cases.applicant_name')} ${sql.raw(likeOp(dialect))} ${'%' + escapeLike(text) + '%'} escape '\\'`,
        eb('cases.applicant_id_number', '=', upper),
        eb('cases.applicant_uscc', '=', upper),
      ]),
    );
  }
  return q;
}

export async function listCaseRows(db: Executor, dialect: Dialect, f: CaseFilter) {
  if (f.grants.length === 0) return { rows: [], total: 0 };
  const base = casesQuery(db, dialect, f);
  const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('cases')
    .select(['item_versions.name as item_name', 'centers.path as center_path', 'centers.time_zone as time_zone'])
    // 绿色通道 first (DESIGN §4), then the newest
    .orderBy('cases.green_channel', 'desc')
    .orderBy('cases.created_at', 'desc')
    .orderBy('cases.case_no', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: toCount(total.n) };
}
export type CaseListRow = Awaited<ReturnType<typeof listCaseRows>>['rows'][number];

/**
 * Every case in the grants' scope in one of `statuses`, with its item name, center path and time
 * zone — the cases whose open tasks make up a department's inbox (folded by the service).
 */
export async function listCaseRowsInStatus(db: Executor, dialect: Dialect, grants: CaseScopeGrant[], statuses: readonly string[]) {
  if (grants.length === 0) return [];
  return casesQuery(db, dialect, { grants, statuses, limit: 0, offset: 0 })
    .selectAll('cases')
    .select(['item_versions.name as item_name', 'centers.path as center_path', 'centers.time_zone as time_zone'])
    .orderBy('cases.case_no')
    .execute();
}

/** Deadlines of cases still running (not concluded or ended), for the calendar coverage check. */
export async function listOpenDeadlines(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('cases')
    .select(['promised_due', 'statutory_due'])
    .where('status', 'in', ['accepted', 'inReview', 'suspended', 'supplementRequired'])
    .where('statutory_due', 'is not', null)
    .distinct()
    .execute();
  return rows.flatMap((r) => [r.promised_due, r.statutory_due]).filter((d): d is string => d !== null);
}

/** A case by its number (area code + date + sequence: unique across centers), with its center. */
export async function findCaseByNo(db: Executor, caseNo: string) {
  return db
    .selectFrom('cases')
    .innerJoin('centers', 'centers.id', 'cases.center_id')
    .selectAll('cases')
    .select(['centers.path as center_path', 'centers.time_zone as time_zone', 'centers.name as center_name'])
    .where('cases.case_no', '=', caseNo)
    .executeTakeFirst();
}
