/** Staff accounts: users of kind 'staff' with their role grants and windows. */
import type { Dialect } from '../db/dialect.js';
import type { UserRolesTable, UsersTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';
import { containsText } from './departments.js';

export type StaffRow = UsersTable & { center_name: string | null; department_name: string | null; center_path: string | null };

export interface GrantRow {
  user_id: string;
  role: string;
  center_id: string | null;
  center_name: string | null;
  center_path: string | null;
  department_id: string | null;
  department_name: string | null;
}

/** Where a reader may look: a center subtree, narrowed to one department for department grants. */
export interface Visibility {
  path: string;
  departmentId: string | null;
}

function withHome(db: Executor) {
  return db
    .selectFrom('users')
    .leftJoin('centers as hc', 'hc.id', 'users.center_id')
    .leftJoin('departments as hd', 'hd.id', 'users.department_id')
    .selectAll('users')
    .select(['hc.name as center_name', 'hc.path as center_path', 'hd.name as department_name'])
    .where('users.kind', '=', 'staff');
}

export async function findStaffById(db: Executor, id: string): Promise<StaffRow | undefined> {
  return withHome(db).where('users.id', '=', id).executeTakeFirst();
}

export interface StaffFilter {
  dialect: Dialect;
  visibility: Visibility[];
  centerId?: string;
  departmentId?: string;
  role?: string;
  q?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

/**
 * Staff visible to the reader: a grant inside one of the visible scopes, or a home there. The
 * `centerId`/`departmentId`/`role` filters all apply to one and the same grant.
 */
export async function listStaff(db: Executor, f: StaffFilter): Promise<{ rows: StaffRow[]; total: number }> {
  if (f.visibility.length === 0) return { rows: [], total: 0 };
  let q = withHome(db).where((eb) =>
    eb.or([
      eb.exists(
        eb
          .selectFrom('user_roles as vr')
          .innerJoin('centers as vc', 'vc.id', 'vr.center_id')
          .select('vr.id')
          .whereRef('vr.user_id', '=', 'users.id')
          .where((e) =>
            e.or(
              f.visibility.map((v) =>
                v.departmentId === null
                  ? e('vc.path', 'like', `${v.path}%`)
                  : e.and([e('vc.path', 'like', `${v.path}%`), e('vr.department_id', '=', v.departmentId)]),
              ),
            ),
          ),
      ),
      eb.or(
        f.visibility.map((v) =>
          v.departmentId === null
            ? eb('hc.path', 'like', `${v.path}%`)
            : eb.and([eb('hc.path', 'like', `${v.path}%`), eb('users.department_id', '=', v.departmentId)]),
        ),
      ),
    ]),
  );
  if (f.centerId || f.departmentId || f.role) {
    q = q.where((eb) => {
      let sub = eb.selectFrom('user_roles as fr').select('fr.id').whereRef('fr.user_id', '=', 'users.id');
      if (f.centerId) sub = sub.where('fr.center_id', '=', f.centerId);
      if (f.departmentId) sub = sub.where('fr.department_id', '=', f.departmentId);
      if (f.role) sub = sub.where('fr.role', '=', f.role);
      return eb.exists(sub);
    });
  }
  if (f.active !== undefined) q = q.where('users.active', '=', f.active ? 1 : 0);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => eb.or(['users.username', 'users.display_name'].map((c) => containsText(f.dialect, c, text))));
  }
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.orderBy('users.username').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total.n) };
}

/** Grants of each user with center and department names, keyed by user id. */
export async function loadGrantRows(db: Executor, userIds: string[]): Promise<Map<string, GrantRow[]>> {
  const out = new Map<string, GrantRow[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('user_roles')
    .leftJoin('centers', 'centers.id', 'user_roles.center_id')
    .leftJoin('departments', 'departments.id', 'user_roles.department_id')
    .select([
      'user_roles.user_id',
      'user_roles.role',
      'user_roles.center_id',
      'centers.name as center_name',
      'centers.path as center_path',
      'user_roles.department_id',
      'departments.name as department_name',
    ])
    .where('user_roles.user_id', 'in', userIds)
    .orderBy('centers.path')
    .orderBy('user_roles.role')
    .execute();
  for (const r of rows) out.get(r.user_id)?.push(r);
  return out;
}

export async function loadWindowIdsOf(db: Executor, userIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('user_windows')
    .innerJoin('windows', 'windows.id', 'user_windows.window_id')
    .select(['user_windows.user_id', 'user_windows.window_id'])
    .where('user_windows.user_id', 'in', userIds)
    .orderBy('windows.code')
    .execute();
  for (const r of rows) out.get(r.user_id)?.push(r.window_id);
  return out;
}

export async function replaceGrants(db: Executor, userId: string, grants: UserRolesTable[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (grants.length) await db.insertInto('user_roles').values(grants).execute();
}

export async function replaceUserWindows(db: Executor, userId: string, windowIds: string[]): Promise<void> {
  await db.deleteFrom('user_windows').where('user_id', '=', userId).execute();
  if (windowIds.length) {
    await db.insertInto('user_windows').values(windowIds.map((w) => ({ user_id: userId, window_id: w }))).execute();
  }
}

/** Optimistic update of a staff account: false when the row moved on since `version`. */
export async function updateStaffUser(
  db: Executor,
  id: string,
  version: number,
  set: Partial<Omit<UsersTable, 'id' | 'username' | 'kind' | 'version' | 'created_at'>> & { updated_at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('kind', '=', 'staff')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
