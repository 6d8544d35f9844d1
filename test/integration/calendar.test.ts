import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/db.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { intake, move, publishedItem } from './case-helpers.js';

// A year list as an admin would paste it; the dates are test data, not an official notice.
const LIST_2027 = `2027-01-01~2027-01-03 休 元旦
2027-02-05~2027-02-13 休 春节
2027-02-14 班 春节
2027-10-01~2027-10-07 休 国庆节
2027-10-09 班 国庆节`;

for (const dialect of dialects()) {
  describe(`calendar [${dialect}]`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startTestApp(dialect);
    });
    afterEach(async () => t.close());

    const deadline = (q: string) => t.app.inject({ url: `/api/v1/calendar/deadline?${q}` });

    it('counts working days across the 2025 National Day holiday and its make-up days', async () => {
      const r = await deadline('from=2025-09-30&workdays=1');
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual({ from: '2025-09-30', workdays: 1, due: '2025-10-09' });
      // 2025-09-28 (Sunday) is a make-up working day
      expect((await deadline('from=2025-09-26&workdays=1')).json().due).toBe('2025-09-28');
      expect((await deadline('from=2025-09-26&workdays=0')).json().due).toBe('2025-09-26');
    });

    it('lists the days of a year with holiday names and says whether the arrangement is loaded', async () => {
      const r = await t.app.inject({ url: '/api/v1/calendar/days?year=2026' });
      expect(r.statusCode).toBe(200);
      const body = r.json();
      expect(body.officialLoaded).toBe(true);
      expect(body.days).toHaveLength(365);
      const jan1 = body.days.find((d: { date: string }) => d.date === '2026-01-01');
      expect(jan1).toMatchObject({ workday: false, name: '元旦', source: 'official' });
      const y27 = (await t.app.inject({ url: '/api/v1/calendar/days?year=2027' })).json();
      expect(y27.officialLoaded).toBe(false);
    });

    it('names the bad field and answers 404 for an unknown center', async () => {
      const bad = await deadline('from=2025-02-30&workdays=3');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].field).toBe('from');
      const neg = await deadline('from=2025-02-03&workdays=-1');
      expect(neg.statusCode).toBe(400);
      expect(neg.json().error.fields[0].field).toBe('workdays');
      const unknown = await deadline('from=2025-02-03&workdays=3&center=999999');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.fields[0].field).toBe('center');
    });

    it('applies a center override to that center and the centers below it, not to others', async () => {
      const admin = await t.login('admin');
      // 2026-03-04 is a Wednesday; the city closes it (e.g. a local festival)
      const r = await t.as(admin, {
        method: 'POST', url: '/api/v1/admin/calendar/overrides',
        payload: { scope: t.org.cityId, date: '2026-03-04', workday: false, name: '地方节日' },
      });
      expect(r.statusCode).toBe(200);
      expect((await deadline('from=2026-03-03&workdays=1&center=370100')).json().due).toBe('2026-03-05');
      expect((await deadline('from=2026-03-03&workdays=1&center=370124')).json().due).toBe('2026-03-05');
      expect((await deadline('from=2026-03-03&workdays=1')).json().due).toBe('2026-03-04');
      const county = await t.login('countyadmin');
      const denied = await t.as(county, {
        method: 'POST', url: '/api/v1/admin/calendar/overrides',
        payload: { scope: t.org.cityId, date: '2026-03-05', workday: false, name: null },
      });
      expect(denied.statusCode).toBe(403);
      // the county sees the city's days (they apply to it) but cannot change them
      const listed = await t.as(county, { url: `/api/v1/admin/calendar/overrides?scope=${t.org.cityId}&year=2026` });
      expect(listed.statusCode).toBe(200);
      expect(listed.json().items.map((i: { date: string }) => i.date)).toEqual(['2026-03-04']);
      const clerk = await t.login('clerk');
      expect((await t.as(clerk, { method: 'DELETE', url: `/api/v1/admin/calendar/overrides/${r.json().id}` })).statusCode).toBe(403);
      expect((await t.as(admin, { method: 'DELETE', url: `/api/v1/admin/calendar/overrides/${r.json().id}` })).statusCode).toBe(200);
      expect((await deadline('from=2026-03-03&workdays=1&center=370100')).json().due).toBe('2026-03-04');
    });

    it('warns when the next 60 days reach a year with no arrangement, until an admin imports it', async () => {
      t.clock.set('2026-11-30T02:00:00.000Z');
      const admin = await t.login('admin');
      const before = (await t.as(admin, { url: '/api/v1/admin/calendar/coverage' })).json();
      expect(before.ok).toBe(false);
      expect(before.missingYears).toEqual([2027]);
      expect(before.message).toContain('2027年的法定节假日安排尚未录入');

      const bad = await t.as(admin, {
        method: 'POST', url: '/api/v1/admin/calendar/import',
        payload: { scope: 'national', year: 2027, text: '2027-01-01 休 元旦\n2026-12-31 休 跨年\n2027-13-01 休 x' },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['text.line2', 'text.line3']);
      expect((await t.as(admin, { url: '/api/v1/admin/calendar/coverage' })).json().ok).toBe(false);

      const ok = await t.as(admin, { method: 'POST', url: '/api/v1/admin/calendar/import', payload: { scope: 'national', year: 2027, text: LIST_2027 } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ year: 2027, days: 21, officialLoaded: true });
      const after = (await t.as(admin, { url: '/api/v1/admin/calendar/coverage' })).json();
      expect(after).toMatchObject({ ok: true, missingYears: [], message: '' });
      expect(after.knownYears).toContain(2027);
      // the imported arrangement now drives deadlines: 2027-02-04 + 1 working day skips 春节 to the make-up Sunday
      expect((await deadline('from=2027-02-04&workdays=1')).json().due).toBe('2027-02-14');
      const log = await t.tdb.db.kysely.selectFrom('action_log').select(['entity', 'action']).where('entity', '=', 'calendar').execute();
      expect(log).toEqual([{ entity: 'calendar', action: 'importYear' }]);
    });

    it('counts open case deadlines: a case due in a year without an arrangement raises the warning', async () => {
      t.clock.set('2026-10-12T02:00:00.000Z'); // the next 60 days stay in 2026
      const admin = await t.login('admin');
      expect((await t.as(admin, { url: '/api/v1/admin/calendar/coverage' })).json().ok).toBe(true);
      const itemId = await publishedItem(t, { statutoryLimit: 60, promisedLimit: 30 });
      const clerk = await t.login('clerk');
      const c = await intake(t, clerk, itemId);
      const accepted = await move(t, clerk, c.id, 'accept', { version: c.version });
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json().deadlines.statutory.startsWith('2027-')).toBe(true);
      const after = (await t.as(admin, { url: '/api/v1/admin/calendar/coverage' })).json();
      expect(after).toMatchObject({ ok: false, missingYears: [2027] });
    });

    it('lets only a root-center admin enter the national arrangement', async () => {
      const county = await t.login('countyadmin');
      const r = await t.as(county, { method: 'POST', url: '/api/v1/admin/calendar/import', payload: { scope: 'national', year: 2027, text: LIST_2027 } });
      expect(r.statusCode).toBe(403);
      const anon = await t.app.inject({ method: 'POST', url: '/api/v1/admin/calendar/import', payload: { scope: 'national', year: 2027, text: LIST_2027 } });
      expect(anon.statusCode).toBe(401);
    });
  });
}
