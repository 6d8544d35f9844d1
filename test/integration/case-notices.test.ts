/**
 * What moves bring with them, on both databases: the notice each calls for (listed with the
 * case, rendered to PDF once and kept), the outbox rows written in the move's transaction, their
 * delivery to SMS and the message box exactly once (with retries), and nothing when a move fails.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDelegation } from '../../src/server/services/organisation/index.js';
import { systemCtx } from '../../src/server/services/context.js';
import { dispatchOutbox } from '../../src/server/services/notifications/dispatch.js';
import { LogSmsProvider, type SmsProvider } from '../../src/server/services/notifications/sms.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { pdfText } from '../helpers/pdf.js';
import { ID_NUMBER, PHONE, intake, move, publishedItem } from './case-helpers.js';
import { ok } from './case-review-helpers.js';

for (const dialect of dialects()) {
  describe(`case notices and notifications [${dialect}]`, () => {
    let t: TestApp;
    let clerk: Session;
    let itemId: string;
    let sms: LogSmsProvider;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      sms = new LogSmsProvider();
      t.app.deps.sms = sms;
      clerk = await t.login('clerk');
      itemId = await publishedItem(t);
    });
    afterEach(async () => t?.close());

    const outbox = (caseId: string) => t.tdb.db.kysely.selectFrom('outbox').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('channel').execute();
    const pdf = async (s: Session, caseId: string, noticeId: string) => {
      const r = await t.as(s, { method: 'GET', url: `/api/v1/cases/${caseId}/notices/${noticeId}/pdf` });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.headers['content-type']).toBe('application/pdf');
      return r.rawPayload;
    };

    it('acceptance writes a 受理通知书 that renders once with the case number and is reprinted byte for byte', async () => {
      const c = await intake(t, clerk, itemId);
      expect(c.notices).toEqual([]);
      const a = await ok(move(t, clerk, c.id, 'accept', { version: c.version }));
      expect(a.notices).toHaveLength(1);
      const n = a.notices[0];
      expect(n).toMatchObject({ kind: 'acceptance', seq: 2, issuedOn: '2026-03-02', noticeNo: `受理〔2026〕${c.caseNo}-1` });

      const first = await pdf(clerk, c.id, n.id);
      const text = pdfText(first).compact;
      expect(text).toContain('受理通知书');
      expect(text).toContain(c.caseNo);
      expect(text).toContain('食品经营许可');
      expect(text).toContain('张三');
      expect(text).not.toContain(ID_NUMBER);
      const again = await pdf(clerk, c.id, n.id);
      expect(again.equals(first)).toBe(true);
      const files = await t.tdb.db.kysely.selectFrom('files').select('id').where('purpose', '=', 'notice').execute();
      expect(files).toHaveLength(1);
    });

    it('a supplement request and a refusal write their notices with the wording the applicant needs', async () => {
      const c = await intake(t, clerk, itemId);
      const s = await ok(move(t, clerk, c.id, 'supplement', { version: c.version, materials: [{ code: 'M02', problem: 'missing', note: '请提供营业执照副本复印件' }] }));
      const sn = s.notices.find((x: { kind: string }) => x.kind === 'supplement');
      const st = pdfText(await pdf(clerk, c.id, sn.id)).compact;
      expect(st).toContain('补正材料通知书');
      expect(st).toContain('营业执照副本复印件');
      expect(st).toContain('视为撤回申请');

      const c2 = await intake(t, clerk, itemId);
      const r = await ok(move(t, clerk, c2.id, 'refuse', { version: c2.version, reason: '申请事项不属于本机关职权范围', legalBasis: ['《中华人民共和国行政许可法》第三十二条第一款第二项'], redirectTo: '市住房和城乡建设局' }));
      const rn = r.notices.find((x: { kind: string }) => x.kind === 'refusal');
      const rt = pdfText(await pdf(clerk, c2.id, rn.id)).compact;
      expect(rt).toContain('不予受理通知书');
      expect(rt).toContain('不属于本机关职权范围');
      expect(rt).toContain('市住房和城乡建设局');
      expect(rt).toContain(c2.caseNo);
    });

    it('acceptance with 容缺 and 告知承诺 also prints the two commitments for the applicant to sign', async () => {
      const committed = await publishedItem(t, {
        code: 'SCJG-XK-0009',
        name: '承诺测试事项',
        materials: [
          { code: 'M01', name: '申请书' },
          { code: 'M02', name: '营业执照', form: 'copy', deferrable: true },
          { code: 'M03', name: '经营场所使用证明', form: 'copy', pledgeable: true },
        ],
      });
      const c = await intake(t, clerk, committed);
      const a = await ok(move(t, clerk, c.id, 'accept', { version: c.version, deferred: { materials: ['M02'], dueDate: '2026-03-09' }, pledged: ['M03'] }));
      expect(a.notices.map((n: { kind: string }) => n.kind).sort()).toEqual(['acceptance', 'deferredPledge', 'pledge']);
      const deferred = pdfText(await pdf(clerk, c.id, a.notices.find((n: { kind: string }) => n.kind === 'deferredPledge').id)).compact;
      expect(deferred).toContain('容缺受理承诺书');
      expect(deferred).toContain('营业执照');
      expect(deferred).toContain('2026年3月9日前补齐');
      expect(deferred).toContain(c.caseNo);
      const pledge = pdfText(await pdf(clerk, c.id, a.notices.find((n: { kind: string }) => n.kind === 'pledge').id)).compact;
      expect(pledge).toContain('告知承诺书');
      expect(pledge).toContain('经营场所使用证明');
      expect(pledge).toContain('撤销行政许可决定');
      // the acceptance lists neither as received
      const acceptance = pdfText(await pdf(clerk, c.id, a.notices.find((n: { kind: string }) => n.kind === 'acceptance').id)).compact;
      expect(acceptance).toContain('容缺后补材料');
    });

    it('staff outside the case’s department cannot print its notices; an unknown notice is 404', async () => {
      const c = await intake(t, clerk, itemId);
      const a = await ok(move(t, clerk, c.id, 'accept', { version: c.version }));
      const other = await t.login('leaderB');
      const r = await t.as(other, { method: 'GET', url: `/api/v1/cases/${c.id}/notices/${a.notices[0].id}/pdf` });
      expect(r.statusCode).toBe(403);
      const missing = await t.as(clerk, { method: 'GET', url: `/api/v1/cases/${c.id}/notices/00000000-0000-4000-8000-000000000000/pdf` });
      expect(missing.statusCode).toBe(404);
    });

    it('acceptance and supplement queue an SMS and a message-box row in the move’s transaction; the dispatcher delivers each once', async () => {
      const c = await intake(t, clerk, itemId);
      expect(await outbox(c.id)).toEqual([]);
      const s = await ok(move(t, clerk, c.id, 'supplement', { version: c.version, materials: [{ code: 'M01', problem: 'wrong', note: '签字缺失' }] }));
      await ok(move(t, clerk, c.id, 'supply', { version: s.version, materials: ['M01'] }));
      const cur = (await t.as(clerk, { method: 'GET', url: `/api/v1/cases/${c.id}` })).json();
      await ok(move(t, clerk, c.id, 'accept', { version: cur.version }));
      const rows = await outbox(c.id);
      expect(rows.map((r) => `${r.template}/${r.channel}`).sort()).toEqual(['caseAccepted/inbox', 'caseAccepted/sms', 'supplementRequested/inbox', 'supplementRequested/sms']);
      expect(rows.every((r) => r.status === 'pending')).toBe(true);
      expect(rows.find((r) => r.channel === 'sms')!.recipient).toBe(PHONE);
      expect(rows.find((r) => r.channel === 'inbox')!.recipient).toBe(`id:${ID_NUMBER}`);

      expect(await dispatchOutbox(t.app.deps)).toEqual({ sent: 4, retried: 0, failed: 0 });
      expect(sms.sent.map((m) => m.to)).toEqual([PHONE, PHONE]);
      expect(sms.sent.some((m) => m.text.includes(c.caseNo) && m.text.includes('已于2026年3月2日受理'))).toBe(true);
      expect(sms.sent.some((m) => m.text.includes('申请书') || m.text.includes('补正'))).toBe(true);
      // personal data stays out of the messages
      expect(sms.sent.every((m) => !m.text.includes(ID_NUMBER) && !m.text.includes('张三'))).toBe(true);
      const msgs = await t.tdb.db.kysely.selectFrom('messages').selectAll().where('case_id', '=', c.id).execute();
      expect(msgs.map((m) => m.title).sort()).toEqual(['办件已受理', '请补正材料']);
      expect((await outbox(c.id)).every((r) => r.status === 'sent' && r.sent_at !== null)).toBe(true);
      // exactly once: a second run finds nothing
      expect(await dispatchOutbox(t.app.deps)).toEqual({ sent: 0, retried: 0, failed: 0 });
      expect(sms.sent).toHaveLength(2);
    });

    it('a failing SMS gateway is retried later with backoff, and fails for good after 5 attempts', async () => {
      let down = true;
      const flaky: SmsProvider = { name: 'flaky', send: async () => { if (down) throw new Error('gateway timeout'); } };
      t.app.deps.sms = flaky;
      const c = await intake(t, clerk, itemId);
      await ok(move(t, clerk, c.id, 'accept', { version: c.version }));
      expect(await dispatchOutbox(t.app.deps)).toEqual({ sent: 1, retried: 1, failed: 0 }); // the inbox row went through
      const row = (await outbox(c.id)).find((r) => r.channel === 'sms')!;
      expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'gateway timeout' });
      expect(row.next_attempt_at > t.clock.now().toISOString()).toBe(true);
      expect(await dispatchOutbox(t.app.deps)).toEqual({ sent: 0, retried: 0, failed: 0 }); // not due yet
      t.clock.advance(61_000);
      down = false;
      expect(await dispatchOutbox(t.app.deps)).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect((await outbox(c.id)).find((r) => r.channel === 'sms')).toMatchObject({ status: 'sent', attempts: 2, provider: 'flaky' });

      // a second case, gateway down for good
      down = true;
      const c2 = await intake(t, clerk, itemId);
      await ok(move(t, clerk, c2.id, 'accept', { version: c2.version }));
      for (let i = 0; i < 5; i++) {
        await dispatchOutbox(t.app.deps);
        t.clock.advance(200 * 60_000);
      }
      expect((await outbox(c2.id)).find((r) => r.channel === 'sms')).toMatchObject({ status: 'failed', attempts: 5 });
    });

    it('conclusion tells the applicant the result and that it can be collected; no SMS without a mobile number', async () => {
      await createDelegation(systemCtx(t.app.deps), { departmentId: t.org.deptA, itemId });
      const c = await intake(t, clerk, itemId, { kind: 'person', name: '李四', idNumber: ID_NUMBER, phone: '0531-86001234' });
      const a = await ok(move(t, clerk, c.id, 'accept', { version: c.version }));
      const leader = await t.login('leader');
      const d = await ok(move(t, leader, c.id, 'decide', { version: a.version, decision: { outcome: 'approved', note: '符合条件' } }));
      expect(d.notices.map((x: { kind: string }) => x.kind)).toEqual(['acceptance', 'approval']);
      const approval = pdfText(await pdf(leader, c.id, d.notices[1].id)).compact;
      expect(approval).toContain('准予许可决定书');
      expect(approval).toContain(c.caseNo);
      await ok(move(t, leader, c.id, 'conclude', { version: d.version }));
      const rows = await outbox(c.id);
      expect(rows.every((r) => r.channel === 'inbox')).toBe(true);
      expect(rows.map((r) => r.template).sort()).toEqual(['caseAccepted', 'caseConcluded', 'readyForCollection']);
      await dispatchOutbox(t.app.deps);
      const concluded = await t.tdb.db.kysely.selectFrom('messages').select('body').where('case_id', '=', c.id).where('template', '=', 'caseConcluded').executeTakeFirstOrThrow();
      expect(concluded.body).toContain('准予许可');
      expect(sms.sent).toEqual([]);
    });

    it('a refused move (stale version) leaves no notice and no outbox row behind', async () => {
      const c = await intake(t, clerk, itemId);
      await ok(move(t, clerk, c.id, 'accept', { version: c.version }));
      const stale = await move(t, clerk, c.id, 'supplement', { version: c.version, materials: [{ code: 'M01', problem: 'missing', note: '' }] });
      expect(stale.statusCode).toBe(409);
      const notices = await t.tdb.db.kysely.selectFrom('case_notices').select('kind').where('case_id', '=', c.id).execute();
      expect(notices.map((n) => n.kind)).toEqual(['acceptance']);
      expect((await outbox(c.id)).map((r) => r.template)).toEqual(['caseAccepted', 'caseAccepted']);
    });
  });
}
