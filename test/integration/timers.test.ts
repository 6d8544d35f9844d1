/**
 * The time-based case rules, on both databases, driven by the test clock and the sweeper run by
 * hand: an unanswered supplement request expires (deemed withdrawn, by the system); 容缺
 * materials past due suspend the case and, still owed after the further period, return it;
 * the stored light follows the warning day and the deadlines. Each timer fires once; a timer
 * whose rule no longer applies completes as a no-op.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listTimersForCase } from '../../src/server/repositories/timers.js';
import { drainDueTimers, runDueTimers } from '../../src/server/services/timers/index.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { intake, move, publishedItem } from './case-helpers.js';
import { ok } from './case-review-helpers.js';

for (const dialect of dialects()) {
  describe(`timers on cases [${dialect}]`, () => {
    let t: TestApp;
    let clerk: Session;
    let itemId: string;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      clerk = await t.login('clerk');
      itemId = await publishedItem(t); // promised 10 / statutory 20 working days
    });
    afterEach(async () => t?.close());

    /** time moves; sessions last 12 hours, so the clerk signs in again */
    const setClock = async (iso: string) => {
      t.clock.set(iso);
      clerk = await t.login('clerk');
    };
    const view = async (id: string) => ok(t.as(clerk, { url: `/api/v1/cases/${id}` }));
    const timers = (caseId: string) => listTimersForCase(t.tdb.db.kysely, caseId);
    const sweep = () => runDueTimers(t.app.deps);
    const storedLight = async (id: string) => (await t.tdb.db.kysely.selectFrom('cases').select('light').where('id', '=', id).executeTakeFirstOrThrow()).light;
    const auditOf = (id: string, action: string) =>
      t.tdb.db.kysely.selectFrom('action_log').select(['actor_id', 'actor_name', 'role', 'payload']).where('entity_id', '=', id).where('action', '=', action).execute();

    it('an unanswered supplement request expires the day after its due date: deemed withdrawn by the system, once', async () => {
      const c = await intake(t, clerk, itemId);
      const s = await ok(move(t, clerk, c.id, 'supplement', { version: c.version, materials: [{ code: 'M01', problem: 'missing', note: '请补交申请书' }] }));
      expect(s.supplement.dueDate).toBe('2026-03-16'); // 10 working days after Monday 2 March
      expect(await timers(c.id)).toMatchObject([{ kind: 'supplementExpiry', key: `supplementExpiry:${c.id}:2`, due_at: '2026-03-16T16:00:00.000Z', status: 'pending' }]);

      await setClock('2026-03-16T15:59:59.000Z'); // 23:59:59 on the due date in Beijing
      expect(await sweep()).toEqual({ fired: 0, retried: 0, failed: 0 });
      expect((await view(c.id)).status).toBe('supplementRequired');

      await setClock('2026-03-16T16:00:00.000Z');
      expect(await sweep()).toEqual({ fired: 1, retried: 0, failed: 0 });
      const after = await view(c.id);
      expect(after.status).toBe('withdrawn');
      expect(after.actions.at(-1)).toMatchObject({ kind: 'supplementExpired', date: '2026-03-17', role: 'system' });
      expect(await auditOf(c.id, 'supplementExpired')).toMatchObject([{ actor_id: null, actor_name: 'system', role: 'system' }]);
      expect(await timers(c.id)).toMatchObject([{ status: 'fired', attempts: 1, fired_at: '2026-03-16T16:00:00.000Z' }]);
      // exactly once: nothing is left to fire
      await setClock('2026-04-30T00:00:00.000Z');
      expect(await sweep()).toEqual({ fired: 0, retried: 0, failed: 0 });
      expect((await view(c.id)).version).toBe(after.version);
    });

    it('a request answered in time, or replaced by a later one, completes as a no-op; the later one expires on its own date', async () => {
      const c = await intake(t, clerk, itemId);
      const s1 = await ok(move(t, clerk, c.id, 'supplement', { version: c.version, materials: [{ code: 'M01', problem: 'missing', note: '' }] }));
      const back = await ok(move(t, clerk, c.id, 'supply', { version: s1.version, materials: ['M01'] }));
      await setClock('2026-03-05T02:00:00.000Z');
      const s2 = await ok(move(t, clerk, c.id, 'supplement', { version: back.version, materials: [{ code: 'M02', problem: 'wrong', note: '' }], dueDate: '2026-03-20' }));
      expect((await timers(c.id)).map((x) => [x.kind, x.due_at])).toEqual([
        ['supplementExpiry', '2026-03-16T16:00:00.000Z'],
        ['supplementExpiry', '2026-03-20T16:00:00.000Z'],
      ]);

      await setClock('2026-03-17T01:00:00.000Z'); // the first request's expiry: it was answered
      expect(await sweep()).toEqual({ fired: 1, retried: 0, failed: 0 });
      const still = await view(c.id);
      expect(still).toMatchObject({ status: 'supplementRequired', version: s2.version });

      await setClock('2026-03-21T01:00:00.000Z');
      expect(await sweep()).toEqual({ fired: 1, retried: 0, failed: 0 });
      expect(await view(c.id)).toMatchObject({ status: 'withdrawn', version: s2.version + 1 });
      expect((await timers(c.id)).every((x) => x.status === 'fired')).toBe(true);
    });

    it('容缺: owed materials past due suspend the case; handed in later it resumes; still owed after 15 working days it is returned', async () => {
      const item = await publishedItem(t, {
        code: 'SCJG-XK-0902',
        materials: [
          { code: 'M01', name: '食品经营许可申请书' },
          { code: 'M03', name: '场所平面图', deferrable: true },
        ],
      });
      const accepted = [];
      for (let i = 0; i < 2; i++) {
        const c = await intake(t, clerk, item);
        accepted.push(await ok(move(t, clerk, c.id, 'accept', { version: c.version, deferred: { materials: ['M03'], dueDate: '2026-03-09' } })));
      }
      const [a, b] = accepted;
      expect((await timers(a.id)).find((x) => x.kind === 'deferredDue')).toMatchObject({ key: `deferredDue:${a.id}:2026-03-10`, due_at: '2026-03-09T16:00:00.000Z' });

      await setClock('2026-03-09T15:00:00.000Z'); // still the due date
      await drainDueTimers(t.app.deps);
      expect((await view(a.id)).status).toBe('accepted');

      await setClock('2026-03-10T01:00:00.000Z');
      await drainDueTimers(t.app.deps);
      for (const c of [a, b]) {
        const v = await view(c.id);
        expect(v.status).toBe('suspended');
        expect(v.pauses.at(-1)).toMatchObject({ kind: 'deferredMaterial', from: '2026-03-10', to: null });
        expect(v.actions.at(-1)).toMatchObject({ kind: 'deferredOverdue', role: 'system' });
        // returned after 15 working days from the suspension: the end of 31 March
        expect((await timers(c.id)).find((x) => x.kind === 'deferredReturn')).toMatchObject({ due_at: '2026-03-31T16:00:00.000Z', status: 'pending' });
      }
      expect(await auditOf(a.id, 'deferredOverdue')).toMatchObject([{ actor_name: 'system', role: 'system' }]);

      await setClock('2026-03-12T02:00:00.000Z');
      const va = await view(a.id);
      const resumed = await ok(move(t, clerk, a.id, 'supply', { version: va.version, materials: ['M03'] }));
      expect(resumed).toMatchObject({ status: 'accepted', deferred: { owed: [] } });

      await setClock('2026-03-31T15:00:00.000Z'); // the last day of the further period
      await drainDueTimers(t.app.deps);
      expect((await view(b.id)).status).toBe('suspended');

      await setClock('2026-03-31T16:00:00.000Z');
      await drainDueTimers(t.app.deps);
      const vb = await view(b.id);
      expect(vb.status).toBe('terminated');
      expect(vb.actions.at(-1)).toMatchObject({ kind: 'terminate', role: 'system', date: '2026-04-01', payload: { grounds: 'deferredMissing' } });
      expect(await auditOf(b.id, 'terminate')).toMatchObject([{ actor_name: 'system', role: 'system' }]);
      // the resumed case is untouched: its return timer fired as a no-op
      const after = await view(a.id);
      expect(after.status).toBe('accepted');
      expect(after.actions.map((x: { kind: string }) => x.kind)).not.toContain('terminate');
      expect((await timers(a.id)).find((x) => x.kind === 'deferredReturn')?.status).toBe('fired');
    });

    it('the stored light turns to warning, yellow and red card on the days the timers fire, then stops', async () => {
      const c = await intake(t, clerk, itemId);
      const a = await ok(move(t, clerk, c.id, 'accept', { version: c.version }));
      expect(a.deadlines).toEqual({ promised: '2026-03-16', statutory: '2026-03-30' });
      expect(await storedLight(c.id)).toBe('green');
      // warning 2 working days before the promised deadline: from Thursday 12 March
      expect((await timers(c.id)).filter((x) => x.kind === 'lightCheck')).toMatchObject([{ key: `lightCheck:${c.id}:2026-03-12`, due_at: '2026-03-11T16:00:00.000Z' }]);

      await setClock('2026-03-11T15:59:00.000Z');
      await drainDueTimers(t.app.deps);
      expect(await storedLight(c.id)).toBe('green');

      const steps: [string, string, string | null][] = [
        ['2026-03-11T16:00:00.000Z', 'warning', '2026-03-17'],
        ['2026-03-16T16:00:00.000Z', 'yellowCard', '2026-03-31'],
        ['2026-03-30T16:00:00.000Z', 'redCard', null],
      ];
      for (const [at, light, next] of steps) {
        await setClock(at);
        await drainDueTimers(t.app.deps);
        expect(await storedLight(c.id), at).toBe(light);
        const pending = (await timers(c.id)).filter((x) => x.status === 'pending');
        expect(pending.map((x) => x.key)).toEqual(next ? [`lightCheck:${c.id}:${next}`] : []);
      }
      const changes = await auditOf(c.id, 'lightChanged');
      expect(changes.map((x) => JSON.parse(x.payload).to)).toEqual(['warning', 'yellowCard', 'redCard']);
      expect(changes.every((x) => x.role === 'system')).toBe(true);
      // the case was not moved: only its projection
      expect((await view(c.id)).version).toBe(a.version);
    });

    it('a paused case keeps its light: the timer does nothing, and the move that resumes the clock schedules the next change', async () => {
      const item = await publishedItem(t, {
        code: 'SCJG-XK-0903',
        materials: [
          { code: 'M01', name: '食品经营许可申请书' },
          { code: 'M03', name: '场所平面图', deferrable: true },
        ],
      });
      const c = await intake(t, clerk, item);
      await ok(move(t, clerk, c.id, 'accept', { version: c.version, deferred: { materials: ['M03'], dueDate: '2026-03-09' } }));
      await setClock('2026-03-10T01:00:00.000Z');
      await drainDueTimers(t.app.deps); // suspended from 10 March
      await setClock('2026-03-12T01:00:00.000Z'); // the original warning day: the case is paused
      await drainDueTimers(t.app.deps);
      expect(await storedLight(c.id)).toBe('green');
      expect((await timers(c.id)).find((x) => x.key === `lightCheck:${c.id}:2026-03-12`)?.status).toBe('fired');

      await setClock('2026-03-13T02:00:00.000Z'); // Friday: handed in, the clock runs again
      const v = await view(c.id);
      const r = await ok(move(t, clerk, c.id, 'supply', { version: v.version, materials: ['M03'] }));
      // 10, 11, 12, 13 March paused: the promised deadline moves by four working days to 20 March
      expect(r.deadlines.promised).toBe('2026-03-20');
      expect((await timers(c.id)).filter((x) => x.status === 'pending' && x.kind === 'lightCheck').map((x) => x.key)).toEqual([`lightCheck:${c.id}:2026-03-18`]);
      await setClock('2026-03-17T16:00:00.000Z');
      await drainDueTimers(t.app.deps);
      expect(await storedLight(c.id)).toBe('warning');
    });
  });
}
