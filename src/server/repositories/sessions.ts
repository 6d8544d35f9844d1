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
