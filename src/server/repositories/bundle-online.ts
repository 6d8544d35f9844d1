/** Online bundle applications (一件事 网上申请): the only place their SQL is built. */
import { type SqlBool, sql } from 'kysely';
import { type Dialect, escapeLike, forUpdate, toCount } from '../db/dialect.js';
import type { BundleApplicationsTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

export async function insertBundleApplication(db: Executor, row: BundleApplicationsTable): Promise<void> {
  await db.insertInto('bundle_applications').values(row).execute();
}

/** The application with its center's path and time zone. */
export async function findBundleApplication(db: Executor, id: string) {
  return db
    .selectFrom('bundle_applications')
    .innerJoin('centers', 'centers.id', 'bundle_applications.center_id')
    .selectAll('bundle_applications')
    .select(['centers.path as center_path', 'centers.time_zone as time_zone'])
    .where('bundle_applications.id', '=', id)
    .executeTakeFirst();
}
export type BundleApplicationRow = NonNullable<Awaited<ReturnType<typeof findBundleApplication>>>;

/** Locks the row for the transaction (PostgreSQL; SQLite serialises writers). */
export async function lockBundleApplication(db: Executor, dialect: Dialect, id: string): Promise<void> {
  await forUpdate(dialect, db.selectFrom('bundle_applications').select('id').where('id', '=', id)).execute();
}

/** Optimistic update; false when the row moved on since `version`. */
export async function updateBundleApplication(
  db: Executor,
  id: string,
  version: number,
  set: Partial<Pick<BundleApplicationsTable, 'status' | 'run_id' | 'return_reason' | 'decided_at' | 'decided_by'>> & { updated_at: string },
): Promise<boolean> {
  const r = await db.updateTable('bundle_applications').set({ ...set, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The account's applications, newest first. */
export async function listUserBundleApplications(db: Executor, userId: string, f: { status?: string; limit: number; offset: number }) {
  let q = db.selectFrom('bundle_applications').where('user_id', '=', userId);
  if (f.status) q = q.where('status', '=', f.status);
  const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return { rows, total: toCount(total.n) };
}

/**
 * Applications of a status in the centers under any of `centerPaths`, oldest first (the window
 * works them in order), with their center's path: the department rule is the caller's (mayOnRun).
 */
export async function listCenterBundleApplications(db: Executor, centerPaths: readonly string[], status: string | undefined) {
  if (centerPaths.length === 0) return [];
  let q = db
    .selectFrom('bundle_applications')
    .innerJoin('centers', 'centers.id', 'bundle_applications.center_id')
    .selectAll('bundle_applications')
    .select('centers.path as center_path')
    .where((eb) => eb.or(centerPaths.map((p) => sql<SqlBool>`${sql.ref('centers.path')} like ${escapeLike(p) + '%'} escape '\\'`)));
  if (status) q = q.where('bundle_applications.status', '=', status);
  return q.orderBy('bundle_applications.submitted_at').orderBy('bundle_applications.id').execute();
}
