/**
 * The online hall's service to the public, on both databases: consultations answered by the
 * item's department on the clock (public answers on the guide, another department refused), and
 * complaints about a case, a window or a member of staff, listed for the supervisors with the
 * complainant masked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/server/services/context.js';
import { createWindow } from '../../src/server/services/organisation/index.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { H, hallItem, person, registerMobile, submitted } from './hall-helpers.js';

const fields = (r: { json(): { error: { fields?: { field: string }[] } } }) => r.json().error.fields?.map((f) => f.field) ?? [];

for (const dialect of dialects()) {
  describe(`online hall: consultations and complaints [${dialect}]`, () => {
    let t: TestApp;
    let s: Session;
    let itemId: string;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      itemId = await hallItem(t);
      s = await person(t);
    });
    afterEach(async () => t?.close());

    const ask = (question: string, id = itemId) => t.as(s, { method: 'POST', url: `${H}/consultations`, payload: { itemId: id, question } });

    it("asks about an item; the department answers by the due date, and public answers show on the item's guide", async () => {
      const q = await ask('个体工商户可以网上申请吗？');
      expect(q.statusCode, q.body).toBe(200);
      // Monday 2026-03-02 + 3 working days
      expect(q.json()).toMatchObject({ status: 'open', dueDate: '2026-03-05', answer: null, itemName: '食品经营许可', departmentId: t.org.deptA });
      const q2 = await ask('需要现场核查吗？');
      expect(fields(await ask('   '))).toEqual(['question']);
      expect(fields(await ask('问题', 'no-such-item'))).toEqual(['itemId']);
      expect((await t.as(s, { url: `${H}/consultations` })).json().total).toBe(2);

      const clerk = await t.login('clerk');
      const open = (await t.as(clerk, { url: '/api/v1/consultations?status=open' })).json();
      expect(open.total).toBe(2);
      expect((await t.as(await t.login('leaderB'), { url: '/api/v1/consultations' })).json().total).toBe(0);
      const other = await t.as(await t.login('leaderB'), { method: 'POST', url: `/api/v1/consultations/${q.json().id}/answer`, payload: { version: 1, answer: '可以', public: true } });
      expect(other.statusCode).toBe(403);
      expect((await t.as(await t.login('supervisor'), { url: '/api/v1/consultations' })).statusCode).toBe(403);
      const empty = await t.as(clerk, { method: 'POST', url: `/api/v1/consultations/${q.json().id}/answer`, payload: { version: 1, answer: '' } });
      expect(fields(empty)).toEqual(['answer']);
      const a = await t.as(clerk, { method: 'POST', url: `/api/v1/consultations/${q.json().id}/answer`, payload: { version: 1, answer: '可以，个体工商户可通过网上办事大厅申请。', public: true } });
      expect(a.statusCode, a.body).toBe(200);
      expect(a.json()).toMatchObject({ status: 'answered', public: true, version: 2 });
      expect((await t.as(clerk, { method: 'POST', url: `/api/v1/consultations/${q.json().id}/answer`, payload: { version: 1, answer: '再答' } })).statusCode).toBe(409);
      await t.as(await t.login('leader'), { method: 'POST', url: `/api/v1/consultations/${q2.json().id}/answer`, payload: { version: 1, answer: '需要。' } });

      const pub = await t.app.inject({ url: `/api/v1/public/items/${itemId}/consultations` });
      expect(pub.statusCode).toBe(200);
      expect(pub.json()).toMatchObject({ total: 1, items: [{ question: '个体工商户可以网上申请吗？', answer: '可以，个体工商户可通过网上办事大厅申请。' }] });
      expect(pub.body).not.toContain('13900000001');
      expect((await t.as(s, { url: `${H}/consultations` })).json().items.map((c: { status: string }) => c.status)).toEqual(['answered', 'answered']);
    });

    it('records complaints about a case, a window or a member of staff with the supervisors\' due date; bad input names the field', async () => {
      const c = await submitted(t, s, itemId);
      const windowId = (await createWindow(systemCtx(t.app.deps), { centerId: t.org.cityId, code: 'W01', name: '综合受理窗口', kind: 'comprehensive', servedDepartmentIds: [t.org.deptA, t.org.deptB] })).id;
      const file = (payload: object, who = s) => t.as(who, { method: 'POST', url: `${H}/complaints`, payload });
      const about = await file({ subject: 'case', caseId: c.id, content: '预审超过两天没有回复' });
      expect(about.statusCode, about.body).toBe(200);
      // Monday 2026-03-02 + 5 working days
      expect(about.json()).toMatchObject({ subject: 'case', caseNo: c.caseNo, departmentId: t.org.deptA, status: 'received', dueDate: '2026-03-09', complainant: null });
      expect((await t.app.inject({ url: `/api/v1/public/windows?centerId=${t.org.cityId}` })).json().items).toEqual([expect.objectContaining({ id: windowId, name: '综合受理窗口' })]);
      expect((await file({ subject: 'window', windowId, content: '窗口午间无人' })).json()).toMatchObject({ windowName: '综合受理窗口', centerId: t.org.cityId });
      expect((await file({ subject: 'staff', staffName: '工号017', windowId, content: '态度生硬' })).json()).toMatchObject({ staffName: '工号017' });

      expect(fields(await file({ subject: 'case', content: '没有选办件' }))).toEqual(['caseId']);
      expect(fields(await file({ subject: 'window', windowId: 'no-such-window', content: 'x' }))).toEqual(['windowId']);
      expect(fields(await file({ subject: 'staff', content: '没有写名字', caseId: c.id }))).toEqual(['staffName']);
      expect(fields(await file({ subject: 'staff', staffName: '张某', content: '在哪里？' }))).toEqual(['caseId']);
      expect(fields(await file({ subject: 'case', caseId: c.id, content: '' }))).toEqual(['content']);
      const stranger = await registerMobile(t, '13700000000');
      expect(fields(await file({ subject: 'case', caseId: c.id, content: '别人的办件' }, stranger))).toEqual(['caseId']);
      expect((await t.as(s, { url: `${H}/complaints` })).json().total).toBe(3);

      const sup = await t.as(await t.login('supervisor'), { url: '/api/v1/supervision/complaints' });
      expect(sup.statusCode, sup.body).toBe(200);
      expect(sup.json().total).toBe(3);
      expect(sup.json().items[0].complainant).toEqual({ name: '张*', mobile: '139****0001' });
      expect((await t.as(await t.login('clerk'), { url: '/api/v1/supervision/complaints' })).statusCode).toBe(403);
      expect((await t.as(s, { url: '/api/v1/supervision/complaints' })).statusCode).toBe(403);
    });
  });
}
