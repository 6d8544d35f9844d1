/**
 * Items and their versions (and the department/center reads the catalogue needs). Each version
 * row holds the whole ItemData as JSON plus denormalised columns for search.
 */
import { type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { type Dialect, escapeLike, forUpdate, likeOp, toCount } from '../db/dialect.js';
import type { ItemVersionsTable, ItemsTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

/** Case-insensitive `col LIKE %text%` with wildcards in `text` taken literally. */
function contains(dialect: Dialect, col: string, text: string) {
  return sql<SqlBool>`${sql.ref(col)} ${sql.raw(likeOp(dialect))} ${'%' + escapeLike(text) + '%'} escape '\\'`;
}

function startsWith(col: string, prefix: string) {
  return sql<SqlBool>`${sql.ref(col)} like ${escapeLike(prefix) + '%'} escape '\\'`;
}

// ── departments and centers, as the catalogue reads them ──────────────────────────────────

export async function findDepartmentsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('departments')
    .innerJoin('centers', 'centers.id', 'departments.center_id')
    .select(['departments.id', 'departments.code', 'departments.name', 'departments.center_id', 'departments.active', 'centers.path as center_path'])
    .where('departments.id', 'in', [...new Set(ids)])
    .execute();
}

export async function findDepartmentsOfCenter(db: Executor, centerId: string) {
  return db.selectFrom('departments').select(['id', 'code', 'name', 'active']).where('center_id', '=', centerId).execute();
}

export async function findCenter(db: Executor, id: string) {
  return db.selectFrom('centers').select(['id', 'path', 'name']).where('id', '=', id).executeTakeFirst();
}

// ── items ─────────────────────────────────────────────────────────────────────────────────

export async function findItem(db: Executor, id: string) {
  return db
    .selectFrom('items')
    .innerJoin('centers', 'centers.id', 'items.center_id')
    .selectAll('items')
    .select('centers.path as center_path')
    .where('items.id', '=', id)
    .executeTakeFirst();
}
export type ItemRow = NonNullable<Awaited<ReturnType<typeof findItem>>>;

/** Locks the item row (PostgreSQL) for a read-modify-write of the item and its versions. */
export async function lockItem(db: Executor, dialect: Dialect, id: string): Promise<void> {
  await forUpdate(dialect, db.selectFrom('items').select('id').where('id', '=', id)).execute();
}

export async function findItemByCode(db: Executor, centerId: string, code: string) {
  return db.selectFrom('items').select('id').where('center_id', '=', centerId).where('code', '=', code).executeTakeFirst();
}

export async function insertItem(db: Executor, row: ItemsTable): Promise<void> {
  await db.insertInto('items').values(row).execute();
}

export async function updateItem(
  db: Executor,
  id: string,
  set: Partial<Pick<ItemsTable, 'department_id' | 'published_version_id' | 'latest_version_no'>> & { updated_at: string },
): Promise<void> {
  await db
    .updateTable('items')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

// ── versions ──────────────────────────────────────────────────────────────────────────────

export async function insertVersion(db: Executor, row: ItemVersionsTable): Promise<void> {
  await db.insertInto('item_versions').values(row).execute();
}

export async function findVersionById(db: Executor, id: string) {
  return db.selectFrom('item_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findVersionByNo(db: Executor, itemId: string, versionNo: number) {
  return db.selectFrom('item_versions').selectAll().where('item_id', '=', itemId).where('version_no', '=', versionNo).executeTakeFirst();
}

export async function findDraft(db: Executor, itemId: string) {
  return db.selectFrom('item_versions').selectAll().where('item_id', '=', itemId).where('status', '=', 'draft').executeTakeFirst();
}

export async function listVersionSummaries(db: Executor, itemId: string) {
  return db
    .selectFrom('item_versions')
    .select(['id', 'version_no', 'status', 'name', 'created_at', 'updated_at', 'published_at', 'version'])
    .where('item_id', '=', itemId)
    .orderBy('version_no', 'desc')
    .execute();
}

/** Optimistic update of one version row; false when it moved on since `version`. */
export async function updateVersion(
  db: Executor,
  id: string,
  version: number,
  set: Partial<Omit<ItemVersionsTable, 'id' | 'item_id' | 'version_no' | 'version' | 'created_at' | 'created_by'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('item_versions')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ── admin list ────────────────────────────────────────────────────────────────────────────

export interface ScopeGrant {
  centerPath: string;
  departmentId: string | null;
}

export interface AdminItemFilter {
  grants: ScopeGrant[];
  q?: string;
  departmentId?: string;
  centerId?: string;
  status?: string;
  handlingClass?: string;
  limit: number;
  offset: number;
}

function adminItemsQuery(db: Executor, dialect: Dialect, f: AdminItemFilter) {
  let q = db
    .selectFrom('items')
    .innerJoin('centers', 'centers.id', 'items.center_id')
    .innerJoin('item_versions as lv', (j) => j.onRef('lv.item_id', '=', 'items.id').onRef('lv.version_no', '=', 'items.latest_version_no'))
    .leftJoin('item_versions as pv', 'pv.id', 'items.published_version_id')
    .innerJoin('departments', 'departments.id', 'items.department_id')
    .where((eb: ExpressionBuilder<any, any>) =>
      eb.or(
        f.grants.map((g) =>
          g.departmentId === null
            ? startsWith('centers.path', g.centerPath)
            : eb.and([startsWith('centers.path', g.centerPath), eb('items.department_id', '=', g.departmentId)]),
        ),
      ),
    );
  if (f.q) q = q.where(contains(dialect, 'lv.search_text', f.q));
  if (f.departmentId) q = q.where('items.department_id', '=', f.departmentId);
  if (f.centerId) q = q.where('items.center_id', '=', f.centerId);
  if (f.handlingClass) q = q.where('lv.handling_class', '=', f.handlingClass);
  if (f.status === 'published' || f.status === 'suspended') q = q.where('pv.status', '=', f.status);
  else if (f.status) q = q.where('items.published_version_id', 'is', null).where('lv.status', '=', f.status);
  return q;
}

export async function listAdminItems(db: Executor, dialect: Dialect, f: AdminItemFilter) {
  if (f.grants.length === 0) return { rows: [], total: 0 };
  const base = adminItemsQuery(db, dialect, f);
  const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'items.id', 'items.center_id', 'items.code', 'items.department_id', 'items.latest_version_no', 'items.updated_at',
      'lv.name', 'lv.handling_class', 'lv.online_depth', 'lv.status as latest_status',
      'pv.status as public_status', 'pv.version_no as public_version_no', 'departments.name as department_name',
    ])
    .orderBy('items.code')
    .orderBy('items.center_id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: toCount(total.n) };
}
export type AdminItemRow = Awaited<ReturnType<typeof listAdminItems>>['rows'][number];

/** The same row for one item (detail pages). */
export async function findAdminItem(db: Executor, dialect: Dialect, id: string) {
  const rows = await adminItemsQuery(db, dialect, { grants: [{ centerPath: '/', departmentId: null }], limit: 1, offset: 0 })
    .where('items.id', '=', id)
    .select([
      'items.id', 'items.center_id', 'items.code', 'items.department_id', 'items.latest_version_no', 'items.updated_at',
      'lv.name', 'lv.handling_class', 'lv.online_depth', 'lv.status as latest_status',
      'pv.status as public_status', 'pv.version_no as public_version_no', 'departments.name as department_name',
    ])
    .execute();
  return rows[0] as AdminItemRow | undefined;
}

// ── public ────────────────────────────────────────────────────────────────────────────────

export interface PublicItemFilter {
  q?: string;
  department?: string;
  theme?: string;
  onlineDepth?: string;
  handlingClass?: string;
  centerId?: string;
  limit: number;
  offset: number;
}

/** Items with a public version (published or suspended), joined to it and its department. */
function publicItems(db: Executor) {
  return db
    .selectFrom('items')
    .innerJoin('item_versions as pv', 'pv.id', 'items.published_version_id')
    .innerJoin('departments', 'departments.id', 'pv.department_id')
    .where('pv.status', 'in', ['published', 'suspended']);
}

export async function searchPublicItems(db: Executor, dialect: Dialect, f: PublicItemFilter) {
  let q = publicItems(db);
  if (f.q) q = q.where(contains(dialect, 'pv.search_text', f.q));
  if (f.department) {
    const d = f.department;
    q = q.where((eb) => eb.or([eb('pv.department_id', '=', d), eb('departments.code', '=', d)]));
  }
  if (f.theme) q = q.where(contains(dialect, 'pv.themes', `|${f.theme}|`));
  if (f.onlineDepth) q = q.where('pv.online_depth', '=', f.onlineDepth);
  if (f.handlingClass) q = q.where('pv.handling_class', '=', f.handlingClass);
  if (f.centerId) q = q.where('items.center_id', '=', f.centerId);
  const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(['items.id', 'items.code', 'pv.status', 'pv.data', 'departments.id as department_id', 'departments.name as department_name'])
    .orderBy('items.code')
    .orderBy('items.center_id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: toCount(total.n) };
}

/** The public version of an item given its id or its code (shallowest center first). */
export async function findPublicVersion(db: Executor, idOrCode: string, centerId?: string) {
  let q = publicItems(db)
    .innerJoin('centers', 'centers.id', 'items.center_id')
    .selectAll('pv')
    .select(['items.center_id', 'items.code as item_code'])
    .where((eb) => eb.or([eb('items.id', '=', idOrCode), eb('items.code', '=', idOrCode)]));
  if (centerId) q = q.where('items.center_id', '=', centerId);
  const rows = await q.orderBy((eb) => eb.fn('length', ['centers.path'])).limit(2).execute();
  return rows.find((r) => r.item_id === idOrCode) ?? rows[0];
}

export async function countPublicByDepartment(db: Executor, centerId?: string) {
  let q = publicItems(db);
  if (centerId) q = q.where('items.center_id', '=', centerId);
  const rows = await q
    .select(['departments.id', 'departments.code', 'departments.name', 'departments.center_id', 'departments.sort'])
    .select((eb) => eb.fn.countAll().as('n'))
    .groupBy(['departments.id', 'departments.code', 'departments.name', 'departments.center_id', 'departments.sort'])
    .orderBy('departments.sort')
    .orderBy('departments.code')
    .execute();
  return rows.map((r) => ({ ...r, n: toCount(r.n) }));
}

export async function publicThemeStrings(db: Executor, centerId?: string): Promise<string[]> {
  let q = publicItems(db).select('pv.themes');
  if (centerId) q = q.where('items.center_id', '=', centerId);
  return (await q.execute()).map((r) => r.themes);
}

// ── export ────────────────────────────────────────────────────────────────────────────────

/** Per item of a center: the public version if any, else the latest version. */
export async function versionsForExport(db: Executor, centerId: string) {
  return db
    .selectFrom('items')
    .innerJoin('item_versions as v', (j) =>
      j.onRef('v.item_id', '=', 'items.id').on((eb) =>
        eb.or([
          eb('v.id', '=', eb.ref('items.published_version_id')),
          eb.and([eb('items.published_version_id', 'is', null), eb('v.version_no', '=', eb.ref('items.latest_version_no'))]),
        ]),
      ),
    )
    .select(['items.code', 'v.status', 'v.data'])
    .where('items.center_id', '=', centerId)
    .orderBy('items.code')
    .execute();
}

