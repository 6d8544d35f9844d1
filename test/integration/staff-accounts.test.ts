import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/services/audit/verify.js';
import { systemCtx } from '../../src/server/services/context.js';
import { createStaffUser } from '../../src/server/services/organisation/index.js';
import { dialects } from '../helpers/db.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { PASSWORD } from '../helpers/fixtures.js';

const S = '/api/v1/admin/staff';

for (const dialect of dialects()) {
  describe(`staff accounts: deactivate, reset password, unlock [${dialect}]`, () => {
    let t: TestApp;
    let admin: Session;
    beforeEach(async () => {
      t = await startTestApp(dialect, { LOGIN_MAX_FAILURES: '3' });
      admin = await t.login('admin');
    });
    afterEach(async () => t.close());

    const me = async (s: Session) => (await t.as(s, { url: '/api/auth/me' })).json().user;
    const loginStatus = async (username: string, password = PASSWORD) =>
      (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })).statusCode;

    it('deactivation ends the sessions and stops logins; activation lets the user back in', async () => {
      const clerk = await t.login('clerk');
      const id = t.org.users.clerk;
      const off = await t.as(admin, { method: 'POST', url: `${S}/${id}/deactivate`, payload: { version: 1 } });
      expect(off.statusCode).toBe(200);
      expect(off.json()).toMatchObject({ active: false, version: 2 });
      expect(await me(clerk)).toBeNull();
      const sessions = await t.tdb.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', id).execute();
      expect(sessions).toHaveLength(0);
      expect(await loginStatus('clerk')).toBe(401);
      expect((await t.as(admin, { url: `${S}?active=false` })).json().items.map((u: { username: string }) => u.username)).toEqual(['clerk']);
      expect((await t.as(admin, { method: 'POST', url: `${S}/${id}/activate`, payload: { version: 1 } })).statusCode).toBe(409);
      const on = await t.as(admin, { method: 'POST', url: `${S}/${id}/activate`, payload: { version: 2 } });
      expect(on.json().active).toBe(true);
      expect(await loginStatus('clerk')).toBe(200);
    });

    it('refuses an admin deactivating themselves', async () => {
      const r = await t.as(admin, { method: 'POST', url: `${S}/${t.org.users.admin}/deactivate`, payload: { version: 1 } });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.messageEn).toContain('your own account');
      expect(await me(admin)).not.toBeNull();
    });

    it('resets the password: policy checked, sessions ended, lockout cleared, nothing secret logged', async () => {
      const s = await t.login('reviewer');
      const id = t.org.users.reviewer;
      const weak = await t.as(admin, { method: 'POST', url: `${S}/${id}/reset-password`, payload: { password: 'abcdefgh' } });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().error.fields[0].field).toBe('password');
      const r = await t.as(admin, { method: 'POST', url: `${S}/${id}/reset-password`, payload: { password: 'Reset2026x' } });
      expect(r.statusCode).toBe(200);
      expect(r.json().passwordChangedAt).toBe(t.clock.now().toISOString());
      expect(await me(s)).toBeNull();
      expect(await loginStatus('reviewer')).toBe(401);
      expect(await loginStatus('reviewer', 'Reset2026x')).toBe(200);
      const log = await t.tdb.db.kysely.selectFrom('action_log').select(['action', 'payload']).where('entity_id', '=', id).where('action', '=', 'resetPassword').execute();
      expect(log).toHaveLength(1);
      expect(log[0].payload).not.toContain('Reset2026x');
      expect((await t.as(await t.login('leader'), { method: 'POST', url: `${S}/${id}/reset-password`, payload: { password: 'Reset2026y' } })).statusCode).toBe(403);
    });

    it('unlocks an account locked by failed logins', async () => {
      for (let i = 0; i < 3; i++) expect(await loginStatus('chiefrep', 'wrong')).toBe(401);
      expect(await loginStatus('chiefrep')).toBe(423);
      const listed = (await t.as(admin, { url: `${S}?q=chiefrep` })).json().items[0];
      expect(listed.locked).toBe(true);
      const r = await t.as(admin, { method: 'POST', url: `${S}/${t.org.users.chiefrep}/unlock` });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ locked: false, lockedUntil: null, failedLogins: 0 });
      expect(await loginStatus('chiefrep')).toBe(200);
      expect((await t.as(await t.login('countyadmin'), { method: 'POST', url: `${S}/${t.org.users.chiefrep}/unlock` })).statusCode).toBe(403);
    });

    it('is callable by the seeder/CLI with the system context', async () => {
      const u = await createStaffUser(systemCtx(t.app.deps), {
        username: 'seed.admin', displayName: '种子管理员', password: 'SeedPass2026', grants: [{ role: 'centerAdmin', centerId: t.org.countyId }],
      });
      expect(u).toMatchObject({ username: 'seed.admin', centerId: t.org.countyId, windowIds: [], phone: '' });
      expect(await loginStatus('seed.admin', 'SeedPass2026')).toBe(200);
      const bad = await createStaffUser(systemCtx(t.app.deps), { username: 'x', displayName: '', password: 'p', grants: [] }).catch((e) => e);
      expect(bad.code).toBe('validation');
      expect(bad.fields.map((f: { field: string }) => f.field).sort()).toEqual(['displayName', 'grants', 'username']);
      const log = await t.tdb.db.kysely.selectFrom('action_log').select(['actor_name', 'payload']).where('entity_id', '=', u.id).executeTakeFirstOrThrow();
      expect(log.actor_name).toBe('system');
      expect((await verifyAuditChain(t.app.deps)).ok).toBe(true);
    });
  });
}
