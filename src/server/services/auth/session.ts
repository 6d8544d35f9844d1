/**
 * Sessions: a random token in an httpOnly cookie; the database keeps only its SHA-256, with the
 * CSRF token the web app must echo in `x-csrf-token` on every state-changing request.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../../domain/permissions.js';
import { deleteSession, findSession, touchSession } from '../../repositories/sessions.js';
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

/** The session behind a cookie token, sliding its expiry; null when missing or expired. */
export async function resolveSession(deps: Deps, token: string): Promise<ResolvedSession | null> {
  const db = deps.db.kysely;
  const id = sessionId(token, deps.config.sessionSecret);
  const s = await findSession(db, id);
  if (!s) return null;
  const now = deps.clock.now();
  if (s.expires_at <= now.toISOString()) {
    await deleteSession(db, id);
    return null;
  }
  const actor = await loadActor(db, s.user_id);
  if (!actor) return null;
  // Slide the expiry at most once a minute to keep reads cheap.
  if (now.getTime() - Date.parse(s.last_seen_at) > 60_000) {
    const expires = new Date(now.getTime() + deps.config.sessionTtlHours * 3600_000).toISOString();
    await touchSession(db, id, now.toISOString(), expires);
  }
  return { id, actor, csrfToken: s.csrf_token };
}
