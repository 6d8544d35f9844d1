/**
 * The action log's chain under concurrent writers (audit/record.ts): rows are chained at the end
 * of each transaction, under the head lock, so transactions running side by side — several
 * connections on PostgreSQL — still leave one unbroken chain, a rolled-back transaction leaves no
 * row, and the rows of one transaction stay together and in order.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordAction } from '../../src/server/services/audit/record.js';
import { verifyAuditChain } from '../../src/server/services/audit/verify.js';
import { inTx, systemCtx } from '../../src/server/services/context.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { intake, move, publishedItem } from './case-helpers.js';

for (const dialect of dialects()) {
  describe(`audit chain under concurrent transactions [${dialect}]`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startTestApp(dialect);
    });
    afterEach(async () => t?.close());

    const rows = () => t.tdb.db.kysely.selectFrom('action_log').select(['seq', 'entity_id', 'action']).orderBy('seq').execute();

    it('chains every committed transaction’s rows, keeps each transaction’s rows together, drops the rolled-back ones', async () => {
      const ctx = systemCtx(t.app.deps);
      const before = (await rows()).length;
      const results = await Promise.allSettled(
        Array.from({ length: 24 }, (_, i) =>
          inTx(t.app.deps, async (trx) => {
            for (const step of ['a', 'b', 'c']) {
              await recordAction(trx, ctx, { entity: 'test', entityId: `tx${i}`, action: step, payload: { i } });
              // give the other transactions a turn between the rows
              await trx.selectFrom('centers').select('id').limit(1).execute();
            }
            if (i % 6 === 5) throw new Error('rolled back');
          }),
        ),
      );
      expect(results.filter((r) => r.status === 'rejected')).toHaveLength(4);
      const log = (await rows()).slice(before);
      expect(log).toHaveLength(20 * 3);
      expect(log.map((r) => r.seq)).toEqual(log.map((_, i) => before + i + 1));
      for (let k = 0; k < log.length; k += 3) {
        const group = log.slice(k, k + 3);
        expect(group.map((r) => r.action)).toEqual(['a', 'b', 'c']);
        expect(new Set(group.map((r) => r.entity_id)).size).toBe(1);
      }
      expect(log.some((r) => r.entity_id === 'tx5')).toBe(false);
      expect(await verifyAuditChain(t.app.deps)).toEqual({ ok: true, rows: before + 60 });
    });

    it('stays valid when many cases are moved at once through the API', async () => {
      const clerk: Session = await t.login('clerk');
      const itemId = await publishedItem(t);
      const cases = await Promise.all(Array.from({ length: 8 }, () => intake(t, clerk, itemId)));
      const accepted = await Promise.all(cases.map((c) => move(t, clerk, c.id, 'accept', { version: 1 })));
      expect(accepted.map((r) => r.statusCode)).toEqual(cases.map(() => 200));
      // each case's own actions are in the log in its order
      const log = await rows();
      for (const c of cases) expect(log.filter((r) => r.entity_id === c.id).map((r) => r.action)).toEqual(['submit', 'accept']);
      expect((await verifyAuditChain(t.app.deps)).ok).toBe(true);
    });
  });
}
