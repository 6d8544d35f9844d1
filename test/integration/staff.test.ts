import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../helpers/db.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';

const S = '/api/v1/admin/staff';

for (const dialect of dialects()) {
  describe(`staff accounts: records, grants and scope [${dialect}]`, () => {
    let t: TestApp;
    let admin: Session;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      admin = await t.login('admin');
    });
    afterEach(async () => t.close());

    const newClerk = (extra: Record<string, unknown> = {}) => ({
      username: 'wang.clerk', displayName: '王窗口', phone: '13812345678', email: 'wang@example.cn', password: 'Window2026',
      grants: [{ role: 'clerk', centerId: t.org.cityId, departmentId: t.org.deptA }], ...extra,
    });
    const post = (payload: object, s = admin) => t.as(s, { method: 'POST', url: S, payload });
    const fields = (r: { json(): { error: { fields: { field: string }[] } } }) => r.json().error.fields.map((f) => f.field);
    const names = (r: { json(): { items: { username: string }[] } }) => r.json().items.map((u) => u.username);

    it('creates an account that can log in; the log holds no password, the list masks the phone', async () => {
      const r = await post(newClerk());
      expect(r.statusCode).toBe(200);
      const u = r.json();
      expect(u).toMatchObject({
        username: 'wang.clerk', phone: '13812345678', phoneMasked: false, centerId: t.org.cityId, departmentId: t.org.deptA,
        departmentName: '市场监督管理局', active: true, locked: false, version: 1,
        grants: [{ role: 'clerk', centerId: t.org.cityId, centerName: '测试市政务服务中心', departmentId: t.org.deptA, departmentName: '市场监督管理局' }],
      });
      await t.login('wang.clerk', 'Window2026');
      const list = (await t.as(admin, { url: `${S}?q=wang` })).json();
      expect(list.items).toHaveLength(1);
      expect(list.items[0].phone).toBe('138****5678');
      const log = await t.tdb.db.kysely.selectFrom('action_log').selectAll().where('entity', '=', 'user').where('entity_id', '=', u.id).execute();
      expect(log[0].action).toBe('create');
      expect(log[0].payload).not.toMatch(/Window2026|argon2/);
      expect(log[0].payload).not.toContain('13812345678');
    });

    it('shows the full phone only to an administrator of the account, and logs that read', async () => {
      const u = (await post(newClerk())).json();
      const full = (await t.as(admin, { url: `${S}/${u.id}` })).json();
      expect(full).toMatchObject({ phone: '13812345678', phoneMasked: false });
      const sup = (await t.as(await t.login('supervisor'), { url: `${S}/${u.id}` })).json();
      expect(sup).toMatchObject({ phone: '138****5678', phoneMasked: true });
      const leader = (await t.as(await t.login('leader'), { url: `${S}/${u.id}` })).json();
      expect(leader.phone).toBe('138****5678');
      const reads = await t.tdb.db.kysely.selectFrom('action_log').select('actor_name').where('action', '=', 'readPhone').execute();
      expect(reads.map((r) => r.actor_name)).toEqual(['admin']);
    });

    it('lists staff within the reader’s scope, never applicants, with filters', async () => {
      const all = await t.as(admin, { url: `${S}?pageSize=100` });
      expect(all.statusCode).toBe(200);
      expect(names(all)).toEqual(['admin', 'chiefrep', 'clerk', 'countyadmin', 'leader', 'leaderB', 'reviewer', 'supervisor', 'volunteer']);
      expect(names(await t.as(admin, { url: `${S}?role=deptLeader` }))).toEqual(['leader', 'leaderB']);
      expect(names(await t.as(admin, { url: `${S}?departmentId=${t.org.deptB}` }))).toEqual(['leaderB']);
      expect(names(await t.as(admin, { url: `${S}?centerId=${t.org.countyId}` }))).toEqual(['countyadmin']);
      expect(names(await t.as(await t.login('countyadmin'), { url: S }))).toEqual(['countyadmin']);
      // a department leader reads the staff of their own department only
      expect(names(await t.as(await t.login('leader'), { url: S }))).toEqual(['chiefrep', 'clerk', 'leader', 'reviewer']);
      expect((await t.as(await t.login('clerk'), { url: S })).statusCode).toBe(403);
      const page = (await t.as(admin, { url: `${S}?page=2&pageSize=4` })).json();
      expect(page.total).toBe(9);
      expect(page.items.map((u: { username: string }) => u.username)).toEqual(['leader', 'leaderB', 'reviewer', 'supervisor']);
    });

    it('names the field for bad input: password policy, grant shape, windows', async () => {
      const weak = await post(newClerk({ password: 'short' }));
      expect(weak.statusCode).toBe(400);
      expect(fields(weak)).toEqual(['password']);
      const leaderless = await post(newClerk({ grants: [{ role: 'deptLeader', centerId: t.org.cityId }] }));
      expect(leaderless.statusCode).toBe(400);
      expect(fields(leaderless)).toEqual(['grants.0.departmentId']);
      const supWithDept = await post(newClerk({ grants: [{ role: 'supervisor', centerId: t.org.cityId, departmentId: t.org.deptA }] }));
      expect(fields(supWithDept)).toEqual(['grants.0.departmentId']);
      const foreign = await post(newClerk({ grants: [{ role: 'reviewer', centerId: t.org.cityId, departmentId: t.org.deptCounty }] }));
      expect(fields(foreign)).toEqual(['grants.0.departmentId']);
      expect(foreign.json().error.messageEn).toContain('not in that center');
      const noRole = await post(newClerk({ grants: [{ role: 'applicant', centerId: t.org.cityId }] }));
      expect(fields(noRole)).toEqual(['grants.0.role']);
      const badPhone = await post(newClerk({ phone: '2345678' }));
      expect(fields(badPhone)).toEqual(['phone']);
      const countyWindow = (await t.as(admin, { method: 'POST', url: '/api/v1/admin/windows', payload: { centerId: t.org.countyId, code: 'A01', name: '县专窗', kind: 'dedicated', departmentId: t.org.deptCounty } })).json();
      const farWindow = await post(newClerk({ windowIds: [countyWindow.id] }));
      expect(fields(farWindow)).toEqual(['windowIds.0']);
    });

    it('refuses a taken username with 409 naming `username`', async () => {
      const r = await post(newClerk({ username: 'clerk' }));
      expect(r.statusCode).toBe(409);
      expect(r.json().error).toMatchObject({ code: 'conflict', fields: [{ field: 'username' }] });
    });

    it('lets an admin grant only inside their own scope', async () => {
      const ca = await t.login('countyadmin');
      expect((await post(newClerk(), ca)).statusCode).toBe(403);
      const aboveSelf = await post(newClerk({ grants: [{ role: 'centerAdmin', centerId: t.org.cityId }] }), ca);
      expect(aboveSelf.statusCode).toBe(403);
      const ok = await post(newClerk({ grants: [{ role: 'centerAdmin', centerId: t.org.countyId }, { role: 'clerk', centerId: t.org.countyId, departmentId: t.org.deptCounty }] }), ca);
      expect(ok.statusCode).toBe(200);
      // nor touch an account that also works in the city
      const mixed = (await post(newClerk({ username: 'mixed', grants: [{ role: 'clerk', centerId: t.org.countyId, departmentId: t.org.deptCounty }, { role: 'volunteer', centerId: t.org.cityId }] }))).json();
      const body = { displayName: '改', phone: '', email: '', grants: [{ role: 'clerk', centerId: t.org.countyId, departmentId: t.org.deptCounty }], windowIds: [], version: mixed.version };
      expect((await t.as(ca, { method: 'PUT', url: `${S}/${mixed.id}`, payload: body })).statusCode).toBe(403);
      expect((await t.as(ca, { url: `${S}/${t.org.users.clerk}` })).statusCode).toBe(403);
      expect((await t.as(ca, { method: 'POST', url: `${S}/${t.org.users.clerk}/deactivate`, payload: { version: 1 } })).statusCode).toBe(403);
      // a department leader reads but does not administer accounts
      expect((await post(newClerk(), await t.login('leader'))).statusCode).toBe(403);
    });

    it('replaces grants and windows as a whole on update, with the version', async () => {
      const win = (await t.as(admin, { method: 'POST', url: '/api/v1/admin/windows', payload: { centerId: t.org.cityId, code: 'A01', name: '专窗', kind: 'dedicated', departmentId: t.org.deptA } })).json();
      const u = (await post(newClerk({ windowIds: [win.id] }))).json();
      expect(u.windowIds).toEqual([win.id]);
      const body = {
        displayName: '王审批', phone: '0531-86660000', email: '',
        grants: [{ role: 'reviewer', centerId: t.org.cityId, departmentId: t.org.deptB }, { role: 'supervisor', centerId: t.org.countyId }],
        windowIds: [], version: 1,
      };
      const r = await t.as(admin, { method: 'PUT', url: `${S}/${u.id}`, payload: body });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ displayName: '王审批', departmentId: t.org.deptB, windowIds: [], version: 2, phone: '0531-86660000' });
      expect(r.json().grants.map((g: { role: string }) => g.role).sort()).toEqual(['reviewer', 'supervisor']);
      const stale = await t.as(admin, { method: 'PUT', url: `${S}/${u.id}`, payload: body });
      expect(stale.statusCode).toBe(409);
      const me = (await t.as(await t.login('wang.clerk', 'Window2026'), { url: '/api/auth/me' })).json();
      expect(me.user.roles.sort()).toEqual(['reviewer', 'supervisor']);
      const log = await t.tdb.db.kysely.selectFrom('action_log').select('payload').where('entity_id', '=', u.id).where('action', '=', 'update').executeTakeFirstOrThrow();
      const changes = JSON.parse(log.payload).changes;
      expect(changes.windowIds).toEqual([[win.id], []]);
      expect(changes.phone).toEqual(['138****5678', '0531-****0000']);
    });
  });
}
