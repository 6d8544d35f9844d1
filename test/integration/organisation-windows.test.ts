import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/db.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';

const W = '/api/v1/admin/windows';

for (const dialect of dialects()) {
  describe(`organisation: windows [${dialect}]`, () => {
    let t: TestApp;
    let admin: Session;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      admin = await t.login('admin');
    });
    afterEach(async () => t.close());

    const post = (payload: object, s = admin) => t.as(s, { method: 'POST', url: W, payload });
    const dedicated = (code = 'A01') => ({ centerId: t.org.cityId, code, name: '市场监管专窗', kind: 'dedicated', departmentId: t.org.deptA, location: '一楼东侧' });
    const roster = () => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, departmentId: weekday % 2 ? t.org.deptA : t.org.deptB }));
    const appointment = (extra: Record<string, unknown> = {}) => ({
      centerId: t.org.cityId, code: 'Y01', name: '预约窗口', kind: 'appointment',
      servedDepartmentIds: [t.org.deptA, t.org.deptB], roster: roster(), ...extra,
    });
    const fields = (r: { json(): { error: { fields: { field: string }[] } } }) => r.json().error.fields.map((f) => f.field);

    it('creates the three kinds of window and reads them back', async () => {
      const a = await post(dedicated());
      expect(a.statusCode).toBe(200);
      expect(a.json()).toMatchObject({ code: 'A01', kind: 'dedicated', departmentId: t.org.deptA, servedDepartmentIds: [t.org.deptA], roster: [], location: '一楼东侧', version: 1 });
      const c = await post({ centerId: t.org.cityId, code: 'z01', name: '综合受理窗口', kind: 'comprehensive', servedDepartmentIds: [t.org.deptB, t.org.deptA] });
      expect(c.json()).toMatchObject({ code: 'Z01', departmentId: null, roster: [] });
      expect([...c.json().servedDepartmentIds].sort()).toEqual([t.org.deptA, t.org.deptB].sort());
      const y = await post(appointment({ roster: [...roster()].reverse() }));
      expect(y.statusCode).toBe(200);
      expect(y.json().roster.map((r: { weekday: number }) => r.weekday)).toEqual([1, 2, 3, 4, 5]);
      expect(y.json().roster[1].departmentId).toBe(t.org.deptB);
      expect((await t.as(await t.login('clerk'), { url: `${W}/${y.json().id}` })).json()).toEqual(y.json());
      const log = await t.tdb.db.kysely.selectFrom('action_log').select('action').where('entity', '=', 'window').execute();
      expect(log).toHaveLength(3);
    });

    it('names the field for each kind rule', async () => {
      const noDept = await post({ ...dedicated(), departmentId: null });
      expect(noDept.statusCode).toBe(400);
      expect(fields(noDept)).toEqual(['departmentId']);
      const weekday6 = await post(appointment({ roster: [...roster(), { weekday: 6, departmentId: t.org.deptA }] }));
      expect(weekday6.statusCode).toBe(400);
      expect(fields(weekday6)).toContain('roster');
      const sixth = await post(appointment({ roster: [...roster().slice(0, 4), { weekday: 6, departmentId: t.org.deptA }] }));
      expect(fields(sixth)).toEqual(['roster.4.weekday']);
      const single = await post({ centerId: t.org.cityId, code: 'Z01', name: '综合', kind: 'comprehensive', servedDepartmentIds: [t.org.deptA] });
      expect(fields(single)).toEqual(['servedDepartmentIds']);
      const missingFriday = await post(appointment({ roster: roster().slice(0, 4) }));
      expect(fields(missingFriday)).toEqual(['roster']);
      expect(missingFriday.json().error.message).toContain('周5');
      const twice = await post(appointment({ roster: [...roster().slice(0, 4), { weekday: 4, departmentId: t.org.deptA }] }));
      expect(fields(twice)).toEqual(['roster.4.weekday', 'roster']);
      const outsider = await post(appointment({ servedDepartmentIds: [t.org.deptA, t.org.deptCounty] }));
      expect(fields(outsider)).toContain('servedDepartmentIds.1');
      expect(fields(outsider)).toContain('roster.1.departmentId');
      const dedicatedRoster = await post({ ...dedicated(), roster: roster() });
      expect(fields(dedicatedRoster)).toEqual(['roster']);
    });

    it('refuses a duplicate code in the center with 409, and a stale version with 409', async () => {
      const a = (await post(dedicated())).json();
      const dup = await post({ ...dedicated('a01'), departmentId: t.org.deptB });
      expect(dup.statusCode).toBe(409);
      expect(fields(dup)).toEqual(['code']);
      const change = { code: 'A01', name: '综合受理一号窗', kind: 'comprehensive', departmentId: null, servedDepartmentIds: [t.org.deptA, t.org.deptB], roster: [], location: '' };
      const ok = await t.as(admin, { method: 'PUT', url: `${W}/${a.id}`, payload: { ...change, version: 1 } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ kind: 'comprehensive', departmentId: null, version: 2 });
      expect(ok.json().servedDepartmentIds).toHaveLength(2);
      const stale = await t.as(admin, { method: 'PUT', url: `${W}/${a.id}`, payload: { ...change, name: 'x', version: 1 } });
      expect(stale.statusCode).toBe(409);
      const log = await t.tdb.db.kysely.selectFrom('action_log').select('payload').where('entity', '=', 'window').where('action', '=', 'update').executeTakeFirstOrThrow();
      expect(JSON.parse(log.payload).changes.kind).toEqual(['dedicated', 'comprehensive']);
    });

    it('filters the list by center, kind and department', async () => {
      await post(dedicated());
      await post(dedicated('A02'));
      await post(appointment());
      await t.as(admin, { method: 'POST', url: W, payload: { centerId: t.org.countyId, code: 'A01', name: '县专窗', kind: 'dedicated', departmentId: t.org.deptCounty } });
      expect((await t.as(admin, { url: W })).json().total).toBe(4);
      expect((await t.as(admin, { url: `${W}?kind=appointment` })).json().items.map((w: { code: string }) => w.code)).toEqual(['Y01']);
      expect((await t.as(admin, { url: `${W}?departmentId=${t.org.deptB}` })).json().items.map((w: { code: string }) => w.code)).toEqual(['Y01']);
      expect((await t.as(admin, { url: `${W}?centerId=${t.org.countyId}` })).json().items).toHaveLength(1);
      const ca = await t.login('countyadmin');
      expect((await t.as(ca, { url: W })).json().items.map((w: { centerId: string }) => w.centerId)).toEqual([t.org.countyId]);
    });

    it('keeps a county admin out of city windows and lets nobody without org:manage write', async () => {
      const ca = await t.login('countyadmin');
      expect((await post(dedicated(), ca)).statusCode).toBe(403);
      const a = (await post(dedicated())).json();
      expect((await t.as(ca, { method: 'POST', url: `${W}/${a.id}/deactivate`, payload: { version: 1 } })).statusCode).toBe(403);
      expect((await post(dedicated('A09'), await t.login('supervisor'))).statusCode).toBe(403);
    });

    it('deactivates and reactivates a window, and refuses a comeback whose department was closed', async () => {
      const a = (await post({ ...dedicated(), departmentId: t.org.deptB })).json();
      const off = await t.as(admin, { method: 'POST', url: `${W}/${a.id}/deactivate`, payload: { version: 1 } });
      expect(off.json()).toMatchObject({ active: false, version: 2 });
      expect((await t.as(admin, { method: 'POST', url: `/api/v1/admin/departments/${t.org.deptB}/deactivate`, payload: { version: 1 } })).statusCode).toBe(200);
      const back = await t.as(admin, { method: 'POST', url: `${W}/${a.id}/activate`, payload: { version: 2 } });
      expect(back.statusCode).toBe(400);
      expect(fields(back)).toEqual(['departmentId']);
      await t.as(admin, { method: 'POST', url: `/api/v1/admin/departments/${t.org.deptB}/activate`, payload: { version: 2 } });
      expect((await t.as(admin, { method: 'POST', url: `${W}/${a.id}/activate`, payload: { version: 2 } })).json().active).toBe(true);
    });
  });
}
