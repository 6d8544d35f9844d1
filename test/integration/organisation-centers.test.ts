import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/services/audit/verify.js';
import { systemCtx } from '../../src/server/services/context.js';
import { createCenter } from '../../src/server/services/organisation/index.js';
import { dialects } from '../helpers/db.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';

const C = '/api/v1/admin/centers';

for (const dialect of dialects()) {
  describe(`organisation: centers [${dialect}]`, () => {
    let t: TestApp;
    let admin: Session;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      admin = await t.login('admin');
    });
    afterEach(async () => t.close());

    const station = (parentId: string, areaCode: string, extra: Record<string, unknown> = {}) => ({
      parentId, name: `站点${areaCode}`, kind: 'station', areaCode, address: '某街道1号', phone: '0531-88880000', ...extra,
    });
    const post = (s: Session, payload: object) => t.as(s, { method: 'POST', url: C, payload });
    const actions = (entity: string, entityId: string) =>
      t.tdb.db.kysely.selectFrom('action_log').selectAll().where('entity', '=', entity).where('entity_id', '=', entityId).orderBy('pos').execute();

    it('lists the tree the actor can see, in tree order with depth and counts', async () => {
      const r = await t.as(admin, { url: C });
      expect(r.statusCode).toBe(200);
      const { items, total } = r.json();
      expect(total).toBe(2);
      expect(items.map((c: { areaCode: string; depth: number }) => [c.areaCode, c.depth])).toEqual([['370100', 0], ['370124', 1]]);
      expect(items[0]).toMatchObject({ kind: 'city', parentId: null, departmentCount: 2, windowCount: 0, active: true });
      expect(items[1]).toMatchObject({ kind: 'county', parentId: t.org.cityId, departmentCount: 1 });

      const county = (await t.as(await t.login('countyadmin'), { url: C })).json();
      expect(county.items.map((c: { id: string }) => c.id)).toEqual([t.org.countyId]);
      // a department-scoped reader still sees the hall's structure
      expect((await t.as(await t.login('clerk'), { url: C })).json().total).toBe(2);
    });

    it('needs a login (401) and org:read (403)', async () => {
      expect((await t.as(null, { url: C })).statusCode).toBe(401);
      expect((await t.as(null, { method: 'POST', url: C, payload: {} })).statusCode).toBe(401);
      const r = await t.as(await t.login('applicant'), { url: C });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('forbidden');
      expect((await t.as(await t.login('volunteer'), { url: `${C}/${t.org.cityId}` })).statusCode).toBe(403);
    });

    it('creates a station under a center the actor administers, logs it, and reads it back', async () => {
      const r = await post(admin, station(t.org.countyId, '370191'));
      expect(r.statusCode).toBe(200);
      const c = r.json();
      expect(c).toMatchObject({ parentId: t.org.countyId, parentName: '测试县政务服务中心', kind: 'station', depth: 2, version: 1, timeZone: 'Asia/Shanghai' });
      expect(c.path).toBe(`/${t.org.cityId}/${t.org.countyId}/${c.id}/`);
      const got = await t.as(admin, { url: `${C}/${c.id}` });
      expect(got.json()).toEqual(c);
      const log = await actions('center', c.id);
      expect(log.map((a) => a.action)).toEqual(['create']);
      expect(JSON.parse(log[0].payload).areaCode).toBe('370191');
      expect(log[0].actor_name).toBe('admin');
    });

    it('lets only the system create a root center', async () => {
      const r = await post(admin, { parentId: null, name: '山东省政务服务中心', kind: 'province', areaCode: '370000' });
      expect(r.statusCode).toBe(403);
      const p = await createCenter(systemCtx(t.app.deps), { parentId: null, name: '山东省政务服务中心', kind: 'province', areaCode: '370000' });
      expect(p).toMatchObject({ parentId: null, depth: 0, kind: 'province' });
      expect((await actions('center', p.id))[0].actor_name).toBe('system');
    });

    it('names the field on a bad area code, a bad placement and a duplicate area code', async () => {
      const short = await post(admin, station(t.org.cityId, '37019'));
      expect(short.statusCode).toBe(400);
      expect(short.json().error.fields[0].field).toBe('areaCode');
      const province = await post(admin, station(t.org.cityId, '990191'));
      expect(province.statusCode).toBe(400);
      expect(province.json().error.fields).toEqual([expect.objectContaining({ field: 'areaCode', messageEn: expect.stringContaining('province') })]);
      const otherProvince = await post(admin, station(t.org.cityId, '410191'));
      expect(otherProvince.json().error.fields[0].field).toBe('areaCode');
      const dup = await post(admin, station(t.org.cityId, '370124'));
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error).toMatchObject({ code: 'conflict', fields: [{ field: 'areaCode' }] });

      const s = (await post(admin, station(t.org.countyId, '370191'))).json();
      const underStation = await post(admin, { parentId: s.id, name: '分中心', kind: 'subCenter', areaCode: '370192' });
      expect(underStation.statusCode).toBe(400);
      expect(underStation.json().error.fields[0]).toMatchObject({ field: 'parentId', message: expect.stringContaining('分中心') });
      const cityUnderCounty = await post(admin, { parentId: t.org.countyId, name: '市', kind: 'city', areaCode: '370200' });
      expect(cityUnderCounty.json().error.fields[0].field).toBe('parentId');
      const badPhone = await post(admin, station(t.org.cityId, '370193', { phone: '12345' }));
      expect(badPhone.json().error.fields[0].field).toBe('phone');
      const root = await createCenter(systemCtx(t.app.deps), { parentId: null, name: '站', kind: 'station', areaCode: '370194' }).catch((e) => e);
      expect(root.fields[0].field).toBe('parentId');
    });

    it('updates with the version read, and refuses a stale version with 409', async () => {
      const c = (await t.as(admin, { url: `${C}/${t.org.countyId}` })).json();
      const body = { parentId: c.parentId, name: '测试县政务服务大厅', kind: c.kind, areaCode: c.areaCode, address: '县府路1号', phone: '', timeZone: c.timeZone };
      const ok = await t.as(admin, { method: 'PUT', url: `${C}/${c.id}`, payload: { ...body, version: c.version } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ name: '测试县政务服务大厅', address: '县府路1号', version: c.version + 1 });
      const stale = await t.as(admin, { method: 'PUT', url: `${C}/${c.id}`, payload: { ...body, name: '又改', version: c.version } });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('conflict');
      expect((await t.as(admin, { url: `${C}/${c.id}` })).json().name).toBe('测试县政务服务大厅');
      const log = await actions('center', c.id);
      expect(JSON.parse(log[0].payload).changes.name).toEqual(['测试县政务服务中心', '测试县政务服务大厅']);
    });

    it('moves a center with its subtree and refuses a cycle', async () => {
      const s = (await post(admin, station(t.org.countyId, '370191'))).json();
      const county = (await t.as(admin, { url: `${C}/${t.org.countyId}` })).json();
      const under = { parentId: s.id, name: county.name, kind: 'county' as const, areaCode: county.areaCode, address: '', phone: '', timeZone: 'Asia/Shanghai', version: county.version };
      const cycle = await t.as(admin, { method: 'PUT', url: `${C}/${county.id}`, payload: under });
      expect(cycle.statusCode).toBe(400);
      expect(cycle.json().error.fields[0]).toMatchObject({ field: 'parentId', messageEn: expect.stringContaining('descendants') });

      const p = await createCenter(systemCtx(t.app.deps), { parentId: null, name: '省中心', kind: 'province', areaCode: '370000' });
      // the county moves under the province directly (省直管县); its station follows
      const { updateCenter } = await import('../../src/server/services/organisation/index.js');
      const moved = await updateCenter(systemCtx(t.app.deps), county.id, { ...under, parentId: p.id });
      expect(moved.path).toBe(`/${p.id}/${county.id}/`);
      const st = (await t.as(admin, { url: `${C}/${s.id}` }));
      expect(st.statusCode).toBe(403); // now outside the city admin's subtree
      const list = (await t.as(await t.login('countyadmin'), { url: C })).json();
      expect(list.items.map((c: { id: string; depth: number }) => [c.id, c.depth])).toEqual([[county.id, 1], [s.id, 2]]);
      expect(list.items[1].path).toBe(`/${p.id}/${county.id}/${s.id}/`);
      expect((await actions('center', county.id)).map((a) => a.action)).toEqual(['move']);
    });

    it('keeps a county admin inside their subtree', async () => {
      const ca = await t.login('countyadmin');
      expect((await post(ca, station(t.org.cityId, '370191'))).statusCode).toBe(403);
      expect((await post(ca, station(t.org.countyId, '370191'))).statusCode).toBe(200);
      const city = (await t.as(admin, { url: `${C}/${t.org.cityId}` })).json();
      const body = { parentId: null, name: '改名', kind: 'city', areaCode: '370100', address: '', phone: '', timeZone: 'Asia/Shanghai', version: city.version };
      expect((await t.as(ca, { method: 'PUT', url: `${C}/${t.org.cityId}`, payload: body })).statusCode).toBe(403);
      const county = (await t.as(ca, { url: `${C}/${t.org.countyId}` })).json();
      const own = { parentId: t.org.cityId, name: '县中心新名', kind: 'county', areaCode: '370124', address: '', phone: '', timeZone: 'Asia/Shanghai', version: county.version };
      expect((await t.as(ca, { method: 'PUT', url: `${C}/${t.org.countyId}`, payload: own })).statusCode).toBe(200);
      // reclassifying or re-coding its own center needs an administrator above it
      const recode = { ...own, areaCode: '370125', version: county.version + 1 };
      expect((await t.as(ca, { method: 'PUT', url: `${C}/${t.org.countyId}`, payload: recode })).statusCode).toBe(403);
      expect((await t.as(ca, { method: 'POST', url: `${C}/${t.org.countyId}/deactivate`, payload: { version: county.version + 1 } })).statusCode).toBe(403);
    });

    it('deactivates from above, only without active child centers, and reactivates', async () => {
      const s = (await post(admin, station(t.org.countyId, '370191'))).json();
      const county = (await t.as(admin, { url: `${C}/${t.org.countyId}` })).json();
      const blocked = await t.as(admin, { method: 'POST', url: `${C}/${county.id}/deactivate`, payload: { version: county.version } });
      expect(blocked.statusCode).toBe(422);
      expect(blocked.json().error.message).toContain(s.name);
      const off = await t.as(admin, { method: 'POST', url: `${C}/${s.id}/deactivate`, payload: { version: 1 } });
      expect(off.json()).toMatchObject({ active: false, version: 2 });
      expect((await t.as(admin, { method: 'POST', url: `${C}/${s.id}/deactivate`, payload: { version: 1 } })).statusCode).toBe(409);
      expect((await t.as(admin, { url: `${C}?active=false` })).json().items.map((c: { id: string }) => c.id)).toEqual([s.id]);
      expect((await t.as(admin, { method: 'POST', url: `${C}/${t.org.cityId}/deactivate`, payload: { version: 1 } })).statusCode).toBe(403);
      const on = await t.as(admin, { method: 'POST', url: `${C}/${s.id}/activate`, payload: { version: 2 } });
      expect(on.json()).toMatchObject({ active: true, version: 3 });
      expect((await actions('center', s.id)).map((a) => a.action)).toEqual(['create', 'deactivate', 'activate']);
      expect((await verifyAuditChain(t.app.deps)).ok).toBe(true);
    });
  });
}
