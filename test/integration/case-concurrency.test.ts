/**
 * Concurrency on both databases: two clerks accepting one case at once get one success and one
 * 409 naming the case; twenty intakes at once in one center on one day get twenty distinct,
 * gap-free sequence numbers. Requests are fired together with Promise.all.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCaseNo } from '../../src/domain/case/index.js';
import { verifyAuditChain } from '../../src/server/services/audit/verify.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { intake, intakeReq, move, person, publishedItem, staffSession } from './case-helpers.js';

for (const dialect of dialects()) {
  describe(`case concurrency [${dialect}]`, () => {
    let t: TestApp;
    let clerk: Session;
    let itemId: string;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      clerk = await t.login('clerk');
      itemId = await publishedItem(t);
    });
    afterEach(async () => t?.close());

    it('lets exactly one of two clerks accepting the same case at once succeed; the other gets 409 naming the case', async () => {
      const clerk2 = await staffSession(t, 'clerk2', 'clerk', t.org.deptA);
      for (let round = 0; round < 6; round++) {
        const c = await intake(t, clerk, itemId);
        const answers = await Promise.all([clerk, clerk2].map((s) => move(t, s, c.id, 'accept', { version: 1 })));
        const codes = answers.map((r) => r.statusCode).sort();
        expect(codes, answers.map((r) => r.body).join('\n')).toEqual([200, 409]);
        const lost = answers.find((r) => r.statusCode === 409)!.json().error;
        expect(lost.code).toBe('conflict');
        expect(lost.message).toContain(c.caseNo);
        expect(lost.messageEn).toContain(c.caseNo);
        const actions = await t.tdb.db.kysely.selectFrom('case_actions').select('kind').where('case_id', '=', c.id).orderBy('seq').execute();
        expect(actions.map((a) => a.kind)).toEqual(['submit', 'accept']);
        const row = await t.tdb.db.kysely.selectFrom('cases').select(['status', 'version']).where('id', '=', c.id).executeTakeFirstOrThrow();
        expect(row).toEqual({ status: 'accepted', version: 2 });
      }
      expect((await verifyAuditChain(t.app.deps)).ok).toBe(true);
    });

    it('gives 20 concurrent intakes in one center on one day 20 distinct, gap-free sequence numbers', async () => {
      const clerk2 = await staffSession(t, 'clerk2', 'clerk', t.org.deptA);
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => intakeReq(t, i % 2 ? clerk : clerk2, itemId, person({ name: `申请人${i}` }))),
      );
      for (const r of answers) expect(r.statusCode, r.body).toBe(200);
      const numbers = answers.map((r) => r.json().caseNo as string);
      const parts = numbers.map((n) => parseCaseNo(n));
      expect(parts.every((p) => p !== null && p.areaCode === '370100' && p.date === '2026-03-02')).toBe(true);
      expect(parts.map((p) => p!.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const counter = await t.tdb.db.kysely.selectFrom('case_number_counters').selectAll().execute();
      expect(counter).toEqual([{ center_id: t.org.cityId, day: '2026-03-02', next_value: 21 }]);
      // a refused intake takes no number: the next one is 21
      expect((await intakeReq(t, clerk, itemId, person({ idNumber: '123' }))).statusCode).toBe(400);
      expect((await intake(t, clerk, itemId)).caseNo).toBe('370100260302000021');
      // a new day starts again at 1
      t.clock.advance(24 * 3600 * 1000);
      expect((await intake(t, await t.login('clerk'), itemId)).caseNo).toBe('370100260303000001');
      expect((await verifyAuditChain(t.app.deps)).ok).toBe(true);
    });
  });
}
