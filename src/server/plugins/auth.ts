/**
 * Reads the session cookie into `request.ctx` and enforces CSRF on state-changing requests that
 * carry a session: the header `x-csrf-token` must equal the session's token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.js';
import type { Ctx, Deps } from '../services/context.js';
import { resolveSession, safeEqual, SESSION_COOKIE } from '../services/auth/session.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
    sessionId: string | null;
    csrfToken: string | null;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Login starts a session, so it cannot carry that session's token yet. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);

export function registerAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (req: FastifyRequest) => {
    req.ctx = { deps, actor: null, ip: req.ip };
    const token = req.cookies?.[SESSION_COOKIE];
    if (!token || !req.url.startsWith('/api/')) return;
    const s = await resolveSession(deps, token);
    if (!s) return;
    req.ctx.actor = s.actor;
    req.sessionId = s.id;
    req.csrfToken = s.csrfToken;
  });

  app.addHook('preHandler', async (req: FastifyRequest) => {
    if (SAFE.has(req.method) || !req.sessionId) return;
    const path = req.url.split('?')[0];
    if (CSRF_EXEMPT.has(path)) return;
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !req.csrfToken || !safeEqual(sent, req.csrfToken)) {
      throw new AppError('csrf', '安全校验失败，请刷新页面后重试', 'CSRF check failed; reload the page and try again');
    }
  });
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, ttlHours: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    maxAge: ttlHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Services need an actor; routes that require login call this for a clear 401. */
export function requireActor(req: FastifyRequest) {
  if (!req.ctx.actor) throw new AppError('unauthenticated', '请先登录', 'Please log in');
  return req.ctx.actor;
}
