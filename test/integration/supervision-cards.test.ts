/**
 * Cards raised by the timers (DESIGN §5), on both databases with the test clock: a case passes
 * its warning day and its promised deadline → a warning, then a yellow card, each once, each
 * notifying the handlers, the department's leader and the supervisors; the leader appeals and a
 * supervisor revokes; a yellow card the statutory deadline overtakes escalates to red; the
 * monitor, its series and its live feed show them within each reader's scope.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchOutbox } from '../../src/server/services/notifications/dispatch.js';
import { drainDueTimers } from '../../src/server/services/timers/index.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { intake, move, publishedItem } from './case-helpers.js';
import { ok } from './case-review-helpers.js';

for (const dialect of dialects()) {
  describe(`supervision cards [${dialect}]`, () => {
    let t: TestApp;
    let itemId: string;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      itemId = await publishedItem(t); // promised 10 / statutory 20 working days
    });
    afterEach(async () => t?.close());

    const login = (u: string) => t.login(u);
    const at = async (iso: string) => {
      t.clock.set(iso);
      await drainDueTimers(t.app.deps);
    };
    const acceptedCase = async () => {
      const clerk = await login('clerk');
      const c = await intake(t, clerk, itemId);
      return ok(move(t, clerk, c.id, 'accept', { version: c.version }));
    };
    const cards = async (s: Session, query = '') => ok(t.as(s, { url: `/api/v1/supervision/cards${query}` }));
    const outbox = (template: string) =>
      t.tdb.db.kysely.selectFrom('outbox').select(['recipient_user_id', 'case_id']).where('template', '=', template).orderBy('recipient_user_id').execute();

    it('a case passing its warning day and promised deadline gets a warning, then a yellow card — each once, each notifying handler, leader and supervisor', async () => {
      const c = await acceptedCase();
      expect(c.deadlines).toEqual({ promised: '2026-03-16', statutory: '2026-03-30' });
      await at('2026-03-11T15:59:00.000Z');
      expect((await cards(await login('supervisor'))).total).toBe(0);

      await at('2026-03-11T16:00:00.000Z'); // Thursday 12 March in Beijing: 2 working days left
      let sup = await login('supervisor');
      expect((await cards(sup)).items).toMatchObject([{ caseId: c.id, subjectType: 'case', level: 'warning', status: 'issued', issuedOn: '2026-03-12', counts: false }]);

      await at('2026-03-16T16:00:00.000Z'); // the day after the promised deadline
      sup = await login('supervisor');
      const list = await cards(sup, '?level=yellow');
      expect(list.items).toMatchObject([{ caseId: c.id, caseNo: c.caseNo, level: 'yellow', status: 'issued', issuedOn: '2026-03-17', counts: true }]);
      // idempotent: the sweep running again (and the daily sweep) changes nothing
      await at('2026-03-17T03:00:00.000Z');
      expect((await cards(sup, '?level=yellow')).total).toBe(1);
      expect((await cards(sup)).total).toBe(2);

      const u = t.org.users;
      const notified = (await outbox('cardIssued')).filter((r) => r.case_id === c.id).map((r) => r.recipient_user_id);
      // twice each (warning, yellow): the window (clerk, chief rep), the leader, the supervisor — not deptB's leader
      for (const who of [u.clerk, u.chiefrep, u.leader, u.supervisor]) expect(notified.filter((x) => x === who)).toHaveLength(2);
      expect(notified).not.toContain(u.leaderB);
      await dispatchOutbox(t.app.deps);
      const box = await ok(t.as(await login('leader'), { url: '/api/v1/me/messages' }));
      expect(box.items.map((m: { title: string }) => m.title)).toContain('电子监察黄牌');
      // the action log has the issue
      const audit = await t.tdb.db.kysely.selectFrom('action_log').select(['action', 'role']).where('entity', '=', 'card').execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['issue', 'issue']);
    });

    it('the department appeals once; the appellant cannot rule; a supervisor revokes it, recorded and notified', async () => {
      const c = await acceptedCase();
      await at('2026-03-11T16:00:00.000Z');
      await at('2026-03-16T16:00:00.000Z');
      const leader = await login('leader');
      const yellow = (await cards(leader, '?level=yellow')).items[0];
      expect(yellow).toMatchObject({ caseId: c.id, status: 'issued' });

      // a warning cannot be appealed; the clerk has no right to appeal; the volunteer sees nothing
      const warning = (await cards(leader, '?level=warning')).items[0];
      const w = await t.as(leader, { method: 'POST', url: `/api/v1/supervision/cards/${warning.id}/appeal`, payload: { version: warning.version, reason: '不服' } });
      expect(w.statusCode).toBe(409);
      expect((await t.as(await login('clerk'), { method: 'POST', url: `/api/v1/supervision/cards/${yellow.id}/appeal`, payload: { version: yellow.version, reason: 'x' } })).statusCode).toBe(403);
      expect((await t.as(await login('volunteer'), { url: '/api/v1/supervision/cards' })).statusCode).toBe(403);
      // deptB's leader cannot appeal deptA's card
      expect((await t.as(await login('leaderB'), { method: 'POST', url: `/api/v1/supervision/cards/${yellow.id}/appeal`, payload: { version: yellow.version, reason: 'x' } })).statusCode).toBe(403);
      expect((await cards(await login('leaderB'))).total).toBe(0);

      const empty = await t.as(leader, { method: 'POST', url: `/api/v1/supervision/cards/${yellow.id}/appeal`, payload: { version: yellow.version, reason: ' ' } });
      expect(empty.statusCode).toBe(400);
      const appealed = await ok(t.as(leader, { method: 'POST', url: `/api/v1/supervision/cards/${yellow.id}/appeal`, payload: { version: yellow.version, reason: '申请人要求暂缓，已书面说明' } }));
      expect(appealed).toMatchObject({ status: 'appealed', appeal: { reason: '申请人要求暂缓，已书面说明', by: t.org.users.leader, on: '2026-03-17' } });
      const again = await t.as(leader, { method: 'POST', url: `/api/v1/supervision/cards/${yellow.id}/appeal`, payload: { version: appealed.version, reason: '再次申诉' } });
      expect(again.statusCode).toBe(409);
      expect((await t.as(leader, { method: 'POST', url: `/api/v1/supervision/cards/${yellow.id}/rule`, payload: { version: appealed.version, upheld: false, reason: '自己裁决' } })).statusCode).toBe(403);

      const sup = await login('supervisor');
      const stale = await t.as(sup, { method: 'POST', url: `/api/v1/supervision/cards/${yellow.id}/rule`, payload: { version: yellow.version, upheld: false, reason: '情况属实' } });
      expect(stale.statusCode).toBe(409);
      const revoked = await ok(t.as(sup, { method: 'POST', url: `/api/v1/supervision/cards/${yellow.id}/rule`, payload: { version: appealed.version, upheld: false, reason: '情况属实，予以撤销' } }));
      expect(revoked).toMatchObject({ status: 'revoked', counts: false, ruling: { upheld: false, by: t.org.users.supervisor, on: '2026-03-17' } });
      const audit = await t.tdb.db.kysely.selectFrom('action_log').select(['action', 'actor_id']).where('entity_id', '=', yellow.id).orderBy('pos').execute();
      expect(audit.map((a) => a.action)).toEqual(['issue', 'appeal', 'revoke']);
      expect(audit[2].actor_id).toBe(t.org.users.supervisor);
      expect((await outbox('cardRuled')).map((r) => r.recipient_user_id)).toContain(t.org.users.leader);
      // a revoked yellow card is not escalated: the red light issues a red card anew
      await at('2026-03-30T16:00:00.000Z');
      const after = await cards(await login('supervisor'), `?caseId=${c.id}`);
      expect(after.items.map((x: { level: string; status: string }) => `${x.level}:${x.status}`).sort()).toEqual(['red:issued', 'warning:issued', 'yellow:revoked']);
    });

    it('a yellow card the statutory deadline overtakes escalates to red (same card), notifying everyone the yellow did', async () => {
      const c = await acceptedCase();
      await at('2026-03-16T16:00:00.000Z');
      const yellow = (await cards(await login('supervisor'), '?level=yellow')).items[0];
      await at('2026-03-30T16:00:00.000Z'); // the day after the statutory deadline
      const sup = await login('supervisor');
      const red = await ok(t.as(sup, { url: `/api/v1/supervision/cards/${yellow.id}` }));
      expect(red).toMatchObject({ id: yellow.id, level: 'red', escalatedOn: '2026-03-31', issuedOn: '2026-03-17' });
      const yellowTo = (await outbox('cardIssued')).filter((r) => r.case_id === c.id).map((r) => r.recipient_user_id);
      const redTo = (await outbox('cardEscalated')).map((r) => r.recipient_user_id);
      expect(redTo.length).toBeGreaterThan(0);
      expect([...new Set(redTo)].sort()).toEqual([...new Set(yellowTo)].sort());
      await at('2026-04-02T03:00:00.000Z');
      expect((await outbox('cardEscalated')).length).toBe(redTo.length);
    });

    it('the monitor shows open cases and tasks with their lights in scope; the series counts them by day; the feed streams card changes', async () => {
      const c = await acceptedCase();
      await at('2026-03-10T16:00:00.000Z'); // the daily sweep of 11 March: one green case
      await at('2026-03-16T16:00:00.000Z');
      const sup = await login('supervisor');
      const m = await ok(t.as(sup, { url: '/api/v1/supervision/monitor' }));
      expect(m.items).toMatchObject([{ kind: 'case', caseId: c.id, light: 'yellowCard', deadline: '2026-03-16' }]);
      expect(m.counts).toEqual({ green: 0, warning: 0, yellowCard: 1, redCard: 0 });
      expect((await ok(t.as(sup, { url: '/api/v1/supervision/monitor?light=green' }))).items).toEqual([]);
      const leader = await login('leader');
      expect((await ok(t.as(leader, { url: '/api/v1/supervision/monitor' }))).counts.yellowCard).toBe(1);
      expect((await ok(t.as(await login('leaderB'), { url: '/api/v1/supervision/monitor' }))).items).toEqual([]);
      expect((await t.as(await login('clerk'), { url: '/api/v1/supervision/monitor' })).statusCode).toBe(403);

      const series = await ok(t.as(sup, { url: '/api/v1/supervision/monitor/series?from=2026-03-10&to=2026-03-17' }));
      const day = (d: string) => series.days.find((x: { day: string }) => x.day === d);
      expect(day('2026-03-11').lights).toEqual({ green: 1, warning: 0, yellowCard: 0, redCard: 0 });
      expect(day('2026-03-17')).toMatchObject({ lights: { yellowCard: 1 }, cards: { yellow: 1 } });

      const since = Buffer.from('2000-01-01T00:00:00.000Z|').toString('base64url');
      const feed = await t.as(sup, { url: `/api/v1/supervision/feed?once=true&since=${since}` });
      expect(feed.statusCode).toBe(200);
      expect(feed.headers['content-type']).toContain('text/event-stream');
      expect(feed.body.match(/event: card/g)).toHaveLength(1);
      expect(feed.body).toContain('"level":"yellow"');
      const none = await t.as(await login('leaderB'), { url: `/api/v1/supervision/feed?once=true&since=${since}` });
      expect(none.body).not.toContain('event: card');
    });
  });
}
