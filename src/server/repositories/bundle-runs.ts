/**
 * Bundle runs (一件事办件) and the links to their child cases: the only place their SQL is built.
 */
import { type SqlBool, sql } from 'kysely';
import { type Dialect, escapeLike, forUpdate, likeOp, toCount } from '../db/dialect.js';
import type { BundleRunCasesTable, BundleRunsTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

export async function insertBundleRun(db: Executor, row: BundleRunsTable): Promise<void> {
  await db.insertInto('bundle_runs').values(row).execute();
}

export async function insertRunCase(db: Executor, row: BundleRunCasesTable): Promise<void> {
  await db.insertInto('bundle_run_cases').values(row).execute();
}

const runWithCenter = (db: Executor) =>
  db
    .selectFrom('bundle_runs')
    .innerJoin('centers', 'centers.id', 'bundle_runs.center_id')
    .selectAll('bundle_runs')
    .select(['centers.path as center_path', 'centers.time_zone as time_zone', 'centers.name as center_name']);

/** The run with its center's path, time zone and name. */
export async function findBundleRun(db: Executor, id: string) {
  return runWithCenter(db).where('bundle_runs.id', '=', id).executeTakeFirst();
}
export type BundleRunRow = NonNullable<Awaited<ReturnType<typeof findBundleRun>>>;

export async function findBundleRunByNo(db: Executor, runNo: string) {
  return runWithCenter(db).where('bundle_runs.run_no', '=', runNo).executeTakeFirst();
}

/** Locks the run row for the transaction (PostgreSQL; SQLite serialises writers). */
export async function lockBundleRun(db: Executor, dialect: Dialect, id: string): Promise<void> {
  await forUpdate(dialect, db.selectFrom('bundle_runs').select('id').where('id', '=', id)).execute();
}

/** The run a case is a child of, if any. */
export async function findRunOfCase(db: Executor, caseId: string) {
  return db.selectFrom('bundle_run_cases').select(['run_id', 'stage']).where('case_id', '=', caseId).executeTakeFirst();
}

/** Optimistic update; false when the run moved on since `version`. */
export async function updateBundleRun(
  db: Executor,
  id: string,
  version: number,
  set: Partial<Pick<BundleRunsTable, 'status' | 'stage' | 'ended_on' | 'stop_case_id' | 'stop_reason' | 'payments'>> & { updated_at: string },
): Promise<boolean> {
  const r = await db.updateTable('bundle_runs').set({ ...set, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The run's child cases in stage order, with what the run view shows of each. */
export async function listRunCases(db: Executor, runId: string) {
  return db
    .selectFrom('bundle_run_cases')
    .innerJoin('cases', 'cases.id', 'bundle_run_cases.case_id')
    .innerJoin('item_versions', 'item_versions.id', 'cases.item_version_id')
    .innerJoin('departments', 'departments.id', 'cases.department_id')
    .select([
      'bundle_run_cases.case_id', 'bundle_run_cases.stage', 'bundle_run_cases.position', 'bundle_run_cases.item_id',
      'cases.case_no', 'cases.status', 'cases.outcome', 'cases.light', 'cases.promised_due', 'cases.version',
      'item_versions.name as item_name', 'departments.name as department_name',
    ])
    .where('bundle_run_cases.run_id', '=', runId)
    .orderBy('bundle_run_cases.stage')
    .orderBy('bundle_run_cases.position')
    .execute();
}
export type RunCaseRow = Awaited<ReturnType<typeof listRunCases>>[number];

/** Where the actor reads runs: a center subtree, and a department of the run's items unless center-wide. */
export interface RunScopeGrant {
  centerPath: string;
  departmentId: string | null;
}

export interface RunFilter {
  grants: RunScopeGrant[];
  status?: string;
  q?: string;
  limit: number;
  offset: number;
}

export async function listBundleRuns(db: Executor, dialect: Dialect, f: RunFilter) {
  if (f.grants.length === 0) return { rows: [], total: 0 };
  let q = db
    .selectFrom('bundle_runs')
    .innerJoin('centers', 'centers.id', 'bundle_runs.center_id')
    .where((eb) =>
      eb.or(
        f.grants.map((g) => {
          const under = sql<SqlBool>`${sql.ref('centers.path')} like ${escapeLike(g.centerPath) + '%'} escape '\\'`;
          if (g.departmentId === null) return under;
          return eb.and([under, sql<SqlBool>`${sql.ref('bundle_runs.department_ids')} like ${'%' + escapeLike(g.departmentId) + '%'} escape '\\'`]);
        }),
      ),
    );
  if (f.status) q = q.where('bundle_runs.status', '=', f.status);
  if (f.q) {
    const text = '%' + escapeLike(f.q) + '%';
    const op = sql.raw(likeOp(dialect));
    q = q.where((eb) =>
      eb.or([
        sql<SqlBool>`${sql.ref('bundle_runs.run_no')} ${op} ${text} escape '\\'`,
        sql<SqlBool>`${sql.ref('bundle_runs.bundle_name')} ${op} ${text} escape '\\'`,
        sql<SqlBool>`${sql.ref('bundle_runs.applicant_name')} ${op} ${text} escape '\\'`,
      ]),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll('bundle_runs').orderBy('bundle_runs.created_at', 'desc').orderBy('bundle_runs.run_no', 'desc').limit(f.limit).offset(f.offset).execute();
  return { rows, total: toCount(total.n) };
}
