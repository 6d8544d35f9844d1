/** Departments stationed in a center (进驻部门). */
import { type RawBuilder, sql } from 'kysely';
import type { DepartmentsTable } from '../db/schema.js';
import { escapeLike, likeOp, type Dialect } from '../db/dialect.js';
import type { Executor } from '../services/context.js';

export type DepartmentRow = DepartmentsTable;
export type DepartmentWithCenter = DepartmentRow & { center_name: string; center_path: string };

function withCenter(db: Executor) {
  return db
    .selectFrom('departments')
    .innerJoin('centers', 'centers.id', 'departments.center_id')
    .selectAll('departments')
    .select(['centers.name as center_name', 'centers.path as center_path']);
}

export async function findDepartmentById(db: Executor, id: string): Promise<DepartmentWithCenter | undefined> {
  return withCenter(db).where('departments.id', '=', id).executeTakeFirst();
}

export async function findDepartmentsByIds(db: Executor, ids: string[]): Promise<DepartmentWithCenter[]> {
  if (ids.length === 0) return [];
  return withCenter(db).where('departments.id', 'in', [...new Set(ids)]).execute();
}

export async function insertDepartment(db: Executor, row: DepartmentRow): Promise<void> {
  await db.insertInto('departments').values(row).execute();
}

export async function updateDepartment(
  db: Executor,
  id: string,
  version: number,
  set: Partial<Omit<DepartmentRow, 'id' | 'center_id' | 'version' | 'created_at'>> & { updated_at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('departments')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * `column` contains `text`, case-insensitively, with the user's % and _ matched literally: the
 * explicit ESCAPE clause makes the backslash escapes of `escapeLike` work on SQLite too.
 */
export function containsText(dialect: Dialect, column: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} ${sql.raw(likeOp(dialect))} ${'%' + escapeLike(text) + '%'} escape '\\'`;
}

export interface DepartmentFilter {
  dialect: Dialect;
  /** center subtrees the actor may read */
  pathPrefixes: string[];
  centerId?: string;
  q?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

export async function listDepartments(db: Executor, f: DepartmentFilter): Promise<{ rows: DepartmentWithCenter[]; total: number }> {
  if (f.pathPrefixes.length === 0) return { rows: [], total: 0 };
  let q = withCenter(db).where((eb) => eb.or(f.pathPrefixes.map((p) => eb('centers.path', 'like', `${p}%`))));
  if (f.centerId) q = q.where('departments.center_id', '=', f.centerId);
  if (f.active !== undefined) q = q.where('departments.active', '=', f.active ? 1 : 0);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or(['departments.code', 'departments.name', 'departments.short_name'].map((c) => containsText(f.dialect, c, text))),
    );
  }
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('centers.path')
    .orderBy('departments.sort')
    .orderBy('departments.code')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: Number(total.n) };
}

/** Codes of the active windows that depend on the department (dedicated, served or on duty). */
export async function activeWindowsUsingDepartment(db: Executor, departmentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('windows')
    .select('windows.code')
    .where('windows.active', '=', 1)
    .where((eb) =>
      eb.or([
        eb('windows.department_id', '=', departmentId),
        eb.exists(
          eb.selectFrom('window_departments').select('window_departments.window_id')
            .whereRef('window_departments.window_id', '=', 'windows.id')
            .where('window_departments.department_id', '=', departmentId),
        ),
        eb.exists(
          eb.selectFrom('window_roster').select('window_roster.window_id')
            .whereRef('window_roster.window_id', '=', 'windows.id')
            .where('window_roster.department_id', '=', departmentId),
        ),
      ]),
    )
    .orderBy('windows.code')
    .execute();
  return rows.map((r) => r.code);
}
