import { sql } from 'kysely';
import { jsonRowsAgg } from '../db/dialect.js';
import { prepared } from '../db/prepared.js';
import type { SessionsTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

export async function insertSession(db: Executor, row: SessionsTable) {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSession(db: Executor, id: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: Executor, id: string, at: string, expiresAt: string) {
  await db.updateTable('sessions').set({ last_seen_at: at, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Executor, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Executor, userId: string, exceptId?: string) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Executor, now: string) {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

/** A session with its user, the user's grants and windows: what every signed-in request needs. */
export interface SessionWithActorRow {
  id: string;
  user_id: string;
  csrf_token: string;
  expires_at: string;
  last_seen_at: string;
  username: string;
  display_name: string;
  kind: string;
  active: number | boolean;
  /** JSON text: [[role, center_id, department_id, center path], …] */
  grants: string;
  /** JSON text: [[window_id], …] */
  windows: string;
}

const sessionWithActor = prepared<{ id: string }, SessionWithActorRow>((db, p, { dialect }) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id', 'sessions.user_id', 'sessions.csrf_token', 'sessions.expires_at', 'sessions.last_seen_at', 'users.username', 'users.display_name', 'users.kind', 'users.active'])
    .select((eb) => [
      eb
        .selectFrom('user_roles')
        .leftJoin('centers', 'centers.id', 'user_roles.center_id')
        .select(jsonRowsAgg(dialect, [sql.ref('user_roles.role'), sql.ref('user_roles.center_id'), sql.ref('user_roles.department_id'), sql.ref('centers.path')]).as('g'))
        .whereRef('user_roles.user_id', '=', 'sessions.user_id')
        .as('grants'),
      eb
        .selectFrom('user_windows')
        .select(jsonRowsAgg(dialect, [sql.ref('user_windows.window_id')]).as('w'))
        .whereRef('user_windows.user_id', '=', 'sessions.user_id')
        .as('windows'),
    ])
    .where('sessions.id', '=', p('id')) as any,
);

/**
 * The session `id` with its user, grants and windows in one statement, read afresh on every
 * request: a logout, a deactivated account or a changed role takes effect at once on every
 * instance, with nothing cached to invalidate.
 */
export async function findSessionWithActor(db: Executor, id: string): Promise<SessionWithActorRow | undefined> {
  const r = await db.executeQuery(sessionWithActor(db, { id }));
  return r.rows[0];
}
