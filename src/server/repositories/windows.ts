/** Windows (窗口) with the departments they serve and their duty roster. */
import type { Dialect } from '../db/dialect.js';
import type { WindowsTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';
import { containsText } from './departments.js';

export type WindowRow = WindowsTable;
export type WindowWithCenter = WindowRow & { center_name: string; center_path: string };

function withCenter(db: Executor) {
  return db
    .selectFrom('windows')
    .innerJoin('centers', 'centers.id', 'windows.center_id')
    .selectAll('windows')
    .select(['centers.name as center_name', 'centers.path as center_path']);
}

export async function findWindowById(db: Executor, id: string): Promise<WindowWithCenter | undefined> {
  return withCenter(db).where('windows.id', '=', id).executeTakeFirst();
}

export async function findWindowsByIds(db: Executor, ids: string[]): Promise<WindowWithCenter[]> {
  if (ids.length === 0) return [];
  return withCenter(db).where('windows.id', 'in', [...new Set(ids)]).execute();
}

export async function insertWindow(db: Executor, row: WindowRow): Promise<void> {
  await db.insertInto('windows').values(row).execute();
}

export async function updateWindow(
  db: Executor,
  id: string,
  version: number,
  set: Partial<Omit<WindowRow, 'id' | 'center_id' | 'version' | 'created_at'>> & { updated_at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('windows')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Replaces the served departments and the roster of a window as a whole. */
export async function replaceWindowDepartments(
  db: Executor,
  windowId: string,
  served: string[],
  roster: { weekday: number; departmentId: string }[],
): Promise<void> {
  await db.deleteFrom('window_roster').where('window_id', '=', windowId).execute();
  await db.deleteFrom('window_departments').where('window_id', '=', windowId).execute();
  if (served.length) {
    await db.insertInto('window_departments').values(served.map((d) => ({ window_id: windowId, department_id: d }))).execute();
  }
  if (roster.length) {
    await db
      .insertInto('window_roster')
      .values(roster.map((r) => ({ window_id: windowId, weekday: r.weekday, department_id: r.departmentId })))
      .execute();
  }
}

/** Served departments and roster of each window, keyed by window id. */
export async function loadWindowDepartments(
  db: Executor,
  windowIds: string[],
): Promise<Map<string, { served: string[]; roster: { weekday: number; departmentId: string }[] }>> {
  const out = new Map<string, { served: string[]; roster: { weekday: number; departmentId: string }[] }>();
  if (windowIds.length === 0) return out;
  for (const id of windowIds) out.set(id, { served: [], roster: [] });
  const served = await db
    .selectFrom('window_departments')
    .innerJoin('departments', 'departments.id', 'window_departments.department_id')
    .select(['window_departments.window_id', 'window_departments.department_id'])
    .where('window_departments.window_id', 'in', windowIds)
    .orderBy('departments.sort')
    .orderBy('departments.code')
    .execute();
  for (const s of served) out.get(s.window_id)!.served.push(s.department_id);
  const roster = await db
    .selectFrom('window_roster')
    .selectAll()
    .where('window_id', 'in', windowIds)
    .orderBy('weekday')
    .execute();
  for (const r of roster) out.get(r.window_id)!.roster.push({ weekday: r.weekday, departmentId: r.department_id });
  return out;
}

export interface WindowFilter {
  dialect: Dialect;
  pathPrefixes: string[];
  centerId?: string;
  kind?: string;
  departmentId?: string;
  q?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

export async function listWindows(db: Executor, f: WindowFilter): Promise<{ rows: WindowWithCenter[]; total: number }> {
  if (f.pathPrefixes.length === 0) return { rows: [], total: 0 };
  let q = withCenter(db).where((eb) => eb.or(f.pathPrefixes.map((p) => eb('centers.path', 'like', `${p}%`))));
  if (f.centerId) q = q.where('windows.center_id', '=', f.centerId);
  if (f.kind) q = q.where('windows.kind', '=', f.kind);
  if (f.active !== undefined) q = q.where('windows.active', '=', f.active ? 1 : 0);
  if (f.departmentId) {
    const d = f.departmentId;
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('window_departments').select('window_departments.window_id')
          .whereRef('window_departments.window_id', '=', 'windows.id')
          .where('window_departments.department_id', '=', d),
      ),
    );
  }
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => eb.or(['windows.code', 'windows.name'].map((c) => containsText(f.dialect, c, text))));
  }
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.orderBy('centers.path').orderBy('windows.code').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total.n) };
}
