/**
 * Evaluation (DESIGN §6) on both databases with the test clock: the window rating screen shows
 * the case the window's clerk handled last and takes one rating per occasion; a bad rating opens
 * its rectification, which runs verify → rectify → feedback → return visit → closed, while the
 * public figures follow; an invalid review needs a second person; the SMS link rates once; an
 * occasion left unrated takes the default; a rectification left alone is flagged overdue and carded.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drainDueTimers } from '../../src/server/services/timers/index.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { immediateItem, intake, move, publishedItem } from './case-helpers.js';
import { ok } from './case-review-helpers.js';

for (const dialect of dialects()) {
  describe(`evaluation: rating, rectification, figures [${dialect}]`, () => {
    let t: TestApp;
    let windowId: string;
    let clerk: Session;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      windowId = randomUUID();
      const T = '2026-01-05T00:00:00.000Z';
      await t.tdb.db.kysely.insertInto('windows').values({ id: windowId, center_id: t.org.cityId, code: 'W03', name: '3号窗口', kind: 'dedicated', department_id: t.org.deptA, location: '', active: 1, version: 1, created_at: T, updated_at: T }).execute();
      await t.tdb.db.kysely.insertInto('user_windows').values({ user_id: t.org.users.clerk, window_id: windowId }).execute();
      clerk = await t.login('clerk');
    });
    afterEach(async () => t?.close());

    const immediateCase = async (itemId: string) => {
      const c = await intake(t, clerk, itemId);
      return ok(move(t, clerk, c.id, 'conclude-immediately', { version: c.version, decision: { outcome: 'approved', note: '' } }));
    };
    const figures = async () => ok(t.as(null, { url: `/api/v1/public/figures?centerId=${t.org.cityId}&period=month` }));
    const rateAtWindow = (caseId: string, occasion: string, level: string) =>
      t.as(null, { method: 'POST', url: `/api/v1/hall/rate/${windowId}`, payload: { caseId, occasion, level, indicators: { serviceAttitude: level } } });
    const step = (s: Session, id: string, body: object) => t.as(s, { method: 'POST', url: `/api/v1/rectifications/${id}/steps`, payload: body });

    it('a 不满意 on the window screen opens a rectification that runs to the return visit; the public figures follow', async () => {
      const item = await immediateItem(t);
      expect((await ok(t.as(null, { url: `/api/v1/hall/rate/${windowId}` }))).prompt).toBeNull();
      const c = await immediateCase(item);
      const screen = await ok(t.as(null, { url: `/api/v1/hall/rate/${windowId}` }));
      expect(screen).toMatchObject({ window: { name: '3号窗口' }, clerkName: 'clerk', prompt: { caseId: c.id, occasion: 'whole', indicatorSet: 'window-v1', applicantName: '张*' } });
      expect(screen.prompt.caseNo).toContain('****');
      expect(screen.prompt.levels).toHaveLength(5);
      expect((await figures()).center.figures).toMatchObject({ occasions: 1, goodRate: null, activeRate: 0, unratedRate: 1 });

      // only the window's current case; an indicator outside the window set is refused
      expect((await rateAtWindow(randomUUID(), 'whole', 'satisfied')).statusCode).toBe(409);
      const badIndicator = await t.as(null, { method: 'POST', url: `/api/v1/hall/rate/${windowId}`, payload: { caseId: c.id, occasion: 'whole', level: 'satisfied', indicators: { usability: 'satisfied' } } });
      expect(badIndicator.statusCode).toBe(400);
      const rated = await ok(rateAtWindow(c.id, 'whole', 'dissatisfied'));
      expect(rated).toMatchObject({ level: 'dissatisfied', channel: 'window' });
      expect(rated.rectificationId).toBeTruthy();
      expect((await rateAtWindow(c.id, 'whole', 'satisfied')).statusCode).toBe(409);
      expect((await ok(t.as(null, { url: `/api/v1/hall/rate/${windowId}` }))).prompt).toBeNull();
      const stored = await t.tdb.db.kysely.selectFrom('evaluations').selectAll().where('case_id', '=', c.id).execute();
      expect(stored).toMatchObject([{ channel: 'window', window_id: windowId, indicator_set: 'window-v1' }]);
      expect(JSON.parse(stored[0].indicators!)).toEqual({ overall: 'dissatisfied', serviceAttitude: 'dissatisfied' });
      expect((await figures()).center.figures).toMatchObject({ occasions: 1, goodRate: 0, badRate: 1, activeRate: 1, unratedRate: 0, rectificationRate: null });

      const leader = await t.login('leader');
      const r = await ok(t.as(leader, { url: `/api/v1/rectifications/${rated.rectificationId}` }));
      expect(r).toMatchObject({ status: 'verifying', openedOn: '2026-03-02', due: '2026-03-03', caseId: c.id, rating: { level: 'dissatisfied', channel: 'window' } });
      expect((await t.as(await t.login('leaderB'), { url: `/api/v1/rectifications/${r.id}` })).statusCode).toBe(404);
      const v = await ok(step(leader, r.id, { kind: 'verify', version: r.version, valid: true, note: '情况属实，窗口答复不耐心' }));
      expect(v).toMatchObject({ status: 'rectifying', due: '2026-03-23' }); // 15 working days
      expect((await step(leader, r.id, { kind: 'returnVisit', version: v.version, level: 'satisfied' })).statusCode).toBe(403);
      expect((await step(leader, r.id, { kind: 'feedback', version: v.version, measures: '  ' })).statusCode).toBe(400);
      const f = await ok(step(leader, r.id, { kind: 'feedback', version: v.version, measures: '已对窗口人员批评教育并组织服务规范培训' }));
      expect(f.status).toBe('returnVisit');
      expect((await figures()).center.figures.rectificationRate).toBe(0);
      const sup = await t.login('supervisor');
      const closed = await ok(step(sup, r.id, { kind: 'returnVisit', version: f.version, level: 'satisfied', note: '电话回访，申请人认可整改' }));
      expect(closed).toMatchObject({ status: 'closed', fixRating: 'satisfied', closedOn: '2026-03-02' });
      // who acted, by name, for the page
      expect(closed.events.filter((e: { kind: string }) => e.kind !== 'open').map((e: { kind: string; by: string; byName: string }) => [e.kind, e.by, e.byName])).toEqual([
        ['verify', t.org.users.leader, 'leader'], ['feedback', t.org.users.leader, 'leader'], ['returnVisit', t.org.users.supervisor, 'supervisor'],
      ]);
      expect((await figures()).center.figures).toMatchObject({ rectificationRate: 1, badRate: 1 });
      const dept = (await figures()).departments.find((d: { id: string }) => d.id === t.org.deptA);
      expect(dept.figures).toMatchObject({ occasions: 1, rectificationRate: 1 });
      const audit = await t.tdb.db.kysely.selectFrom('action_log').select('action').where('entity_id', '=', r.id).orderBy('pos').execute();
      expect(audit.map((a) => a.action)).toEqual(['open', 'verify', 'feedback', 'returnVisit']);
    });

    it('an invalid review needs a second person: the verifier cannot approve it, a supervisor can; it is not rectified', async () => {
      const c = await immediateCase(await immediateItem(t));
      const rated = await ok(rateAtWindow(c.id, 'whole', 'veryDissatisfied'));
      const sup = await t.login('supervisor');
      const r = await ok(t.as(sup, { url: `/api/v1/rectifications/${rated.rectificationId}` }));
      const v = await ok(step(sup, r.id, { kind: 'verify', version: r.version, valid: false, note: '评价人误操作，监控录像显示服务正常' }));
      expect(v.status).toBe('invalidPending');
      const self = await step(sup, r.id, { kind: 'approveInvalid', version: v.version, approve: true });
      expect(self.statusCode).toBe(400);
      expect((await step(await t.login('leader'), r.id, { kind: 'approveInvalid', version: v.version, approve: true })).statusCode).toBe(403);
      // a second supervisor approves
      const { createStaffUser } = await import('../../src/server/services/organisation/index.js');
      const { systemCtx } = await import('../../src/server/services/context.js');
      await createStaffUser(systemCtx(t.app.deps), { username: 'sup2', displayName: 'sup2', password: 'Super2026pw!', grants: [{ role: 'supervisor', centerId: t.org.cityId, departmentId: null }] });
      const sup2 = await t.login('sup2', 'Super2026pw!');
      const done = await ok(step(sup2, r.id, { kind: 'approveInvalid', version: v.version, approve: true, note: '同意' }));
      expect(done.status).toBe('closedInvalid');
      expect((await figures()).center.figures).toMatchObject({ badRate: 1, rectificationRate: null });
    });

    it('the SMS link rates its occasion once; a forged token is unknown', async () => {
      const item = await publishedItem(t);
      const c = await intake(t, clerk, item);
      await ok(move(t, clerk, c.id, 'accept', { version: c.version }));
      const sms = await t.tdb.db.kysely.selectFrom('outbox').select(['recipient', 'payload']).where('template', '=', 'ratingInvitation').execute();
      expect(sms).toHaveLength(1);
      expect(sms[0].recipient).toBe('13812345678');
      const token = /\/rate\/([^\s]+)$/.exec(JSON.parse(sms[0].payload).body)![1];
      const page = await ok(t.as(null, { url: `/api/v1/public/rate/${token}` }));
      expect(page).toMatchObject({ state: 'open', prompt: { caseId: c.id, occasion: 'acceptance', indicatorSet: 'online-v1' } });
      expect((await t.as(null, { url: `/api/v1/public/rate/${token.slice(0, -2)}xx` })).statusCode).toBe(404);
      const done = await ok(t.as(null, { method: 'POST', url: `/api/v1/public/rate/${token}`, payload: { level: 'verySatisfied', indicators: { efficiency: 'satisfied' } } }));
      expect(done).toMatchObject({ channel: 'sms', rectificationId: null });
      expect((await t.as(null, { method: 'POST', url: `/api/v1/public/rate/${token}`, payload: { level: 'dissatisfied' } })).statusCode).toBe(409);
      expect((await ok(t.as(null, { url: `/api/v1/public/rate/${token}` }))).state).toBe('rated');
      expect((await figures()).center.figures).toMatchObject({ occasions: 1, goodRate: 1, activeRate: 1 });
    });

    it('an occasion not rated within the period takes the default (or none when so set); an untouched rectification is flagged overdue and carded', async () => {
      const item = await publishedItem(t);
      const a = await intake(t, clerk, item);
      await ok(move(t, clerk, a.id, 'accept', { version: a.version }));
      const b = await immediateCase(await immediateItem(t));
      const bad = await ok(rateAtWindow(b.id, 'whole', 'dissatisfied'));

      t.clock.set('2026-03-09T16:00:00.000Z'); // 10 March: the period (7 days from 2 March) is over
      await drainDueTimers(t.app.deps);
      const ev = await t.tdb.db.kysely.selectFrom('evaluations').select(['channel', 'level', 'occasion']).where('case_id', '=', a.id).execute();
      expect(ev).toEqual([{ channel: 'default', level: 'satisfied', occasion: 'acceptance' }]);
      const occ = await t.tdb.db.kysely.selectFrom('rating_occasions').select('status').where('case_id', '=', a.id).executeTakeFirstOrThrow();
      expect(occ.status).toBe('defaulted');
      const fig = (await figures()).center.figures;
      expect(fig).toMatchObject({ occasions: 2, activeRate: 0.5, unratedRate: 0.5, goodRate: 0.5, badRate: 0.5 });
      // once: a later sweep adds nothing
      t.clock.set('2026-03-11T16:00:00.000Z');
      await drainDueTimers(t.app.deps);
      expect(await t.tdb.db.kysely.selectFrom('evaluations').select('id').where('case_id', '=', a.id).execute()).toHaveLength(1);

      const sup = await t.login('supervisor');
      const r = await ok(t.as(sup, { url: `/api/v1/rectifications/${bad.rectificationId}` }));
      expect(r).toMatchObject({ status: 'verifying', due: '2026-03-03', overdue: true });
      expect((await ok(t.as(sup, { url: '/api/v1/rectifications?overdue=true' }))).total).toBe(1);
      const cards = await ok(t.as(sup, { url: '/api/v1/supervision/cards' }));
      expect(cards.items.filter((x: { subjectType: string }) => x.subjectType === 'rectification')).toMatchObject([{ subjectId: r.id, level: 'yellow' }]);
      const m = await ok(t.as(sup, { url: '/api/v1/supervision/monitor?kind=rectification' }));
      expect(m.items).toMatchObject([{ kind: 'rectification', id: r.id, light: 'yellowCard' }]);

      // no default: the center says "none"
      await t.tdb.db.kysely.insertInto('settings').values({ scope: t.org.cityId, key: 'evaluation.defaultLevel', value: JSON.stringify('none'), version: 1, updated_at: '2026-03-11T00:00:00.000Z' }).execute();
      clerk = await t.login('clerk');
      const c2 = await intake(t, clerk, item);
      await ok(move(t, clerk, c2.id, 'accept', { version: c2.version }));
      t.clock.set('2026-03-20T16:00:00.000Z');
      await drainDueTimers(t.app.deps);
      expect(await t.tdb.db.kysely.selectFrom('evaluations').select('id').where('case_id', '=', c2.id).execute()).toHaveLength(0);
      expect((await t.tdb.db.kysely.selectFrom('rating_occasions').select('status').where('case_id', '=', c2.id).executeTakeFirstOrThrow()).status).toBe('lapsed');
    });
  });
}
