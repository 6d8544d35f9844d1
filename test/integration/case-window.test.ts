/**
 * The window's first moves on a case, on both databases: intake (numbers, applicant checks),
 * accept (deadlines from the center's calendar), supplement, refuse, conclusion on the spot,
 * refused moves, department scope, and the action log.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VERIFICATION_ALPHABET } from '../../src/domain/case/index.js';
import { verifyAuditChain } from '../../src/server/services/audit/verify.js';
import { setOverride } from '../../src/server/services/calendar/admin.js';
import { systemCtx } from '../../src/server/services/context.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { ID_NUMBER, USCC, immediateItem, intake, intakeReq, move, person, publishedItem, staffSession } from './case-helpers.js';

for (const dialect of dialects()) {
  describe(`case handling at the window [${dialect}]`, () => {
    let t: TestApp;
    let clerk: Session;
    let itemId: string;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      clerk = await t.login('clerk');
      itemId = await publishedItem(t);
    });
    afterEach(async () => t?.close());

    it('takes a case in with a number {area6}{yyMMdd}{seq6} and a verification code, then accepts it with deadlines from the center calendar', async () => {
      // the city closes on Wednesday 2026-03-04: one working day less in the limits
      await setOverride(systemCtx(t.app.deps), { scope: t.org.cityId, date: '2026-03-04', workday: false, name: '测试停班' });
      const c = await intake(t, clerk, itemId);
      expect(c.caseNo).toBe('370100260302000001');
      expect(c.verificationCode).toHaveLength(6);
      expect([...c.verificationCode].every((ch: string) => VERIFICATION_ALPHABET.includes(ch))).toBe(true);
      expect(c.status).toBe('submitted');
      expect(c.version).toBe(1);
      expect(c.deadlines).toBeNull();
      expect(c.item).toMatchObject({ id: itemId, name: '食品经营许可', promisedLimit: 10, statutoryLimit: 20 });
      expect(c.availableActions).toEqual(expect.arrayContaining(['accept', 'requestSupplement', 'refuse']));
      expect(c.availableActions).not.toContain('concludeImmediately');

      const a = await move(t, clerk, c.id, 'accept', { version: 1 });
      expect(a.statusCode, a.body).toBe(200);
      const accepted = a.json();
      expect(accepted.status).toBe('accepted');
      expect(accepted.acceptedOn).toBe('2026-03-02');
      // 10 working days after Monday 2026-03-02 without the 4th: the 17th; 20: the 31st
      expect(accepted.deadlines).toEqual({ promised: '2026-03-17', statutory: '2026-03-31' });
      expect(accepted.light).toBe('green');
      expect(accepted.version).toBe(2);
      expect(accepted.actions.map((x: { kind: string }) => x.kind)).toEqual(['submit', 'accept']);
      const row = await t.tdb.db.kysely.selectFrom('cases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'accepted', accepted_on: '2026-03-02', promised_due: '2026-03-17', statutory_due: '2026-03-31', light: 'green', version: 2 });
      // the next intake that day takes the next number
      expect((await intake(t, clerk, itemId)).caseNo).toBe('370100260302000002');
    });

    it('checks the applicant: a person by ID number, an enterprise by USCC, naming the field', async () => {
      const badId = await intakeReq(t, clerk, itemId, person({ idNumber: ID_NUMBER.slice(0, 17) + (ID_NUMBER[17] === '1' ? '2' : '1') }));
      expect(badId.statusCode).toBe(400);
      expect(badId.json().error.fields[0].field).toBe('applicant.idNumber');
      const badUscc = await intakeReq(t, clerk, itemId, { kind: 'enterprise', name: '测试餐饮有限公司', uscc: USCC.slice(0, 17) + (USCC[17] === 'A' ? 'B' : 'A') });
      expect(badUscc.statusCode).toBe(400);
      expect(badUscc.json().error.fields[0].field).toBe('applicant.uscc');
      const ok = await intake(t, clerk, itemId, { kind: 'enterprise', name: '测试餐饮有限公司', uscc: USCC.toLowerCase() });
      expect(ok.applicant).toMatchObject({ kind: 'enterprise', uscc: USCC, idNumber: null });
      const none = await intakeReq(t, clerk, 'no-such-item', person());
      expect(none.statusCode).toBe(400);
      expect(none.json().error.fields[0].field).toBe('itemId');
      // nothing half-written: only the good intake took a number
      expect(await t.tdb.db.kysely.selectFrom('cases').select('case_no').execute()).toEqual([{ case_no: '370100260302000001' }]);
    });

    it('concludes an immediate item on the spot, and refuses to accept it for later', async () => {
      const immediate = await immediateItem(t);
      const c = await intake(t, clerk, immediate);
      expect(c.availableActions).toContain('concludeImmediately');
      expect(c.availableActions).not.toContain('accept');
      const later = await move(t, clerk, c.id, 'accept', { version: 1 });
      expect(later.statusCode).toBe(422);
      const done = await move(t, clerk, c.id, 'conclude-immediately', { version: 1, decision: { outcome: 'approved', note: '当场办结' } });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ status: 'concluded', outcome: 'approved', acceptedOn: '2026-03-02', concludedOn: '2026-03-02' });
      // a promised case is not concluded on the spot
      const promised = await intake(t, clerk, itemId);
      const r = await move(t, clerk, promised.id, 'conclude-immediately', { version: 1, decision: { outcome: 'approved' } });
      expect(r.statusCode).toBe(422);
    });

    it('asks for every missing or wrong material in one notice, and refuses to accept while waiting', async () => {
      const c = await intake(t, clerk, itemId);
      const unknown = await move(t, clerk, c.id, 'supplement', { version: 1, materials: [{ code: 'M01', problem: 'missing' }, { code: 'M99', problem: 'wrong' }] });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.fields[0].field).toBe('materials.1.code');
      const empty = await move(t, clerk, c.id, 'supplement', { version: 1, materials: [] });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.fields[0].field).toBe('materials');
      const r = await move(t, clerk, c.id, 'supplement', {
        version: 1,
        materials: [
          { code: 'M01', problem: 'incomplete', note: '缺少法定代表人签字' },
          { code: 'M02', problem: 'missing' },
        ],
      });
      expect(r.statusCode, r.body).toBe(200);
      const s = r.json();
      expect(s.status).toBe('supplementRequired');
      expect(s.supplement.materials).toEqual([
        { code: 'M01', name: '食品经营许可申请书', problem: 'incomplete', note: '缺少法定代表人签字' },
        { code: 'M02', name: '营业执照', problem: 'missing', note: '' },
      ]);
      expect(s.supplement.dueDate).toBe('2026-03-16'); // 10 working days
      expect(s.deadlines).toBeNull(); // the clock has not started
      const accept = await move(t, clerk, c.id, 'accept', { version: 2 });
      expect(accept.statusCode).toBe(409);
      expect(accept.json().error.code).toBe('invalidState');
      expect(accept.json().error.message).toContain('待补正');
    });

    it('refuses only with a reason and a legal basis (400 naming the field), then accepts nothing more', async () => {
      const c = await intake(t, clerk, itemId);
      const noReason = await move(t, clerk, c.id, 'refuse', { version: 1, reason: ' ', legalBasis: ['《行政许可法》第三十二条'] });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.fields[0].field).toBe('reason');
      const noBasis = await move(t, clerk, c.id, 'refuse', { version: 1, reason: '不属于本部门职权范围', legalBasis: [] });
      expect(noBasis.statusCode).toBe(400);
      expect(noBasis.json().error.fields[0].field).toBe('legalBasis');
      const r = await move(t, clerk, c.id, 'refuse', { version: 1, reason: '不属于本部门职权范围', legalBasis: ['《中华人民共和国行政许可法》第三十二条第一款第（二）项'], redirectTo: '县市场监督管理局' });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ status: 'notAccepted', refusal: { reason: '不属于本部门职权范围', redirectTo: '县市场监督管理局', on: '2026-03-02' } });
      const again = await move(t, clerk, c.id, 'accept', { version: 2 });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toContain('不予受理');
      expect(again.json().error.messageEn).toContain('not accepted');
    });

    it('answers an illegal move with 409 naming the status, and a stale version with 409 naming the case', async () => {
      const c = await intake(t, clerk, itemId);
      expect((await move(t, clerk, c.id, 'accept', { version: 1 })).statusCode).toBe(200);
      const twice = await move(t, clerk, c.id, 'accept', { version: 2 });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error).toMatchObject({ code: 'invalidState' });
      expect(twice.json().error.message).toContain('已受理');
      const refuse = await move(t, clerk, c.id, 'refuse', { version: 2, reason: '材料不全', legalBasis: ['某法'] });
      expect(refuse.statusCode).toBe(409);
      expect(refuse.json().error.messageEn).toContain('accepted');
      const stale = await move(t, clerk, c.id, 'supplement', { version: 1, materials: [{ code: 'M01', problem: 'wrong' }] });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('conflict');
      expect(stale.json().error.message).toContain(c.caseNo);
    });

    it("keeps a clerk of deptB off deptA's cases (403) and out of their lists", async () => {
      const c = await intake(t, clerk, itemId);
      const clerkB = await staffSession(t, 'clerkb', 'clerk', t.org.deptB);
      expect((await move(t, clerkB, c.id, 'accept', { version: 1 })).statusCode).toBe(403);
      expect((await move(t, clerkB, c.id, 'refuse', { version: 1, reason: '越权', legalBasis: ['无'] })).statusCode).toBe(403);
      expect((await t.as(clerkB, { url: `/api/v1/cases/${c.id}` })).statusCode).toBe(403);
      expect((await intakeReq(t, clerkB, itemId)).statusCode).toBe(403);
      const list = await t.as(clerkB, { url: '/api/v1/cases' });
      expect(list.json()).toEqual({ items: [], total: 0 });
      // the case is untouched
      expect((await t.as(clerk, { url: `/api/v1/cases/${c.id}` })).json()).toMatchObject({ status: 'submitted', version: 1 });
    });

    it("lists today's and my cases, searches by number, name or ID, and masks ID numbers and phones", async () => {
      const a = await intake(t, clerk, itemId);
      const clerk2 = await staffSession(t, 'clerk2', 'clerk', t.org.deptA);
      const b = await intake(t, clerk2, itemId, person({ name: '李四', idNumber: ID_NUMBER, phone: '13900001111' }));
      t.clock.advance(24 * 3600 * 1000);
      clerk = await t.login('clerk'); // yesterday's session has expired
      const c = await intake(t, clerk, itemId, { kind: 'enterprise', name: '测试餐饮有限公司', uscc: USCC, phone: '' });
      const ids = async (url: string, s = clerk) => {
        const r = await t.as(s, { url });
        expect(r.statusCode, r.body).toBe(200);
        return r.json().items.map((x: { id: string }) => x.id);
      };
      expect(await ids('/api/v1/cases')).toEqual([c.id, b.id, a.id]);
      expect(await ids('/api/v1/cases?view=today')).toEqual([c.id]);
      expect(await ids('/api/v1/cases?view=mine')).toEqual([c.id, a.id]);
      expect(await ids(`/api/v1/cases?q=${a.caseNo}`)).toEqual([a.id]);
      expect(await ids(`/api/v1/cases?q=${encodeURIComponent('李四')}`)).toEqual([b.id]);
      expect(await ids(`/api/v1/cases?q=${ID_NUMBER}`)).toEqual([b.id, a.id]);
      expect(await ids(`/api/v1/cases?q=${USCC}`)).toEqual([c.id]);
      const line = (await t.as(clerk, { url: `/api/v1/cases?q=${b.caseNo}` })).json().items[0];
      expect(line.applicantIdNumber).toBe(`${ID_NUMBER.slice(0, 4)}**********${ID_NUMBER.slice(-4)}`);
      expect(line.applicantPhone).toBe('139****1111');
      expect(JSON.stringify((await t.as(clerk, { url: '/api/v1/cases' })).json())).not.toContain(ID_NUMBER);
      // the case itself shows staff the full number
      expect((await t.as(clerk, { url: `/api/v1/cases/${b.id}` })).json().applicant.idNumber).toBe(ID_NUMBER);
    });

    it('puts every move in the case action list and the hash-chained action log', async () => {
      const c = await intake(t, clerk, itemId);
      await move(t, clerk, c.id, 'supplement', { version: 1, materials: [{ code: 'M02', problem: 'missing' }] });
      const other = await intake(t, clerk, itemId);
      await move(t, clerk, other.id, 'accept', { version: 1 });
      const k = t.tdb.db.kysely;
      for (const [id, kinds] of [[c.id, ['submit', 'requestSupplement']], [other.id, ['submit', 'accept']]] as const) {
        const actions = await k.selectFrom('case_actions').select(['seq', 'kind']).where('case_id', '=', id).orderBy('seq').execute();
        expect(actions).toEqual(kinds.map((kind, i) => ({ seq: i + 1, kind })));
        const log = await k.selectFrom('action_log').select(['action', 'payload']).where('entity', '=', 'case').where('entity_id', '=', id).orderBy('pos').execute();
        expect(log.map((l) => l.action)).toEqual(kinds);
        expect(log.every((l) => JSON.parse(l.payload).caseNo !== undefined)).toBe(true);
      }
      const v = await verifyAuditChain(t.app.deps);
      expect(v.ok, JSON.stringify(v.brokenAt)).toBe(true);
      expect(v.rows).toBeGreaterThanOrEqual(4);
    });
  });
}
