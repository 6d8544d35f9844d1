/**
 * Applicant accounts of the online hall, on both databases: registration by SMS code (hashed,
 * 10 minutes, 5 tries, rate limits) or e-mail, login through /api/auth/login, password reset,
 * the profile (version → 409), the real-name identity (check digits, one account per identity),
 * agents of an enterprise, and the message box matching identity keys.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchOutbox } from '../../src/server/services/notifications/dispatch.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { intake, move } from './case-helpers.js';
import { H, hallItem, idNumber, lastCode, person, readyDraft, registerMobile, setEnterprise, smsLog, submitted, uscc, wrongLast } from './hall-helpers.js';

for (const dialect of dialects()) {
  describe(`online hall: accounts [${dialect}]`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startTestApp(dialect);
    });
    afterEach(async () => t?.close());

    const code = (mobile: string, purpose = 'register', remoteAddress = '10.0.0.1') =>
      t.app.inject({ method: 'POST', url: `${H}/sms-codes`, payload: { mobile, purpose }, remoteAddress });
    const reg = (body: object) => t.app.inject({ method: 'POST', url: `${H}/register`, payload: body });
    const field = (r: { json(): { error: { fields?: { field: string }[] } } }) => r.json().error.fields?.map((f) => f.field);

    it('registers with a mobile number and the SMS code (kept only hashed), signs in, and logs in again with /api/auth/login', async () => {
      const c = await code('13912345678');
      expect(c.statusCode, c.body).toBe(200);
      expect(c.json()).toEqual({ ok: true, expiresInSeconds: 600, resendAfterSeconds: 60 });
      const sent = lastCode(t, '13912345678');
      expect(sent).toMatch(/^\d{6}$/);
      const rows = await t.tdb.db.kysely.selectFrom('hall_codes').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(sent);
      const r = await reg({ method: 'mobile', mobile: '13912345678', code: sent, password: 'Hall2026pw' });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().user).toMatchObject({ username: '13912345678', kind: 'applicant', roles: [], permissions: [] });
      // the code served once
      expect((await reg({ method: 'mobile', mobile: '13912345678', code: sent, password: 'Hall2026pw' })).statusCode).toBe(409);
      const s = await t.login('13912345678', 'Hall2026pw');
      const p = (await t.as(s, { url: `${H}/profile` })).json();
      expect(p).toMatchObject({ mobile: '13912345678', mobileVerified: true, identity: null, identityEditable: true, version: 1 });
      // logout ends the session: the hall answers 401
      await t.as(s, { method: 'POST', url: '/api/auth/logout' });
      expect((await t.as(s, { url: `${H}/profile` })).statusCode).toBe(401);
    });

    it('refuses a wrong code (counting tries: five, then none), an expired one, and a number already registered', async () => {
      await code('13912345678');
      const right = lastCode(t, '13912345678');
      const wrong = right === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++) {
        const r = await reg({ method: 'mobile', mobile: '13912345678', code: wrong, password: 'Hall2026pw' });
        expect(r.statusCode).toBe(400);
        expect(field(r)).toEqual(['code']);
      }
      const blocked = await reg({ method: 'mobile', mobile: '13912345678', code: right, password: 'Hall2026pw' });
      expect(blocked.statusCode).toBe(400);
      expect(blocked.json().error.messageEn).toContain('too many');
      // a new code after a minute, but it expires after ten
      t.clock.advance(61_000);
      await code('13912345678');
      t.clock.advance(601_000);
      const late = await reg({ method: 'mobile', mobile: '13912345678', code: lastCode(t, '13912345678'), password: 'Hall2026pw' });
      expect(late.statusCode).toBe(400);
      expect(late.json().error.messageEn).toContain('expired');
      expect(await t.tdb.db.kysely.selectFrom('users').select('id').where('username', '=', '13912345678').execute()).toEqual([]);
      await registerMobile(t, '13700000000');
      const again = await code('13700000000');
      expect(again.statusCode).toBe(409);
      expect(field(again)).toEqual(['mobile']);
    });

    it('limits codes: one a minute and five an hour per number, twenty an hour per address (429 naming mobile)', async () => {
      expect((await code('13912345678')).statusCode).toBe(200);
      const soon = await code('13912345678');
      expect(soon.statusCode).toBe(429);
      expect(field(soon)).toEqual(['mobile']);
      for (let i = 0; i < 4; i++) {
        t.clock.advance(61_000);
        expect((await code('13912345678')).statusCode).toBe(200);
      }
      t.clock.advance(61_000);
      expect((await code('13912345678')).statusCode).toBe(429);
      for (let i = 0; i < 15; i++) expect((await code(`1360000${String(i).padStart(4, '0')}`)).statusCode).toBe(200);
      const busy = await code('13500000000');
      expect(busy.statusCode).toBe(429);
      expect((await code('13500000000', 'register', '10.0.0.2')).statusCode).toBe(200);
      expect(smsLog(t).sent).toHaveLength(21);
    });

    it('registers with an e-mail address (nothing sent, not verified) under the staff password rules', async () => {
      const weak = await reg({ method: 'email', email: 'zhang@example.com', password: 'short' });
      expect(weak.statusCode).toBe(400);
      expect(field(weak)).toEqual(['password']);
      const r = await reg({ method: 'email', email: 'Zhang@Example.com', password: 'Hall2026pw' });
      expect(r.statusCode, r.body).toBe(200);
      expect(smsLog(t).sent).toHaveLength(0);
      const s = await t.login('zhang@example.com', 'Hall2026pw');
      expect((await t.as(s, { url: `${H}/profile` })).json()).toMatchObject({ email: 'zhang@example.com', emailVerified: false, mobile: '' });
      expect((await reg({ method: 'email', email: 'zhang@example.com', password: 'Hall2026pw' })).statusCode).toBe(409);
      const bad = await reg({ method: 'email', email: 'not-an-address', password: 'Hall2026pw' });
      expect(bad.statusCode).toBe(400);
      expect(field(bad)).toEqual(['email']);
    });

    it('resets a password by SMS code: old sessions end, a lock is lifted, the new password works', async () => {
      const old = await registerMobile(t, '13912345678');
      for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '13912345678', password: 'Wrong2026pw' } });
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '13912345678', password: 'Hall2026pw' } })).statusCode).toBe(423);
      expect((await code('13812345678', 'resetPassword')).statusCode).toBe(400);
      t.clock.advance(61_000); // the registration's code was sent a moment ago
      expect((await code('13912345678', 'resetPassword')).statusCode).toBe(200);
      const reset = (newPassword: string, c = lastCode(t, '13912345678')) => t.app.inject({ method: 'POST', url: `${H}/password-reset`, payload: { mobile: '13912345678', code: c, newPassword } });
      const weak = await reset('abc');
      expect(weak.statusCode).toBe(400);
      expect(field(weak)).toEqual(['newPassword']);
      expect((await reset('Reset2026pw')).statusCode).toBe(200);
      expect((await t.as(old, { url: `${H}/profile` })).statusCode).toBe(401);
      await t.login('13912345678', 'Reset2026pw');
      expect((await reset('Again2026pw')).statusCode).toBe(400); // the code served once
    });

    it('checks the real name: GB 11643 and GB 32100 check digits name the field, nothing half-written; one account per identity', async () => {
      const s = await registerMobile(t, '13912345678');
      const put = (payload: object) => t.as(s, { method: 'PUT', url: `${H}/profile/identity`, payload: { version: 1, ...payload } });
      const badId = await put({ kind: 'person', name: '张三', idNumber: wrongLast(idNumber(), '0123456789X') });
      expect(badId.statusCode).toBe(400);
      expect(field(badId)).toEqual(['idNumber']);
      expect(badId.json().error.message).toContain('校验位');
      const badCode = await put({ kind: 'enterprise', name: '测试餐饮有限公司', uscc: wrongLast(uscc(), '0123456789ABCDEFGHJKLMNPQRTUWXY'), legalRep: '李四' });
      expect(badCode.statusCode).toBe(400);
      expect(field(badCode)).toEqual(['uscc']);
      expect((await t.as(s, { url: `${H}/profile` })).json()).toMatchObject({ identity: null, version: 1 });
      const ok = await put({ kind: 'person', name: '张三', idNumber: idNumber().toLowerCase() });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ displayName: '张三', identity: { kind: 'person', name: '张三', idNumber: '3701**********' + idNumber().slice(-4) }, version: 2 });
      // a second tab with the old version
      expect((await put({ kind: 'person', name: '张叁', idNumber: idNumber() })).statusCode).toBe(409);
      const other = await registerMobile(t, '13700000000');
      const dup = await t.as(other, { method: 'PUT', url: `${H}/profile/identity`, payload: { version: 1, kind: 'person', name: '张三', idNumber: idNumber() } });
      expect(dup.statusCode).toBe(409);
      expect(field(dup)).toEqual(['idNumber']);
      // the profile's own version
      const prof = await t.as(s, { method: 'PUT', url: `${H}/profile`, payload: { version: 2, displayName: '小张', email: 'z@example.com' } });
      expect(prof.json()).toMatchObject({ displayName: '小张', email: 'z@example.com', version: 3 });
      expect((await t.as(s, { method: 'PUT', url: `${H}/profile`, payload: { version: 2, displayName: '张' } })).statusCode).toBe(409);
    });

    it('keeps staff out of the hall (403) and anonymous callers out (401)', async () => {
      const clerk = await t.login('clerk');
      expect((await t.as(clerk, { url: `${H}/profile` })).statusCode).toBe(403);
      expect((await t.as(clerk, { url: `${H}/cases` })).statusCode).toBe(403);
      expect((await t.as(null, { url: `${H}/profile` })).statusCode).toBe(401);
      expect((await t.as(null, { method: 'PUT', url: `${H}/profile/identity`, payload: {} })).statusCode).toBe(401);
    });

    it('lets an enterprise authorise agents who apply for it; a revoked agent loses its cases; the identity is then fixed', async () => {
      const itemId = await hallItem(t);
      const ent = await registerMobile(t, '13800000001');
      await setEnterprise(t, ent);
      const agent = await person(t, '13900000002', '王五', idNumber('37010219851111002'));
      const stranger = await registerMobile(t, '13900000003');
      expect((await t.as(stranger, { method: 'POST', url: `${H}/agents`, payload: { mobile: '13900000002' } })).statusCode).toBe(422);
      const noName = await t.as(ent, { method: 'POST', url: `${H}/agents`, payload: { mobile: '13900000003' } });
      expect(noName.statusCode).toBe(400);
      expect(field(noName)).toEqual(['mobile']);
      const a = await t.as(ent, { method: 'POST', url: `${H}/agents`, payload: { mobile: '13900000002' } });
      expect(a.statusCode, a.body).toBe(200);
      expect(a.json()).toMatchObject({ status: 'active', agent: { name: '王*', mobile: '139****0002' }, principal: { name: '测试餐饮有限公司', uscc: uscc() } });
      expect((await t.as(ent, { method: 'POST', url: `${H}/agents`, payload: { mobile: '13900000002' } })).statusCode).toBe(409);
      const principals = (await t.as(agent, { url: `${H}/agents` })).json().principals;
      expect(principals.map((p: { principal: { userId: string } }) => p.principal.userId)).toHaveLength(1);
      const entId = principals[0].principal.userId;
      // the agent files for the enterprise: the case is the enterprise's
      const d = await t.as(agent, { method: 'POST', url: `${H}/drafts`, payload: { itemId, principalId: entId } });
      expect(d.statusCode, d.body).toBe(200);
      expect(d.json().principal).toEqual({ userId: entId, name: '测试餐饮有限公司' });
      const ready = await readyDraft(t, agent, itemId, entId);
      const c = (await t.as(agent, { method: 'POST', url: `${H}/drafts/${ready.id}/submit`, payload: { version: ready.version } })).json();
      expect(c.applicant).toEqual({ kind: 'enterprise', name: '测试餐饮有限公司', idNumber: null, uscc: uscc() });
      expect((await t.as(ent, { url: `${H}/cases/${c.id}` })).statusCode).toBe(200);
      expect((await t.as(ent, { url: `${H}/cases` })).json().total).toBe(1);
      expect((await t.as(stranger, { url: `${H}/cases/${c.id}` })).statusCode).toBe(404);
      expect((await t.as(stranger, { method: 'POST', url: `${H}/drafts`, payload: { itemId, principalId: entId } })).statusCode).toBe(400);
      // the identity is fixed now
      const fixed = await t.as(ent, { method: 'PUT', url: `${H}/profile/identity`, payload: { version: 2, kind: 'enterprise', name: '改名公司', uscc: uscc(), legalRep: '李四' } });
      expect(fixed.statusCode).toBe(409);
      expect((await t.as(ent, { url: `${H}/profile` })).json().identityEditable).toBe(false);
      const revoked = await t.as(ent, { method: 'DELETE', url: `${H}/agents/${a.json().id}` });
      expect(revoked.json().status).toBe('revoked');
      expect((await t.as(agent, { url: `${H}/cases/${c.id}` })).statusCode).toBe(404);
      expect((await t.as(agent, { url: `${H}/cases` })).json().total).toBe(0);
      expect((await t.as(agent, { method: 'POST', url: `${H}/drafts`, payload: { itemId, principalId: entId } })).statusCode).toBe(400);
    });

    it("shows the messages of a window case addressed to the account's identity in the hall's message box", async () => {
      const s = await person(t, '13912345678', '张三', idNumber());
      const clerk = await t.login('clerk');
      const itemId = await hallItem(t);
      const c = await intake(t, clerk, itemId, { kind: 'person', name: '张三', idNumber: idNumber(), phone: '13912345678' });
      expect((await move(t, clerk, c.id, 'accept', { version: 1 })).statusCode).toBe(200);
      // the same ID number taken in with another phone: the identity alone (checked only by its
      // check digit) does not open that case's messages
      const elsewhere = await intake(t, clerk, itemId, { kind: 'person', name: '张三', idNumber: idNumber(), phone: '13600000000' });
      expect((await move(t, clerk, elsewhere.id, 'accept', { version: 1 })).statusCode).toBe(200);
      await dispatchOutbox(t.app.deps);
      const list = (await t.as(s, { url: `${H}/messages` })).json();
      expect(list).toMatchObject({ total: 1, unread: 1 });
      const hidden = await t.tdb.db.kysely.selectFrom('messages').select('id').where('case_id', '=', elsewhere.id).executeTakeFirstOrThrow();
      expect((await t.as(s, { method: 'POST', url: `${H}/messages/${hidden.id}/read` })).statusCode).toBe(404);
      expect(list.items[0]).toMatchObject({ caseId: c.id, title: '办件已受理' });
      // the common box lists the account's own messages only
      expect((await t.as(s, { url: '/api/v1/me/messages' })).json().total).toBe(0);
      expect((await t.as(s, { method: 'POST', url: `${H}/messages/${list.items[0].id}/read` })).json().readAt).not.toBeNull();
      const other = await registerMobile(t, '13700000000');
      expect((await t.as(other, { method: 'POST', url: `${H}/messages/${list.items[0].id}/read` })).statusCode).toBe(404);
      // an online case's messages go to the account itself
      const mine = await submitted(t, s, itemId);
      expect((await move(t, clerk, mine.id, 'accept', { version: mine.version })).statusCode).toBe(200);
      await dispatchOutbox(t.app.deps);
      expect((await t.as(s, { url: `${H}/messages` })).json().total).toBe(2);
      expect(smsLog(t).sent.some((m) => m.to === '13912345678' && m.text.includes('办件已受理'))).toBe(true);
    });
  });
}
