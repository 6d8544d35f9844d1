/**
 * Joint cases (联办件, issue 4 并联审批) on both databases: the lead accepts; one opinion task per
 * co-department opens at the same moment, each on its own limit; each department reads the case
 * and answers its own task from its inbox; an unreasoned 不同意 counts as consent; a silent one is
 * closed by deemed consent when its limit passes (or left to the cards under "escalate only");
 * the lead decides once all opinions are in.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/server/services/context.js';
import { createDepartment } from '../../src/server/services/organisation/index.js';
import { runDueTimers } from '../../src/server/services/timers/index.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { intake, move, publishedItem } from './case-helpers.js';
import { inbox, ok, staffIn, taskMove } from './case-review-helpers.js';

for (const dialect of dialects()) {
  describe(`joint cases [${dialect}]`, () => {
    let t: TestApp;
    let clerk: Session;
    let leader: Session;
    let depts: { b: string; c: string; d: string };
    let reviewers: { b: Session; c: Session; d: Session };
    beforeEach(async () => {
      t = await startTestApp(dialect);
      const sys = systemCtx(t.app.deps);
      const c = (await createDepartment(sys, { centerId: t.org.cityId, code: 'ZRZY', name: '自然资源和规划局' })).id;
      const d = (await createDepartment(sys, { centerId: t.org.cityId, code: 'XFJY', name: '消防救援支队' })).id;
      depts = { b: t.org.deptB, c, d };
      clerk = await t.login('clerk');
      leader = await t.login('leader');
      reviewers = { b: await staffIn(t, 'revB', 'reviewer', depts.b), c: await staffIn(t, 'revC', 'reviewer', c), d: await staffIn(t, 'revD', 'reviewer', d) };
    });
    afterEach(async () => t?.close());

    const jointItem = (silence: 'deemedConsent' | 'escalate', code = 'SCJG-LB-0001') =>
      publishedItem(t, {
        code,
        name: '大型餐饮项目联合审批',
        handlingClass: 'joint',
        coDepartmentIds: [depts.b, depts.c, depts.d],
        jointPolicy: { silence, absentConsent: true },
        procedure: [
          { name: '一窗受理并抄告', kind: 'accept', role: 'clerk', limitDays: 0 },
          { name: '住建部门意见', kind: 'review', role: 'reviewer', limitDays: 3, departmentId: depts.b },
          { name: '规划部门意见', kind: 'review', role: 'reviewer', limitDays: 5, departmentId: depts.c },
          { name: '消防部门意见', kind: 'review', role: 'reviewer', limitDays: 2, departmentId: depts.d },
          { name: '牵头部门决定', kind: 'decide', role: 'deptLeader', limitDays: 2 },
        ],
      });

    async function inReview(itemId: string) {
      const c = await intake(t, clerk, itemId);
      const a = await ok(move(t, clerk, c.id, 'accept', { version: c.version }));
      return ok(move(t, clerk, c.id, 'start-review', { version: a.version }));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const taskOf = (c: { tasks: any[] }, dept: string) => c.tasks.find((x) => x.assignee.departmentId === dept)!;
    const view = async (s: Session, id: string) => ok(t.as(s, { url: `/api/v1/cases/${id}` }));

    it('opens every opinion at once; each department answers its own; the lead decides once all are in', async () => {
      const itemId = await jointItem('deemedConsent');
      const c = await inReview(itemId);
      expect(c.tasks.map((x: { name: string; kind: string; status: string; deadline: string }) => [x.name, x.kind, x.status, x.deadline])).toEqual([
        ['住建部门意见', 'opinion', 'open', '2026-03-05'],
        ['规划部门意见', 'opinion', 'open', '2026-03-09'],
        ['消防部门意见', 'opinion', 'open', '2026-03-04'],
      ]);
      // each co-department finds its task and reads the case; none may decide
      for (const [k, s] of Object.entries(reviewers)) {
        const mine = await inbox(t, s);
        expect(mine.items.map((x: { taskName: string; workable: boolean }) => [x.taskName, x.workable]), k).toEqual([[taskOf(c, depts[k as keyof typeof depts]).name, true]]);
        expect((await t.as(s, { url: `/api/v1/cases/${c.id}` })).statusCode).toBe(200);
      }
      const notMine = await taskMove(t, reviewers.b, c.id, taskOf(c, depts.c).id, 'complete', { version: c.version, opinion: '同意', answer: 'agree' });
      expect(notMine.statusCode).toBe(403);
      const early = await move(t, leader, c.id, 'decide', { version: c.version, decision: { outcome: 'approved' } });
      expect(early.statusCode).toBe(409);

      let v = await ok(taskMove(t, reviewers.b, c.id, taskOf(c, depts.b).id, 'complete', { version: c.version, opinion: '同意', answer: 'agree' }));
      v = await ok(taskMove(t, reviewers.c, c.id, taskOf(c, depts.c).id, 'complete', { version: v.version, opinion: '   ', answer: 'disagree' }));
      expect(taskOf(v, depts.c)).toMatchObject({ status: 'completed', answer: 'agree' }); // 不同意 with no reason counts as consent
      v = await ok(taskMove(t, reviewers.d, c.id, taskOf(v, depts.d).id, 'complete', { version: v.version, opinion: '消防车道宽度不足', answer: 'disagree' }));
      expect(taskOf(v, depts.d)).toMatchObject({ answer: 'disagree', opinion: '消防车道宽度不足' });
      expect(v.availableActions).not.toContain('completeTask');
      const decided = await ok(move(t, leader, c.id, 'decide', { version: v.version, decision: { outcome: 'denied', reasons: ['消防部门不同意：消防车道宽度不足'], legalBasis: ['《中华人民共和国消防法》第十一条'] } }));
      expect(decided.outcome).toBe('denied');
      // a co-department sees the joint case in its case list too
      const listed = (await t.as(reviewers.b, { url: '/api/v1/cases' })).json();
      expect(listed.items.map((x: { id: string }) => x.id)).toContain(c.id);
    });

    it('closes a silent opinion as deemed consent the day after its limit, as the system, and lets the lead decide', async () => {
      const itemId = await jointItem('deemedConsent');
      const c = await inReview(itemId);
      let v = await ok(taskMove(t, reviewers.b, c.id, taskOf(c, depts.b).id, 'complete', { version: c.version, opinion: '同意', answer: 'agree' }));
      v = await ok(taskMove(t, reviewers.c, c.id, taskOf(c, depts.c).id, 'complete', { version: v.version, opinion: '同意', answer: 'agreeForward' }));
      // 消防 stays silent: its limit (2 working days from Mon 2 March) ends Wed 4 March
      t.clock.set('2026-03-04T08:00:00.000Z');
      await runDueTimers(t.app.deps);
      expect(taskOf(await view(await t.login('clerk'), c.id), depts.d).status).toBe('open');
      t.clock.set('2026-03-05T01:00:00.000Z');
      await runDueTimers(t.app.deps);
      const after = await view(await t.login('leader'), c.id);
      expect(taskOf(after, depts.d)).toMatchObject({ status: 'completed', answer: 'deemedConsent', closedOn: '2026-03-05' });
      expect(after.actions.at(-1)).toMatchObject({ kind: 'completeTask', role: 'system', actorName: null });
      expect(after.availableActions).toContain('decide');
      // fired once: a second sweep changes nothing
      await runDueTimers(t.app.deps);
      expect((await view(await t.login('leader'), c.id)).version).toBe(after.version);
    });

    it('leaves a silent opinion open under "escalate only": its light turns yellow instead', async () => {
      const itemId = await jointItem('escalate', 'SCJG-LB-0002');
      const c = await inReview(itemId);
      t.clock.set('2026-03-05T01:00:00.000Z');
      await runDueTimers(t.app.deps);
      const v = await view(await t.login('clerk'), c.id);
      expect(v.tasks.every((x: { status: string }) => x.status === 'open')).toBe(true);
      expect(taskOf(v, depts.d).light).toBe('yellowCard');
      expect(v.availableActions).not.toContain('decide');
    });
  });
}
