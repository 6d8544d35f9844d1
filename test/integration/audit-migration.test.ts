/**
 * Migration 0014: a log written as one chain (0001–0013) becomes chain 0 of 32, unchanged, and
 * verifies; rows appended afterwards go on in their own chains and in `pos` after the old ones.
 */
import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_CHAINS, chainOf, hashRow, recordAction } from '../../src/server/services/audit/record.js';
import { verifyAuditChain } from '../../src/server/services/audit/verify.js';
import { type Deps, inTx, systemClock, systemCtx } from '../../src/server/services/context.js';
import { dialects, freshDb, migrateOn, type TestDb } from '../helpers/db.js';

for (const dialect of dialects()) {
  describe(`action log chains migration [${dialect}]`, () => {
    let tdb: TestDb;
    afterEach(async () => tdb?.cleanup());

    it('keeps a one-chain log as chain 0, verified, and chains new rows after it', async () => {
      tdb = await freshDb(dialect, '0013_bundle_online');
      const k = tdb.db.kysely as unknown as Kysely<any>;
      // three rows as 0013's app wrote them: one chain, seq 1, 2, 3
      let prev = '0'.repeat(64);
      for (let seq = 1; seq <= 3; seq++) {
        const row = { seq, at: `2026-05-0${seq}T01:00:00.000Z`, actor_id: null, actor_name: 'system', role: 'system', client_ip: 'local', entity: 'test', entity_id: `old${seq}`, action: 'a', payload: '{}', prev_hash: prev };
        const hash = hashRow(row);
        await k.insertInto('action_log').values({ ...row, hash }).execute();
        prev = hash;
      }
      await k.updateTable('action_log_head').set({ seq: 3, hash: prev }).where('id', '=', 1).execute();

      await migrateOn(tdb);
      const deps = { db: tdb.db, clock: systemClock } as unknown as Deps;
      expect(await verifyAuditChain(deps)).toEqual({ ok: true, rows: 3, chains: AUDIT_CHAINS });
      const heads = await k.selectFrom('action_log_head').select(['chain', 'seq', 'hash']).orderBy('chain').execute();
      expect(heads).toHaveLength(AUDIT_CHAINS);
      expect(heads[0]).toEqual({ chain: 0, seq: 3, hash: prev });
      expect(heads.slice(1).every((h) => h.seq === 0)).toBe(true);
      const old = await k.selectFrom('action_log').select(['pos', 'chain', 'seq']).orderBy('pos').execute();
      expect(old).toEqual([1, 2, 3].map((n) => ({ pos: n, chain: 0, seq: n })));

      // new rows: in their subject's chain, numbered from 1 there, after the old ones in pos
      const id = ['n1', 'n2', 'n3', 'n4'].find((x) => chainOf(x) !== 0)!;
      await inTx(deps, (trx) => recordAction(trx, systemCtx(deps), { entity: 'test', entityId: id, action: 'b' }));
      const added = await k.selectFrom('action_log').select(['pos', 'chain', 'seq']).where('entity_id', '=', id).executeTakeFirstOrThrow();
      expect(added).toEqual({ pos: 4, chain: chainOf(id), seq: 1 });
      expect(await verifyAuditChain(deps)).toEqual({ ok: true, rows: 4, chains: AUDIT_CHAINS });
      // the old rows are still what they were: tampering with one is still found
      await sql`update action_log set payload = '{"x":1}' where chain = 0 and seq = 2`.execute(k);
      expect((await verifyAuditChain(deps)).brokenAt).toEqual({ chain: 0, seq: 2, reason: 'row content does not match its hash' });
    });
  });
}
