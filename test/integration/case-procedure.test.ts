/**
 * Special procedures and termination on both databases, with the TestClock: a case suspended for
 * one of its item's special procedures (reason, own limit) and resumed has its deadlines — the
 * case's and its open task's — moved by exactly the working days paused; termination by the
 * department's decider; 403 for roles the domain does not give the move; 400 naming the field;
 * every move in the verified action log.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/services/audit/verify.js';
import { systemCtx } from '../../src/server/services/context.js';
import { createDelegation } from '../../src/server/services/organisation/index.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { intake, move, publishedItem } from './case-helpers.js';
import { caseInReview, ok } from './case-review-helpers.js';

const PROCEDURES = { specialProcedures: ['expertReview', 'hearing'] as ('expertReview' | 'hearing')[] };

for (const dialect of dialects()) {
  describe(`special procedures and termination [${dialect}]`, () => {
    let t: TestApp;
    let clerk: Session;
    let reviewer: Session;
    let leader: Session;
    let itemId: string;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      [clerk, reviewer, leader] = [await t.login('clerk'), await t.login('reviewer'), await t.login('leader')];
      // sampleItem: promised 10 / statutory 20 working days; one 审查 task (reviewer, 5 days)
      itemId = await publishedItem(t, { code: 'SCJG-XK-0401', name: '特别程序测试事项', ...PROCEDURES });
    });
    afterEach(async () => t?.close());
    /** Moves the clock; sessions last 12 hours, so the staff sign in again that day. */
    const setClock = async (iso: string) => {
      t.clock.set(iso);
      [clerk, reviewer, leader] = [await t.login('clerk'), await t.login('reviewer'), await t.login('leader')];
    };
    const plusWorkdays = async (from: string, n: number) => {
      const r = await t.as(null, { url: `/api/v1/calendar/deadline?from=${from}&workdays=${n}` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json().due as string;
    };

    it('pauses the clock from suspension to resumption: the deadlines of the case and its task move by exactly the working days paused', async () => {
      const c = await caseInReview(t, clerk, itemId); // accepted Mon 2026-03-02
      expect(c.deadlines).toEqual({ promised: '2026-03-16', statutory: await plusWorkdays('2026-03-02', 20) });
      expect(c.tasks[0].deadline).toBe('2026-03-09');
      expect(c.availableActions).not.toContain('suspend'); // the clerk: not his move

      await setClock('2026-03-04T02:00:00.000Z'); // Wed
      const s = await ok(move(t, leader, c.id, 'suspend', { version: c.version, procedure: 'expertReview', reason: '组织专家现场评审', limitDays: 10 }));
      expect(s.status).toBe('suspended');
      expect(s.clock.paused).toBe(true);
      expect(s.pauses).toEqual([
        { kind: 'specialProcedure', procedure: 'expertReview', reason: '组织专家现场评审', limitDays: 10, deadline: '2026-03-18', light: 'green', from: '2026-03-04', to: null, workdays: 1 },
      ]);
      expect(s.availableActions).toContain('resume');

      await setClock('2026-03-09T02:00:00.000Z'); // three working days later (Mon)
      const during = await ok(t.as(leader, { url: `/api/v1/cases/${c.id}` }));
      expect(during.pauses[0].workdays).toBe(4); // 03-04, 03-05, 03-06, 03-09: both ends paused
      // the task's reviewer may resume it as well as the leader
      const r = await ok(move(t, reviewer, c.id, 'resume', { version: s.version }));
      expect(r.status).toBe('inReview');
      expect(r.clock).toMatchObject({ paused: false, elapsed: 1 }); // only 03-03 counted
      expect(r.pauses[0]).toMatchObject({ from: '2026-03-04', to: '2026-03-09', workdays: 4 });
      const paused = r.pauses[0].workdays;
      expect(r.deadlines).toEqual({ promised: await plusWorkdays(c.deadlines.promised, paused), statutory: await plusWorkdays(c.deadlines.statutory, paused) });
      expect(r.deadlines.promised).toBe('2026-03-20');
      expect(r.tasks[0].deadline).toBe(await plusWorkdays(c.tasks[0].deadline, paused));
      // the stored projection (lists, supervision) agrees with the folded view
      const row = await t.tdb.db.kysely.selectFrom('cases').select(['status', 'promised_due', 'statutory_due']).where('id', '=', c.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'inReview', promised_due: r.deadlines.promised, statutory_due: r.deadlines.statutory });

      const kinds = r.actions.map((a: { kind: string }) => a.kind);
      expect(kinds).toEqual(['submit', 'accept', 'startReview', 'openTask', 'suspend', 'resume']);
      expect(r.actions[4].payload).toEqual({ procedure: 'expertReview', reason: '组织专家现场评审', limitDays: 10 });
      const log = await t.tdb.db.kysely.selectFrom('action_log').select('action').where('entity', '=', 'case').where('entity_id', '=', c.id).orderBy('pos').execute();
      expect(log.map((l) => l.action)).toEqual(kinds);
      const v = await verifyAuditChain(t.app.deps);
      expect(v.ok, JSON.stringify(v.brokenAt)).toBe(true);
    });

    it('refuses a procedure the item does not list and other bad input (400, the field), roles without the move (403), and the wrong status (409)', async () => {
      const pending = await intake(t, clerk, itemId);
      const early = await move(t, leader, pending.id, 'suspend', { version: pending.version, procedure: 'hearing', reason: '听证', limitDays: 5 });
      expect(early.statusCode).toBe(409);
      expect(early.json().error.message).toContain('待受理');

      const c = await caseInReview(t, clerk, itemId);
      const bad = async (payload: object, field: string) => {
        const r = await move(t, leader, c.id, 'suspend', { version: c.version, procedure: 'hearing', reason: '举行听证', limitDays: 20, ...payload });
        expect(r.statusCode, r.body).toBe(400);
        expect(r.json().error.fields[0].field).toBe(field);
      };
      await bad({ procedure: 'auction' }, 'procedure'); // a special procedure, but not this item's
      await bad({ procedure: 'picnic' }, 'procedure');
      await bad({ reason: ' ' }, 'reason');
      await bad({ limitDays: 0 }, 'limitDays');
      await bad({ limitDays: 2.5 }, 'limitDays');
      for (const who of ['clerk', 'applicant', 'supervisor']) {
        const s = await t.login(who);
        const r = await move(t, s, c.id, 'suspend', { version: c.version, procedure: 'hearing', reason: '举行听证', limitDays: 20 });
        expect(r.statusCode, `${who}: ${r.body}`).toBe(403);
      }
      // the chief rep decides only delegated items: not this one
      const chief = await t.login('chiefrep');
      expect((await move(t, chief, c.id, 'suspend', { version: c.version, procedure: 'hearing', reason: '举行听证', limitDays: 20 })).statusCode).toBe(403);
      const notPaused = await move(t, leader, c.id, 'resume', { version: c.version });
      expect(notPaused.statusCode).toBe(409);
      expect(notPaused.json().error.message).toContain('审查中');

      const s = await ok(move(t, leader, c.id, 'suspend', { version: c.version, procedure: 'hearing', reason: '举行听证', limitDays: 20 }));
      const twice = await move(t, leader, c.id, 'suspend', { version: s.version, procedure: 'expertReview', reason: '再评审', limitDays: 5 });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.message).toContain('暂停计时');
      expect((await move(t, clerk, c.id, 'resume', { version: s.version })).statusCode).toBe(403);
      const stale = await move(t, leader, c.id, 'resume', { version: c.version });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('conflict');
    });

    it('terminates an open case by the department leader (tasks cancelled, clock stopped), or by the chief rep on a delegated item; others get 403', async () => {
      const c = await caseInReview(t, clerk, itemId);
      for (const who of ['clerk', 'reviewer', 'supervisor', 'applicant']) {
        const s = await t.login(who);
        const r = await move(t, s, c.id, 'terminate', { version: c.version, reason: '申请人已注销' });
        expect(r.statusCode, `${who}: ${r.body}`).toBe(403);
      }
      const chief = await t.login('chiefrep');
      expect((await move(t, chief, c.id, 'terminate', { version: c.version, reason: '申请人已注销' })).statusCode).toBe(403);
      const blank = await move(t, leader, c.id, 'terminate', { version: c.version, reason: '' });
      expect(blank.statusCode).toBe(400);
      expect(blank.json().error.fields[0].field).toBe('reason');
      const pledge = await move(t, leader, c.id, 'terminate', { version: c.version, grounds: 'falsePledge', reason: '承诺不实' });
      expect(pledge.statusCode).toBe(400);
      expect(pledge.json().error.fields[0].field).toBe('grounds');
      const grounds = await move(t, leader, c.id, 'terminate', { version: c.version, grounds: 'whim', reason: '无' });
      expect(grounds.statusCode).toBe(400);
      expect(grounds.json().error.fields[0].field).toBe('grounds');

      await setClock('2026-03-04T02:00:00.000Z');
      const s = await ok(move(t, leader, c.id, 'suspend', { version: c.version, procedure: 'hearing', reason: '举行听证', limitDays: 20 }));
      const done = await ok(move(t, leader, c.id, 'terminate', { version: s.version, reason: '申请人营业执照被吊销，申请事项已无法继续办理' }));
      expect(done.status).toBe('terminated');
      expect(done.tasks.map((x: { status: string }) => x.status)).toEqual(['cancelled']);
      expect(done.pauses[0].to).toBe('2026-03-04'); // the pause ends with the case
      expect(done.clock).toMatchObject({ stopped: true, paused: false });
      expect(done.availableActions).toEqual([]);
      const again = await move(t, leader, c.id, 'terminate', { version: done.version, reason: '再次终止' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toContain('已终止');

      // a delegated item: its chief rep is the decider at the window
      const delegated = await publishedItem(t, { code: 'SCJG-XK-0402', name: '授权终止测试事项', ...PROCEDURES });
      await createDelegation(systemCtx(t.app.deps), { departmentId: t.org.deptA, itemId: delegated });
      const d = await intake(t, clerk, delegated);
      const a = await ok(move(t, clerk, d.id, 'accept', { version: d.version }));
      const byChief = await ok(move(t, await t.login('chiefrep'), d.id, 'terminate', { version: a.version, reason: '申请事项已由上级统一办理' }));
      expect(byChief.status).toBe('terminated');
      expect(byChief.actions.at(-1)).toMatchObject({ kind: 'terminate', role: 'chiefRep', payload: { grounds: 'other', reason: '申请事项已由上级统一办理' } });
      const log = await t.tdb.db.kysely.selectFrom('action_log').select('action').where('entity', '=', 'case').where('entity_id', '=', c.id).orderBy('pos').execute();
      expect(log.map((l) => l.action)).toEqual(done.actions.map((x: { kind: string }) => x.kind));
      expect((await verifyAuditChain(t.app.deps)).ok).toBe(true);
    });
  });
}
