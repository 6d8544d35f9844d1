import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/db.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';

const D = '/api/v1/admin/departments';

for (const dialect of dialects()) {
  describe(`organisation: departments [${dialect}]`, () => {
    let t: TestApp;
    let admin: Session;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      admin = await t.login('admin');
    });
    afterEach(async () => t.close());

    const dept = (centerId: string, code: string, extra: Record<string, unknown> = {}) => ({
      centerId, code, name: `部门${code}`, shortName: code, liaisonName: '张三', liaisonPhone: '13812345678',
      leaderName: '李四', leaderPhone: '0531-86660000', sort: 5, ...extra,
    });

    it('lists departments in scope with masked phones, filters and pages', async () => {
      const r = await t.as(admin, { url: D });
      expect(r.statusCode).toBe(200);
      const all = r.json();
      expect(all.total).toBe(3);
      expect(all.items[0].liaisonPhone).toBe('138****0000');
      expect(all.items[0].leaderPhone).toBe('139****0000');
      expect((await t.as(admin, { url: `${D}?centerId=${t.org.countyId}` })).json().items.map((d: { id: string }) => d.id)).toEqual([t.org.deptCounty]);
      expect((await t.as(admin, { url: `${D}?q=zjj` })).json().items.map((d: { id: string }) => d.id)).toEqual([t.org.deptB]);
      expect((await t.as(admin, { url: `${D}?q=市场监督` })).json().total).toBe(2);
      expect((await t.as(admin, { url: `${D}?q=%25` })).json().total).toBe(0); // a typed % matches literally
      const page2 = (await t.as(admin, { url: `${D}?page=2&pageSize=2` })).json();
      expect(page2).toMatchObject({ total: 3 });
      expect(page2.items).toHaveLength(1);
    });

    it('shows a county admin only the county, and refuses a city filter', async () => {
      const ca = await t.login('countyadmin');
      expect((await t.as(ca, { url: D })).json().items.map((d: { id: string }) => d.id)).toEqual([t.org.deptCounty]);
      expect((await t.as(ca, { url: `${D}?centerId=${t.org.cityId}` })).statusCode).toBe(403);
      expect((await t.as(ca, { url: `${D}/${t.org.deptA}` })).statusCode).toBe(403);
    });

    it('creates, reads in full, updates and logs a department', async () => {
      const r = await t.as(admin, { method: 'POST', url: D, payload: dept(t.org.cityId, 'gaj') });
      expect(r.statusCode).toBe(200);
      const d = r.json();
      expect(d).toMatchObject({ code: 'GAJ', centerName: '测试市政务服务中心', liaisonPhone: '13812345678', sort: 5, version: 1, active: true });
      const got = (await t.as(await t.login('clerk'), { url: `${D}/${d.id}` })).json();
      expect(got.leaderPhone).toBe('0531-86660000');
      const upd = await t.as(admin, { method: 'PUT', url: `${D}/${d.id}`, payload: { ...dept(t.org.cityId, 'GAJ', { name: '公安局' }), centerId: undefined, version: 1 } });
      expect(upd.statusCode).toBe(200);
      expect(upd.json()).toMatchObject({ name: '公安局', version: 2 });
      const stale = await t.as(admin, { method: 'PUT', url: `${D}/${d.id}`, payload: { ...dept(t.org.cityId, 'GAJ'), version: 1 } });
      expect(stale.statusCode).toBe(409);
      const log = await t.tdb.db.kysely.selectFrom('action_log').select(['action', 'payload']).where('entity', '=', 'department').where('entity_id', '=', d.id).orderBy('pos').execute();
      expect(log.map((a) => a.action)).toEqual(['create', 'update']);
      expect(JSON.parse(log[1].payload).changes).toEqual({ name: ['部门gaj', '公安局'], short_name: ['gaj', 'GAJ'] });
    });

    it('refuses a code taken in the same center with 409 naming `code`, but not in another center', async () => {
      const dup = await t.as(admin, { method: 'POST', url: D, payload: dept(t.org.cityId, 'scjg') });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error).toMatchObject({ code: 'conflict', fields: [{ field: 'code' }] });
      const other = await t.as(admin, { method: 'POST', url: D, payload: dept(t.org.countyId, 'ZJJ') });
      expect(other.statusCode).toBe(200);
      const rename = await t.as(admin, { method: 'PUT', url: `${D}/${t.org.deptB}`, payload: { ...dept(t.org.cityId, 'SCJG'), version: 1 } });
      expect(rename.statusCode).toBe(409);
      expect(rename.json().error.fields[0].field).toBe('code');
    });

    it('validates phones and the center, naming the field', async () => {
      const bad = await t.as(admin, { method: 'POST', url: D, payload: dept(t.org.cityId, 'X1', { liaisonPhone: '1381234' }) });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['liaisonPhone']);
      const noCenter = await t.as(admin, { method: 'POST', url: D, payload: dept('nope', 'X1') });
      expect(noCenter.statusCode).toBe(400);
      expect(noCenter.json().error.fields[0].field).toBe('centerId');
      const landline = await t.as(admin, { method: 'POST', url: D, payload: dept(t.org.cityId, 'X2', { liaisonPhone: '053186660000-12' }) });
      expect(landline.statusCode).toBe(200);
    });

    it('keeps a county admin and department staff out of city departments (403)', async () => {
      const ca = await t.login('countyadmin');
      expect((await t.as(ca, { method: 'POST', url: D, payload: dept(t.org.cityId, 'X1') })).statusCode).toBe(403);
      const put = await t.as(ca, { method: 'PUT', url: `${D}/${t.org.deptA}`, payload: { ...dept(t.org.cityId, 'SCJG'), version: 1 } });
      expect(put.statusCode).toBe(403);
      expect((await t.as(ca, { method: 'POST', url: `${D}/${t.org.deptA}/deactivate`, payload: { version: 1 } })).statusCode).toBe(403);
      expect((await t.as(ca, { method: 'POST', url: D, payload: dept(t.org.countyId, 'X1') })).statusCode).toBe(200);
      const leader = await t.login('leader');
      expect((await t.as(leader, { method: 'PUT', url: `${D}/${t.org.deptA}`, payload: { ...dept(t.org.cityId, 'SCJG'), version: 1 } })).statusCode).toBe(403);
    });

    it('deactivates only when no active window depends on it', async () => {
      const w = await t.as(admin, {
        method: 'POST', url: '/api/v1/admin/windows',
        payload: { centerId: t.org.cityId, code: 'A01', name: '市场监管专窗', kind: 'dedicated', departmentId: t.org.deptA },
      });
      expect(w.statusCode).toBe(200);
      const blocked = await t.as(admin, { method: 'POST', url: `${D}/${t.org.deptA}/deactivate`, payload: { version: 1 } });
      expect(blocked.statusCode).toBe(422);
      expect(blocked.json().error.message).toContain('A01');
      const ok = await t.as(admin, { method: 'POST', url: `${D}/${t.org.deptB}/deactivate`, payload: { version: 1 } });
      expect(ok.json()).toMatchObject({ active: false, version: 2 });
      expect((await t.as(admin, { url: `${D}?active=false` })).json().items.map((d: { id: string }) => d.id)).toEqual([t.org.deptB]);
      const centers = (await t.as(admin, { url: '/api/v1/admin/centers' })).json();
      expect(centers.items[0]).toMatchObject({ departmentCount: 1, windowCount: 1 });
      expect((await t.as(admin, { method: 'POST', url: `${D}/${t.org.deptB}/activate`, payload: { version: 2 } })).json().active).toBe(true);
    });
  });
}
