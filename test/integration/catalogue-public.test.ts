import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { create, createPublished, sampleItem } from './catalogue-helpers.js';

for (const dialect of dialects()) {
  describe(`public catalogue [${dialect}]`, () => {
    let t: TestApp;
    let admin: Session;
    let food: string;
    let joint: string;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      admin = await t.login('admin');
      food = (await createPublished(t, admin, sampleItem(t))).item.id;
      joint = (
        await createPublished(t, admin, sampleItem(t, {
          code: 'ZJJ-LB-0001',
          name: '建设工程消防设计审查（联办）',
          departmentId: t.org.deptB,
          themes: ['工程建设'],
          summary: '100%_全流程 联合审查',
          handlingClass: 'joint',
          coDepartmentIds: [t.org.deptA],
          onlineDepth: 'fullOnline',
          maxVisits: 0,
          promisedLimit: 12,
          procedure: [
            { name: '受理', kind: 'accept', role: 'clerk', limitDays: 0 },
            { name: '牵头审查', kind: 'review', role: 'reviewer', limitDays: 3 },
            { name: '市场监管意见', kind: 'review', role: 'reviewer', limitDays: 5, departmentId: t.org.deptA },
            { name: '现场核查', kind: 'review', role: 'reviewer', limitDays: 2, departmentId: t.org.deptA },
            { name: '决定', kind: 'decide', role: 'deptLeader', limitDays: 4 },
          ],
        }))
      ).item.id;
      // a draft that must never be seen publicly, and a published item with a pending draft
      await create(t, admin, sampleItem(t, { code: 'SECRET-1', name: '内部草稿事项', themes: ['企业开办'] }));
      await t.as(admin, { method: 'POST', url: `/api/v1/admin/items/${food}/draft` });
      const d = (await t.as(admin, { url: `/api/v1/admin/items/${food}` })).json();
      await t.as(admin, { method: 'PUT', url: `/api/v1/admin/items/${food}/draft`, payload: { version: d.draft.version, data: sampleItem(t, { name: '未发布的新名称' }) } });
    });
    afterEach(async () => t.close());

    const search = async (qs = '') => {
      const r = await t.app.inject({ url: `/api/v1/public/items${qs}` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { items: { code: string; name: string }[]; total: number };
    };
    const codes = async (qs: string) => (await search(qs)).items.map((i) => i.code).sort();

    it('lists published items only, without login, in the fixed shape', async () => {
      const all = await search();
      expect(all.total).toBe(2);
      expect(all.items.find((i) => i.code === 'SCJG-XK-0001')).toEqual({
        id: food, code: 'SCJG-XK-0001', name: '食品经营许可', departmentId: t.org.deptA, departmentName: '市场监督管理局',
        handlingClass: 'promised', onlineDepth: 'onlinePreReview', maxVisits: 1, promisedLimit: 10, statutoryLimit: 20,
        themes: ['企业开办', '餐饮'], suspended: false,
      });
      expect(await codes('?q=' + encodeURIComponent('内部草稿'))).toEqual([]);
      expect(await codes('?q=' + encodeURIComponent('未发布'))).toEqual([]);
      expect((await t.app.inject({ url: '/api/v1/public/items/SECRET-1' })).statusCode).toBe(404);
    });

    it('searches by q (name, code, summary, department; case-insensitive; wildcards literal) and filters', async () => {
      expect(await codes('?q=' + encodeURIComponent('消防'))).toEqual(['ZJJ-LB-0001']);
      expect(await codes('?q=zjj-lb')).toEqual(['ZJJ-LB-0001']);
      expect(await codes('?q=' + encodeURIComponent('市场监督'))).toEqual(['SCJG-XK-0001']);
      expect(await codes('?q=' + encodeURIComponent('100%_'))).toEqual(['ZJJ-LB-0001']);
      expect(await codes('?q=' + encodeURIComponent('%'))).toEqual(['ZJJ-LB-0001']);
      expect(await codes('?q=_')).toEqual(['ZJJ-LB-0001']);
      expect(await codes(`?department=${t.org.deptB}`)).toEqual(['ZJJ-LB-0001']);
      expect(await codes('?department=SCJG')).toEqual(['SCJG-XK-0001']);
      expect(await codes('?theme=' + encodeURIComponent('企业开办'))).toEqual(['SCJG-XK-0001']);
      expect(await codes('?theme=' + encodeURIComponent('企业'))).toEqual([]);
      expect(await codes('?onlineDepth=fullOnline')).toEqual(['ZJJ-LB-0001']);
      expect(await codes('?handlingClass=promised')).toEqual(['SCJG-XK-0001']);
      expect(await codes(`?centerId=${t.org.countyId}`)).toEqual([]);
      const p = await search('?page=2&pageSize=1');
      expect(p.total).toBe(2);
      expect(p.items).toHaveLength(1);
      const bad = await t.app.inject({ url: '/api/v1/public/items?onlineDepth=teleport' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].field).toMatch(/onlineDepth$/);
    });

    it('shows the guide page by id or code, with names resolved and a parallel flowchart', async () => {
      const r = await t.app.inject({ url: '/api/v1/public/items/ZJJ-LB-0001' });
      expect(r.statusCode, r.body).toBe(200);
      const g = r.json();
      expect(g).toMatchObject({
        id: joint, code: 'ZJJ-LB-0001', status: 'published', suspended: false, versionNo: 1,
        department: { id: t.org.deptB, code: 'ZJJ', name: '住房和城乡建设局' },
        coDepartments: [{ id: t.org.deptA, code: 'SCJG', name: '市场监督管理局' }],
        legalBasis: [{ law: '《中华人民共和国食品安全法》' }],
        fees: { free: true, lines: [] },
        service: { hours: '' },
      });
      expect(g.procedure.map((s: { departmentName: string; stage: number }) => [s.departmentName, s.stage])).toEqual([
        ['住房和城乡建设局', 1], ['住房和城乡建设局', 2], ['市场监督管理局', 3], ['市场监督管理局', 3], ['住房和城乡建设局', 4],
      ]);
      expect(g.procedureDays).toBe(12); // 0 + 3 + max(5, 2) + 4: co-department steps run in parallel
      expect(g.flow.map((n: { id: string; next: string[] }) => [n.id, n.next])).toEqual([
        ['start', ['s0']], ['s0', ['s1']], ['s1', ['s2', 's3']], ['s2', ['s4']], ['s3', ['s4']], ['s4', ['end']], ['end', []],
      ]);
      const byId = await t.app.inject({ url: `/api/v1/public/items/${food}` });
      expect(byId.json()).toMatchObject({ code: 'SCJG-XK-0001', name: '食品经营许可' }); // the published version, not the draft
      expect((await t.app.inject({ url: '/api/v1/public/items/NOPE' })).statusCode).toBe(404);
    });

    it('counts departments and themes of public items; a suspended item stays listed, marked', async () => {
      const d = (await t.app.inject({ url: '/api/v1/public/departments' })).json();
      expect(d.items.map((x: { code: string; count: number }) => [x.code, x.count]).sort()).toEqual([['SCJG', 1], ['ZJJ', 1]]);
      const th = (await t.app.inject({ url: '/api/v1/public/themes' })).json();
      expect(th.items).toEqual(expect.arrayContaining([{ theme: '企业开办', count: 1 }, { theme: '工程建设', count: 1 }]));
      expect(th.total).toBe(3); // 企业开办, 餐饮, 工程建设 — never the draft's

      const detail = (await t.as(admin, { url: `/api/v1/admin/items/${joint}` })).json();
      await t.as(admin, { method: 'POST', url: `/api/v1/admin/items/${joint}/suspend`, payload: { version: detail.published.version } });
      const s = await search('?q=' + encodeURIComponent('消防'));
      expect(s.items[0]).toMatchObject({ code: 'ZJJ-LB-0001', suspended: true });
    });

    it('rate-limits the public endpoints per client', async () => {
      const t2 = await startTestApp(dialect, { PUBLIC_RATE_PER_MINUTE: '3' });
      try {
        const codesSeen: number[] = [];
        for (let i = 0; i < 4; i++) codesSeen.push((await t2.app.inject({ url: '/api/v1/public/items' })).statusCode);
        expect(codesSeen).toEqual([200, 200, 200, 429]);
      } finally {
        await t2.close();
      }
    });
  });
}
