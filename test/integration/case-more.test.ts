/**
 * The case moves after the window's first ones, on both databases: materials handed in (a
 * supplement notice answered, owed 容缺 materials), acceptance with 容缺 and 告知承诺, the review
 * of a refusal (复核), and the higher authority's answer to a forwarded case.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/server/services/context.js';
import { createStaffUser } from '../../src/server/services/organisation/index.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { intake, move, publishedItem } from './case-helpers.js';
import { ok } from './case-review-helpers.js';

const REFUSAL = { reason: '材料不符合法定形式', legalBasis: ['《中华人民共和国行政许可法》第三十二条'] };
const fields = (r: { json(): any }) => r.json().error.fields.map((f: { field: string }) => f.field);

for (const dialect of dialects()) {
  describe(`case moves: supply, 容缺 / 告知承诺, recheck, forward answer [${dialect}]`, () => {
    let t: TestApp;
    let clerk: Session;
    let itemId: string;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      clerk = await t.login('clerk');
      itemId = await publishedItem(t);
    });
    afterEach(async () => t?.close());

    it('answers a supplement notice only with every material it lists, then the case waits to be accepted', async () => {
      const c = await intake(t, clerk, itemId);
      const s = await ok(move(t, clerk, c.id, 'supplement', { version: 1, materials: [{ code: 'M01', problem: 'wrong' }, { code: 'M02', problem: 'missing' }] }));
      expect(s.availableActions).toContain('supply');
      const part = await move(t, clerk, c.id, 'supply', { version: s.version, materials: ['M01'] });
      expect(part.statusCode).toBe(400);
      expect(fields(part)).toEqual(['materials']);
      expect(part.json().error.message).toContain('营业执照');
      expect(part.json().error.messageEn).toContain('营业执照');
      const unknown = await move(t, clerk, c.id, 'supply', { version: s.version, materials: ['M01', 'M99'] });
      expect(unknown.statusCode).toBe(400);
      expect(fields(unknown)).toEqual(['materials.1']);
      const twice = await move(t, clerk, c.id, 'supply', { version: s.version, materials: ['M01', 'M01'] });
      expect(fields(twice)).toEqual(['materials.1']);
      // the chief rep holds no case:intake: recording the applicant's moves is the clerk's
      const chief = await t.login('chiefrep');
      expect((await move(t, chief, c.id, 'supply', { version: s.version, materials: ['M01', 'M02'] })).statusCode).toBe(403);

      const done = await ok(move(t, clerk, c.id, 'supply', { version: s.version, materials: ['M02', 'M01'] }));
      expect(done).toMatchObject({ status: 'submitted', supplement: null, deadlines: null, version: 3 });
      expect(done.availableActions).toContain('accept');
      expect(done.actions.at(-1)).toMatchObject({ kind: 'supply', payload: { materials: ['M02', 'M01'] } });
      // nothing awaited any more: the domain refuses, naming the status
      const again = await move(t, clerk, c.id, 'supply', { version: 3, materials: ['M01'] });
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({ code: 'invalidState' });
      expect(again.json().error.message).toContain('待受理');
      expect((await move(t, clerk, c.id, 'accept', { version: 3 })).statusCode).toBe(200);
      const log = await t.tdb.db.kysely.selectFrom('action_log').select('action').where('entity_id', '=', c.id).orderBy('pos').execute();
      expect(log.map((l) => l.action)).toEqual(['submit', 'requestSupplement', 'supply', 'accept']);
    });

    it('accepts with 容缺 and 告知承诺 only for materials the item allows, within the promised deadline; owed materials block the decision until handed in', async () => {
      const item = await publishedItem(t, {
        code: 'SCJG-XK-0901',
        materials: [
          { code: 'M01', name: '食品经营许可申请书' },
          { code: 'M02', name: '营业执照', form: 'copy', pledgeable: true },
          { code: 'M03', name: '场所平面图', deferrable: true },
          { code: 'M04', name: '健康证明', deferrable: true, pledgeable: true },
        ],
      });
      const c = await intake(t, clerk, item);
      const accept = (body: object) => move(t, clerk, c.id, 'accept', { version: 1, ...body });
      const refusedWith = async (body: object, field: string) => {
        const r = await accept(body);
        expect(r.statusCode, r.body).toBe(400);
        expect(fields(r)).toEqual([field]);
        return r.json().error;
      };
      const due = '2026-03-09';
      expect((await refusedWith({ deferred: { materials: ['M01'], dueDate: due } }, 'deferred.materials.0')).message).toContain('不允许容缺受理');
      expect((await refusedWith({ deferred: { materials: ['M03', 'M99'], dueDate: due } }, 'deferred.materials.1')).messageEn).toContain('M99');
      expect((await refusedWith({ pledged: ['M03'] }, 'pledged.0')).message).toContain('不适用告知承诺');
      await refusedWith({ deferred: { materials: ['M04'], dueDate: due }, pledged: ['M02', 'M04'] }, 'pledged.1');
      await refusedWith({ deferred: { materials: [], dueDate: due } }, 'deferred.materials');
      // promised limit 10 working days from Monday 2026-03-02: the 16th at the latest
      const late = await refusedWith({ deferred: { materials: ['M03'], dueDate: '2026-03-17' } }, 'deferred.dueDate');
      expect(late.message).toContain('2026-03-16');
      await refusedWith({ deferred: { materials: ['M03'], dueDate: '2026-03-01' } }, 'deferred.dueDate');
      await refusedWith({ deferred: { materials: ['M03'], dueDate: '2026-3-9' } }, 'deferred.dueDate');
      expect(await t.tdb.db.kysely.selectFrom('case_actions').select('kind').where('case_id', '=', c.id).execute()).toHaveLength(1);

      const a = await ok(accept({ deferred: { materials: ['M03', 'M04'], dueDate: '2026-03-16' }, pledged: ['M02'] }));
      expect(a.status).toBe('accepted');
      expect(a.deferred).toEqual({
        materials: [{ code: 'M03', name: '场所平面图' }, { code: 'M04', name: '健康证明' }],
        dueDate: '2026-03-16',
        owed: ['M03', 'M04'],
      });
      expect(a.pledged).toEqual([{ code: 'M02', name: '营业执照' }]);
      expect(a.actions.at(-1).payload).toEqual({ deferred: { materials: a.deferred.materials, dueDate: '2026-03-16' }, pledged: a.pledged });

      const leader = await t.login('leader');
      const early = await move(t, leader, c.id, 'decide', { version: a.version, decision: { outcome: 'approved' } });
      expect(early.statusCode).toBe(409);
      expect(early.json().error.message).toContain('容缺材料尚未补齐');
      const notOwed = await move(t, clerk, c.id, 'supply', { version: a.version, materials: ['M02'] });
      expect(fields(notOwed)).toEqual(['materials.0']);
      const one = await ok(move(t, clerk, c.id, 'supply', { version: a.version, materials: ['M04'] }));
      expect(one.deferred.owed).toEqual(['M03']);
      expect(one.status).toBe('accepted');
      const all = await ok(move(t, clerk, c.id, 'supply', { version: one.version, materials: ['M03'] }));
      expect(all.deferred.owed).toEqual([]);
      expect(all.availableActions).not.toContain('supply');
      const decided = await ok(move(t, leader, c.id, 'decide', { version: all.version, decision: { outcome: 'approved' } }));
      expect(decided.outcome).toBe('approved');
    });

    it('records the applicant’s recheck request at the window; only the center’s supervisor answers it — upheld stays refused', async () => {
      const c = await intake(t, clerk, itemId);
      const r = await ok(move(t, clerk, c.id, 'refuse', { version: 1, ...REFUSAL }));
      expect(r.availableActions).toContain('askRecheck');
      const blank = await move(t, clerk, c.id, 'ask-recheck', { version: r.version, reason: '  ' });
      expect(blank.statusCode).toBe(400);
      expect(fields(blank)).toEqual(['reason']);
      const supervisor = await t.login('supervisor');
      // nothing to answer yet
      const early = await move(t, supervisor, c.id, 'answer-recheck', { version: r.version, upheld: true, reason: '维持' });
      expect(early.statusCode).toBe(409);
      expect(early.json().error.message).toContain('不予受理');

      const asked = await ok(move(t, clerk, c.id, 'ask-recheck', { version: r.version, reason: '材料已齐全，请求复核' }));
      expect(asked.refusal.recheck).toEqual({ reason: '材料已齐全，请求复核', askedOn: '2026-03-02', answer: null });
      const twice = await move(t, clerk, c.id, 'ask-recheck', { version: asked.version, reason: '再次申请' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.messageEn).toContain('not accepted');

      // the window and the department do not answer; a supervisor of another center does not either
      for (const who of ['clerk', 'chiefrep', 'leader', 'admin']) {
        const s = who === 'clerk' ? clerk : await t.login(who);
        const res = await move(t, s, c.id, 'answer-recheck', { version: asked.version, upheld: false, reason: '越权答复' });
        expect(res.statusCode, who).toBe(403);
      }
      await createStaffUser(systemCtx(t.app.deps), {
        username: 'countysup',
        displayName: '县督查员',
        password: 'Recheck2026pw!',
        grants: [{ role: 'supervisor', centerId: t.org.countyId, departmentId: null }],
      });
      const county = await t.login('countysup', 'Recheck2026pw!');
      expect((await move(t, county, c.id, 'answer-recheck', { version: asked.version, upheld: false, reason: '越权答复' })).statusCode).toBe(403);

      const missing = await move(t, supervisor, c.id, 'answer-recheck', { version: asked.version, reason: '维持' });
      expect(missing.statusCode).toBe(400);
      expect(fields(missing)).toEqual(['upheld']);
      const upheld = await ok(move(t, supervisor, c.id, 'answer-recheck', { version: asked.version, upheld: true, reason: '申请材料仍不符合法定形式' }));
      expect(upheld.status).toBe('notAccepted');
      expect(upheld.refusal.recheck.answer).toEqual({ upheld: true, reason: '申请材料仍不符合法定形式', on: '2026-03-02' });
      expect(upheld.availableActions).toEqual([]);
      const log = await t.tdb.db.kysely.selectFrom('action_log').select(['action', 'actor_name']).where('entity_id', '=', c.id).orderBy('pos').execute();
      expect(log.at(-1)).toEqual({ action: 'answerRecheck', actor_name: 'supervisor' });
    });

    it('sends an overturned refusal back to the window, where it is accepted', async () => {
      const c = await intake(t, clerk, itemId);
      const r = await ok(move(t, clerk, c.id, 'refuse', { version: 1, ...REFUSAL }));
      const asked = await ok(move(t, clerk, c.id, 'ask-recheck', { version: r.version, reason: '材料已齐全' }));
      const supervisor = await t.login('supervisor');
      const over = await ok(move(t, supervisor, c.id, 'answer-recheck', { version: asked.version, upheld: false, reason: '材料齐全，应予受理' }));
      expect(over).toMatchObject({ status: 'submitted', refusal: null });
      expect(over.actions.map((a: { kind: string }) => a.kind)).toEqual(['submit', 'refuse', 'askRecheck', 'answerRecheck']);
      const view = await ok(t.as(clerk, { url: `/api/v1/cases/${c.id}` }));
      expect(view.availableActions).toContain('accept');
      expect((await ok(move(t, clerk, c.id, 'accept', { version: over.version }))).status).toBe('accepted');
    });

    it('records the higher authority’s answer to a forwarded case once, and only then may it be concluded', async () => {
      const item = await publishedItem(t, { code: 'SCJG-XK-0902', name: '上报测试事项', handlingClass: 'reportUp' });
      const c = await intake(t, clerk, item);
      const a = await ok(move(t, clerk, c.id, 'accept', { version: 1 }));
      const notYet = await move(t, clerk, c.id, 'forward-answer', { version: a.version, result: 'approved', reference: '鲁市监〔2026〕1号' });
      expect(notYet.statusCode).toBe(409);
      expect(notYet.json().error.message).toContain('已受理');
      const leader = await t.login('leader');
      const f = await ok(move(t, leader, c.id, 'decide', { version: a.version, decision: { outcome: 'forwarded', authority: '省市场监督管理局' } }));
      // tracked to the answer: due 20 working days on unless the decider says otherwise
      expect(f.forward).toEqual({ authority: '省市场监督管理局', forwardedOn: '2026-03-02', answerDue: '2026-03-30', answer: null });
      expect(f.clock.stopped).toBe(true);
      const early = await move(t, leader, c.id, 'conclude', { version: f.version });
      expect(early.statusCode).toBe(409);
      expect(early.json().error.message).toContain('上级机关尚未答复');

      const badResult = await move(t, clerk, c.id, 'forward-answer', { version: f.version, result: 'maybe', reference: 'x' });
      expect(badResult.statusCode).toBe(400);
      expect(fields(badResult)).toEqual(['result']);
      const noRef = await move(t, clerk, c.id, 'forward-answer', { version: f.version, result: 'approved', reference: ' ' });
      expect(noRef.statusCode).toBe(400);
      expect(fields(noRef)).toEqual(['reference']);
      expect((await move(t, await t.login('reviewer'), c.id, 'forward-answer', { version: f.version, result: 'approved', reference: 'x' })).statusCode).toBe(403);

      const answered = await ok(move(t, clerk, c.id, 'forward-answer', { version: f.version, result: 'denied', reference: '鲁市监许〔2026〕8号', note: '不符合产业政策' }));
      expect(answered.forward.answer).toEqual({ result: 'denied', reference: '鲁市监许〔2026〕8号', note: '不符合产业政策', on: '2026-03-02' });
      const twice = await move(t, leader, c.id, 'forward-answer', { version: answered.version, result: 'approved', reference: 'x' });
      expect(twice.statusCode).toBe(409);
      const done = await ok(move(t, leader, c.id, 'conclude', { version: answered.version }));
      expect(done).toMatchObject({ status: 'concluded', outcome: 'forwarded' });
    });
  });
}
