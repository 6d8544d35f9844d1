/**
 * Fees of a case on both databases, with the TestClock: assessed at the window from the item
 * version's fee lines (licence numbers carried, integer fen), paid by cash / card / online (the
 * online reference required, a receipt number issued), cancelled, refunded with a reason;
 * delivery refused while a fee is unpaid (409 naming the status and the amount); 403 for roles
 * without case:accept; 400 naming the field; every move in the verified action log.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/services/audit/verify.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { intake, move, publishedItem } from './case-helpers.js';
import { caseInReview, ok, openTask, taskMove } from './case-review-helpers.js';

/** A fixed line (20.00 yuan) and a formula line (amount worked out at the window). */
const FEES = {
  free: false,
  lines: [
    { name: '证书工本费', basis: '鲁价费发〔2019〕1号', standard: '每证20元', amountFen: 2000, licenceNo: '鲁收许字第370100001号' },
    { name: '检验费', basis: '鲁价费发〔2019〕2号', standard: '按检验项目计', amountFen: null, licenceNo: '鲁收许字第370100002号' },
  ],
};
type Fee = { id: string; name: string; licenceNo: string; amountFen: number; status: string; payment: { method: string; reference: string | null; receiptNo: string } | null };

for (const dialect of dialects()) {
  describe(`case fees [${dialect}]`, () => {
    let t: TestApp;
    let clerk: Session;
    let itemId: string;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      clerk = await t.login('clerk');
      itemId = await publishedItem(t, { code: 'SCJG-XK-0201', name: '收费测试事项', fees: FEES });
    });
    afterEach(async () => t?.close());

    const accepted = async () => {
      const c = await intake(t, clerk, itemId);
      return ok(move(t, clerk, c.id, 'accept', { version: c.version }));
    };
    const fees = (c: { fees: Fee[] }) => c.fees;

    it('assesses from the fee lines with their licence numbers, takes cash and online payments with receipt numbers, refunds with a reason; all in the verified log', async () => {
      const c = await accepted();
      expect(c.availableActions).toContain('assessFee');
      const assessed = await ok(move(t, clerk, c.id, 'fees', { version: c.version, lines: [{ line: 0 }, { line: 1, amountFen: 15050 }] }));
      expect(assessed.version).toBe(c.version + 2); // one action per fee, in one move
      expect(fees(assessed).map((f) => [f.name, f.licenceNo, f.amountFen, f.status])).toEqual([
        ['证书工本费', '鲁收许字第370100001号', 2000, 'assessed'],
        ['检验费', '鲁收许字第370100002号', 15050, 'assessed'],
      ]);
      expect(assessed.owedFen).toBe(17050);
      const [fixed, formula] = fees(assessed);

      const cash = await ok(move(t, clerk, c.id, `fees/${fixed.id}/pay`, { version: assessed.version, method: 'cash' }));
      expect(cash.fees[0].payment).toEqual({ method: 'cash', reference: null, receiptNo: `${c.caseNo}-F01`, paidOn: '2026-03-02' });
      expect(cash.owedFen).toBe(15050);
      // online without its reference: 400 naming the field
      const noRef = await move(t, clerk, c.id, `fees/${formula.id}/pay`, { version: cash.version, method: 'online' });
      expect(noRef.statusCode).toBe(400);
      expect(noRef.json().error.fields[0].field).toBe('reference');
      const online = await ok(move(t, clerk, c.id, `fees/${formula.id}/pay`, { version: cash.version, method: 'online', reference: 'WX20260302000123' }));
      expect(online.fees[1]).toMatchObject({ status: 'paid', payment: { method: 'online', reference: 'WX20260302000123', receiptNo: `${c.caseNo}-F02` } });
      expect(online.owedFen).toBe(0);
      // paid twice: the fee is named
      const twice = await move(t, clerk, c.id, `fees/${fixed.id}/pay`, { version: online.version, method: 'card' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.messageEn).toContain('no fee is owed');

      const blank = await move(t, clerk, c.id, `fees/${fixed.id}/refund`, { version: online.version, reason: '  ' });
      expect(blank.statusCode).toBe(400);
      expect(blank.json().error.fields[0].field).toBe('reason');
      const refunded = await ok(move(t, clerk, c.id, `fees/${fixed.id}/refund`, { version: online.version, reason: '重复收取，予以退还' }));
      expect(refunded.fees[0]).toMatchObject({ status: 'refunded', closing: { reason: '重复收取，予以退还', on: '2026-03-02' } });
      // refunding it again: it is no longer a paid fee (400 naming feeId)
      const again = await move(t, clerk, c.id, `fees/${fixed.id}/refund`, { version: refunded.version, reason: '再退' });
      expect(again.statusCode).toBe(400);
      expect(again.json().error.fields[0].field).toBe('feeId');

      const kinds = refunded.actions.map((a: { kind: string }) => a.kind);
      expect(kinds).toEqual(['submit', 'accept', 'assessFee', 'assessFee', 'payFee', 'payFee', 'refundFee']);
      const log = await t.tdb.db.kysely.selectFrom('action_log').select(['action', 'payload']).where('entity', '=', 'case').where('entity_id', '=', c.id).orderBy('pos').execute();
      expect(log.map((l) => l.action)).toEqual(kinds);
      expect(JSON.parse(log[2].payload)).toMatchObject({ caseNo: c.caseNo, name: '证书工本费', licenceNo: '鲁收许字第370100001号', amountFen: 2000 });
      const v = await verifyAuditChain(t.app.deps);
      expect(v.ok, JSON.stringify(v.brokenAt)).toBe(true);
    });

    it('refuses delivery while a fee is unpaid (409 naming the status and the amount), and delivers once it is paid or cancelled', async () => {
      const reviewer = await t.login('reviewer');
      const leader = await t.login('leader');
      const r = await caseInReview(t, clerk, itemId);
      const a = await ok(move(t, clerk, r.id, 'fees', { version: r.version, lines: [{ line: 0 }, { line: 1, amountFen: 500 }] }));
      const done = await ok(taskMove(t, reviewer, r.id, openTask(a).id, 'complete', { version: a.version, opinion: '同意' }));
      const decided = await ok(move(t, leader, r.id, 'decide', { version: done.version, decision: { outcome: 'approved' } }));
      const concluded = await ok(move(t, leader, r.id, 'conclude', { version: decided.version }));
      expect(concluded.availableActions).toEqual([]); // the leader: nothing at the window
      const delivery = { method: 'mail', carrier: '中国邮政EMS', trackingNo: '1234567890123' };
      const refused = await move(t, clerk, r.id, 'deliver', { version: concluded.version, delivery });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('invalidState');
      expect(refused.json().error.message).toContain('已办结');
      expect(refused.json().error.message).toContain('25.00元');
      expect(refused.json().error.messageEn).toContain('unpaid');

      const paid = await ok(move(t, clerk, r.id, `fees/${a.fees[0].id}/pay`, { version: concluded.version, method: 'card' }));
      const stillOwed = await move(t, clerk, r.id, 'deliver', { version: paid.version, delivery });
      expect(stillOwed.statusCode).toBe(409);
      expect(stillOwed.json().error.message).toContain('5.00元');
      const noReason = await move(t, clerk, r.id, `fees/${a.fees[1].id}/cancel`, { version: paid.version, reason: '' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.fields[0].field).toBe('reason');
      const cancelled = await ok(move(t, clerk, r.id, `fees/${a.fees[1].id}/cancel`, { version: paid.version, reason: '检验项目取消' }));
      expect(cancelled.fees.map((f: Fee) => f.status)).toEqual(['paid', 'cancelled']);
      expect(cancelled.availableActions).toContain('deliver');
      const delivered = await ok(move(t, clerk, r.id, 'deliver', { version: cancelled.version, delivery }));
      expect(delivered.status).toBe('delivered');
      expect((await verifyAuditChain(t.app.deps)).ok).toBe(true);
    });

    it('refuses roles without case:accept (403) and bad input with the field named (400); no half-written fees', async () => {
      const c = await accepted();
      for (const who of ['reviewer', 'leader', 'applicant', 'supervisor']) {
        const s = await t.login(who);
        const r = await move(t, s, c.id, 'fees', { version: c.version });
        expect(r.statusCode, `${who}: ${r.body}`).toBe(403);
      }
      const bad = async (payload: object, field: string, status = 400) => {
        const r = await move(t, clerk, c.id, 'fees', { version: c.version, ...payload });
        expect(r.statusCode, r.body).toBe(status);
        expect(r.json().error.fields[0].field).toBe(field);
      };
      await bad({}, 'lines'); // every line: the formula line has no amount
      await bad({ lines: [{ line: 1 }] }, 'lines.0.amountFen');
      await bad({ lines: [{ line: 0, amountFen: 1999 }] }, 'lines.0.amountFen');
      await bad({ lines: [{ line: 5 }] }, 'lines.0.line');
      await bad({ lines: [{ line: 1, amountFen: 1.5 }] }, 'lines.0.amountFen');
      await bad({ lines: [{ line: 0 }, { line: 0 }] }, 'lines.1.line');
      // the second line refused after the first was checked: nothing written
      const still = await ok(t.as(clerk, { url: `/api/v1/cases/${c.id}` }));
      expect(still.fees).toEqual([]);
      expect(still.version).toBe(c.version);

      const a = await ok(move(t, clerk, c.id, 'fees', { version: c.version, lines: [{ line: 0 }] }));
      const dup = await move(t, clerk, c.id, 'fees', { version: a.version, lines: [{ line: 0 }] });
      expect(dup.statusCode).toBe(400);
      expect(dup.json().error.fields[0].field).toBe('lines.0.line');
      const method = await move(t, clerk, c.id, `fees/${a.fees[0].id}/pay`, { version: a.version, method: 'cheque' });
      expect(method.statusCode).toBe(400);
      expect(method.json().error.fields[0].field).toBe('method');
      const unknown = await move(t, clerk, c.id, 'fees/no-such-fee/pay', { version: a.version, method: 'cash' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.fields[0].field).toBe('feeId');
      const leader = await t.login('leader');
      const byLeader = await move(t, leader, c.id, `fees/${a.fees[0].id}/pay`, { version: a.version, method: 'cash' });
      expect(byLeader.statusCode).toBe(403);
      const stale = await move(t, clerk, c.id, `fees/${a.fees[0].id}/pay`, { version: c.version, method: 'cash' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('conflict');
    });

    it('assesses no fee before acceptance (409 naming the status) nor on a free item (400 lines)', async () => {
      const c = await intake(t, clerk, itemId);
      const early = await move(t, clerk, c.id, 'fees', { version: c.version, lines: [{ line: 0 }] });
      expect(early.statusCode).toBe(409);
      expect(early.json().error.message).toContain('待受理');
      const free = await publishedItem(t, { code: 'SCJG-XK-0202', name: '免费测试事项' });
      const f = await intake(t, clerk, free);
      const fa = await ok(move(t, clerk, f.id, 'accept', { version: f.version }));
      const r = await move(t, clerk, f.id, 'fees', { version: fa.version });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.fields[0].field).toBe('lines');
    });
  });
}
