/**
 * Sessions across app instances on one database: every request reads its session with the
 * user's grants in one statement, nothing is kept between requests, so a logout or a changed
 * role on one instance holds at once on the other.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { type Db, openDb } from '../../src/server/db/database.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { dialects, PG_URL } from '../helpers/db.js';

for (const dialect of dialects()) {
  describe(`sessions on two instances [${dialect}]`, () => {
    let t: TestApp;
    let db2: Db;
    let b: FastifyInstance;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      db2 = dialect === 'sqlite' ? openDb({ sqliteFile: t.tdb.db.location }) : openDb({ url: PG_URL, pgSchema: t.tdb.db.schema });
      b = await buildApp({ config: t.config, db: db2, clock: t.clock, logger: false, webRoot: '/nonexistent' });
    });
    afterEach(async () => {
      await b?.close();
      await db2?.close();
      await t?.close();
    });

    const me = (s: { cookie: string }) => b.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } });
    /** signed in on instance b: /me names the user */
    const signedIn = async (s: { cookie: string }) => (await me(s)).json().user !== null;

    it('refuses a session logged out on the other instance at once', async () => {
      const s = await t.login('clerk');
      expect(await signedIn(s)).toBe(true);
      const out = await t.as(s, { method: 'POST', url: '/api/auth/logout' });
      expect(out.statusCode).toBe(200);
      expect(await signedIn(s)).toBe(false);
      // and a state change with it is refused as unauthenticated
      const r = await b.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { currentPassword: 'x', newPassword: 'y' } });
      expect(r.statusCode).toBe(401);
    });

    it('shows a role taken away on the other instance at the next request', async () => {
      const s = await t.login('admin');
      expect((await me(s)).json().user.permissions).toContain('catalogue:publish');
      const user = await t.tdb.db.kysely.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
      await t.tdb.db.kysely.deleteFrom('user_roles').where('user_id', '=', user.id).execute();
      const after = await me(s);
      expect(after.statusCode).toBe(200);
      expect(after.json().user.roles).toEqual([]);
      expect(after.json().user.permissions).not.toContain('catalogue:publish');
    });

    it('refuses a deactivated account’s session on the other instance at once', async () => {
      const s = await t.login('clerk');
      expect(await signedIn(s)).toBe(true);
      await t.tdb.db.kysely.updateTable('users').set({ active: 0 }).where('username', '=', 'clerk').execute();
      expect(await signedIn(s)).toBe(false);
    });
  });
}
