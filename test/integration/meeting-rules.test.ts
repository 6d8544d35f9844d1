/**
 * Joint review meetings (联审会) on both databases: rescheduling and cancelling with version
 * checks (409 when stale), bad input refused with the field named (400, nothing written),
 * meetings only on joint cases in review, and scope — only the supervision office of the case's
 * center tree schedules or records (another center's supervisor: 403, and the meeting is not
 * even visible to them).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/server/services/context.js';
import { createDepartment, createStaffUser } from '../../src/server/services/organisation/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { caseInReview, reviewItem } from './case-review-helpers.js';
import { HELD, M, type MeetingWorld, STARTS_AT, countySupervisor, jointCase, meetingWorld, ok200, record, recordBody, refused, schedule } from './meeting-helpers.js';

for (const dialect of dialects()) {
  describe(`joint review meeting rules [${dialect}]`, () => {
    let t: TestApp;
    let w: MeetingWorld;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      w = await meetingWorld(t);
    });
    afterEach(async () => t?.close());

    const base = (caseId: string) => ({ caseId, topic: '项目联审', place: '三楼会议室', startsAt: STARTS_AT });
    const put = (id: string, payload: object) => t.as(w.supervisor, { method: 'PUT', url: `${M}/${id}`, payload });
    const cancel = (id: string, payload: object) => t.as(w.supervisor, { method: 'POST', url: `${M}/${id}/cancel`, payload });

    it('lets the staff of a county department invited to a city case\u2019s meeting see it, and not others of the county', async () => {
      const sys = systemCtx(t.app.deps);
      await createStaffUser(sys, { username: 'revCounty', displayName: '县审批员', password: 'Meeting2026pw!', grants: [{ role: 'reviewer', centerId: t.org.countyId, departmentId: t.org.deptCounty }] });
      const other = (await createDepartment(sys, { centerId: t.org.countyId, code: 'XZF', name: '县住建局' })).id;
      await createStaffUser(sys, { username: 'revCounty2', displayName: '县住建审批员', password: 'Meeting2026pw!', grants: [{ role: 'reviewer', centerId: t.org.countyId, departmentId: other }] });
      const c = await jointCase(t, w);
      const m = await ok200(schedule(t, w.supervisor, { ...base(c.id), departmentIds: [w.depts.a, t.org.deptCounty] }));
      const county = await t.login('revCounty', 'Meeting2026pw!');
      expect((await ok200(t.as(county, { url: M }))).items.map((x: { id: string }) => x.id)).toEqual([m.id]);
      expect((await ok200(t.as(county, { url: `${M}/${m.id}` }))).id).toBe(m.id);
      const notInvited = await t.login('revCounty2', 'Meeting2026pw!');
      expect((await ok200(t.as(notInvited, { url: M }))).total).toBe(0);
      await refused(t.as(notInvited, { url: `${M}/${m.id}` }), 404);
    });

    it('reschedules and cancels a scheduled meeting, each on its version; a stale version gets 409', async () => {
      const c = await jointCase(t, w);
      const m = await ok200(schedule(t, w.supervisor, base(c.id)));
      const moved = await ok200(put(m.id, { version: 1, topic: '项目联审（改期）', place: '五楼会议室', startsAt: '2026-03-04T15:00:00+08:00', departmentIds: [w.depts.a, w.depts.b] }));
      expect(moved).toMatchObject({ version: 2, place: '五楼会议室', startsAt: '2026-03-04T07:00:00.000Z', status: 'scheduled' });
      expect(moved.departments.map((d: { departmentId: string }) => d.departmentId)).toEqual([w.depts.a, w.depts.b]);
      await refused(put(m.id, { version: 1, topic: 'x', place: 'y', startsAt: STARTS_AT, departmentIds: [w.depts.a] }), 409);
      await refused(cancel(m.id, { version: 1, reason: '申请人要求延期' }), 409);
      await refused(record(t, w.supervisor, m.id, { ...recordBody(w, 1), attendance: recordBody(w, 1).attendance.slice(0, 2) }), 409);
      const cancelled = await ok200(cancel(m.id, { version: 2, reason: '申请人要求延期' }));
      expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '申请人要求延期', version: 3 });
      // a cancelled meeting is neither moved nor recorded
      await refused(put(m.id, { version: 3, topic: 'x', place: 'y', startsAt: STARTS_AT, departmentIds: [w.depts.a] }), 409);
      const listed = await ok200(t.as(w.supervisor, { url: `${M}?status=cancelled&from=2026-03-04&to=2026-03-04` }));
      expect(listed.items.map((x: { id: string }) => x.id)).toEqual([m.id]);
      expect((await ok200(t.as(w.supervisor, { url: `${M}?status=cancelled&from=2026-03-05` }))).total).toBe(0);
      const log = await t.tdb.db.kysely.selectFrom('action_log').select('action').where('entity_id', '=', m.id).orderBy('pos').execute();
      expect(log.map((x) => x.action)).toEqual(['schedule', 'reschedule', 'cancel']);
    });

    it('refuses bad input with the field named, in Chinese and English, and writes nothing', async () => {
      const c = await jointCase(t, w);
      await refused(schedule(t, w.supervisor, { ...base(c.id), topic: '' }), 400, 'topic');
      await refused(schedule(t, w.supervisor, { ...base(c.id), startsAt: '明天上午' }), 400, 'startsAt');
      await refused(schedule(t, w.supervisor, { ...base(c.id), startsAt: '2026-03-01T09:00:00+08:00' }), 400, 'startsAt');
      const unknown = await refused(schedule(t, w.supervisor, { ...base(c.id), departmentIds: [w.depts.a, 'no-such-department'] }), 400, 'departmentIds.1');
      expect(unknown.error.fields[0]).toMatchObject({ message: expect.stringContaining('部门'), messageEn: expect.stringContaining('department') });
      await refused(schedule(t, w.supervisor, { ...base('no-such-case') }), 400, 'caseId');
      const promised = await caseInReview(t, w.clerk, await reviewItem(t));
      await refused(schedule(t, w.supervisor, base(promised.id)), 400, 'caseId');
      await refused(schedule(t, w.supervisor, { ...base(c.id), departmentIds: [w.depts.a, w.depts.a] }), 400, 'departmentIds.1');
      expect(await t.tdb.db.kysely.selectFrom('meetings').select('id').execute()).toHaveLength(0);

      const m = await ok200(schedule(t, w.supervisor, base(c.id)));
      t.clock.set(HELD);
      const body = recordBody(w, m.version, [{ departmentId: w.depts.b, content: '补充材料', limitDays: 2 }]);
      await refused(record(t, w.supervisor, m.id, { ...body, minutes: ' ' }), 400, 'minutes');
      await refused(record(t, w.supervisor, m.id, { ...body, attendance: body.attendance.slice(1) }), 400, 'attendance');
      await refused(record(t, w.supervisor, m.id, { ...body, attendance: [{ ...body.attendance[0], attendees: [] }, ...body.attendance.slice(1)] }), 400, 'attendance.0.attendees');
      await refused(record(t, w.supervisor, m.id, { ...body, decisions: [{ departmentId: t.org.deptCounty, content: '补充材料', limitDays: 2 }] }), 400, 'decisions.0.departmentId');
      await refused(record(t, w.supervisor, m.id, { ...body, decisions: [{ departmentId: w.depts.b, content: '补充材料', limitDays: 0 }] }), 400, 'decisions.0.limitDays');
      await refused(record(t, w.supervisor, m.id, { ...body, attendance: [...body.attendance.slice(0, 2), { departmentId: w.depts.c, attendance: 'late' }] }), 400, 'attendance.2.attendance');
      // nothing written: the meeting still scheduled at version 1, the case untouched
      expect(await ok200(t.as(w.supervisor, { url: `${M}/${m.id}` }))).toMatchObject({ status: 'scheduled', version: 1, decisions: [] });
      const v = await ok200(t.as(w.leader, { url: `/api/v1/cases/${c.id}` }));
      expect(v.version).toBe(c.version);
      expect(v.tasks.map((x: { status: string }) => x.status)).toEqual(['open', 'open']);
    });

    it('records a meeting once when two records race: one 200, one 409, the decisions opened once', async () => {
      const c = await jointCase(t, w);
      const m = await ok200(schedule(t, w.supervisor, base(c.id)));
      t.clock.set(HELD);
      const body = recordBody(w, m.version, [{ departmentId: w.depts.b, content: '补充材料', limitDays: 2 }]);
      const [r1, r2] = await Promise.all([record(t, w.supervisor, m.id, body), record(t, w.supervisor, m.id, body)]);
      expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
      const v = await ok200(t.as(w.leader, { url: `/api/v1/cases/${c.id}` }));
      expect(v.tasks.filter((x: { kind: string }) => x.kind === 'meeting')).toHaveLength(1);
      expect(v.tasks.filter((x: { answer: string | null }) => x.answer === 'absentConsent')).toHaveLength(1);
      expect(await t.tdb.db.kysely.selectFrom('meeting_decisions').select('id').where('meeting_id', '=', m.id).execute()).toHaveLength(1);
    });

    it('holds meetings on joint cases in review only, before the decision', async () => {
      const c = await jointCase(t, w);
      const m = await ok200(schedule(t, w.supervisor, base(c.id)));
      // the case leaves review: a withdrawal
      const wd = await ok200(t.as(w.clerk, { method: 'POST', url: `/api/v1/cases/${c.id}/withdraw`, payload: { version: c.version, reason: '申请人撤回' } }));
      expect(wd.status).toBe('withdrawn');
      await refused(schedule(t, w.supervisor, base(c.id)), 409);
      t.clock.set(HELD);
      await refused(record(t, w.supervisor, m.id, recordBody(w, m.version)), 409);
      expect((await ok200(t.as(w.supervisor, { url: `${M}/${m.id}` }))).status).toBe('scheduled');
    });

    it("keeps meetings to the case's center tree: another center's supervisor is refused and does not see them; staff without supervision:manage cannot schedule", async () => {
      const c = await jointCase(t, w);
      const county = await countySupervisor(t);
      await refused(schedule(t, county, base(c.id)), 403);
      await refused(schedule(t, w.reviewers.b, base(c.id)), 403);
      await refused(schedule(t, w.leader, base(c.id)), 403);
      const m = await ok200(schedule(t, w.supervisor, base(c.id)));
      await refused(t.as(county, { url: `${M}/${m.id}` }), 404);
      expect((await ok200(t.as(county, { url: M }))).total).toBe(0);
      await refused(t.as(county, { method: 'POST', url: `${M}/${m.id}/cancel`, payload: { version: 1, reason: '越权' } }), 403);
      t.clock.set(HELD);
      await refused(record(t, county, m.id, recordBody(w, 1)), 403);
      await refused(record(t, w.leader, m.id, recordBody(w, 1)), 403);
      expect((await ok200(t.as(w.supervisor, { url: `${M}/${m.id}` }))).version).toBe(1);
    });
  });
}
