/**
 * My cases in the online hall, on both databases: the pre-review's supplement answered online
 * (only the missing file, what was accepted kept, the pre-review restarted), acceptance and
 * decision with their notices to download, ratings when invited (once per occasion), the
 * publication of the decision with personal data masked, withdrawal, a recheck request, and
 * cases kept to their owners.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/services/audit/verify.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { intake, move } from './case-helpers.js';
import { H, PDF_BYTES, hallItem, idNumber, person, registerMobile, setEnterprise, submitted, upload, uscc } from './hall-helpers.js';

const fields = (r: { json(): { error: { fields?: { field: string }[] } } }) => r.json().error.fields?.map((f) => f.field) ?? [];

for (const dialect of dialects()) {
  describe(`online hall: my cases [${dialect}]`, () => {
    let t: TestApp;
    let s: Session;
    let clerk: Session;
    let itemId: string;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      itemId = await hallItem(t);
      s = await person(t);
      clerk = await t.login('clerk');
    });
    afterEach(async () => t?.close());

    const view = async (id: string, who = s) => (await t.as(who, { url: `${H}/cases/${id}` })).json();
    const staffMove = async (who: Session, id: string, action: string, payload: object) => {
      const r = await move(t, who, id, action, payload);
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const rate = (id: string, payload: object, who = s) => t.as(who, { method: 'POST', url: `${H}/cases/${id}/evaluations`, payload });

    it('answers a supplement request online with only the missing file, keeps what was accepted, and restarts the pre-review', async () => {
      const c = await submitted(t, s, itemId);
      await staffMove(clerk, c.id, 'supplement', { version: 1, materials: [{ code: 'M02', problem: 'wrong', note: '营业执照复印件不清晰' }] });
      const asked = await view(c.id);
      expect(asked).toMatchObject({ status: 'supplementRequired', availableActions: ['supply', 'withdraw'], prereviewDue: null });
      expect(asked.supplement.materials).toEqual([{ code: 'M02', name: '营业执照', problem: 'wrong', note: '营业执照复印件不清晰' }]);
      const notice = asked.notices.find((n: { kind: string }) => n.kind === 'supplement');
      const pdf = await t.as(s, { url: `${H}/cases/${c.id}/notices/${notice.id}/pdf` });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');

      const url = (code: string) => `${H}/cases/${c.id}/materials?materialCode=${code}`;
      const notAwaited = await upload(t, s, url('M01'), 'a.pdf', PDF_BYTES);
      expect(notAwaited.statusCode).toBe(400);
      expect(fields(notAwaited)).toEqual(['materialCode']);
      const nothing = await t.as(s, { method: 'POST', url: `${H}/cases/${c.id}/supply`, payload: { version: 2 } });
      expect(nothing.statusCode).toBe(400);
      expect(fields(nothing)).toEqual(['materials']);
      expect(nothing.json().error.message).toContain('营业执照');
      const wrong = await upload(t, s, url('M02'), '错的.pdf', PDF_BYTES);
      expect((await t.as(s, { method: 'DELETE', url: `${H}/cases/${c.id}/materials/${wrong.json().id}` })).statusCode).toBe(200);
      const u = await upload(t, s, url('M02'), '营业执照-清晰.pdf', PDF_BYTES);
      expect(u.statusCode, u.body).toBe(200);
      expect((await view(c.id)).materials.map((m: { materialCode: string; status: string }) => [m.materialCode, m.status])).toEqual([['M01', 'submitted'], ['M02', 'submitted'], ['M02', 'pending']]);
      expect((await t.as(s, { method: 'POST', url: `${H}/cases/${c.id}/supply`, payload: { version: 1 } })).statusCode).toBe(409);

      t.clock.set('2026-03-03T02:00:00.000Z');
      s = await t.login('13900000001', 'Hall2026pw'); // a day later: new sessions
      clerk = await t.login('clerk');
      const supplied = await t.as(s, { method: 'POST', url: `${H}/cases/${c.id}/supply`, payload: { version: 2 } });
      expect(supplied.statusCode, supplied.body).toBe(200);
      const back = supplied.json();
      expect(back).toMatchObject({ status: 'submitted', version: 3, prereviewDue: '2026-03-05', supplement: null });
      expect(back.materials.map((m: { materialCode: string; status: string; round: number }) => [m.materialCode, m.status, m.round])).toEqual([
        ['M01', 'submitted', 0], ['M02', 'replaced', 0], ['M02', 'submitted', 1],
      ]);
      expect(back.steps.map((x: { kind: string; role: string }) => `${x.kind}:${x.role}`)).toEqual(['submit:applicant', 'requestSupplement:clerk', 'supply:applicant']);
      const clerkSees = (await t.as(clerk, { url: `/api/v1/cases/${c.id}/application` })).json();
      expect(clerkSees.prereviewDue).toBe('2026-03-05');
      // and the clerk accepts it
      const accepted = await staffMove(clerk, c.id, 'accept', { version: 3 });
      expect(accepted.status).toBe('accepted');
      expect((await view(c.id)).evaluations.invited).toEqual(['acceptance']);
      // every step is in the action log, whose chain verifies
      const log = await t.tdb.db.kysely.selectFrom('action_log').select('action').where('entity', '=', 'case').where('entity_id', '=', c.id).orderBy('pos').execute();
      expect(log.map((l) => l.action)).toEqual(['submit', 'requestSupplement', 'supply', 'accept']);
      const v = await verifyAuditChain(t.app.deps);
      expect(v.ok, JSON.stringify(v.brokenAt)).toBe(true);
    });

    it('rates the service when invited — once per occasion — and publishes the approval with the person masked', async () => {
      const c = await submitted(t, s, itemId);
      const early = await rate(c.id, { occasion: 'acceptance', level: 'satisfied' });
      expect(early.statusCode).toBe(422);
      expect(fields(early)).toEqual(['occasion']);
      await staffMove(clerk, c.id, 'accept', { version: 1 });
      const bad = await rate(c.id, { occasion: 'acceptance', level: 'great' });
      expect(bad.statusCode).toBe(400);
      expect(fields(bad)).toEqual(['level']);
      const r = await rate(c.id, { occasion: 'acceptance', level: 'verySatisfied', comment: '网上办理很方便' });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().evaluations).toMatchObject({ invited: [], given: [{ occasion: 'acceptance', channel: 'online', level: 'verySatisfied', comment: '网上办理很方便' }] });
      expect((await rate(c.id, { occasion: 'acceptance', level: 'dissatisfied' })).statusCode).toBe(409);
      expect((await rate(c.id, { occasion: 'conclusion', level: 'satisfied' })).statusCode).toBe(422);

      const leader = await t.login('leader');
      const d = await staffMove(leader, c.id, 'decide', { version: 2, decision: { outcome: 'approved', note: '' } });
      const done = await staffMove(leader, c.id, 'conclude', { version: d.version });
      expect(done.status).toBe('concluded');
      const mine = await view(c.id);
      expect(mine).toMatchObject({ status: 'concluded', outcome: 'approved', concludedOn: '2026-03-02', evaluations: { invited: ['conclusion'] } });
      const approval = mine.notices.find((n: { kind: string }) => n.kind === 'approval');
      expect((await t.as(s, { url: `${H}/cases/${c.id}/notices/${approval.id}/pdf` })).statusCode).toBe(200);
      expect((await rate(c.id, { occasion: 'conclusion', level: 'veryDissatisfied', comment: '等待时间长' })).statusCode).toBe(200);
      const rows = await t.tdb.db.kysely.selectFrom('evaluations').selectAll().orderBy('occasion').execute();
      expect(rows.map((x) => [x.occasion, x.level, x.channel, x.department_id, x.window_id, x.item_id])).toEqual([
        ['acceptance', 'verySatisfied', 'online', t.org.deptA, null, itemId],
        ['conclusion', 'veryDissatisfied', 'online', t.org.deptA, null, itemId],
      ]);

      // an enterprise's approval at the window is published in full
      const e = await intake(t, clerk, itemId, { kind: 'enterprise', name: '测试餐饮有限公司', uscc: uscc() });
      await staffMove(clerk, e.id, 'accept', { version: 1 });
      const ed = await staffMove(leader, e.id, 'decide', { version: 2, decision: { outcome: 'approved', note: '' } });
      await staffMove(leader, e.id, 'conclude', { version: ed.version });
      const pub = await t.app.inject({ url: '/api/v1/public/publications' });
      expect(pub.statusCode, pub.body).toBe(200);
      expect(pub.json().total).toBe(2);
      const byNo = new Map(pub.json().items.map((p: { caseNo: string }) => [p.caseNo, p]));
      expect(byNo.get(c.caseNo)).toEqual({
        caseNo: c.caseNo, itemName: '食品经营许可', departmentName: '市场监督管理局', applicantName: '张*',
        applicantIdentifier: `3701**********${idNumber().slice(-4)}`, concludedOn: '2026-03-02', result: 'approved',
      });
      expect(byNo.get(e.caseNo)).toMatchObject({ applicantName: '测试餐饮有限公司', applicantIdentifier: uscc() });
      expect(pub.body).not.toContain(idNumber());
      expect(pub.body).not.toContain('张三');
    });

    it('withdraws while the case allows it, not after the decision', async () => {
      const c = await submitted(t, s, itemId);
      const w = await t.as(s, { method: 'POST', url: `${H}/cases/${c.id}/withdraw`, payload: { version: 1, reason: '信息填错，重新申请' } });
      expect(w.statusCode, w.body).toBe(200);
      expect(w.json()).toMatchObject({ status: 'withdrawn', availableActions: [] });
      expect((await t.as(s, { method: 'POST', url: `${H}/cases/${c.id}/withdraw`, payload: { version: 2 } })).statusCode).toBe(409);
      const d = await submitted(t, s, itemId);
      await staffMove(clerk, d.id, 'accept', { version: 1 });
      await staffMove(await t.login('leader'), d.id, 'decide', { version: 2, decision: { outcome: 'approved', note: '' } });
      const late = await t.as(s, { method: 'POST', url: `${H}/cases/${d.id}/withdraw`, payload: { version: 3 } });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('invalidState');
    });

    it('asks the center to review a refusal, with a reason', async () => {
      const c = await submitted(t, s, itemId);
      await staffMove(clerk, c.id, 'refuse', { version: 1, reason: '不属于本部门职权范围', legalBasis: ['《中华人民共和国行政许可法》第三十二条'] });
      const refused = await view(c.id);
      expect(refused).toMatchObject({ status: 'notAccepted', availableActions: ['askRecheck'], refusal: { reason: '不属于本部门职权范围' } });
      const blank = await t.as(s, { method: 'POST', url: `${H}/cases/${c.id}/ask-recheck`, payload: { version: 2, reason: ' ' } });
      expect(blank.statusCode).toBe(400);
      expect(fields(blank)).toEqual(['reason']);
      const asked = await t.as(s, { method: 'POST', url: `${H}/cases/${c.id}/ask-recheck`, payload: { version: 2, reason: '本事项属于贵部门职权' } });
      expect(asked.statusCode, asked.body).toBe(200);
      expect(asked.json().steps.at(-1)).toMatchObject({ kind: 'askRecheck', role: 'applicant', detail: '本事项属于贵部门职权' });
    });

    it('keeps cases to their owners: another applicant gets 404, staff 403, and lists hold only their own', async () => {
      const c = await submitted(t, s, itemId);
      const other = await registerMobile(t, '13700000000');
      await setEnterprise(t, other);
      expect((await t.as(other, { url: `${H}/cases/${c.id}` })).statusCode).toBe(404);
      expect((await t.as(other, { method: 'POST', url: `${H}/cases/${c.id}/withdraw`, payload: { version: 1 } })).statusCode).toBe(404);
      expect((await upload(t, other, `${H}/cases/${c.id}/materials?materialCode=M02`, 'a.pdf', PDF_BYTES)).statusCode).toBe(404);
      expect((await rate(c.id, { occasion: 'acceptance', level: 'satisfied' }, other)).statusCode).toBe(404);
      expect((await t.as(other, { url: `${H}/cases` })).json()).toEqual({ items: [], total: 0 });
      expect((await t.as(clerk, { url: `${H}/cases/${c.id}` })).statusCode).toBe(403);
      const list = (await t.as(s, { url: `${H}/cases` })).json();
      expect(list).toMatchObject({ total: 1, items: [{ id: c.id, status: 'submitted', online: true, itemName: '食品经营许可' }] });
      expect((await t.as(s, { url: `${H}/cases?status=accepted` })).json().total).toBe(0);
      // a window case for the same person is not the account's: it was not filed by it
      await intake(t, clerk, itemId, { kind: 'person', name: '张三', idNumber: idNumber(), phone: '' });
      expect((await t.as(s, { url: `${H}/cases` })).json().total).toBe(1);
    });
  });
}
