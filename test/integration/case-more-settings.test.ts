/**
 * A center's case settings on both databases: read with defaults, changed with a version (409
 * when stale), checked with the field named, inherited by the centers below — and used: the
 * supplement period and the warning light's lead time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { intake, move, publishedItem } from './case-helpers.js';
import { ok } from './case-review-helpers.js';

const S = '/api/v1/admin/settings/case';
const DEFAULT = (value: number) => ({ value, own: null, source: 'default', sourceCenterId: null });

for (const dialect of dialects()) {
  describe(`case settings [${dialect}]`, () => {
    let t: TestApp;
    let admin: Session;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      admin = await t.login('admin');
    });
    afterEach(async () => t?.close());

    const put = (s: Session, payload: object, centerId?: string) => t.as(s, { method: 'PUT', url: centerId ? `${S}?centerId=${centerId}` : S, payload });

    it('reads the defaults, replaces them with a version (409 when stale), names a bad value in zh-CN and English, and logs the change', async () => {
      const first = await ok(t.as(admin, { url: S }));
      expect(first).toEqual({ centerId: t.org.cityId, version: 0, lightWarningDays: DEFAULT(2), supplementDueWorkdays: DEFAULT(10), deferredReturnWorkdays: DEFAULT(15) });

      const bad = await put(admin, { version: 0, lightWarningDays: 2.5, supplementDueWorkdays: 0, deferredReturnWorkdays: null });
      expect(bad.statusCode).toBe(400);
      const errs = bad.json().error.fields;
      expect(errs.map((f: { field: string }) => f.field)).toEqual(['lightWarningDays', 'supplementDueWorkdays']);
      expect(errs[1].message).toContain('1 到 60');
      expect(errs[1].messageEn).toContain('from 1 to 60');
      const missing = await put(admin, { version: 0, lightWarningDays: 3 });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.fields[0].field).toBe('supplementDueWorkdays');

      const saved = await ok(put(admin, { version: 0, lightWarningDays: 5, supplementDueWorkdays: 3, deferredReturnWorkdays: null }));
      expect(saved).toMatchObject({
        version: 1,
        lightWarningDays: { value: 5, own: 5, source: 'center', sourceCenterId: t.org.cityId },
        supplementDueWorkdays: { value: 3, own: 3, source: 'center' },
      });
      const stale = await put(admin, { version: 0, lightWarningDays: 1, supplementDueWorkdays: 1, deferredReturnWorkdays: null });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('conflict');
      // back to inheriting one of them
      const reset = await ok(put(admin, { version: 1, lightWarningDays: null, supplementDueWorkdays: 3, deferredReturnWorkdays: null }));
      expect(reset).toMatchObject({ version: 2, lightWarningDays: DEFAULT(2), supplementDueWorkdays: { value: 3, own: 3 } });

      const log = await t.tdb.db.kysely.selectFrom('action_log').select(['entity', 'entity_id', 'action', 'payload']).where('entity', '=', 'settings').orderBy('pos').execute();
      expect(log.map((l) => [l.entity_id, l.action, JSON.parse(l.payload).version])).toEqual([
        [t.org.cityId, 'updateCaseSettings', 1],
        [t.org.cityId, 'updateCaseSettings', 2],
      ]);
      const rows = await t.tdb.db.kysely.selectFrom('settings').select(['key', 'value', 'version']).where('scope', '=', t.org.cityId).orderBy('key').execute();
      expect(rows).toEqual([
        { key: 'case.deferredReturnWorkdays', value: 'null', version: 2 },
        { key: 'case.lightWarningDays', value: 'null', version: 2 },
        { key: 'case.supplementDueWorkdays', value: '3', version: 2 },
      ]);
    });

    it('lets the county inherit the city’s values until it sets its own; keeps each admin inside their subtree and others out', async () => {
      await ok(put(admin, { version: 0, lightWarningDays: 4, supplementDueWorkdays: 7, deferredReturnWorkdays: 20 }));
      const county = await t.login('countyadmin');
      const inherited = await ok(t.as(county, { url: S }));
      expect(inherited).toEqual({
        centerId: t.org.countyId,
        version: 0,
        lightWarningDays: { value: 4, own: null, source: 'ancestor', sourceCenterId: t.org.cityId },
        supplementDueWorkdays: { value: 7, own: null, source: 'ancestor', sourceCenterId: t.org.cityId },
        deferredReturnWorkdays: { value: 20, own: null, source: 'ancestor', sourceCenterId: t.org.cityId },
      });
      await ok(put(county, { version: 0, lightWarningDays: null, supplementDueWorkdays: 15, deferredReturnWorkdays: null }));
      // the city admin reads (and may change) the county below; the county admin not the city
      const seen = await ok(t.as(admin, { url: `${S}?centerId=${t.org.countyId}` }));
      expect(seen).toMatchObject({ version: 1, lightWarningDays: { value: 4, source: 'ancestor' }, supplementDueWorkdays: { value: 15, own: 15, source: 'center' } });
      expect((await t.as(county, { url: `${S}?centerId=${t.org.cityId}` })).statusCode).toBe(403);
      expect((await put(county, { version: 1, lightWarningDays: 1, supplementDueWorkdays: 1, deferredReturnWorkdays: null }, t.org.cityId)).statusCode).toBe(403);
      expect((await t.as(admin, { url: `${S}?centerId=no-such-center` })).statusCode).toBe(404);
      for (const who of ['clerk', 'supervisor', 'leader']) {
        const s = await t.login(who);
        expect((await t.as(s, { url: S })).statusCode, who).toBe(403);
        expect((await put(s, { version: 0, lightWarningDays: 1, supplementDueWorkdays: 1, deferredReturnWorkdays: null })).statusCode, who).toBe(403);
      }
      // the city's own values did not move
      expect((await ok(t.as(admin, { url: S }))).supplementDueWorkdays.value).toBe(7);
    });

    it('dates an unanswered supplement notice by the center’s period', async () => {
      const clerk = await t.login('clerk');
      const itemId = await publishedItem(t);
      const before = await intake(t, clerk, itemId);
      const s1 = await ok(move(t, clerk, before.id, 'supplement', { version: 1, materials: [{ code: 'M02', problem: 'missing' }] }));
      expect(s1.supplement.dueDate).toBe('2026-03-16'); // the default, 10 working days
      await ok(put(admin, { version: 0, lightWarningDays: null, supplementDueWorkdays: 3, deferredReturnWorkdays: null }));
      const after = await intake(t, clerk, itemId);
      const s2 = await ok(move(t, clerk, after.id, 'supplement', { version: 1, materials: [{ code: 'M02', problem: 'missing' }] }));
      expect(s2.supplement.dueDate).toBe('2026-03-05'); // Monday + 3 working days
      // a date given by the clerk still wins
      const given = await intake(t, clerk, itemId);
      const s3 = await ok(move(t, clerk, given.id, 'supplement', { version: 1, materials: [{ code: 'M02', problem: 'missing' }], dueDate: '2026-03-20' }));
      expect(s3.supplement.dueDate).toBe('2026-03-20');
    });

    it('lights the warning by the center’s lead time in the case, the list and the task inbox', async () => {
      let clerk = await t.login('clerk');
      const itemId = await publishedItem(t);
      const c = await intake(t, clerk, itemId);
      const a = await ok(move(t, clerk, c.id, 'accept', { version: 1 }));
      expect(a.deadlines.promised).toBe('2026-03-16');
      await ok(move(t, clerk, c.id, 'start-review', { version: a.version })); // 审查 (5 working days) opens today
      // Wednesday 2026-03-04: eight working days to the promised deadline (the 16th), three to the task's (the 9th)
      t.clock.set('2026-03-04T02:00:00.000Z');
      clerk = await t.login('clerk');
      const reviewer = await t.login('reviewer');
      const lights = async () => {
        const view = await ok(t.as(clerk, { url: `/api/v1/cases/${c.id}` }));
        const line = (await ok(t.as(clerk, { url: '/api/v1/cases' }))).items[0];
        const task = (await ok(t.as(reviewer, { url: '/api/v1/review/tasks' }))).items[0];
        return [view.light, line.light, view.tasks[0].light, task.light];
      };
      expect(await lights()).toEqual(['green', 'green', 'green', 'green']);
      admin = await t.login('admin');
      await ok(put(admin, { version: 0, lightWarningDays: 8, supplementDueWorkdays: null, deferredReturnWorkdays: null }));
      expect(await lights()).toEqual(['warning', 'warning', 'warning', 'warning']);
    });
  });
}
