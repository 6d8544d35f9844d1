import type { RoleGrant, Role } from '../../domain/permissions.js';
import type { UsersTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

export async function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Executor, row: UsersTable) {
  await db.insertInto('users').values(row).execute();
}

export async function updateLoginState(
  db: Executor,
  id: string,
  s: { failed_logins: number; locked_until: string | null; updated_at: string },
) {
  await db.updateTable('users').set(s).where('id', '=', id).execute();
}

/** Optimistic update: returns false when the row moved on since `version`. */
export async function updatePassword(db: Executor, id: string, version: number, hash: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ password_hash: hash, password_changed_at: at, updated_at: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function loadGrants(db: Executor, userId: string): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom('user_roles')
    .leftJoin('centers', 'centers.id', 'user_roles.center_id')
    .select(['user_roles.role', 'user_roles.center_id', 'user_roles.department_id', 'centers.path'])
    .where('user_roles.user_id', '=', userId)
    .execute();
  return rows.map((r) => ({
    role: r.role as Role,
    centerId: r.center_id,
    centerPath: r.path ?? null,
    departmentId: r.department_id,
  }));
}

export async function loadWindowIds(db: Executor, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_windows').select('window_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.window_id);
}

/** Display names of the accounts among `ids` (others — e.g. 'system' — are simply absent). */
export async function displayNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The paths of the centers a user works at: their home center and their grants' centers. */
export async function userCenterPaths(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('centers')
    .select('centers.path')
    .where((eb) =>
      eb.or([
        eb('centers.id', 'in', eb.selectFrom('users').select('users.center_id').where('users.id', '=', userId)),
        eb('centers.id', 'in', eb.selectFrom('user_roles').select('user_roles.center_id').where('user_roles.user_id', '=', userId)),
      ]),
    )
    .execute();
  return rows.map((r) => r.path);
}
