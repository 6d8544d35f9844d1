/**
 * The action log's chains under concurrent writers (audit/record.ts): rows are chained at the end
 * of each transaction, under their chain's head lock, so transactions running side by side —
 * several connections on PostgreSQL — still leave unbroken chains, a rolled-back transaction
 * leaves no row, and the rows of one transaction stay together and in order, in one chain.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../src/server/db/database.js';
import { chainOf, flushAudit, openAudit, recordAction } from '../../src/server/services/audit/record.js';
import { verifyAuditChain } from '../../src/server/services/audit/verify.js';
import { inTx, systemCtx } from '../../src/server/services/context.js';
import { runDueTimers, scheduleTimers, type TimerHandler } from '../../src/server/services/timers/index.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects, PG_URL } from '../helpers/db.js';
import { intake, move, publishedItem } from './case-helpers.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `n` subject ids whose rows all go to one chain. */
function sameChain(prefix: string, n: number): string[] {
  const want = chainOf(`${prefix}0`);
  const ids: string[] = [];
  for (let i = 0; ids.length < n; i++) if (chainOf(`${prefix}${i}`) === want) ids.push(`${prefix}${i}`);
  return ids;
}

for (const dialect of dialects()) {
  describe(`audit chain under concurrent transactions [${dialect}]`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startTestApp(dialect);
    });
    afterEach(async () => t?.close());

    const rows = () => t.tdb.db.kysely.selectFrom('action_log').select(['chain', 'seq', 'entity_id', 'action']).orderBy('chain').orderBy('pos').execute();

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
      const all = await rows();
      const log = all.filter((r) => r.entity_id.startsWith('tx'));
      expect(log).toHaveLength(20 * 3);
      // every chain numbered 1, 2, 3, … with no gap
      for (const c of new Set(all.map((r) => r.chain))) {
        const seqs = all.filter((r) => r.chain === c).map((r) => r.seq);
        expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      }
      // a transaction's rows: together, in order, in its subject's chain
      for (let i = 0; i < 24; i++) {
        const mine = all.filter((r) => r.entity_id === `tx${i}`);
        if (i % 6 === 5) {
          expect(mine).toHaveLength(0);
          continue;
        }
        expect(mine.map((r) => r.action)).toEqual(['a', 'b', 'c']);
        expect(new Set(mine.map((r) => r.chain))).toEqual(new Set([chainOf(`tx${i}`)]));
        expect(mine.map((r) => r.seq - mine[0].seq)).toEqual([0, 1, 2]);
      }
      expect(new Set(log.map((r) => r.chain)).size).toBeGreaterThan(4);
      expect(await verifyAuditChain(t.app.deps)).toEqual({ ok: true, rows: before + 60, chains: 32 });
    });

    // PostgreSQL only: one SQLite connection per app instance serialises its transactions outright
    // PostgreSQL only (row locks; SQLite serialises whole transactions): defined for it alone, not skipped elsewhere
    (dialect === 'postgres' ? it : () => undefined)('a sweep in careful mode does not hold the head while it waits for a row a chaining transaction holds', async () => {
      const ctx = systemCtx(t.app.deps);
      const k = t.tdb.db.kysely;
      // the three writers on one chain: the head is what they would deadlock on
      const [sweepId, firstId, secondId] = sameChain('w', 3);
      const center = (await k.selectFrom('centers').select('id').limit(1).executeTakeFirstOrThrow()).id;
      const now = t.clock.now();
      const due = (s: number) => new Date(now.getTime() - 60_000 + s).toISOString();
      // the failing one first: the fast path fails at once and the batch is run carefully
      await scheduleTimers(k, [
        { kind: 'fail', caseId: null, dueAt: due(0), key: 'fail:1', payload: {} },
        { kind: 'rec', caseId: null, dueAt: due(1), key: 'rec:1', payload: {} },
        { kind: 'lock', caseId: null, dueAt: due(2), key: 'lock:1', payload: {} },
      ], now.toISOString());
      let reached!: () => void;
      const atLock = new Promise<void>((r) => (reached = r));
      const handlers: Record<string, TimerHandler> = {
        fail: async () => {
          throw new Error('unreachable');
        },
        rec: async (trx) => recordAction(trx, ctx, { entity: 'test', entityId: sweepId, action: 'rec' }),
        // waits for the row the request below holds (at most 3 s, so a hang shows as a retry)
        lock: async (trx) => {
          reached();
          await sql`set local lock_timeout = '3s'`.execute(trx);
          await trx.updateTable('centers').set({ name: '中心' }).where('id', '=', center).execute();
        },
      };
      let go!: () => void;
      const gate = new Promise<void>((r) => (go = r));
      // a request holding the center's row, recording its action after another request chained
      const second = inTx(t.app.deps, async (trx) => {
        await trx.updateTable('centers').set({ name: '中心' }).where('id', '=', center).execute();
        await gate;
        await recordAction(trx, ctx, { entity: 'test', entityId: secondId, action: 'b' });
      });
      const sweep = runDueTimers(t.app.deps, { handlers });
      await atLock;
      await pause(300);
      const first = inTx(t.app.deps, async (trx) => recordAction(trx, ctx, { entity: 'test', entityId: firstId, action: 'a' }));
      await pause(300);
      go();
      await Promise.all([first, second]);
      expect(await sweep).toEqual({ fired: 2, retried: 1, failed: 0 });
      expect((await verifyAuditChain(t.app.deps)).ok).toBe(true);
    }, 20_000);

    // PostgreSQL only, as above: chains exist so that commits on different chains do not queue
    (dialect === 'postgres' ? it : () => undefined)('a transaction holding one chain’s head does not hold up another chain, and does hold up its own', async () => {
      const ctx = systemCtx(t.app.deps);
      const [heldId, sameId] = sameChain('h', 2);
      const otherId = ['o1', 'o2', 'o3', 'o4'].find((id) => chainOf(id) !== chainOf(heldId))!;
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let chained!: () => void;
      const hasChained = new Promise<void>((r) => (chained = r));
      // chains its row (head locked until COMMIT), then waits before committing
      const holder = t.app.deps.db.kysely.transaction().execute(async (trx) => {
        openAudit(trx);
        await recordAction(trx, ctx, { entity: 'test', entityId: heldId, action: 'held' });
        await flushAudit(trx, t.app.deps);
        chained();
        await held;
      });
      await hasChained;
      const write = (id: string) =>
        t.app.deps.db.kysely.transaction().execute(async (trx) => {
          // a wait on a held head fails here instead of hanging
          await sql`set local lock_timeout = '1s'`.execute(trx);
          openAudit(trx);
          await recordAction(trx, ctx, { entity: 'test', entityId: id, action: 'w' });
          await flushAudit(trx, t.app.deps);
        });
      await expect(write(otherId)).resolves.toBeUndefined();
      await expect(write(sameId)).rejects.toThrow(/lock timeout/);
      release();
      await holder;
      await expect(write(sameId)).resolves.toBeUndefined();
      expect((await verifyAuditChain(t.app.deps)).ok).toBe(true);
    });

    it('stays valid with two instances on one database writing in turn, and a transaction rolled back after chaining', async () => {
      const db2: Db = dialect === 'sqlite' ? openDb({ sqliteFile: t.tdb.db.location }) : openDb({ url: PG_URL, pgSchema: t.tdb.db.schema, pgPoolSize: 2 });
      try {
        const deps2 = { ...t.app.deps, db: db2 };
        // all on one chain: each instance's remembered head goes stale when the other writes
        const [a1, b1, a2, gone, a3, b2, b3, a4] = sameChain('s', 8);
        const write = (deps: typeof deps2, id: string) => inTx(deps, (trx) => recordAction(trx, systemCtx(deps), { entity: 'test', entityId: id, action: 'a' }));
        await write(t.app.deps, a1);
        await write(deps2, b1);
        await write(t.app.deps, a2);
        // chained, then rolled back: the head this instance last wrote is not the database's
        await expect(
          t.app.deps.db.kysely.transaction().execute(async (trx) => {
            openAudit(trx);
            await recordAction(trx, systemCtx(t.app.deps), { entity: 'test', entityId: gone, action: 'a' });
            await flushAudit(trx, t.app.deps);
            throw new Error('after chaining');
          }),
        ).rejects.toThrow('after chaining');
        await write(t.app.deps, a3);
        await write(deps2, b2);
        await write(deps2, b3);
        await write(t.app.deps, a4);
        const log = (await rows()).filter((r) => r.action === 'a' && /^s\d+$/.test(r.entity_id));
        expect(log.map((r) => r.entity_id)).toEqual([a1, b1, a2, a3, b2, b3, a4]);
        expect(new Set(log.map((r) => r.chain)).size).toBe(1);
        expect((await verifyAuditChain(t.app.deps)).ok).toBe(true);
      } finally {
        await db2.close();
      }
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
