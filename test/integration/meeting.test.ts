/**
 * Joint review meetings (联审会) on both databases, the whole way: the supervisor schedules a
 * meeting on a joint case in review (the invited departments' staff see it); records it once held
 * with one department absent — its opinion closed as 缺席默认 by the system where the item says so,
 * left open where it does not; each decision becomes a task in its department's inbox with a
 * deadline and light, holding up the lead's decision until completed through the case's move.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/server/services/context.js';
import { createDepartment } from '../../src/server/services/organisation/index.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { move } from './case-helpers.js';
import { inbox, ok, staffIn, taskMove } from './case-review-helpers.js';
import { HELD, M, type MeetingWorld, STARTS_AT, jointCase, meetingWorld, ok200, record, recordBody, refused, schedule } from './meeting-helpers.js';

for (const dialect of dialects()) {
  describe(`joint review meetings [${dialect}]`, () => {
    let t: TestApp;
    let w: MeetingWorld;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      w = await meetingWorld(t);
    });
    afterEach(async () => t?.close());

    type Task = { id: string; kind: string; status: string; answer: string | null; deadline: string; name: string; assignee: { departmentId: string } };
    const view = (s: Session, id: string) => ok(t.as(s, { url: `/api/v1/cases/${id}` }));
    const taskOf = (c: { tasks: Task[] }, id: string) => c.tasks.find((x) => x.id === id)!;

    it('schedules, records with one department absent (缺席默认), turns decisions into tasks that hold up the decision until done', async () => {
      const c = await jointCase(t, w);
      const m = await ok200(schedule(t, w.supervisor, { caseId: c.id, topic: '项目消防与规划联审', place: '三楼联审会议室', startsAt: STARTS_AT }));
      expect(m).toMatchObject({ status: 'scheduled', caseNo: c.caseNo, startsAt: '2026-03-02T06:30:00.000Z', version: 1, leadDepartmentId: w.depts.a });
      expect(m.departments.map((d: { departmentId: string; attendance: null }) => [d.departmentId, d.attendance])).toEqual([[w.depts.a, null], [w.depts.b, null], [w.depts.c, null]]);

      // the invited departments' staff see it; another department's do not
      for (const s of [w.reviewers.b, w.reviewers.c, w.leader]) expect((await ok200(t.as(s, { url: `${M}?caseId=${c.id}` }))).total).toBe(1);
      const deptD = (await createDepartment(systemCtx(t.app.deps), { centerId: t.org.cityId, code: 'XFJY', name: '消防救援支队' })).id;
      const outsider = await staffIn(t, 'revD', 'reviewer', deptD);
      expect((await ok200(t.as(outsider, { url: M }))).total).toBe(0);
      await refused(t.as(outsider, { url: `${M}/${m.id}` }), 404);

      // not held yet
      await refused(record(t, w.supervisor, m.id, recordBody(w, m.version)), 409);
      t.clock.set(HELD);
      const decisions = [
        { departmentId: w.depts.b, content: '补充消防设计专篇并报审', limitDays: 2 },
        // worked by the lead department's leader, not its reviewers
        { departmentId: w.depts.a, content: '组织现场核查', limitDays: 1, role: 'deptLeader' },
      ];
      const r = await ok200(record(t, w.supervisor, m.id, recordBody(w, m.version, decisions)));
      expect(r).toMatchObject({ status: 'recorded', version: 2, minutes: expect.stringContaining('消防') });
      expect(r.departments.map((d: { attendance: string; attendees: string[] }) => [d.attendance, d.attendees])).toEqual([['present', ['张科长']], ['present', ['李工', '王工']], ['absent', []]]);
      expect(r.decisions.map((d: { seq: number; departmentId: string; limitDays: number }) => [d.seq, d.departmentId, d.limitDays])).toEqual([[1, w.depts.b, 2], [2, w.depts.a, 1]]);

      // deptC's silent opinion: closed by the system as 缺席默认, in the case history
      let v = await view(w.leader, c.id);
      expect(taskOf(v, '3.1')).toMatchObject({ status: 'completed', answer: 'absentConsent', closedOn: '2026-03-02' });
      expect(taskOf(v, '2.1').status).toBe('open');
      const closing = v.actions.find((a: { kind: string; payload: { taskId?: string } }) => a.kind === 'completeTask' && a.payload.taskId === '3.1');
      expect(closing).toMatchObject({ role: 'system', actorName: null, payload: { answer: 'absentConsent' } });
      // the decisions: open tasks of their departments, on their own limits (Mon + 2 / + 1 working days)
      const [forB, forA] = r.decisions.map((d: { taskId: string }) => taskOf(v, d.taskId));
      expect(forB).toMatchObject({ kind: 'meeting', status: 'open', deadline: '2026-03-04', assignee: { departmentId: w.depts.b } });
      expect(forA).toMatchObject({ kind: 'meeting', status: 'open', deadline: '2026-03-03', assignee: { departmentId: w.depts.a, role: 'deptLeader' } });
      const inboxB = await inbox(t, w.reviewers.b);
      expect(inboxB.items.map((x) => [x.taskId, x.deadline, x.light, x.workable])).toContainEqual([forB.id, '2026-03-04', 'warning', true]);
      expect(inboxB.items.map((x) => x.taskId)).not.toContain(forA.id);

      // deptB answers its opinion; the lead still cannot decide while the meeting's tasks are open
      v = await ok(taskMove(t, w.reviewers.b, c.id, '2.1', 'complete', { version: v.version, opinion: '同意', answer: 'agree' }));
      expect(v.availableActions).not.toContain('decide');
      await refused(move(t, w.leader, c.id, 'decide', { version: v.version, decision: { outcome: 'approved' } }), 409);
      // a department works its own meeting task only
      await refused(taskMove(t, w.reviewers.c, c.id, forB.id, 'complete', { version: v.version, opinion: '已办' }), 403);
      v = await ok(taskMove(t, w.reviewers.b, c.id, forB.id, 'complete', { version: v.version, opinion: '已补充消防设计专篇' }));
      await refused(taskMove(t, w.reviewers.a, c.id, forA.id, 'complete', { version: v.version, opinion: '现场核查无异常' }), 403);
      v = await ok(taskMove(t, w.leader, c.id, forA.id, 'complete', { version: v.version, opinion: '现场核查无异常' }));
      expect(taskOf(v, forB.id)).toMatchObject({ status: 'completed', answer: null });
      const decided = await ok(move(t, w.leader, c.id, 'decide', { version: v.version, decision: { outcome: 'approved' } }));
      expect(decided.outcome).toBe('approved');

      // the action log: the meeting's schedule and record, and the case moves the record made
      const log = await t.tdb.db.kysely.selectFrom('action_log').select(['entity', 'action', 'actor_id', 'payload']).where('entity_id', 'in', [m.id, c.id]).orderBy('pos').execute();
      expect(log.filter((x) => x.entity === 'meeting').map((x) => [x.action, x.actor_id])).toEqual([['schedule', t.org.users.supervisor], ['record', t.org.users.supervisor]]);
      const caseRows = log.filter((x) => x.entity === 'case' && x.actor_id === t.org.users.supervisor).map((x) => x.action);
      expect(caseRows).toEqual(['completeTask', 'openTask', 'openTask']);
      expect(JSON.parse(log.find((x) => x.action === 'record')!.payload)).toMatchObject({ absent: [w.depts.c], absentConsentTasks: ['3.1'], decisions: 2 });
    });

    it('leaves an absent department’s opinion open when the item does not count absence as consent', async () => {
      const c = await jointCase(t, w, false, 'SCJG-LS-0002');
      const m = await ok200(schedule(t, w.supervisor, { caseId: c.id, topic: '联审', place: '会议室', startsAt: STARTS_AT, departmentIds: [w.depts.a, w.depts.b, w.depts.c] }));
      t.clock.set(HELD);
      await ok200(record(t, w.supervisor, m.id, recordBody(w, m.version)));
      const v = await view(w.leader, c.id);
      expect(v.tasks.map((x: Task) => [x.id, x.status, x.answer])).toEqual([['2.1', 'open', null], ['3.1', 'open', null]]);
      expect(v.version).toBe(c.version);
    });
  });
}
