/**
 * Sessions: a random token in an httpOnly cookie; the database keeps only its SHA-256, with the
 * CSRF token the web app must echo in `x-csrf-token` on every state-changing request.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor, Role } from '../../../domain/permissions.js';
import { deleteSession, findSessionWithActor, type SessionWithActorRow, touchSession } from '../../repositories/sessions.js';
import { findUserById, loadGrants, loadWindowIds } from '../../repositories/users.js';
import type { Deps, Executor } from '../context.js';

export const SESSION_COOKIE = 'onestop_sid';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The stored id of a session: a keyed hash of the cookie token when SESSION_SECRET is set (a
 * copy of the sessions table then cannot even be checked against guessed tokens), else SHA-256.
 */
export function sessionId(token: string, secret?: string): string {
  return secret ? createHmac('sha256', secret).update(token).digest('hex') : createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function loadActor(db: Executor, userId: string): Promise<Actor | null> {
  const user = await findUserById(db, userId);
  if (!user || !user.active) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    kind: user.kind === 'applicant' ? 'applicant' : 'staff',
    grants: await loadGrants(db, user.id),
    windowIds: await loadWindowIds(db, user.id),
  };
}

export interface ResolvedSession {
  id: string;
  actor: Actor;
  csrfToken: string;
}

/** The actor a session row read with its user, grants and windows (sessions.ts) names; null when inactive. */
export function actorOf(r: SessionWithActorRow): Actor | null {
  if (!Number(r.active)) return null;
  const grants = (JSON.parse(r.grants) as [Role, string | null, string | null, string | null][]).map(([role, centerId, departmentId, centerPath]) => ({
    role,
    centerId,
    centerPath: centerPath ?? null,
    departmentId,
  }));
  const windowIds = (JSON.parse(r.windows) as [string][]).map(([w]) => w);
  return { userId: r.user_id, username: r.username, displayName: r.display_name, kind: r.kind === 'applicant' ? 'applicant' : 'staff', grants, windowIds };
}

/**
 * The session behind a cookie token, sliding its expiry; null when missing or expired. One
 * statement reads the session with its user, grants and windows, every time: nothing is kept
 * between requests, so a logout (or a changed role, a deactivated account) holds at once on
 * every instance.
 */
export async function resolveSession(deps: Deps, token: string): Promise<ResolvedSession | null> {
  const db = deps.db.kysely;
  const id = sessionId(token, deps.config.sessionSecret);
  const s = await findSessionWithActor(db, id);
  if (!s) return null;
  const now = deps.clock.now();
  if (s.expires_at <= now.toISOString()) {
    await deleteSession(db, id);
    return null;
  }
  const actor = actorOf(s);
  if (!actor) return null;
  // Slide the expiry at most once a minute to keep reads cheap.
  if (now.getTime() - Date.parse(s.last_seen_at) > 60_000) {
    const expires = new Date(now.getTime() + deps.config.sessionTtlHours * 3600_000).toISOString();
    await touchSession(db, id, now.toISOString(), expires);
  }
  return { id, actor, csrfToken: s.csrf_token };
}
