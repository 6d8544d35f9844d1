/**
 * Public progress and the message box, on both databases: the number and query code open the
 * case's progress and its notices without personal data; a wrong code answers like an unknown
 * number; the route is rate-limited; an applicant's account sees its own messages only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchOutbox } from '../../src/server/services/notifications/dispatch.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { pdfText } from '../helpers/pdf.js';
import { ID_NUMBER, PHONE, intake, move, publishedItem } from './case-helpers.js';
import { caseInReview, ok } from './case-review-helpers.js';

for (const dialect of dialects()) {
  describe(`public progress and messages [${dialect}]`, () => {
    let t: TestApp;
    let clerk: Session;
    let itemId: string;
    beforeEach(async () => {
      t = await startTestApp(dialect, { PROGRESS_RATE_PER_MINUTE: '6' });
      clerk = await t.login('clerk');
      itemId = await publishedItem(t);
    });
    afterEach(async () => t?.close());

    const progress = (caseNo: string, code: string, ip = '10.0.0.1') =>
      t.app.inject({ method: 'GET', url: `/api/v1/public/progress?${new URLSearchParams({ caseNo, code })}`, remoteAddress: ip });

    it('shows the item, status, deadlines, open steps and timeline — and nothing about the applicant', async () => {
      const c = await caseInReview(t, clerk, itemId);
      const r = await progress(c.caseNo, c.verificationCode);
      expect(r.statusCode, r.body).toBe(200);
      const p = r.json();
      expect(p).toMatchObject({ caseNo: c.caseNo, status: 'inReview', item: { name: '食品经营许可' }, acceptedOn: '2026-03-02', deadlines: c.deadlines, light: 'green' });
      expect(p.departmentName).not.toBe('');
      expect(p.steps.map((s: { kind: string }) => s.kind)).toEqual(c.actions.map((a: { kind: string }) => a.kind));
      expect(p.currentSteps).toHaveLength(1);
      expect(p.currentSteps[0].name).toBe(c.tasks.find((x: { status: string }) => x.status === 'open').name);
      expect(p.notices.map((n: { kind: string }) => n.kind)).toEqual(['acceptance']);
      for (const secret of ['张三', ID_NUMBER, PHONE, c.verificationCode]) expect(r.body).not.toContain(secret);
      // lower-case and padded codes are the same code
      expect((await progress(` ${c.caseNo} `, c.verificationCode.toLowerCase())).statusCode).toBe(200);
    });

    it('a wrong code answers exactly like an unknown number', async () => {
      const c = await intake(t, clerk, itemId);
      const wrongCode = await progress(c.caseNo, c.verificationCode === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA');
      const unknownNo = await progress('370100260302999999', c.verificationCode);
      expect(wrongCode.statusCode).toBe(404);
      expect(unknownNo.statusCode).toBe(404);
      expect(wrongCode.body).toBe(unknownNo.body);
      expect(wrongCode.json().error.message).toContain('查询码');
      const missing = await t.app.inject({ method: 'GET', url: '/api/v1/public/progress?caseNo=1' });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.fields.map((f: { field: string }) => f.field)).toContain('code');
    });

    it('is rate-limited per client', async () => {
      const c = await intake(t, clerk, itemId);
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await progress(c.caseNo, 'WRONG1', '10.0.0.9')).statusCode);
      expect(codes).toEqual([404, 404, 404, 404, 404, 404, 429]);
      // another client is not affected
      expect((await progress(c.caseNo, c.verificationCode, '10.0.0.10')).statusCode).toBe(200);
    });

    it('lets the applicant download the notices with the number and code, and nothing of another case', async () => {
      const c = await intake(t, clerk, itemId);
      const a = await ok(move(t, clerk, c.id, 'accept', { version: c.version }));
      const other = await intake(t, clerk, itemId);
      const url = (noticeId: string, caseNo: string, code: string) => `/api/v1/public/progress/notices/${noticeId}?${new URLSearchParams({ caseNo, code })}`;
      const r = await t.app.inject({ method: 'GET', url: url(a.notices[0].id, c.caseNo, c.verificationCode) });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-disposition']).toMatch(/^inline;/);
      expect(pdfText(r.rawPayload).compact).toContain(c.caseNo);
      // the notice of case 1 through the number and code of case 2
      expect((await t.app.inject({ method: 'GET', url: url(a.notices[0].id, other.caseNo, other.verificationCode) })).statusCode).toBe(404);
    });

    it('the message box shows an account its own messages, marks them read once, and hides others’', async () => {
      const c = await intake(t, clerk, itemId);
      const applicant = await t.login('applicant');
      const me = await t.tdb.db.kysely.selectFrom('users').select('id').where('username', '=', 'applicant').executeTakeFirstOrThrow();
      // the case belongs to the applicant's account (the online hall links them; here: directly)
      await t.tdb.db.kysely.updateTable('cases').set({ applicant_user_id: me.id }).where('id', '=', c.id).execute();
      await ok(move(t, clerk, c.id, 'accept', { version: c.version }));
      await dispatchOutbox(t.app.deps);

      const list = await t.as(applicant, { method: 'GET', url: '/api/v1/me/messages' });
      expect(list.statusCode).toBe(200);
      expect(list.json()).toMatchObject({ total: 1, unread: 1, items: [{ caseId: c.id, title: '办件已受理', readAt: null }] });
      const id = list.json().items[0].id;
      expect((await t.as(clerk, { method: 'GET', url: '/api/v1/me/messages' })).json().total).toBe(0);
      expect((await t.as(clerk, { method: 'POST', url: `/api/v1/me/messages/${id}/read`, payload: {} })).statusCode).toBe(404);

      const read = await t.as(applicant, { method: 'POST', url: `/api/v1/me/messages/${id}/read`, payload: {} });
      expect(read.statusCode).toBe(200);
      const readAt = read.json().readAt;
      expect(readAt).not.toBeNull();
      t.clock.advance(60_000);
      expect((await t.as(applicant, { method: 'POST', url: `/api/v1/me/messages/${id}/read`, payload: {} })).json().readAt).toBe(readAt);
      expect((await t.as(applicant, { method: 'GET', url: '/api/v1/me/messages?unread=true' })).json()).toMatchObject({ total: 0, unread: 0 });
      const log = await t.tdb.db.kysely.selectFrom('action_log').select('action').where('entity', '=', 'message').execute();
      expect(log).toEqual([{ action: 'read' }]);
    });
  });
}
