/**
 * The sweeper itself, on both databases: two app instances over one database drain 10,000
 * timers due at once, each fired exactly once (DESIGN §4 invariant 5); a failing handler is
 * rolled back alone, retried with backoff and failed at the 5th attempt without holding up its
 * batch; a key scheduled twice is one timer; the app runs the sweeper on its own when configured.
 */
import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { type Db, openDb } from '../../src/server/db/database.js';
import { toCount } from '../../src/server/db/dialect.js';
import type { Deps } from '../../src/server/services/context.js';
import { type TimerHandler, runDueTimers, scheduleTimers } from '../../src/server/services/timers/index.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects, PG_URL } from '../helpers/db.js';
import { intake, move, publishedItem } from './case-helpers.js';
import { ok } from './case-review-helpers.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const dialect of dialects()) {
  describe(`timer sweeper [${dialect}]`, () => {
    let t: TestApp;
    const closers: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const c of closers.splice(0).reverse()) await c();
      await t?.close();
    });

    const raw = () => t.tdb.db.kysely as unknown as Kysely<any>;
    async function probeTable() {
      await raw().schema.createTable('timer_probe').addColumn('timer_id', 'text', (c) => c.notNull()).addColumn('instance', 'text', (c) => c.notNull()).execute();
    }
    /** the test's own kind: one row into the probe table, in the sweeper's transaction */
    const probe = (instance: string): TimerHandler => async (trx, _deps, timer) => {
      await (trx as unknown as Kysely<any>).insertInto('timer_probe').values({ timer_id: timer.id, instance }).execute();
    };
    const noops = (n: number, dueAt: string, prefix = 'noop') =>
      Array.from({ length: n }, (_, i) => ({ kind: 'noop', caseId: null, dueAt, key: `${prefix}:${i}`, payload: { i } }));
    async function schedule(specs: ReturnType<typeof noops>) {
      for (let i = 0; i < specs.length; i += 500) await scheduleTimers(t.tdb.db.kysely, specs.slice(i, i + 500), t.clock.now().toISOString());
    }
    const count = async (q: Promise<{ n: unknown }>) => toCount((await q).n);
    const pending = () => count(t.tdb.db.kysely.selectFrom('timers').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow());

    /** A second app instance on the same database (PostgreSQL schema, or SQLite file). */
    async function secondInstance(): Promise<Deps> {
      const db2: Db = dialect === 'sqlite' ? openDb({ sqliteFile: t.tdb.db.location }) : openDb({ url: PG_URL, pgSchema: t.tdb.db.schema, pgPoolSize: 4 });
      const app2 = await buildApp({ config: t.config, db: db2, clock: t.clock, logger: false, webRoot: '/nonexistent' });
      closers.push(async () => {
        await app2.close();
        await db2.close();
      });
      return app2.deps;
    }

    /**
     * One instance's loop: sweep until nothing is pending. Two SQLite connections in one thread
     * cannot wait for each other (the busy wait would block the thread the other needs), so here
     * they do not wait: a busy database means "the other instance is sweeping", try again.
     */
    async function drain(deps: Deps, instance: string): Promise<number> {
      let fired = 0;
      for (;;) {
        let r;
        try {
          r = await runDueTimers(deps, { batch: 100, handlers: { noop: probe(instance) } });
        } catch (e) {
          if ((e as { code?: string }).code === 'SQLITE_BUSY') {
            await pause(1);
            continue;
          }
          throw e;
        }
        fired += r.fired;
        // a turn of the event loop between batches, as separate processes would have
        await new Promise((res) => setImmediate(res));
        if (r.fired === 0) {
          if ((await pending()) === 0) return fired;
          await pause(1);
        }
      }
    }

    it('two instances drain 10,000 timers due at once: every one fired exactly once', async () => {
      t = await startTestApp(dialect);
      await probeTable();
      const other = await secondInstance();
      if (dialect === 'sqlite') {
        await sql`pragma busy_timeout = 0`.execute(t.tdb.db.kysely);
        await sql`pragma busy_timeout = 0`.execute(other.db.kysely);
      }
      const N = 10_000;
      await schedule(noops(N, new Date(t.clock.now().getTime() - 60_000).toISOString()));
      expect(await pending()).toBe(N);

      const started = Date.now();
      const [a, b] = await Promise.all([drain(t.app.deps, 'a'), drain(other, 'b')]);
      const seconds = (Date.now() - started) / 1000;
      expect(a + b).toBe(N);
      expect(a, `instance a fired ${a}, b ${b} in ${seconds}s`).toBeGreaterThan(0);
      expect(b, `instance a fired ${a}, b ${b} in ${seconds}s`).toBeGreaterThan(0);

      const db = raw();
      expect(await count(db.selectFrom('timer_probe').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow())).toBe(N);
      expect(await count(db.selectFrom('timer_probe').select(sql`count(distinct timer_id)`.as('n')).executeTakeFirstOrThrow())).toBe(N);
      const twice = await db.selectFrom('timer_probe').select('timer_id').groupBy('timer_id').having(sql`count(*)`, '>', 1).execute();
      expect(twice).toEqual([]);
      const byInstance = await db.selectFrom('timer_probe').select(['instance', (eb) => eb.fn.countAll().as('n')]).groupBy('instance').orderBy('instance').execute();
      expect(byInstance.map((r) => [r.instance, toCount(r.n)])).toEqual([['a', a], ['b', b]]);
      const fired = t.tdb.db.kysely.selectFrom('timers').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'fired').where('attempts', '=', 1).where('fired_at', 'is not', null);
      expect(await count(fired.executeTakeFirstOrThrow())).toBe(N);
    }, 60_000);

    it('a failing handler is rolled back alone, retried with backoff, and failed at the 5th attempt; the rest of its batch fires', async () => {
      t = await startTestApp(dialect);
      await probeTable();
      const now = t.clock.now().toISOString();
      await schedule(noops(3, now));
      await scheduleTimers(t.tdb.db.kysely, [{ kind: 'boom', caseId: null, dueAt: now, key: 'boom:1', payload: {} }], now);
      // a key scheduled again is the same timer
      await scheduleTimers(t.tdb.db.kysely, [{ kind: 'boom', caseId: null, dueAt: '2030-01-01T00:00:00.000Z', key: 'boom:1', payload: { again: true } }], now);
      const handlers: Record<string, TimerHandler> = {
        noop: probe('a'),
        // writes, then fails: its write must not survive
        boom: async (trx, deps, timer) => {
          await probe('boom')(trx, deps, timer);
          throw new Error('department system unreachable');
        },
      };
      const boom = () => t.tdb.db.kysely.selectFrom('timers').selectAll().where('key', '=', 'boom:1').executeTakeFirstOrThrow();
      expect((await boom()).payload).toBe('{}');

      expect(await runDueTimers(t.app.deps, { handlers })).toEqual({ fired: 3, retried: 1, failed: 0 });
      expect(await boom()).toMatchObject({ status: 'pending', attempts: 1, last_error: 'department system unreachable', due_at: new Date(Date.parse(now) + 60_000).toISOString() });
      const probes = await raw().selectFrom('timer_probe').select('instance').execute();
      expect(probes.map((p) => p.instance)).toEqual(['a', 'a', 'a']);

      // not due again before its backoff; then 5, 25, 125 minutes
      expect(await runDueTimers(t.app.deps, { handlers })).toEqual({ fired: 0, retried: 0, failed: 0 });
      for (const [wait, attempts] of [[1, 2], [5, 3], [25, 4], [125, 5]] as const) {
        t.clock.advance(wait * 60_000);
        const r = await runDueTimers(t.app.deps, { handlers });
        expect(r, `attempt ${attempts}`).toEqual(attempts < 5 ? { fired: 0, retried: 1, failed: 0 } : { fired: 0, retried: 0, failed: 1 });
        expect((await boom()).attempts).toBe(attempts);
      }
      expect(await boom()).toMatchObject({ status: 'failed', attempts: 5, fired_at: null });
      t.clock.advance(24 * 3600_000);
      expect(await runDueTimers(t.app.deps, { handlers })).toEqual({ fired: 0, retried: 0, failed: 0 });
      expect(await raw().selectFrom('timer_probe').select('instance').where('instance', '=', 'boom').execute()).toEqual([]);
      // a kind with no handler, or a handler the database refuses (which on PostgreSQL aborts the
      // transaction), fails the same way — not the sweeper, nor the timers beside it
      const later = t.clock.now().toISOString();
      await scheduleTimers(t.tdb.db.kysely, [
        { kind: 'unknown', caseId: null, dueAt: later, key: 'unknown:1', payload: {} },
        { kind: 'refused', caseId: null, dueAt: later, key: 'refused:1', payload: {} },
        ...noops(2, later, 'after'),
      ], later);
      const refused: TimerHandler = async (trx) => {
        await (trx as unknown as Kysely<any>).insertInto('timer_probe').values({ timer_id: null, instance: 'refused' }).execute();
      };
      expect(await runDueTimers(t.app.deps, { handlers: { noop: probe('after'), refused } })).toEqual({ fired: 2, retried: 2, failed: 0 });
      const last = await t.tdb.db.kysely.selectFrom('timers').select(['key', 'status', 'last_error']).where('key', 'in', ['unknown:1', 'refused:1']).orderBy('key').execute();
      expect(last.map((r) => [r.key, r.status])).toEqual([['refused:1', 'pending'], ['unknown:1', 'pending']]);
      expect(last[0].last_error).toMatch(/null|NOT NULL/i);
      expect(last[1].last_error).toContain('no handler for timer kind unknown');
      expect((await raw().selectFrom('timer_probe').select('instance').where('instance', '=', 'after').execute())).toHaveLength(2);
    });

    it('the app sweeps on its own every TIMER_INTERVAL_MS and stops when closed', async () => {
      t = await startTestApp(dialect, { TIMER_INTERVAL_MS: '10' });
      let clerk: Session = await t.login('clerk');
      const c = await intake(t, clerk, await publishedItem(t));
      await ok(move(t, clerk, c.id, 'supplement', { version: c.version, materials: [{ code: 'M01', problem: 'missing', note: '' }], dueDate: '2026-03-03' }));
      t.clock.set('2026-03-03T16:00:00.000Z');
      clerk = await t.login('clerk');
      await vi.waitFor(async () => expect((await ok(t.as(clerk, { url: `/api/v1/cases/${c.id}` }))).status).toBe('withdrawn'), { timeout: 15_000, interval: 20 });
    });
  });
}
