/**
 * Volunteer observation reports and the supervisors' handling of complaints, on both databases
 * with the test clock: filing, listing (own / center subtree), handling once with the version;
 * a complaint accepted → investigated → disposed → fed back (an inbox message to the hall
 * account) → archived, with its history; steps out of order refused (409); roles and scope.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWindow } from '../../src/server/services/organisation/windows-write.js';
import { systemCtx } from '../../src/server/services/context.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { H, registerMobile } from './hall-helpers.js';

const S = '/api/v1/supervision';

for (const dialect of dialects()) {
  describe(`supervision reports [${dialect}]`, () => {
    let t: TestApp;
    let windowId: string;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      t.clock.set('2026-03-02T02:00:00.000Z');
      windowId = (await createWindow(systemCtx(t.app.deps), { centerId: t.org.cityId, code: 'W01', name: '综合受理窗口', kind: 'comprehensive', servedDepartmentIds: [t.org.deptA, t.org.deptB] })).id;
    });
    afterEach(async () => t?.close());

    /** A supervisor of the county center only: outside the city's scope. */
    const countySupervisor = async (): Promise<Session> => {
      const k = t.tdb.db.kysely;
      const sup = await k.selectFrom('users').selectAll().where('id', '=', t.org.users.supervisor).executeTakeFirstOrThrow();
      const id = randomUUID();
      await k.insertInto('users').values({ ...sup, id, username: 'countysup', display_name: 'countysup', center_id: t.org.countyId }).execute();
      await k.insertInto('user_roles').values({ id: randomUUID(), user_id: id, role: 'supervisor', center_id: t.org.countyId, department_id: null }).execute();
      return t.login('countysup');
    };
    const post = (s: Session, url: string, payload: object) => t.as(s, { method: 'POST', url, payload });

    it('a volunteer files and lists their own; a supervisor lists the center\'s and handles one once; stale version 409; roles and scope', async () => {
      const vol = await t.login('volunteer');
      const body = { windowId, observedAt: '2026-03-02T01:30:00.000Z', content: '窗口人员在岗玩手机', rating: 'dissatisfied' };
      const filed = await post(vol, `${S}/observations`, body);
      expect(filed.statusCode, filed.body).toBe(200);
      const o = filed.json();
      expect(o).toMatchObject({ centerId: t.org.cityId, windowId, windowName: '综合受理窗口', volunteerUserId: t.org.users.volunteer, rating: 'dissatisfied', status: 'filed', version: 1 });
      // the future and an unknown window are refused, naming the field
      const future = await post(vol, `${S}/observations`, { ...body, observedAt: '2026-03-02T03:00:00.000Z' });
      expect(future.statusCode).toBe(400);
      expect(future.body).toContain('observedAt');
      const noWindow = await post(vol, `${S}/observations`, { ...body, windowId: 'nope' });
      expect(noWindow.statusCode).toBe(400);
      expect(noWindow.body).toContain('windowId');
      expect((await post(vol, `${S}/observations`, { ...body, rating: 'great' })).statusCode).toBe(400);

      expect((await t.as(vol, { url: `${S}/observations/mine` })).json()).toMatchObject({ total: 1, items: [{ id: o.id }] });
      // roles: a volunteer neither lists the center's nor handles; a clerk or supervisor does not file
      expect((await t.as(vol, { url: `${S}/observations` })).statusCode).toBe(403);
      expect((await post(vol, `${S}/observations/${o.id}/handle`, { version: 1, handling: 'x' })).statusCode).toBe(403);
      const sup = await t.login('supervisor');
      expect((await post(sup, `${S}/observations`, body)).statusCode).toBe(403);
      expect((await post(await t.login('clerk'), `${S}/observations`, body)).statusCode).toBe(403);

      // scope: a county supervisor sees nothing of the city and may not handle it
      const county = await countySupervisor();
      expect((await t.as(county, { url: `${S}/observations` })).json().total).toBe(0);
      expect((await post(county, `${S}/observations/${o.id}/handle`, { version: 1, handling: '越权' })).statusCode).toBe(403);

      expect((await t.as(sup, { url: `${S}/observations?status=filed` })).json()).toMatchObject({ total: 1, items: [{ id: o.id, volunteerName: 'volunteer' }] });
      t.clock.set('2026-03-02T05:00:00.000Z');
      const handled = await post(sup, `${S}/observations/${o.id}/handle`, { version: 1, handling: '已约谈窗口负责人' });
      expect(handled.statusCode, handled.body).toBe(200);
      expect(handled.json()).toMatchObject({ status: 'handled', handling: '已约谈窗口负责人', handledAt: '2026-03-02T05:00:00.000Z', version: 2 });
      expect((await post(sup, `${S}/observations/${o.id}/handle`, { version: 1, handling: '再次' })).statusCode).toBe(409);
      expect((await post(sup, `${S}/observations/${o.id}/handle`, { version: 2, handling: '再次' })).statusCode).toBe(409);
      expect((await t.as(vol, { url: `${S}/observations/mine?status=handled` })).json().items[0]).toMatchObject({ handling: '已约谈窗口负责人' });
      const audit = await t.tdb.db.kysely.selectFrom('action_log').select('action').where('entity', '=', 'observationReport').where('entity_id', '=', o.id).orderBy('pos').execute();
      expect(audit.map((a) => a.action)).toEqual(['file', 'handle']);
    });

    it('a complaint runs accept → investigate → dispose → feed back → archive with its history; wrong order 409 naming the status; stale 409; roles and scope', async () => {
      const applicant = await registerMobile(t, '13900000007');
      const filed = await post(applicant, `${H}/complaints`, { subject: 'window', windowId, content: '窗口午间无人' });
      expect(filed.statusCode, filed.body).toBe(200);
      const id = filed.json().id;
      let sup = await t.login('supervisor');
      const step = (s: Session, version: number, stepName: string, text?: string) => post(s, `${S}/complaints/${id}/steps`, { version, step: stepName, ...(text ? { text } : {}) });

      // roles and scope first: nothing changes
      expect((await step(await t.login('leader'), 1, 'accept')).statusCode).toBe(403);
      expect((await step(await t.login('volunteer'), 1, 'accept')).statusCode).toBe(403);
      expect((await t.as(applicant, { url: `${S}/complaints/${id}` })).statusCode).toBe(403);
      const county = await countySupervisor();
      expect((await step(county, 1, 'accept')).statusCode).toBe(403);
      expect((await t.as(county, { url: `${S}/complaints/${id}` })).statusCode).toBe(403);

      const got = await t.as(sup, { url: `${S}/complaints/${id}` });
      expect(got.json()).toMatchObject({ status: 'received', dueDate: '2026-03-09', overdue: false, history: [], version: 1, complainant: { mobile: '139****0007' } });

      // out of order: named status, 409
      const early = await step(sup, 1, 'dispose', '批评教育');
      expect(early.statusCode).toBe(409);
      expect(early.body).toContain('待受理');
      expect(early.body).toContain('received');

      let r = await step(sup, 1, 'accept');
      expect(r.statusCode, r.body).toBe(200);
      expect((await step(sup, 1, 'investigate', '调取监控')).statusCode).toBe(409); // stale version
      const noNotes = await step(sup, 2, 'investigate');
      expect(noNotes.statusCode).toBe(400);
      expect(noNotes.body).toContain('text');
      t.clock.set('2026-03-10T02:00:00.000Z'); // past the due date: overdue until fed back
      sup = await t.login('supervisor'); // the session idled out meanwhile
      r = await step(sup, 2, 'investigate', '调取监控，情况属实');
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ status: 'investigating', overdue: true, dueDate: '2026-03-09' });
      r = await step(sup, 3, 'investigate', '约谈窗口负责人');
      r = await step(sup, 4, 'dispose', '对窗口负责人批评教育');
      expect(r.json()).toMatchObject({ status: 'disposed', disposition: '对窗口负责人批评教育' });
      expect((await step(sup, 5, 'archive')).statusCode).toBe(409);
      r = await step(sup, 5, 'feedBack', '已核实并整改，感谢监督');
      expect(r.json()).toMatchObject({ status: 'fedBack', feedback: '已核实并整改，感谢监督', overdue: false });
      r = await step(sup, 6, 'archive');
      expect(r.statusCode, r.body).toBe(200);
      const done = r.json();
      expect(done).toMatchObject({ status: 'archived', dueDate: '2026-03-09', version: 7 });
      expect(done.history.map((h: { step: string }) => h.step)).toEqual(['accept', 'investigate', 'investigate', 'dispose', 'feedBack', 'archive']);
      expect(done.history[0]).toMatchObject({ by: t.org.users.supervisor, byName: 'supervisor', at: '2026-03-02T02:00:00.000Z' });
      expect(done.history[1]).toMatchObject({ text: '调取监控，情况属实', at: '2026-03-10T02:00:00.000Z' });
      expect((await step(sup, 7, 'accept')).body).toContain('已归档');

      // the feedback reached the complainant's message box queue, once
      const me = await t.tdb.db.kysely.selectFrom('users').select('id').where('phone', '=', '13900000007').executeTakeFirstOrThrow();
      const box = await t.tdb.db.kysely.selectFrom('outbox').select(['recipient_user_id', 'channel', 'payload']).where('template', '=', 'complaintFeedback').execute();
      expect(box).toHaveLength(1);
      expect(box[0]).toMatchObject({ channel: 'inbox' });
      expect(box[0].recipient_user_id).toBe(me.id);
      expect(box[0].payload).toContain('已核实并整改');
      // the hall's list shows the new status
      expect((await t.as(sup, { url: '/api/v1/supervision/complaints?status=archived' })).json().total).toBe(1);
      const audit = await t.tdb.db.kysely.selectFrom('action_log').select('action').where('entity', '=', 'complaint').where('entity_id', '=', id).orderBy('pos').execute();
      expect(audit.map((a) => a.action)).toEqual(['file', 'accept', 'investigate', 'investigate', 'dispose', 'feedBack', 'archive']);
    });
  });
}
