/**
 * A center's supervision and evaluation settings (GET/PUT /api/v1/admin/settings/supervision) on
 * both databases: read with defaults, changed with a version (409 when stale), checked with the
 * field named in zh-CN and English, inherited by the centers below — and read by the services.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluationSettingsFor } from '../../src/server/services/evaluation/settings.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { ok } from './case-review-helpers.js';

const S = '/api/v1/admin/settings/supervision';
const DEFAULT = (value: number | string) => ({ value, own: null, source: 'default', sourceCenterId: null });
const ALL = { ratingPeriodDays: 10, defaultLevel: 'none', rectifyWorkdays: 20, followUpPercent: 10, orderResponseWorkdays: 5 };

for (const dialect of dialects()) {
  describe(`supervision settings [${dialect}]`, () => {
    let t: TestApp;
    let admin: Session;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      admin = await t.login('admin');
    });
    afterEach(async () => t?.close());

    const put = (s: Session, payload: object, centerId?: string) => t.as(s, { method: 'PUT', url: centerId ? `${S}?centerId=${centerId}` : S, payload });
    const pathOf = async (id: string) => (await t.tdb.db.kysely.selectFrom('centers').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;

    it('reads the defaults, replaces them with a version (409 when stale), names bad values in zh-CN and English, and logs the change', async () => {
      expect(await ok(t.as(admin, { url: S }))).toEqual({
        centerId: t.org.cityId,
        version: 0,
        ratingPeriodDays: DEFAULT(7),
        defaultLevel: DEFAULT('satisfied'),
        rectifyWorkdays: DEFAULT(15),
        followUpPercent: DEFAULT(5),
        orderResponseWorkdays: DEFAULT(3),
      });

      const bad = await put(admin, { version: 0, ratingPeriodDays: 0, defaultLevel: 'great', rectifyWorkdays: 1.5, followUpPercent: 101, orderResponseWorkdays: null });
      expect(bad.statusCode).toBe(400);
      const errs = bad.json().error.fields;
      expect(errs.map((f: { field: string }) => f.field)).toEqual(['ratingPeriodDays', 'defaultLevel', 'rectifyWorkdays', 'followUpPercent']);
      expect(errs[0].message).toContain('ratingPeriodDays：');
      expect(errs[0].message).toContain('1 到 30');
      expect(errs[0].messageEn).toContain('calendar days from 1 to 30');
      expect(errs[1].messageEn).toContain('defaultLevel: ');
      expect(errs[3].message).toContain('0 到 100');
      const missing = await put(admin, { version: 0, ratingPeriodDays: 7, defaultLevel: null, rectifyWorkdays: 15, followUpPercent: 5 });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.fields[0].field).toBe('orderResponseWorkdays');

      const saved = await ok(put(admin, { version: 0, ...ALL }));
      expect(saved).toMatchObject({
        version: 1,
        ratingPeriodDays: { value: 10, own: 10, source: 'center', sourceCenterId: t.org.cityId },
        defaultLevel: { value: 'none', own: 'none', source: 'center' },
        followUpPercent: { value: 10, own: 10 },
      });
      // the services read what was set ('none': a lapsed occasion records nothing)
      expect(await evaluationSettingsFor(t.tdb.db.kysely, await pathOf(t.org.cityId))).toEqual({ ...ALL, defaultLevel: null });

      const stale = await put(admin, { version: 0, ...ALL, followUpPercent: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('conflict');
      const reset = await ok(put(admin, { version: 1, ...ALL, defaultLevel: null, followUpPercent: null }));
      expect(reset).toMatchObject({ version: 2, defaultLevel: DEFAULT('satisfied'), followUpPercent: DEFAULT(5), orderResponseWorkdays: { value: 5, own: 5 } });

      const log = await t.tdb.db.kysely.selectFrom('action_log').select(['entity_id', 'action', 'payload']).where('entity', '=', 'settings').orderBy('pos').execute();
      expect(log.map((l) => [l.entity_id, l.action, JSON.parse(l.payload).version])).toEqual([
        [t.org.cityId, 'updateSupervisionSettings', 1],
        [t.org.cityId, 'updateSupervisionSettings', 2],
      ]);
      // the case settings are a group of their own: still at version 0
      expect((await ok(t.as(admin, { url: '/api/v1/admin/settings/case' }))).version).toBe(0);
    });

    it('lets the county inherit the city’s values until it sets its own; keeps each admin inside their subtree and others out', async () => {
      await ok(put(admin, { version: 0, ...ALL }));
      const county = await t.login('countyadmin');
      const inherited = await ok(t.as(county, { url: S }));
      expect(inherited).toMatchObject({
        centerId: t.org.countyId,
        version: 0,
        ratingPeriodDays: { value: 10, own: null, source: 'ancestor', sourceCenterId: t.org.cityId },
        defaultLevel: { value: 'none', own: null, source: 'ancestor', sourceCenterId: t.org.cityId },
      });
      await ok(put(county, { version: 0, ratingPeriodDays: null, defaultLevel: 'verySatisfied', rectifyWorkdays: null, followUpPercent: 0, orderResponseWorkdays: null }));
      const seen = await ok(t.as(admin, { url: `${S}?centerId=${t.org.countyId}` }));
      expect(seen).toMatchObject({
        version: 1,
        ratingPeriodDays: { value: 10, source: 'ancestor' },
        defaultLevel: { value: 'verySatisfied', own: 'verySatisfied', source: 'center' },
        followUpPercent: { value: 0, own: 0, source: 'center' },
      });
      expect(await evaluationSettingsFor(t.tdb.db.kysely, await pathOf(t.org.countyId))).toEqual({ ...ALL, defaultLevel: 'verySatisfied', followUpPercent: 0 });
      expect((await t.as(county, { url: `${S}?centerId=${t.org.cityId}` })).statusCode).toBe(403);
      expect((await put(county, { version: 1, ...ALL }, t.org.cityId)).statusCode).toBe(403);
      expect((await t.as(admin, { url: `${S}?centerId=no-such-center` })).statusCode).toBe(404);
      for (const who of ['clerk', 'supervisor', 'leader']) {
        const s = await t.login(who);
        expect((await t.as(s, { url: S })).statusCode, who).toBe(403);
        expect((await put(s, { version: 0, ...ALL })).statusCode, who).toBe(403);
      }
      expect((await ok(t.as(admin, { url: S }))).followUpPercent.value).toBe(10);
    });
  });
}
