import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/services/audit/verify.js';
import { dialects } from '../helpers/db.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { PASSWORD } from '../helpers/fixtures.js';

for (const dialect of dialects()) {
  describe(`auth and sessions [${dialect}]`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startTestApp(dialect, { LOGIN_MAX_FAILURES: '3' });
    });
    afterEach(async () => t.close());

    it('reports health with the dialect', async () => {
      const r = await t.app.inject({ url: '/api/health' });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual({ status: 'ok', database: dialect });
    });

    it('logs in with a secure cookie and a CSRF token, and /me shows roles and permissions', async () => {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: PASSWORD } });
      expect(r.statusCode).toBe(200);
      const cookie = String(r.headers['set-cookie']);
      expect(cookie).toMatch(/onestop_sid=/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      const body = r.json();
      expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
      expect(body.user.roles).toEqual(['centerAdmin']);
      const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: cookie.split(';')[0] } });
      expect(me.json().user.permissions).toContain('catalogue:publish');
    });

    it('refuses a wrong password with 401 and locks after repeated failures', async () => {
      for (let i = 0; i < 3; i++) {
        const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: 'nope' } });
        expect(r.statusCode).toBe(401);
        expect(r.json().error.message).toBe('用户名或密码错误');
      }
      const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: PASSWORD } });
      expect(locked.statusCode).toBe(423);
      t.clock.advance(16 * 60_000);
      const ok = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: PASSWORD } });
      expect(ok.statusCode).toBe(200);
    });

    it('names the missing field on bad login input, in Chinese and English', async () => {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } });
      expect(r.statusCode).toBe(400);
      const e = r.json().error;
      expect(e.code).toBe('validation');
      expect(e.fields[0].field).toBe('password');
      expect(e.message).toContain('password');
      expect(e.messageEn).toContain('password');
    });

    it('refuses a state change without the CSRF header when a session is present', async () => {
      const s = await t.login('admin');
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('csrf');
      const ok = await t.as(s, { method: 'POST', url: '/api/auth/logout' });
      expect(ok.statusCode).toBe(200);
      const me = await t.as(s, { url: '/api/auth/me' });
      expect(me.json().user).toBeNull();
    });

    it('changes the password, ends other sessions, and records it in a verifiable log', async () => {
      const s1 = await t.login('reviewer');
      const s2 = await t.login('reviewer');
      const weak = await t.as(s1, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: PASSWORD, newPassword: 'short' } });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().error.fields[0].field).toBe('newPassword');
      const r = await t.as(s1, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: PASSWORD, newPassword: 'NewPass2026' } });
      expect(r.statusCode).toBe(200);
      expect((await t.as(s2, { url: '/api/auth/me' })).json().user).toBeNull();
      expect((await t.as(s1, { url: '/api/auth/me' })).json().user.username).toBe('reviewer');
      await t.login('reviewer', 'NewPass2026');
      const v = await verifyAuditChain(t.app.deps);
      expect(v.ok).toBe(true);
      expect(v.rows).toBeGreaterThanOrEqual(4);
    });

    it('answers unknown API routes with a JSON 404 and hides 5xx details', async () => {
      const r = await t.app.inject({ url: '/api/v1/nothing-here' });
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('notFound');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    });

    it('serves the OpenAPI document', async () => {
      const r = await t.app.inject({ url: '/api/docs/json' });
      expect(r.statusCode).toBe(200);
      expect(r.json().paths['/api/auth/login']).toBeDefined();
    });
  });
}
