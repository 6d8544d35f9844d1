import { sql } from 'kysely';
import { ChangePasswordBody, HealthReply, LoginBody, LoginReply, MeReply } from '../../contracts/auth.js';
import { OkBody } from '../../contracts/common.js';
import { permissionsOf } from '../../domain/permissions.js';
import { clearSessionCookie, requireActor, setSessionCookie } from '../plugins/auth.js';
import { changePassword, login, logout } from '../services/auth/login.js';
import type { RoutePlugin } from './types.js';

const routes: RoutePlugin = async (app) => {
  app.get('/api/health', { schema: { tags: ['system'], response: { 200: HealthReply } } }, async (req) => {
    await sql`select 1`.execute(req.ctx.deps.db.kysely);
    return { status: 'ok' as const, database: req.ctx.deps.db.dialect };
  });

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], body: LoginBody, response: { 200: LoginReply } },
      config: { rateLimit: { max: app.onestopConfig.loginRatePerMinute, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const r = await login(req.ctx, { ...req.body, userAgent: req.headers['user-agent'] ?? '' });
      setSessionCookie(req, reply, r.token, req.ctx.deps.config.sessionTtlHours);
      return { user: r.user, csrfToken: r.csrfToken };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 200: OkBody } } }, async (req, reply) => {
    if (req.sessionId) await logout(req.ctx, req.sessionId);
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: MeReply } } }, async (req) => {
    const a = req.ctx.actor;
    if (!a) return { user: null, csrfToken: null };
    return {
      user: {
        id: a.userId,
        username: a.username,
        displayName: a.displayName,
        kind: a.kind,
        roles: [...new Set(a.grants.map((g) => g.role))],
        permissions: permissionsOf(a),
      },
      csrfToken: req.csrfToken,
    };
  });

  // login first: onRequest gives 401 before the body is validated
  app.post('/api/auth/password', { onRequest: async (req) => void requireActor(req), schema: { tags: ['auth'], body: ChangePasswordBody, response: { 200: OkBody } } }, async (req) => {
    await changePassword(req.ctx, req.sessionId!, req.body);
    return { ok: true as const };
  });
};

export default routes;
