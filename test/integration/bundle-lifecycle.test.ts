import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/services/audit/verify.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { BUNDLES, type BundleItems, bundleItems, createBundle, publishBundle, startUp } from './bundle-helpers.js';

const PUBLIC = '/api/v1/public/bundles';

for (const dialect of dialects()) {
  describe(`bundle lifecycle [${dialect}]`, () => {
    let t: TestApp;
    let admin: Session;
    let items: BundleItems;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      admin = await t.login('admin');
      items = await bundleItems(t);
    });
    afterEach(async () => t.close());

    it('create → publish → public read: one checklist, one form, one fee sheet, one deadline', async () => {
      const created = await createBundle(t, admin, startUp(items));
      expect(created).toMatchObject({ status: 'draft', version: 1, centerId: t.org.cityId, stageCount: 2, itemCount: 3, publishedAt: null, problems: [] });
      expect(created.actions).toEqual(['edit', 'publish']);
      // drafts are not public
      expect((await t.app.inject({ url: PUBLIC })).json().total).toBe(0);
      expect((await t.app.inject({ url: `${PUBLIC}/${created.id}` })).statusCode).toBe(404);

      const published = await publishBundle(t, admin, created.id, 1);
      expect(published).toMatchObject({ status: 'published', version: 2, publishedAt: '2026-03-02T02:00:00.000Z' });
      expect(published.actions).toEqual(['edit', 'retire']);

      const list = (await t.app.inject({ url: `${PUBLIC}?centerId=${t.org.cityId}` })).json();
      expect(list.total).toBe(1);
      expect(list.items[0]).toMatchObject({ code: 'YJS-QYKB', stageCount: 2, itemCount: 3, limits: { promisedLimit: 5, statutoryLimit: 30 } });
      expect((await t.app.inject({ url: `${PUBLIC}?theme=${encodeURIComponent('工程建设')}` })).json().total).toBe(0);
      expect((await t.app.inject({ url: `${PUBLIC}?q=${encodeURIComponent('企业开办')}` })).json().total).toBe(1);

      const r = await t.app.inject({ url: `${PUBLIC}/${created.id}` });
      expect(r.statusCode, r.body).toBe(200);
      const b = r.json();
      expect(b).toMatchObject({ name: '企业开办一件事', available: true });
      // the sum over stages of the longest item in each: 3 + max(1, 2); 15 + max(5, 15)
      expect(b.limits).toEqual({ promisedLimit: 5, statutoryLimit: 30 });
      expect(b.stages.map((s: { name: string; promisedLimit: number }) => [s.name, s.promisedLimit])).toEqual([['设立登记', 3], ['刻章与参保', 2]]);
      expect(b.stages[1].items).toEqual([
        expect.objectContaining({ id: items.seal, name: '公章刻制备案', departmentName: '市场监督管理局', promisedLimit: 1, statutoryLimit: 5, available: true }),
        expect.objectContaining({ id: items.insurance, name: '单位参保登记', departmentName: '住房和城乡建设局', promisedLimit: 2 }),
      ]);

      // 营业执照 and 《营业执照》 are one material, asked once for both items, copies the most asked
      const names = b.materials.map((m: { name: string }) => m.name);
      expect(names).toEqual(['公司登记（备案）申请书', '股东身份证件', '营业执照', '法定代表人身份证件', '社会保险登记表']);
      const licence = b.materials[2];
      expect(licence).toMatchObject({ code: 'B03', required: true, copies: 2, form: 'copy', deferrable: false });
      expect(licence.items.map((s: { itemId: string; materialCode: string }) => [s.itemId, s.materialCode])).toEqual([[items.seal, 'M01'], [items.insurance, 'M01']]);

      // one form: entName asked once (strictest length), uscc once, phone once; required is the union
      const form = b.form;
      expect(Object.keys(form.schema.properties)).toEqual(['entName', 'registeredCapital', 'phone', 'uscc', 'employees']);
      expect(form.schema.properties.entName).toMatchObject({ title: '企业名称', maxLength: 50 });
      expect(form.schema.required).toEqual(['entName', 'registeredCapital', 'uscc', 'employees']);
      expect(form.mapping[items.insurance]).toEqual({ entName: 'entName', uscc: 'uscc', employees: 'employees' });
      expect(form.fields.find((f: { key: string }) => f.key === 'entName').itemIds).toEqual([items.company, items.seal, items.insurance]);

      // 一表式收费: each line naming its item; the fixed amounts totalled, the formula line flagged
      expect(b.fees).toMatchObject({ free: false, totalFen: 12000, variable: true });
      expect(b.fees.lines.map((l: { itemName: string; name: string }) => [l.itemName, l.name])).toEqual([['公章刻制备案', '公章刻制工本费'], ['单位参保登记', '档案工本费']]);

      // by code too
      expect((await t.app.inject({ url: `${PUBLIC}/YJS-QYKB` })).json().id).toBe(created.id);
    });

    it('refuses to publish with field errors: a single item, an unpublished item, an item twice', async () => {
      const one = await createBundle(t, admin, startUp(items, { code: 'YJS-ONE', stages: [{ name: '唯一', itemIds: [items.company] }] }));
      expect(one.problems.map((p: { field: string }) => p.field)).toEqual(['stages']);
      const r1 = await t.as(admin, { method: 'POST', url: `${BUNDLES}/${one.id}/publish`, payload: { version: one.version } });
      expect(r1.statusCode).toBe(400);
      expect(r1.json().error.fields).toEqual([expect.objectContaining({ field: 'stages', messageEn: expect.stringMatching(/at least 2 items/) })]);

      const upd = await t.as(admin, { method: 'PUT', url: `${BUNDLES}/${one.id}`, payload: { ...startUp(items, { code: 'YJS-ONE', stages: [{ name: '一', itemIds: [items.company, items.draft] }] }), version: one.version } });
      expect(upd.statusCode, upd.body).toBe(200);
      const r2 = await t.as(admin, { method: 'POST', url: `${BUNDLES}/${one.id}/publish`, payload: { version: upd.json().version } });
      expect(r2.statusCode).toBe(400);
      expect(r2.json().error.fields).toEqual([expect.objectContaining({ field: 'stages.0.itemIds.1', message: expect.stringContaining('“未发布的事项”未发布') })]);

      // an item twice is refused at every write…
      const twice = startUp(items, { code: 'YJS-TWICE', stages: [{ name: '一', itemIds: [items.company, items.seal] }, { name: '二', itemIds: [items.seal] }] });
      const r3 = await t.as(admin, { method: 'POST', url: BUNDLES, payload: twice });
      expect(r3.statusCode).toBe(400);
      expect(r3.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['stages.1.itemIds.0']);
      // …and by publication too, whatever put it there
      await t.tdb.db.kysely.updateTable('bundles').set({ stages: JSON.stringify(twice.stages) }).where('id', '=', one.id).execute();
      const r4 = await t.as(admin, { method: 'POST', url: `${BUNDLES}/${one.id}/publish`, payload: { version: upd.json().version } });
      expect(r4.statusCode).toBe(400);
      expect(r4.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['stages.1.itemIds.0']);

      // an item of another center: not even in a draft
      const r5 = await t.as(admin, { method: 'POST', url: BUNDLES, payload: startUp(items, { code: 'YJS-COUNTY', centerId: t.org.countyId }) });
      expect(r5.statusCode).toBe(400);
      expect(r5.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['stages.0.itemIds.0', 'stages.1.itemIds.0', 'stages.1.itemIds.1']);
      // nothing of the refused writes stayed
      expect((await t.tdb.db.kysely.selectFrom('bundles').select('status').execute()).map((x) => x.status)).toEqual(['draft']);
      const dup = await t.as(admin, { method: 'POST', url: BUNDLES, payload: startUp(items, { code: 'YJS-ONE' }) });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.fields[0].field).toBe('code');
    });

    it('answers 409 on a stale version, and invalidState on a move the status does not allow', async () => {
      const b = await createBundle(t, admin, startUp(items));
      const body = { ...startUp(items, { name: '企业开办“一件事”' }), version: 1 };
      expect((await t.as(admin, { method: 'PUT', url: `${BUNDLES}/${b.id}`, payload: body })).statusCode).toBe(200);
      const stale = await t.as(admin, { method: 'PUT', url: `${BUNDLES}/${b.id}`, payload: { ...body, name: '别人的修改' } });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('conflict');
      expect((await t.as(admin, { method: 'POST', url: `${BUNDLES}/${b.id}/publish`, payload: { version: 1 } })).statusCode).toBe(409);
      const retireDraft = await t.as(admin, { method: 'POST', url: `${BUNDLES}/${b.id}/retire`, payload: { version: 2 } });
      expect(retireDraft.statusCode).toBe(409);
      expect(retireDraft.json().error.code).toBe('invalidState');
      const p = await publishBundle(t, admin, b.id, 2);
      expect(p.name).toBe('企业开办“一件事”');
      const again = await t.as(admin, { method: 'POST', url: `${BUNDLES}/${b.id}/publish`, payload: { version: p.version } });
      expect(again.json().error.code).toBe('invalidState');
      // the code is for good
      const recode = await t.as(admin, { method: 'PUT', url: `${BUNDLES}/${b.id}`, payload: { ...startUp(items, { code: 'YJS-NEW' }), version: p.version } });
      expect(recode.statusCode).toBe(400);
      expect(recode.json().error.fields[0].field).toBe('code');
    });

    it('keeps a published bundle publishable: edits pass the publish rules, a suspended item shows it unavailable, retire hides it', async () => {
      const b = await publishBundle(t, admin, (await createBundle(t, admin, startUp(items))).id, 1);
      const bad = await t.as(admin, { method: 'PUT', url: `${BUNDLES}/${b.id}`, payload: { ...startUp(items, { stages: [{ name: '一', itemIds: [items.company, items.draft] }] }), version: b.version } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['stages.0.itemIds.1']);

      const detail = (await t.as(admin, { url: `/api/v1/admin/items/${items.seal}` })).json();
      const sus = await t.as(admin, { method: 'POST', url: `/api/v1/admin/items/${items.seal}/suspend`, payload: { version: detail.published.version } });
      expect(sus.statusCode, sus.body).toBe(200);
      const pub = (await t.app.inject({ url: `${PUBLIC}/${b.id}` })).json();
      expect(pub.available).toBe(false);
      expect(pub.stages[1].items[0]).toMatchObject({ id: items.seal, available: false });
      const adminView = (await t.as(admin, { url: `${BUNDLES}/${b.id}` })).json();
      expect(adminView.problems.map((p: { field: string }) => p.field)).toEqual(['stages.1.itemIds.0']);

      const ret = await t.as(admin, { method: 'POST', url: `${BUNDLES}/${b.id}/retire`, payload: { version: b.version, reason: '事项调整' } });
      expect(ret.statusCode, ret.body).toBe(200);
      expect(ret.json()).toMatchObject({ status: 'retired', actions: ['edit', 'publish'] });
      expect((await t.app.inject({ url: `${PUBLIC}/${b.id}` })).statusCode).toBe(404);
      // back once the item is
      await t.as(admin, { method: 'POST', url: `/api/v1/admin/items/${items.seal}/resume`, payload: { version: sus.json().published.version } });
      const again = await publishBundle(t, admin, b.id, ret.json().version);
      expect(again.status).toBe('published');
      expect((await t.app.inject({ url: `${PUBLIC}/${b.id}` })).json().available).toBe(true);
    });

    it("keeps a county admin out of the city's bundles, while the city admin works in the county below", async () => {
      const city = await createBundle(t, admin, startUp(items));
      const county = await t.login('countyadmin');
      expect((await t.as(county, { url: `${BUNDLES}/${city.id}` })).statusCode).toBe(403);
      expect((await t.as(county, { method: 'PUT', url: `${BUNDLES}/${city.id}`, payload: { ...startUp(items), version: 1 } })).statusCode).toBe(403);
      expect((await t.as(county, { method: 'POST', url: `${BUNDLES}/${city.id}/publish`, payload: { version: 1 } })).statusCode).toBe(403);
      expect((await t.as(county, { method: 'POST', url: BUNDLES, payload: startUp(items, { code: 'YJS-X', centerId: t.org.cityId }) })).statusCode).toBe(403);
      expect((await t.as(county, { url: BUNDLES })).json().total).toBe(0);
      // a department's leader edits the department's items, not bundles spanning departments
      const leader = await t.login('leader');
      expect((await t.as(leader, { method: 'POST', url: BUNDLES, payload: startUp(items, { code: 'YJS-L' }) })).statusCode).toBe(403);
      expect((await t.as(leader, { method: 'PUT', url: `${BUNDLES}/${city.id}`, payload: { ...startUp(items), version: 1 } })).statusCode).toBe(403);
      // staff reading the catalogue may read the center's bundles
      const clerk = await t.login('clerk');
      const read = await t.as(clerk, { url: `${BUNDLES}/${city.id}` });
      expect(read.statusCode).toBe(200);
      expect(read.json().actions).toEqual([]);
      expect((await t.as(clerk, { url: BUNDLES })).json().total).toBe(1);
      expect((await t.as(null, { url: BUNDLES })).statusCode).toBe(401);

      // the county's own bundle: its admin's, and the city admin's too
      const second = await t.as(admin, { method: 'POST', url: `/api/v1/admin/items`, payload: { ...(await t.as(admin, { url: `/api/v1/admin/items/${items.county}` })).json().published.data, code: 'XSCJ-DJ-0002', name: '县级事项二' } });
      expect(second.statusCode, second.body).toBe(200);
      await t.as(admin, { method: 'POST', url: `/api/v1/admin/items/${second.json().item.id}/publish`, payload: { version: second.json().draft.version } });
      const mine = await createBundle(t, county, { code: 'YJS-COUNTY', name: '县级一件事', stages: [{ name: '一', itemIds: [items.county, second.json().item.id] }] });
      expect(mine.centerId).toBe(t.org.countyId);
      expect((await publishBundle(t, admin, mine.id, 1)).status).toBe('published');
      expect((await t.as(county, { url: BUNDLES })).json().items.map((x: { code: string }) => x.code)).toEqual(['YJS-COUNTY']);
      expect((await t.as(admin, { url: BUNDLES })).json().total).toBe(2);
    });

    it('records every write in the action log, in the same transaction', async () => {
      const b = await createBundle(t, admin, startUp(items));
      await t.as(admin, { method: 'PUT', url: `${BUNDLES}/${b.id}`, payload: { ...startUp(items, { summary: '改' }), version: 1 } });
      await t.as(admin, { method: 'POST', url: `${BUNDLES}/${b.id}/publish`, payload: { version: 1 } }); // stale: refused, nothing logged
      await publishBundle(t, admin, b.id, 2);
      await t.as(admin, { method: 'POST', url: `${BUNDLES}/${b.id}/retire`, payload: { version: 3, reason: '停用' } });
      const rows = await t.tdb.db.kysely.selectFrom('action_log').select(['action', 'actor_id', 'payload']).where('entity', '=', 'bundle').where('entity_id', '=', b.id).orderBy('pos').execute();
      expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'publish', 'retire']);
      expect(rows.every((r) => r.actor_id === t.org.users.admin)).toBe(true);
      expect(JSON.parse(rows[3].payload as string)).toMatchObject({ code: 'YJS-QYKB', reason: '停用' });
      expect((await verifyAuditChain(t.app.deps)).ok).toBe(true);
    });
  });
}
