/** Centers (the organisation tree). Paths are materialized: `/rootId/…/id/`. */
import { sql } from 'kysely';
import { type Dialect, forUpdate } from '../db/dialect.js';
import type { CentersTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

export type CenterRow = CentersTable;
export type CenterWithCounts = CenterRow & { department_count: number; window_count: number };

export async function findCenterById(db: Executor, id: string): Promise<CenterRow | undefined> {
  return db.selectFrom('centers').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Reads a center for a write that depends on its path, locking the row on PostgreSQL: a move
 * of the subtree (which rewrites paths without bumping versions) then waits, or is waited for.
 */
export async function lockCenter(db: Executor, dialect: Dialect, id: string): Promise<CenterRow | undefined> {
  return forUpdate(dialect, db.selectFrom('centers').selectAll().where('id', '=', id)).executeTakeFirst();
}

export async function findCentersByIds(db: Executor, ids: string[]): Promise<CenterRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('centers').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

export async function insertCenter(db: Executor, row: CenterRow): Promise<void> {
  await db.insertInto('centers').values(row).execute();
}

/**
 * Centers whose path starts with one of `pathPrefixes` (their subtrees), with the number of
 * active departments and windows of each. Ids never contain LIKE wildcards (they are UUIDs).
 */
export async function listCentersWithCounts(
  db: Executor,
  f: { pathPrefixes: string[]; active?: boolean; ids?: string[] },
): Promise<CenterWithCounts[]> {
  if (f.pathPrefixes.length === 0) return [];
  let q = db
    .selectFrom('centers')
    .selectAll('centers')
    .select((eb) => [
      eb
        .selectFrom('departments')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('departments.center_id', '=', 'centers.id')
        .where('departments.active', '=', 1)
        .as('department_count'),
      eb
        .selectFrom('windows')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('windows.center_id', '=', 'centers.id')
        .where('windows.active', '=', 1)
        .as('window_count'),
    ])
    .where((eb) => eb.or(f.pathPrefixes.map((p) => eb('centers.path', 'like', `${p}%`))));
  if (f.active !== undefined) q = q.where('centers.active', '=', f.active ? 1 : 0);
  if (f.ids) q = q.where('centers.id', 'in', f.ids.length ? f.ids : ['']);
  const rows = await q.orderBy('centers.path').execute();
  return rows.map((r) => ({ ...r, department_count: Number(r.department_count ?? 0), window_count: Number(r.window_count ?? 0) }));
}

export async function findChildren(db: Executor, parentId: string): Promise<CenterRow[]> {
  return db.selectFrom('centers').selectAll().where('parent_id', '=', parentId).execute();
}

/** Optimistic update: false when the row moved on since `version`. */
export async function updateCenter(
  db: Executor,
  id: string,
  version: number,
  set: Partial<Omit<CenterRow, 'id' | 'version' | 'created_at'>> & { updated_at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('centers')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Rewrites the path prefix of a whole subtree after a move (the moved center included). */
export async function moveSubtree(db: Executor, oldPath: string, newPath: string): Promise<void> {
  await db
    .updateTable('centers')
    .set({ path: sql<string>`${newPath} || substr(path, ${oldPath.length + 1})` })
    .where('path', 'like', `${oldPath}%`)
    .execute();
}
