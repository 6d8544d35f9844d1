/**
 * What the case services keep in memory stays correct across app instances (calendar/load.ts,
 * case/caches.ts): two apps on one database — one SQLite file, one PostgreSQL schema. A calendar
 * change made through the other instance, or written straight into the table, is seen by the
 * next move and view of the first (the revision token the triggers of migration 0004 replace).
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { type Db, openDb } from '../../src/server/db/database.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects, PG_URL } from '../helpers/db.js';
import { PASSWORD } from '../helpers/fixtures.js';
import { intake, move, publishedItem } from './case-helpers.js';
import { ok } from './case-review-helpers.js';

for (const dialect of dialects()) {
  describe(`cached calendars across instances [${dialect}]`, () => {
    let t: TestApp;
    let other: { app: FastifyInstance; db: Db };
    let clerk: Session;
    let itemId: string;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      // a second instance: its own handle (pool / connection), its own memory, the same data
      const db = dialect === 'sqlite' ? openDb({ sqliteFile: t.tdb.db.location }) : openDb({ url: PG_URL, pgSchema: t.tdb.db.schema, pgPoolSize: 2 });
      other = { db, app: await buildApp({ config: t.config, db, clock: t.clock, logger: false, webRoot: '/nonexistent' }) };
      clerk = await t.login('clerk');
      itemId = await publishedItem(t);
    });
    afterEach(async () => {
      await other?.app.close();
      await other?.db.close();
      await t?.close();
    });

    const view = (id: string) => ok(t.as(clerk, { url: `/api/v1/cases/${id}` }));

    it('a holiday set through another instance moves the deadlines the first one computes', async () => {
      const c = await intake(t, clerk, itemId);
      const accepted = await ok(move(t, clerk, c.id, 'accept', { version: 1 }));
      expect(accepted.deadlines).toEqual({ promised: '2026-03-16', statutory: '2026-03-30' });
      expect((await view(c.id)).deadlines).toEqual({ promised: '2026-03-16', statutory: '2026-03-30' }); // built and kept

      // the admin signs in on the other instance (sessions live in the database) and closes a day
      const login = await other.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: PASSWORD } });
      expect(login.statusCode, login.body).toBe(200);
      const setCookie = login.headers['set-cookie'];
      const admin = { cookie: String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0], csrf: login.json().csrfToken };
      const set = await other.app.inject({
        method: 'POST',
        url: '/api/v1/admin/calendar/overrides',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
        payload: { scope: t.org.cityId, date: '2026-03-04', workday: false, name: '测试停班' },
      });
      expect(set.statusCode, set.body).toBe(200);

      // the first instance's view and its next move fold on the new calendar
      expect((await view(c.id)).deadlines).toEqual({ promised: '2026-03-17', statutory: '2026-03-31' });
      const started = await ok(move(t, clerk, c.id, 'start-review', { version: accepted.version }));
      expect(started.deadlines).toEqual({ promised: '2026-03-17', statutory: '2026-03-31' });
      const stored = await t.tdb.db.kysely.selectFrom('cases').select('promised_due').where('id', '=', c.id).executeTakeFirstOrThrow();
      expect(stored.promised_due).toBe('2026-03-17');
    });

    it('a day written straight into the table (not through the services) is seen too', async () => {
      const c = await intake(t, clerk, itemId);
      const accepted = await ok(move(t, clerk, c.id, 'accept', { version: 1 }));
      expect((await view(c.id)).deadlines.promised).toBe('2026-03-16');
      await other.db.kysely
        .insertInto('calendar_days')
        .values({ id: crypto.randomUUID(), scope: t.org.cityId, date: '2026-03-05', workday: 0, name: '手工', created_by: null, created_at: '2026-03-02T00:00:00.000Z' })
        .execute();
      expect((await view(c.id)).deadlines.promised).toBe('2026-03-17');
      await other.db.kysely.deleteFrom('calendar_days').where('date', '=', '2026-03-05').execute();
      expect((await view(c.id)).deadlines.promised).toBe('2026-03-16');
      const started = await ok(move(t, clerk, c.id, 'start-review', { version: accepted.version }));
      expect(started.deadlines.promised).toBe('2026-03-16');
    });
  });
}
