/**
 * The stored deadlines of open cases follow the calendar, on both databases: a holiday added
 * inside a case's window moves its promised and statutory deadlines (rows and list) in the
 * calendar change's transaction, without a new case version; removing it moves them back; a
 * change elsewhere in the tree, or to a case not yet accepted or already concluded, leaves them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/services/audit/verify.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { immediateItem, intake, move, publishedItem } from './case-helpers.js';
import { ok } from './case-review-helpers.js';

const OVERRIDES = '/api/v1/admin/calendar/overrides';

for (const dialect of dialects()) {
  describe(`calendar changes recompute open cases' deadlines [${dialect}]`, () => {
    let t: TestApp;
    let clerk: Session;
    let admin: Session;
    let itemId: string;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      clerk = await t.login('clerk');
      admin = await t.login('admin');
      itemId = await publishedItem(t);
    });
    afterEach(async () => t?.close());

    const row = (id: string) =>
      t.tdb.db.kysely.selectFrom('cases').select(['promised_due', 'statutory_due', 'light', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    const listed = async (id: string) => (await ok(t.as(clerk, { url: '/api/v1/cases' }))).items.find((x: { id: string }) => x.id === id);
    const recomputeLog = () =>
      t.tdb.db.kysely.selectFrom('action_log').select(['entity_id', 'payload']).where('action', '=', 'recomputeDeadlines').orderBy('pos').execute();

    it('moves an accepted case’s stored deadlines by one working day when a holiday falls inside them, and back when it is removed', async () => {
      const c = await intake(t, clerk, itemId);
      const a = await ok(move(t, clerk, c.id, 'accept', { version: 1 }));
      expect(await row(c.id)).toEqual({ promised_due: '2026-03-16', statutory_due: '2026-03-30', light: 'green', version: 2 });
      const waiting = await intake(t, clerk, itemId); // not accepted: no deadline to move
      const immediate = await intake(t, clerk, await immediateItem(t));
      await ok(move(t, clerk, immediate.id, 'conclude-immediately', { version: 1, decision: { outcome: 'approved' } }));

      const set = await t.as(admin, { method: 'POST', url: OVERRIDES, payload: { scope: t.org.cityId, date: '2026-03-04', workday: false, name: '测试停班' } });
      expect(set.statusCode, set.body).toBe(200);
      // the same version: no action happened, and a client holding version 2 may still move the case
      expect(await row(c.id)).toEqual({ promised_due: '2026-03-17', statutory_due: '2026-03-31', light: 'green', version: 2 });
      expect(await listed(c.id)).toMatchObject({ promisedDue: '2026-03-17', statutoryDue: '2026-03-31', version: 2 });
      expect((await row(waiting.id)).promised_due).toBeNull();
      expect((await ok(t.as(clerk, { url: `/api/v1/cases/${c.id}` }))).deadlines).toEqual({ promised: '2026-03-17', statutory: '2026-03-31' });
      const log = await recomputeLog();
      expect(log.map((l) => [l.entity_id, JSON.parse(l.payload)])).toEqual([[t.org.cityId, { date: '2026-03-04', scope: t.org.cityId, cases: 1, changed: 1 }]]);
      const kinds = await t.tdb.db.kysely.selectFrom('case_actions').select('kind').where('case_id', '=', c.id).execute();
      expect(kinds).toHaveLength(2);

      const overrideId = set.json().id;
      const del = await t.as(admin, { method: 'DELETE', url: `${OVERRIDES}/${overrideId}` });
      expect(del.statusCode, del.body).toBe(200);
      expect(await row(c.id)).toMatchObject({ promised_due: '2026-03-16', statutory_due: '2026-03-30', version: 2 });
      expect(await listed(c.id)).toMatchObject({ promisedDue: '2026-03-16' });
      expect((await ok(move(t, clerk, c.id, 'start-review', { version: a.version }))).status).toBe('inReview');
      expect((await recomputeLog()).length).toBe(2);
      expect((await verifyAuditChain(t.app.deps)).ok).toBe(true);
    });

    it('applies a center’s change to its own cases and those below it, not to a center above; a national change to all', async () => {
      const c = await intake(t, clerk, itemId);
      await ok(move(t, clerk, c.id, 'accept', { version: 1 }));
      // the county is below the city: its holiday is not the city's
      const county = await t.login('countyadmin');
      const r = await t.as(county, { method: 'POST', url: OVERRIDES, payload: { scope: t.org.countyId, date: '2026-03-05', workday: false } });
      expect(r.statusCode, r.body).toBe(200);
      expect((await row(c.id)).promised_due).toBe('2026-03-16');
      expect(await recomputeLog()).toEqual([]);
      const n = await t.as(admin, { method: 'POST', url: OVERRIDES, payload: { scope: 'national', date: '2026-03-06', workday: false, name: '测试假日' } });
      expect(n.statusCode, n.body).toBe(200);
      expect((await row(c.id)).promised_due).toBe('2026-03-17');
      // a year's list imported for the city: a make-up working day on Saturday the 7th brings it back
      const imp = await t.as(admin, { method: 'POST', url: '/api/v1/admin/calendar/import', payload: { scope: t.org.cityId, year: 2026, text: '2026-03-07 班 测试调班' } });
      expect(imp.statusCode, imp.body).toBe(200);
      expect(await row(c.id)).toMatchObject({ promised_due: '2026-03-16', statutory_due: '2026-03-30', version: 2 });
      expect((await recomputeLog()).map((l) => JSON.parse(l.payload).scope)).toEqual(['national', t.org.cityId]);
    });
  });
}
