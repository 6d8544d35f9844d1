import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/services/audit/verify.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { create, createPublished, publish, sampleItem } from './catalogue-helpers.js';

for (const dialect of dialects()) {
  describe(`catalogue lifecycle [${dialect}]`, () => {
    let t: TestApp;
    let admin: Session;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      admin = await t.login('admin');
    });
    afterEach(async () => t.close());

    const url = (id: string, tail = '') => `/api/v1/admin/items/${id}${tail}`;

    it('create → edit → publish → new draft → publish v2 → suspend → resume → retire, every version kept', async () => {
      const created = await create(t, admin, sampleItem(t));
      const id = created.item.id;
      expect(created.item).toMatchObject({ status: 'draft', hasDraft: true, latestVersionNo: 1, publishedVersionNo: null, departmentName: '市场监督管理局' });
      expect(created.draft).toMatchObject({ versionNo: 1, status: 'draft', version: 1 });
      expect(created.actions).toEqual(expect.arrayContaining(['editDraft', 'publish']));

      const edited = await t.as(admin, {
        method: 'PUT', url: url(id, '/draft'),
        payload: { version: 1, data: sampleItem(t, { name: '食品经营许可（新办）' }) },
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().draft).toMatchObject({ version: 2, data: { name: '食品经营许可（新办）' } });

      const p1 = await publish(t, admin, id, 2);
      expect(p1.item).toMatchObject({ status: 'published', hasDraft: false, publishedVersionNo: 1 });
      expect(p1.published.publishedAt).toBe('2026-03-02T02:00:00.000Z');
      const v1Id = p1.published.id;

      // published versions are immutable: there is no draft to save into
      const noDraft = await t.as(admin, { method: 'PUT', url: url(id, '/draft'), payload: { version: 3, data: sampleItem(t) } });
      expect(noDraft.statusCode).toBe(409);
      expect(noDraft.json().error.code).toBe('invalidState');

      const nd = await t.as(admin, { method: 'POST', url: url(id, '/draft') });
      expect(nd.statusCode, nd.body).toBe(200);
      expect(nd.json().draft).toMatchObject({ versionNo: 2, status: 'draft', data: { name: '食品经营许可（新办）' } });
      const again = await t.as(admin, { method: 'POST', url: url(id, '/draft') });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.messageEn).toMatch(/already has a draft/);

      const ed2 = await t.as(admin, { method: 'PUT', url: url(id, '/draft'), payload: { version: 1, data: sampleItem(t, { promisedLimit: 9 }) } });
      expect(ed2.statusCode, ed2.body).toBe(200);
      const p2 = await publish(t, admin, id, ed2.json().draft.version);
      expect(p2.item).toMatchObject({ status: 'published', publishedVersionNo: 2, latestVersionNo: 2 });
      expect(p2.versions.map((v: { versionNo: number; status: string }) => [v.versionNo, v.status])).toEqual([[2, 'published'], [1, 'retired']]);
      // v1 still exists under its id: a case accepted under it can still read it
      const v1 = await t.tdb.db.kysely.selectFrom('item_versions').selectAll().where('id', '=', v1Id).executeTakeFirstOrThrow();
      expect(v1.status).toBe('retired');
      expect(JSON.parse(v1.data).promisedLimit).toBe(10);
      const prev = await t.as(admin, { url: url(id, '/versions/1') });
      expect(prev.statusCode).toBe(200);
      expect(prev.json().version).toMatchObject({ status: 'retired', data: { promisedLimit: 10 } });

      const pubVersion = p2.published.version;
      const sus = await t.as(admin, { method: 'POST', url: url(id, '/suspend'), payload: { version: pubVersion, reason: '系统升级' } });
      expect(sus.statusCode, sus.body).toBe(200);
      expect(sus.json().item.status).toBe('suspended');
      expect(sus.json().actions).toEqual(expect.arrayContaining(['resume', 'retire', 'newDraft']));
      const guide = await t.app.inject({ url: `/api/v1/public/items/${id}` });
      expect(guide.json()).toMatchObject({ suspended: true, status: 'suspended', versionNo: 2 });

      const twice = await t.as(admin, { method: 'POST', url: url(id, '/suspend'), payload: { version: sus.json().published.version } });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.message).toContain('暂停办理');

      const res = await t.as(admin, { method: 'POST', url: url(id, '/resume'), payload: { version: sus.json().published.version } });
      expect(res.json().item.status).toBe('published');
      const ret = await t.as(admin, { method: 'POST', url: url(id, '/retire'), payload: { version: res.json().published.version, reason: '取消' } });
      expect(ret.statusCode, ret.body).toBe(200);
      expect(ret.json().item).toMatchObject({ status: 'retired', publishedVersionNo: null });
      expect(ret.json().published).toBeNull();
      expect((await t.app.inject({ url: `/api/v1/public/items/${id}` })).statusCode).toBe(404);
      expect((await t.app.inject({ url: '/api/v1/public/items' })).json().total).toBe(0);

      const versions = await t.tdb.db.kysely.selectFrom('item_versions').select(['version_no', 'status']).where('item_id', '=', id).orderBy('version_no').execute();
      expect(versions).toEqual([{ version_no: 1, status: 'retired' }, { version_no: 2, status: 'retired' }]);

      const actions = await t.tdb.db.kysely.selectFrom('action_log').select('action').where('entity', '=', 'item').where('entity_id', '=', id).orderBy('pos').execute();
      expect(actions.map((a) => a.action)).toEqual(['create', 'saveDraft', 'publish', 'newDraft', 'saveDraft', 'publish', 'suspend', 'resume', 'retire']);
      expect((await verifyAuditChain(t.app.deps)).ok).toBe(true);

      // a retired item can come back: new draft from its last version, then publish
      const back = await t.as(admin, { method: 'POST', url: url(id, '/draft') });
      expect(back.json().draft).toMatchObject({ versionNo: 3, data: { promisedLimit: 9 } });
      const p3 = await publish(t, admin, id, back.json().draft.version);
      expect(p3.item).toMatchObject({ status: 'published', publishedVersionNo: 3 });
    });

    it('refuses a stale version with 409 and keeps the newer data', async () => {
      const d = await create(t, admin, sampleItem(t));
      const id = d.item.id;
      const first = await t.as(admin, { method: 'PUT', url: url(id, '/draft'), payload: { version: 1, data: sampleItem(t, { name: '甲' }) } });
      expect(first.statusCode).toBe(200);
      const stale = await t.as(admin, { method: 'PUT', url: url(id, '/draft'), payload: { version: 1, data: sampleItem(t, { name: '乙' }) } });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('conflict');
      const stalePublish = await t.as(admin, { method: 'POST', url: url(id, '/publish'), payload: { version: 1 } });
      expect(stalePublish.statusCode).toBe(409);
      const now = await t.as(admin, { url: url(id) });
      expect(now.json().draft.data.name).toBe('甲');
      expect(now.json().item.status).toBe('draft');
    });

    it('under concurrent requests keeps at most one draft and loses no edit', async () => {
      const p = await createPublished(t, admin, sampleItem(t));
      const id = p.item.id;
      const drafts = await Promise.all([1, 2, 3].map(() => t.as(admin, { method: 'POST', url: url(id, '/draft') })));
      expect(drafts.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
      const n = await t.tdb.db.kysely.selectFrom('item_versions').select('id').where('item_id', '=', id).where('status', '=', 'draft').execute();
      expect(n).toHaveLength(1);
      const saves = await Promise.all(['甲', '乙'].map((name) =>
        t.as(admin, { method: 'PUT', url: url(id, '/draft'), payload: { version: 1, data: sampleItem(t, { name }) } })));
      expect(saves.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const winner = saves.find((r) => r.statusCode === 200)!.json().draft.data.name;
      expect((await t.as(admin, { url: url(id) })).json().draft.data.name).toBe(winner);
    });

    it('names promisedLimit when promised > statutory, and fees.lines.0.licenceNo for a fee without licence', async () => {
      // refused already when saving, so no draft with contradictory limits exists
      const r = await t.as(admin, { method: 'POST', url: '/api/v1/admin/items', payload: sampleItem(t, { promisedLimit: 25, statutoryLimit: 20 }) });
      expect(r.statusCode).toBe(400);
      expect(await t.tdb.db.kysely.selectFrom('items').select('id').execute()).toEqual([]);
      const e = r.json().error;
      expect(e.code).toBe('validation');
      expect(e.fields.map((f: { field: string }) => f.field)).toContain('promisedLimit');
      expect(e.message).toContain('承诺时限');
      expect(e.messageEn).toContain('statutory limit');

      const fee = await create(t, admin, sampleItem(t, {
        code: 'SCJG-XK-0002',
        fees: { free: false, lines: [{ name: '工本费', basis: '国家计委文件', standard: '10元/本', amountFen: 1000, licenceNo: '' }] },
      }));
      const r2 = await t.as(admin, { method: 'POST', url: url(fee.item.id, '/publish'), payload: { version: 1 } });
      expect(r2.statusCode).toBe(400);
      expect(r2.json().error.fields).toEqual([expect.objectContaining({ field: 'fees.lines.0.licenceNo', messageEn: expect.stringContaining('licence') })]);
      // nothing was published
      const after = await t.as(admin, { url: url(fee.item.id) });
      expect(after.json().item.status).toBe('draft');
    });

    it('validates without saving, for the editor preview', async () => {
      const d = await create(t, admin, sampleItem(t, { handlingClass: 'joint' }));
      const r = await t.as(admin, { method: 'POST', url: url(d.item.id, '/validate'), payload: {} });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().ok).toBe(false);
      expect(r.json().problems.map((p: { field: string }) => p.field)).toEqual(['coDepartmentIds']);
      const fixed = await t.as(admin, {
        method: 'POST', url: url(d.item.id, '/validate'),
        payload: { data: sampleItem(t, { handlingClass: 'joint', coDepartmentIds: [t.org.deptB] }) },
      });
      expect(fixed.json()).toEqual({ ok: true, problems: [] });
      const fresh = await t.as(admin, { method: 'POST', url: '/api/v1/admin/items/validate', payload: { data: sampleItem(t, { materials: [{ code: 'M1', name: 'a' }, { code: 'M1', name: 'b' }] }) } });
      expect(fresh.json().problems.map((p: { field: string }) => p.field)).toEqual(['materials.1.code']);
      expect((await t.as(admin, { url: url(d.item.id) })).json().draft.data.coDepartmentIds).toEqual([]);
    });

    it('refuses a duplicate code in the same center with 409 naming code, and an unknown department with 400', async () => {
      await create(t, admin, sampleItem(t));
      const dup = await t.as(admin, { method: 'POST', url: '/api/v1/admin/items', payload: sampleItem(t) });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.fields[0].field).toBe('code');
      const bad = await t.as(admin, { method: 'POST', url: '/api/v1/admin/items', payload: sampleItem(t, { code: 'X-1', departmentId: 'nope' }) });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].field).toBe('departmentId');
      const shape = await t.as(admin, { method: 'POST', url: '/api/v1/admin/items', payload: { ...sampleItem(t), statutoryLimit: 'ten' } });
      expect(shape.statusCode).toBe(400);
      expect(shape.json().error.fields[0].field).toBe('statutoryLimit');
    });

    it('enforces scope: leaderB cannot edit deptA, leader can; clerk reads but cannot publish; county admin sees nothing', async () => {
      const d = await create(t, admin, sampleItem(t));
      const id = d.item.id;
      const leaderB = await t.login('leaderB');
      const r = await t.as(leaderB, { method: 'PUT', url: url(id, '/draft'), payload: { version: 1, data: sampleItem(t) } });
      expect(r.statusCode).toBe(403);
      const rc = await t.as(leaderB, { method: 'POST', url: '/api/v1/admin/items', payload: sampleItem(t, { code: 'B-1' }) });
      expect(rc.statusCode).toBe(403);

      const leader = await t.login('leader');
      const ok = await t.as(leader, { method: 'PUT', url: url(id, '/draft'), payload: { version: 1, data: sampleItem(t, { name: '改名' }) } });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().actions).toEqual(['editDraft']); // a deptLeader edits but does not publish
      const move = await t.as(leader, { method: 'PUT', url: url(id, '/draft'), payload: { version: 2, data: sampleItem(t, { departmentId: t.org.deptB }) } });
      expect(move.statusCode).toBe(403);
      const lp = await t.as(leader, { method: 'POST', url: url(id, '/publish'), payload: { version: 2 } });
      expect(lp.statusCode).toBe(403);

      const clerk = await t.login('clerk');
      expect((await t.as(clerk, { url: url(id) })).statusCode).toBe(200);
      const cp = await t.as(clerk, { method: 'POST', url: url(id, '/publish'), payload: { version: 2 } });
      expect(cp.statusCode).toBe(403);
      expect(cp.json().error.code).toBe('forbidden');
      expect((await t.as(clerk, { url: '/api/v1/admin/items' })).json().total).toBe(1);

      const county = await t.login('countyadmin');
      expect((await t.as(county, { url: '/api/v1/admin/items' })).json()).toEqual({ items: [], total: 0 });
      expect((await t.as(county, { url: url(id) })).statusCode).toBe(403);

      expect((await t.app.inject({ url: '/api/v1/admin/items' })).statusCode).toBe(401);
      const applicant = await t.login('applicant');
      expect((await t.as(applicant, { url: '/api/v1/admin/items' })).statusCode).toBe(403);
    });

    it('lists items with their status and filters by q, department, status and class', async () => {
      await createPublished(t, admin, sampleItem(t));
      const d2 = await create(t, admin, sampleItem(t, { code: 'ZJJ-1', name: '建筑工程施工许可', departmentId: t.org.deptB, themes: [] }));
      const withDraft = await createPublished(t, admin, sampleItem(t, { code: 'SCJG-2', name: '特种设备使用登记', handlingClass: 'immediate', promisedLimit: 0, procedure: [{ name: '办理', kind: 'decide', role: 'clerk', limitDays: 0 }] }));
      await t.as(admin, { method: 'POST', url: url(withDraft.item.id, '/draft') });

      const all = (await t.as(admin, { url: '/api/v1/admin/items' })).json();
      expect(all.total).toBe(3);
      const byCode = Object.fromEntries(all.items.map((i: { code: string }) => [i.code, i]));
      expect(byCode['SCJG-2']).toMatchObject({ status: 'published', hasDraft: true, draftVersionNo: 2, publishedVersionNo: 1 });
      expect(byCode['ZJJ-1']).toMatchObject({ status: 'draft', departmentName: '住房和城乡建设局' });

      const q = async (qs: string) => (await t.as(admin, { url: `/api/v1/admin/items?${qs}` })).json().items.map((i: { code: string }) => i.code).sort();
      expect(await q('q=' + encodeURIComponent('施工'))).toEqual(['ZJJ-1']);
      expect(await q('q=scjg')).toEqual(['SCJG-2', 'SCJG-XK-0001']);
      expect(await q(`departmentId=${t.org.deptB}`)).toEqual(['ZJJ-1']);
      expect(await q('status=draft')).toEqual(['ZJJ-1']);
      expect(await q('status=published')).toEqual(['SCJG-2', 'SCJG-XK-0001']);
      expect(await q('handlingClass=immediate')).toEqual(['SCJG-2']);
      expect(await q('q=%25')).toEqual([]);
      const page = (await t.as(admin, { url: '/api/v1/admin/items?page=2&pageSize=2' })).json();
      expect(page).toMatchObject({ total: 3 });
      expect(page.items).toHaveLength(1);
      expect(d2.item.id).toBeTruthy();
    });
  });
}
