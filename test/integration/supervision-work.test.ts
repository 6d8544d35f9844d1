/**
 * The supervision office's work (DESIGN §5) on both databases with the test clock: a supervision
 * order is answered, sent back with a reason, answered again and closed; an order left unanswered
 * past its deadline is carded by the daily sweep; a case with a review step completed after its
 * own limit is listed as an anomaly at conclusion and closed once with a disposition; the monthly
 * follow-up sample takes the center's share of last month's concluded cases, which a supervisor
 * assigns and records. Wrong roles get 403, stale versions 409.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drainDueTimers } from '../../src/server/services/timers/index.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { immediateItem, intake, move, PHONE } from './case-helpers.js';
import { caseInReview, ok, reviewItem, taskMove } from './case-review-helpers.js';

for (const dialect of dialects()) {
  describe(`supervision work: orders, anomalies, follow-ups [${dialect}]`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startTestApp(dialect);
    });
    afterEach(async () => t?.close());

    /** Moves the clock and runs the due timers (the daily sweep among them). */
    const at = async (iso: string) => {
      t.clock.set(iso);
      await drainDueTimers(t.app.deps);
    };
    const post = (s: Session, url: string, payload: object) => t.as(s, { method: 'POST', url: `/api/v1/supervision${url}`, payload });
    const get = (s: Session, url: string) => ok(t.as(s, { url: `/api/v1/supervision${url}` }));

    it('an order is answered, sent back with a reason, answered again and closed; wrong roles 403, stale versions 409, each step in the action log', async () => {
      const [sup, leader, leaderB, clerk] = [await t.login('supervisor'), await t.login('leader'), await t.login('leaderB'), await t.login('clerk')];
      expect((await post(clerk, '/orders', { departmentId: t.org.deptA, content: '请说明办件积压原因' })).statusCode).toBe(403);
      expect((await post(leader, '/orders', { departmentId: t.org.deptA, content: '请说明办件积压原因' })).statusCode).toBe(403);
      const issued = await ok(post(sup, '/orders', { departmentId: t.org.deptA, content: '请说明办件积压原因' }));
      // Monday 2 March + 3 working days (the default setting)
      expect(issued).toMatchObject({ departmentId: t.org.deptA, status: 'open', issuedOn: '2026-03-02', due: '2026-03-05', overdue: false, answers: [], returns: [], version: 1 });

      expect((await post(leaderB, `/orders/${issued.id}/answer`, { version: 1, text: '已处理' })).statusCode).toBe(403);
      expect((await post(sup, `/orders/${issued.id}/review`, { version: 1, accept: true })).statusCode).toBe(409); // nothing answered yet
      expect((await post(leader, `/orders/${issued.id}/answer`, { version: 1, text: ' ' })).statusCode).toBe(400);
      const answered = await ok(post(leader, `/orders/${issued.id}/answer`, { version: 1, text: '人手不足，已调配' }));
      expect(answered).toMatchObject({ status: 'answered', answers: [{ text: '人手不足，已调配', by: t.org.users.leader, on: '2026-03-02' }], version: 2 });
      expect((await post(leader, `/orders/${issued.id}/answer`, { version: 2, text: '再答' })).statusCode).toBe(409);

      expect((await post(leader, `/orders/${issued.id}/review`, { version: 2, accept: true })).statusCode).toBe(403);
      expect((await post(sup, `/orders/${issued.id}/review`, { version: 1, accept: false, reason: '不具体' })).statusCode).toBe(409);
      const noReason = await post(sup, `/orders/${issued.id}/review`, { version: 2, accept: false });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().fields?.[0]?.field ?? noReason.body).toContain('reason');
      const returned = await ok(post(sup, `/orders/${issued.id}/review`, { version: 2, accept: false, reason: '未说明具体措施' }));
      expect(returned).toMatchObject({ status: 'open', returns: [{ reason: '未说明具体措施', on: '2026-03-02' }], version: 3 });

      const again = await ok(post(leader, `/orders/${issued.id}/answer`, { version: 3, text: '增派两名审查员，本周内清理完毕' }));
      expect(again.answers).toHaveLength(2);
      const closed = await ok(post(sup, `/orders/${issued.id}/review`, { version: again.version, accept: true }));
      expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-03-02', overdue: false });

      // the lists: the leader sees its department's order, deptB's leader none, the clerk 403
      expect((await get(leader, '/orders?status=closed')).items.map((o: { id: string }) => o.id)).toEqual([issued.id]);
      expect((await get(leaderB, '/orders')).total).toBe(0);
      expect((await t.as(clerk, { url: '/api/v1/supervision/orders' })).statusCode).toBe(403);
      const audit = await t.tdb.db.kysely.selectFrom('action_log').select(['action', 'actor_id']).where('entity_id', '=', issued.id).orderBy('pos').execute();
      expect(audit.map((a) => a.action)).toEqual(['issue', 'answer', 'return', 'answer', 'accept']);
      expect(audit[1].actor_id).toBe(t.org.users.leader);
    });

    it('an order left unanswered past its deadline gets one yellow card from the daily sweep; an answered one does not', async () => {
      const sup = await t.login('supervisor');
      const late = await ok(post(sup, '/orders', { departmentId: t.org.deptA, content: '请核查投诉', responseDays: 2 }));
      const answered = await ok(post(sup, '/orders', { departmentId: t.org.deptB, content: '请核查收费', responseDays: 2 }));
      expect(late.due).toBe('2026-03-04');
      await ok(post(await t.login('leaderB'), `/orders/${answered.id}/answer`, { version: 1, text: '已核查，收费合规' }));

      await at('2026-03-03T16:00:00.000Z'); // 4 March in Beijing: the due day itself
      let s = await t.login('supervisor');
      expect((await get(s, '/cards?level=yellow')).total).toBe(0);
      await at('2026-03-04T16:00:00.000Z'); // 5 March: overdue
      s = await t.login('supervisor');
      const cards = await get(s, '/cards?level=yellow');
      expect(cards.items).toMatchObject([{ subjectType: 'order', subjectId: late.id, departmentId: t.org.deptA, level: 'yellow', status: 'issued', issuedOn: '2026-03-05' }]);
      expect((await get(s, '/orders?status=open')).items).toMatchObject([{ id: late.id, overdue: true }]);
      await at('2026-03-05T16:00:00.000Z'); // the next day's sweep changes nothing
      expect((await get(await t.login('supervisor'), '/cards?level=yellow')).total).toBe(1);
      // the department's leader sees it and is notified
      expect((await get(await t.login('leader'), '/cards')).items.map((c: { subjectId: string }) => c.subjectId)).toEqual([late.id]);
      const to = await t.tdb.db.kysely.selectFrom('outbox').select('recipient_user_id').where('template', '=', 'cardIssued').execute();
      expect(to.map((r) => r.recipient_user_id)).toContain(t.org.users.leader);
      // the leader appeals, a supervisor upholds: the card names both
      const card = cards.items[0];
      const appealed = await ok(t.as(await t.login('leader'), { method: 'POST', url: `/api/v1/supervision/cards/${card.id}/appeal`, payload: { version: card.version, reason: '已电话答复' } }));
      expect(appealed.appeal).toMatchObject({ by: t.org.users.leader, byName: 'leader' });
      const ruled = await ok(t.as(await t.login('supervisor'), { method: 'POST', url: `/api/v1/supervision/cards/${card.id}/rule`, payload: { version: appealed.version, upheld: true, reason: '未书面答复' } }));
      expect(ruled).toMatchObject({ status: 'upheld', appeal: { byName: 'leader' }, ruling: { by: t.org.users.supervisor, byName: 'supervisor' } });
      expect((await get(await t.login('leader'), `/cards/${card.id}`)).ruling.byName).toBe('supervisor');
    });

    it('a review step completed after its own limit is an anomaly at conclusion; a supervisor closes it once with a disposition', async () => {
      const itemId = await reviewItem(t); // 初审 3 working days
      let clerk = await t.login('clerk');
      const c = await caseInReview(t, clerk, itemId);
      t.clock.set('2026-03-10T02:00:00.000Z'); // 初审 was due 5 March
      const [reviewer, leader] = [await t.login('reviewer'), await t.login('leader')];
      const first = await ok(taskMove(t, reviewer, c.id, '2.1', 'complete', { version: c.version, opinion: '同意' }));
      const second = await ok(taskMove(t, reviewer, c.id, '3.1', 'complete', { version: first.version, opinion: '同意' }));
      const decided = await ok(move(t, leader, c.id, 'decide', { version: second.version, decision: { outcome: 'approved', note: '准予许可' } }));
      let sup = await t.login('supervisor');
      expect((await get(sup, `/anomalies?caseId=${c.id}`)).total).toBe(0); // found at conclusion only
      await ok(move(t, leader, c.id, 'conclude', { version: decided.version }));

      const list = await get(sup, `/anomalies?caseId=${c.id}`);
      expect(list.items).toMatchObject([{ caseId: c.id, caseNo: c.caseNo, departmentId: t.org.deptA, rule: 'stepOverLimit', status: 'open', disposition: '', closedAt: null, version: 1 }]);
      expect(list.items[0].message).toContain('初审');
      const a = list.items[0];
      expect((await get(leader, '/anomalies?status=open')).total).toBe(1);
      expect((await get(await t.login('leaderB'), '/anomalies')).total).toBe(0);

      expect((await post(leader, `/anomalies/${a.id}/close`, { version: 1, disposition: '自行处置' })).statusCode).toBe(403);
      expect((await post(sup, `/anomalies/${a.id}/close`, { version: 2, disposition: '已约谈' })).statusCode).toBe(409);
      expect((await post(sup, `/anomalies/${a.id}/close`, { version: 1, disposition: ' ' })).statusCode).toBe(400);
      const closed = await ok(post(sup, `/anomalies/${a.id}/close`, { version: 1, disposition: '已约谈审查员，纳入月度考核' }));
      expect(closed).toMatchObject({ status: 'closed', disposition: '已约谈审查员，纳入月度考核', closedAt: '2026-03-10T02:00:00.000Z', version: 2 });
      const twice = await post(sup, `/anomalies/${a.id}/close`, { version: 2, disposition: '再次处置' });
      expect(twice.statusCode).toBe(409);
      expect((await get(sup, '/anomalies?status=open')).total).toBe(0);
      expect((await get(sup, '/anomalies?rule=stepOverLimit&status=closed')).items.map((x: { id: string }) => x.id)).toEqual([a.id]);
      const audit = await t.tdb.db.kysely.selectFrom('action_log').select('action').where('entity_id', '=', a.id).orderBy('pos').execute();
      expect(audit.map((x) => x.action)).toEqual(['found', 'close']);
      clerk = await t.login('clerk');
      expect((await t.as(clerk, { url: '/api/v1/supervision/anomalies' })).statusCode).toBe(403);
    });

    it("the daily sweep of the month's first day samples the center's share of last month's concluded cases, once; a supervisor assigns and records the visit", async () => {
      await t.tdb.db.kysely.insertInto('settings').values({ scope: t.org.cityId, key: 'supervision.followUpPercent', value: JSON.stringify(50), version: 1, updated_at: '2026-03-01T00:00:00.000Z' }).execute();
      const item = await immediateItem(t);
      const clerk = await t.login('clerk');
      for (let i = 0; i < 4; i++) {
        const c = await intake(t, clerk, item);
        await ok(move(t, clerk, c.id, 'conclude-immediately', { version: c.version, decision: { outcome: 'approved', note: '' } }));
      }
      await at('2026-03-30T16:00:00.000Z'); // 31 March: March's sample waits for April
      let sup = await t.login('supervisor');
      expect((await get(sup, '/follow-ups')).total).toBe(0);
      await at('2026-03-31T16:00:00.000Z'); // 1 April in Beijing
      await at('2026-04-01T16:00:00.000Z'); // the next sweep samples nothing more
      sup = await t.login('supervisor');
      const list = await get(sup, '/follow-ups?month=2026-03');
      expect(list.total).toBe(2); // 50 % of 4
      expect(list.items[0]).toMatchObject({ month: '2026-03', departmentId: t.org.deptA, status: 'pending', assigneeUserId: null, applicantName: '张*', version: 1 });
      expect(list.items[0].applicantPhone).not.toBe(PHONE);
      const f = list.items[0];

      const leader = await t.login('leader');
      expect((await post(leader, `/follow-ups/${f.id}/assign`, { version: 1, assigneeUserId: t.org.users.leader })).statusCode).toBe(403);
      expect((await post(sup, `/follow-ups/${f.id}/assign`, { version: 1, assigneeUserId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(400);
      const assigned = await ok(post(sup, `/follow-ups/${f.id}/assign`, { version: 1, assigneeUserId: t.org.users.supervisor }));
      expect(assigned).toMatchObject({ assigneeUserId: t.org.users.supervisor, applicantPhone: PHONE, version: 2 });
      expect((await post(sup, `/follow-ups/${f.id}/result`, { version: 1, reached: true, result: 'satisfied' })).statusCode).toBe(409);
      expect((await post(sup, `/follow-ups/${f.id}/result`, { version: 2, reached: true })).statusCode).toBe(400);
      expect((await post(leader, `/follow-ups/${f.id}/result`, { version: 2, reached: true, result: 'satisfied' })).statusCode).toBe(403);
      const done = await ok(post(sup, `/follow-ups/${f.id}/result`, { version: 2, reached: true, result: 'basicallySatisfied', note: '办理较快' }));
      expect(done).toMatchObject({ status: 'visited', result: 'basicallySatisfied', note: '办理较快', visitedOn: '2026-04-02', version: 3 });
      // the leader reads the department's follow-ups, with the phone masked
      const seen = (await get(leader, '/follow-ups?status=visited')).items;
      expect(seen).toMatchObject([{ id: f.id, status: 'visited' }]);
      expect(seen[0].applicantPhone).not.toBe(PHONE);
      const audit = await t.tdb.db.kysely.selectFrom('action_log').select('action').where('entity', '=', 'followUp').orderBy('pos').execute();
      expect(audit.map((x) => x.action)).toEqual(['sample', 'assign', 'record']);
    });
  });
}
