/**
 * Bundles (一件事) and the item reads they need: a bundle row holds its stages as JSON; its items
 * are read with their public version (what applicants see) and their latest one (what a draft
 * bundle previews when an item has no public version).
 */
import { type SqlBool, sql } from 'kysely';
import { type Dialect, escapeLike, likeOp, toCount } from '../db/dialect.js';
import type { BundlesTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

function contains(dialect: Dialect, col: string, text: string) {
  return sql<SqlBool>`${sql.ref(col)} ${sql.raw(likeOp(dialect))} ${'%' + escapeLike(text) + '%'} escape '\\'`;
}

function startsWith(col: string, prefix: string) {
  return sql<SqlBool>`${sql.ref(col)} like ${escapeLike(prefix) + '%'} escape '\\'`;
}

export async function insertBundle(db: Executor, row: BundlesTable): Promise<void> {
  await db.insertInto('bundles').values(row).execute();
}

/** The bundle with its center's path. */
export async function findBundle(db: Executor, id: string) {
  return db
    .selectFrom('bundles')
    .innerJoin('centers', 'centers.id', 'bundles.center_id')
    .selectAll('bundles')
    .select('centers.path as center_path')
    .where('bundles.id', '=', id)
    .executeTakeFirst();
}
export type BundleRow = NonNullable<Awaited<ReturnType<typeof findBundle>>>;

export async function findBundleByCode(db: Executor, centerId: string, code: string) {
  return db.selectFrom('bundles').select('id').where('center_id', '=', centerId).where('code', '=', code).executeTakeFirst();
}

/** Optimistic update; false when the row moved on since `version`. */
export async function updateBundle(
  db: Executor,
  id: string,
  version: number,
  set: Partial<Pick<BundlesTable, 'name' | 'summary' | 'themes' | 'stages' | 'status' | 'published_at'>> & { updated_at: string },
): Promise<boolean> {
  const r = await db.updateTable('bundles').set({ ...set, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface AdminBundleFilter {
  /** center paths the actor reads under */
  centerPaths: string[];
  q?: string;
  centerId?: string;
  status?: string;
  limit: number;
  offset: number;
}

export async function listAdminBundles(db: Executor, dialect: Dialect, f: AdminBundleFilter) {
  if (f.centerPaths.length === 0) return { rows: [], total: 0 };
  let q = db
    .selectFrom('bundles')
    .innerJoin('centers', 'centers.id', 'bundles.center_id')
    .where((eb) => eb.or(f.centerPaths.map((p) => startsWith('centers.path', p))));
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => eb.or([contains(dialect, 'bundles.name', text), contains(dialect, 'bundles.code', text)]));
  }
  if (f.centerId) q = q.where('bundles.center_id', '=', f.centerId);
  if (f.status) q = q.where('bundles.status', '=', f.status);
  const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll('bundles').orderBy('bundles.code').orderBy('bundles.center_id').limit(f.limit).offset(f.offset).execute();
  return { rows, total: toCount(total.n) };
}

export interface PublicBundleFilter {
  q?: string;
  theme?: string;
  centerId?: string;
  limit: number;
  offset: number;
}

export async function listPublicBundles(db: Executor, dialect: Dialect, f: PublicBundleFilter) {
  let q = db.selectFrom('bundles').where('status', '=', 'published');
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => eb.or([contains(dialect, 'name', text), contains(dialect, 'code', text), contains(dialect, 'summary', text)]));
  }
  // themes are stored as a JSON array of strings: look for the quoted theme
  if (f.theme) q = q.where(contains(dialect, 'themes', JSON.stringify(f.theme)));
  if (f.centerId) q = q.where('center_id', '=', f.centerId);
  const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('code').orderBy('center_id').limit(f.limit).offset(f.offset).execute();
  return { rows, total: toCount(total.n) };
}

/** A published bundle by id or code (shallowest center first, unless `centerId` says which). */
export async function findPublicBundle(db: Executor, idOrCode: string, centerId?: string) {
  let q = db
    .selectFrom('bundles')
    .innerJoin('centers', 'centers.id', 'bundles.center_id')
    .selectAll('bundles')
    .select('centers.path as center_path')
    .where('bundles.status', '=', 'published')
    .where((eb) => eb.or([eb('bundles.id', '=', idOrCode), eb('bundles.code', '=', idOrCode)]));
  if (centerId) q = q.where('bundles.center_id', '=', centerId);
  const rows = await q.orderBy((eb) => eb.fn('length', ['centers.path'])).limit(2).execute();
  return rows.find((r) => r.id === idOrCode) ?? rows[0];
}

/**
 * Items by id with their center's path, their public version (published or suspended, if any)
 * and their latest version, each with its department's name.
 */
export async function findBundleItems(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('items')
    .innerJoin('centers', 'centers.id', 'items.center_id')
    .innerJoin('item_versions as lv', (j) => j.onRef('lv.item_id', '=', 'items.id').onRef('lv.version_no', '=', 'items.latest_version_no'))
    .innerJoin('departments as ld', 'ld.id', 'lv.department_id')
    .leftJoin('item_versions as pv', 'pv.id', 'items.published_version_id')
    .leftJoin('departments as pd', 'pd.id', 'pv.department_id')
    .select([
      'items.id', 'items.code', 'items.center_id', 'centers.path as center_path',
      'lv.data as latest_data', 'ld.name as latest_department_name',
      'pv.status as public_status', 'pv.data as public_data', 'pd.name as public_department_name',
    ])
    .where('items.id', 'in', [...new Set(ids)])
    .execute();
}
export type BundleItemRow = Awaited<ReturnType<typeof findBundleItems>>[number];
