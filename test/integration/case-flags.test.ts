/**
 * Green channel (绿色通道), credit records and the 容缺 bar, false pledges recorded against the
 * applicant, denial reports (否定报备) and forwarded cases tracked to their answer (上报跟踪), on
 * both databases. Time moves only when the test says so.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDueTimers } from '../../src/server/services/timers/index.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { ID_NUMBER, intake, move, person, publishedItem } from './case-helpers.js';
import { inbox, ok } from './case-review-helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fields = (r: { json(): any }) => r.json().error.fields.map((f: { field: string }) => f.field);

for (const dialect of dialects()) {
  describe(`case flags [${dialect}]`, () => {
    let t: TestApp;
    let clerk: Session;
    let leader: Session;
    let supervisor: Session;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      clerk = await t.login('clerk');
      leader = await t.login('leader');
      supervisor = await t.login('supervisor');
    });
    afterEach(async () => t?.close());
    const k = () => t.tdb.db.kysely;
    const userId = async (username: string) => (await k().selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

    it('flags a case for the green channel with an escort, sorts it first in the list and the inbox, and lifts it with a reason', async () => {
      const item = await publishedItem(t);
      const first = await intake(t, clerk, item);
      const second = await intake(t, clerk, item, person({ name: '李四' }));
      const escort = await userId('leader');
      const url = (id: string) => `/api/v1/cases/${id}/green-channel`;
      const post = (s: Session, id: string, payload: object) => t.as(s, { method: 'POST', url: url(id), payload });

      const noReason = await post(clerk, first.id, { version: 1, on: true, escortId: escort, reason: ' ' });
      expect(noReason.statusCode).toBe(400);
      expect(fields(noReason)).toEqual(['reason']);
      const noEscort = await post(clerk, first.id, { version: 1, on: true, reason: '市重点项目' });
      expect(fields(noEscort)).toEqual(['escortId']);
      const badEscort = await post(clerk, first.id, { version: 1, on: true, escortId: await userId('applicant'), reason: '市重点项目' });
      expect(badEscort.statusCode).toBe(400);
      expect(fields(badEscort)).toEqual(['escortId']);
      expect((await post(await t.login('reviewer'), first.id, { version: 1, on: true, escortId: escort, reason: 'x' })).statusCode).toBe(403);
      // the escort works at the case's center: not the county's staff
      const otherCenter = await post(clerk, first.id, { version: 1, on: true, escortId: await userId('countyadmin'), reason: '市重点项目' });
      expect(otherCenter.statusCode).toBe(400);
      expect(fields(otherCenter)).toEqual(['escortId']);

      const flagged = await ok(post(clerk, first.id, { version: 1, on: true, escortId: escort, reason: '市重点项目' }));
      expect(flagged.greenChannel).toEqual({ escortId: escort, escortName: expect.any(String), reason: '市重点项目', since: '2026-03-02' });
      expect(flagged.actions.at(-1)).toMatchObject({ kind: 'greenChannel', payload: { on: true, escortId: escort, reason: '市重点项目' } });
      const stale = await post(clerk, first.id, { version: 1, on: false, reason: '撤销' });
      expect(stale.statusCode).toBe(409);

      // the list: flagged first although taken in earlier
      const list = await ok(t.as(clerk, { url: '/api/v1/cases' }));
      expect(list.items.map((c: { id: string; greenChannel: boolean }) => [c.id, c.greenChannel])).toEqual([[first.id, true], [second.id, false]]);
      // the inbox: flagged first although its task's deadline is the same
      for (const c of [second, flagged]) {
        const a = await ok(move(t, clerk, c.id, 'accept', { version: c.version }));
        await ok(move(t, clerk, c.id, 'start-review', { version: a.version }));
      }
      const tasks = await inbox(t, await t.login('reviewer'));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      expect(tasks.items.map((x: any) => [x.caseId, x.greenChannel])).toEqual([[first.id, true], [second.id, false]]);

      // the monitor: the flagged case's lines first
      const mon = await ok(t.as(supervisor, { url: '/api/v1/supervision/monitor' }));
      expect(mon.items[0]).toMatchObject({ caseId: first.id, greenChannel: true });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      expect(mon.items.filter((i: any) => i.caseId === second.id).map((i: any) => i.greenChannel)).toEqual(expect.arrayContaining([false]));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      expect(mon.items.filter((i: any) => i.caseId === second.id).every((i: any) => !i.greenChannel)).toBe(true);
      const now = await ok(t.as(clerk, { url: `/api/v1/cases/${first.id}` }));
      const lifted = await ok(post(leader, first.id, { version: now.version, on: false, reason: '项目已落地' }));
      expect(lifted.greenChannel).toBeNull();
      const again = await post(leader, first.id, { version: lifted.version, on: false, reason: '再次撤销' });
      expect(fields(again)).toEqual(['on']);
      const row = await k().selectFrom('cases').select(['green_channel', 'escort_id']).where('id', '=', first.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ green_channel: 0, escort_id: null });
      // a flagged case that is closed no longer sorts first (its history keeps the flag)
      const third = await intake(t, clerk, item, person({ name: '王五' }));
      const f3 = await ok(post(clerk, third.id, { version: third.version, on: true, escortId: escort, reason: '重点项目' }));
      const gone = await ok(move(t, clerk, third.id, 'withdraw', { version: f3.version, reason: '申请人撤回' }));
      expect(gone.greenChannel).not.toBeNull();
      expect((await k().selectFrom('cases').select('green_channel').where('id', '=', third.id).executeTakeFirstOrThrow()).green_channel).toBe(0);
      const log = await k().selectFrom('action_log').select('action').where('entity_id', '=', first.id).orderBy('pos').execute();
      expect(log.map((l) => l.action).filter((a) => a === 'greenChannel')).toHaveLength(2);
    });

    it('bars 容缺 for an applicant with an active bad-credit record, in one all-or-nothing move, until the record is lifted', async () => {
      const item = await publishedItem(t, {
        code: 'SCJG-XK-0911',
        materials: [{ code: 'M01', name: '申请书' }, { code: 'M03', name: '场所平面图', deferrable: true }],
      });
      const records = '/api/v1/supervision/credit-records';
      const badNo = await t.as(supervisor, { method: 'POST', url: records, payload: { centerId: t.org.cityId, subjectKind: 'person', subjectNo: '370102199003071230', subjectName: '张三', reason: '虚假材料' } });
      expect(badNo.statusCode).toBe(400);
      expect(fields(badNo)).toEqual(['subjectNo']);
      expect((await t.as(clerk, { method: 'POST', url: records, payload: { centerId: t.org.cityId, subjectKind: 'person', subjectNo: ID_NUMBER, subjectName: '张三', reason: 'x' } })).statusCode).toBe(403);
      const rec = await ok(t.as(supervisor, { method: 'POST', url: records, payload: { centerId: t.org.cityId, subjectKind: 'person', subjectNo: ID_NUMBER.toLowerCase(), subjectName: '张三', reason: '提供虚假材料骗取许可' } }));
      expect(rec).toMatchObject({ subjectNo: ID_NUMBER, source: 'manual', active: true, version: 1 });
      // masked in a list, in full when looked up by the number
      const listed = await ok(t.as(supervisor, { url: `${records}?active=true` }));
      expect(listed.items[0].subjectNo).not.toBe(ID_NUMBER);
      expect((await ok(t.as(supervisor, { url: `${records}?subjectNo=${ID_NUMBER}` }))).items[0].subjectNo).toBe(ID_NUMBER);
      // an empty number looks nothing up: the list stays masked
      for (const blank of ['', '%20']) expect((await ok(t.as(supervisor, { url: `${records}?subjectNo=${blank}` }))).items[0].subjectNo).not.toBe(ID_NUMBER);
      expect(await ok(t.as(clerk, { url: `/api/v1/credit-check?subjectNo=${ID_NUMBER}` }))).toEqual({ badCredit: true });

      const c = await intake(t, clerk, item);
      const deferred = { materials: ['M03'], dueDate: '2026-03-06' };
      const barred = await move(t, clerk, c.id, 'accept', { version: 1, deferred });
      expect(barred.statusCode).toBe(422);
      expect(fields(barred)).toEqual(['deferred']);
      expect(barred.json().error.fields[0].message).toContain('失信');
      const row = await k().selectFrom('cases').select(['status', 'version']).where('id', '=', c.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'submitted', version: 1 });
      expect(await k().selectFrom('case_notices').select('id').where('case_id', '=', c.id).execute()).toEqual([]);

      const lifted = await ok(t.as(supervisor, { method: 'POST', url: `${records}/${rec.id}/lift`, payload: { version: 1, reason: '信用修复' } }));
      expect(lifted).toMatchObject({ active: false, liftReason: '信用修复', version: 2 });
      // lifting a record found in the (masked) list does not reveal the number
      expect(lifted.subjectNo).not.toBe(ID_NUMBER);
      expect((await t.as(supervisor, { method: 'POST', url: `${records}/${rec.id}/lift`, payload: { version: 1, reason: '再次' } })).statusCode).toBe(409);
      expect(await ok(t.as(clerk, { url: `/api/v1/credit-check?subjectNo=${ID_NUMBER}` }))).toEqual({ badCredit: false });
      const a = await ok(move(t, clerk, c.id, 'accept', { version: 1, deferred }));
      expect(a.deferred.owed).toEqual(['M03']);
    });

    it('records a false pledge against the applicant when the case is terminated for it, and the record then bars 容缺', async () => {
      const item = await publishedItem(t, {
        code: 'SCJG-XK-0912',
        materials: [{ code: 'M01', name: '申请书' }, { code: 'M02', name: '营业执照', pledgeable: true }, { code: 'M03', name: '场所平面图', deferrable: true }],
      });
      const c = await intake(t, clerk, item);
      const a = await ok(move(t, clerk, c.id, 'accept', { version: 1, pledged: ['M02'] }));
      const d = await ok(move(t, leader, c.id, 'decide', { version: a.version, decision: { outcome: 'approved' } }));
      const done = await ok(move(t, leader, c.id, 'conclude', { version: d.version }));
      const ended = await ok(move(t, leader, c.id, 'terminate', { version: done.version, grounds: 'falsePledge', reason: '核查发现营业执照承诺不实' }));
      expect(ended).toMatchObject({ status: 'terminated' });
      const rec = await k().selectFrom('credit_records').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
      expect(rec).toMatchObject({ subject_no: ID_NUMBER, subject_kind: 'person', source: 'falsePledge', lifted_at: null });
      expect(rec.reason).toContain(c.caseNo);
      const next = await intake(t, clerk, item);
      const barred = await move(t, clerk, next.id, 'accept', { version: 1, deferred: { materials: ['M03'], dueDate: '2026-03-06' } });
      expect(barred.statusCode).toBe(422);
      expect((await k().selectFrom('action_log').select('action').where('entity', '=', 'creditRecord').execute()).map((r) => r.action)).toEqual(['create']);
    });

    it('reports a denial of an investment-project item to the liaison and the center once, and not for other items', async () => {
      const invest = await publishedItem(t, { code: 'SCJG-TZ-0001', name: '企业投资项目核准', investmentProject: true });
      const plain = await publishedItem(t, { code: 'SCJG-XK-0913' });
      const deny = async (itemId: string) => {
        const c = await intake(t, clerk, itemId);
        const a = await ok(move(t, clerk, c.id, 'accept', { version: 1 }));
        await ok(move(t, leader, c.id, 'decide', { version: a.version, decision: { outcome: 'denied', reasons: ['不符合产业政策'], legalBasis: ['《企业投资项目核准和备案管理条例》第九条'] } }));
        return c;
      };
      const c = await deny(invest);
      await deny(plain);
      const reports = await k().selectFrom('denial_reports').selectAll().execute();
      expect(reports.map((r) => [r.case_id, r.department_id, JSON.parse(r.reasons)])).toEqual([[c.id, t.org.deptA, ['不符合产业政策']]]);
      const out = await k().selectFrom('outbox').select(['channel', 'recipient', 'recipient_user_id', 'payload']).where('template', '=', 'denialReport').execute();
      // an SMS to the liaison's phone, an in-app message to the department's leader and the city's supervisor
      expect(out.filter((o) => o.channel === 'sms').map((o) => o.recipient)).toEqual(['13800000000']);
      expect(out.filter((o) => o.channel === 'inbox').map((o) => o.recipient_user_id).sort()).toEqual([await userId('leader'), await userId('supervisor')].sort());
      expect(JSON.parse(out[0].payload).body).toContain(c.caseNo);

      const url = '/api/v1/supervision/denial-reports';
      const list = await ok(t.as(supervisor, { url: `${url}?acknowledged=false` }));
      expect(list.items).toEqual([expect.objectContaining({ caseId: c.id, caseNo: c.caseNo, itemName: '企业投资项目核准', reasons: ['不符合产业政策'], acknowledgedAt: null })]);
      expect((await ok(t.as(await t.login('leaderB'), { url }))).items).toEqual([]);
      const id = list.items[0].id;
      expect((await t.as(clerk, { method: 'POST', url: `${url}/${id}/acknowledge`, payload: { version: 1 } })).statusCode).toBe(403);
      const ack = await ok(t.as(leader, { method: 'POST', url: `${url}/${id}/acknowledge`, payload: { version: 1 } }));
      expect(ack.acknowledgedByName).toBeTruthy();
      expect((await t.as(supervisor, { method: 'POST', url: `${url}/${id}/acknowledge`, payload: { version: 2 } })).statusCode).toBe(409);
    });

    it('tracks a forwarded case to its answer: unanswered past the due date it becomes an anomaly and the office is told; answered in time, nothing', async () => {
      const item = await publishedItem(t, { code: 'SCJG-XK-0914', name: '上报跟踪事项', handlingClass: 'reportUp' });
      const forward = async (answerDue?: string) => {
        const c = await intake(t, clerk, item);
        const a = await ok(move(t, clerk, c.id, 'accept', { version: 1 }));
        return move(t, leader, c.id, 'decide', { version: a.version, decision: { outcome: 'forwarded', authority: '省市场监督管理局', ...(answerDue ? { answerDue } : {}) } });
      };
      const past = await forward('2026-03-01');
      expect(past.statusCode).toBe(400);
      expect(fields(past)).toEqual(['decision.answerDue']);
      const late = await ok(forward('2026-03-04'));
      const answered = await ok(forward('2026-03-04'));
      expect(late.forward.answerDue).toBe('2026-03-04');
      await ok(move(t, clerk, answered.id, 'forward-answer', { version: answered.version, result: 'approved', reference: '鲁市监许〔2026〕3号' }));

      t.clock.set('2026-03-04T08:00:00.000Z');
      await runDueTimers(t.app.deps);
      expect(await k().selectFrom('anomalies').select('id').where('rule', '=', 'forwardUnanswered').execute()).toEqual([]);
      t.clock.set('2026-03-05T01:00:00.000Z');
      await runDueTimers(t.app.deps);
      const found = await k().selectFrom('anomalies').selectAll().where('rule', '=', 'forwardUnanswered').execute();
      expect(found.map((a) => a.case_id)).toEqual([late.id]);
      expect(found[0].message).toContain('2026-03-04');
      const told = await k().selectFrom('outbox').select('recipient_user_id').where('template', '=', 'forwardUnanswered').execute();
      expect(told.map((o) => o.recipient_user_id).sort()).toEqual([await userId('leader'), await userId('supervisor')].sort());
      // fired once: running again finds nothing new
      await runDueTimers(t.app.deps);
      expect(await k().selectFrom('anomalies').select('id').where('rule', '=', 'forwardUnanswered').execute()).toHaveLength(1);
      // sessions idle out while the clock jumps: sign in again
      const anomalies = await ok(t.as(await t.login('supervisor'), { url: '/api/v1/supervision/anomalies?rule=forwardUnanswered' }));
      expect(anomalies.items.map((a: { caseId: string }) => a.caseId)).toEqual([late.id]);
    });

    it('returns a case whose 容缺 materials stay missing after the center’s further period (a setting, default 15 working days)', async () => {
      const admin = await t.login('admin');
      const s = await ok(t.as(admin, { url: '/api/v1/admin/settings/case' }));
      await ok(t.as(admin, { method: 'PUT', url: '/api/v1/admin/settings/case', payload: { version: s.version, lightWarningDays: null, supplementDueWorkdays: null, deferredReturnWorkdays: 3 } }));
      const item = await publishedItem(t, { code: 'SCJG-XK-0915', materials: [{ code: 'M01', name: '申请书' }, { code: 'M03', name: '场所平面图', deferrable: true }] });
      const c = await intake(t, clerk, item);
      await ok(move(t, clerk, c.id, 'accept', { version: 1, deferred: { materials: ['M03'], dueDate: '2026-03-03' } }));
      // sessions idle out while the clock jumps: sign in again for each look
      const status = async () => (await ok(t.as(await t.login('clerk'), { url: `/api/v1/cases/${c.id}` }))).status;
      t.clock.set('2026-03-04T01:00:00.000Z'); // Wednesday: the day after the due date → suspended
      await runDueTimers(t.app.deps);
      expect(await status()).toBe('suspended');
      t.clock.set('2026-03-09T01:00:00.000Z'); // Monday: the third working day after Wednesday, still running
      await runDueTimers(t.app.deps);
      expect(await status()).toBe('suspended');
      t.clock.set('2026-03-10T01:00:00.000Z'); // the day after it: returned
      await runDueTimers(t.app.deps);
      const back = await ok(t.as(await t.login('clerk'), { url: `/api/v1/cases/${c.id}` }));
      expect(back).toMatchObject({ status: 'terminated' });
      expect(back.actions.at(-1)).toMatchObject({ kind: 'terminate', payload: { grounds: 'deferredMissing' } });
    });
  });
}
