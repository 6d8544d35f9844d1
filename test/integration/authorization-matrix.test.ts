/**
 * The authorization matrix: every route × every role. Each route has an entry in MATRIX
 * (authorization-matrix/routes.ts) with its rule — public, login, or a permission string whose
 * holders come from ROLE_PERMISSIONS — and a valid request; the test fails on a route without an
 * entry. Beside the matrix, scope cases: the right permission in the wrong department or center.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../src/domain/permissions.js';
import { dialects } from '../helpers/db.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { ROLE_OF, USERS, type User } from './authorization-matrix/actors.js';
import { checkRoute, expectAllowed, send } from './authorization-matrix/check.js';
import { createFixtures, type Fixtures } from './authorization-matrix/fixtures.js';
import { MATRIX, type Req } from './authorization-matrix/routes.js';

/** The OpenAPI viewer: public, outside the matrix. */
const DOCS = '/api/docs';
const A = '/api/v1/admin';
type Who = User | 'leaderB' | 'countyadmin';

for (const dialect of dialects()) {
  describe(`authorization matrix: every route × role [${dialect}]`, () => {
    let t: TestApp;
    let f: Fixtures;
    const sessions = {} as Record<Who, Session>;
    beforeAll(async () => {
      // every check comes from one client address: no rate limit may answer in its place
      t = await startTestApp(dialect, { LOGIN_RATE_PER_MINUTE: '10000', PUBLIC_RATE_PER_MINUTE: '100000' });
      await t.app.ready();
      f = await createFixtures(t);
      for (const who of [...USERS, 'leaderB', 'countyadmin'] as const) sessions[who] = await t.login(who);
    });
    afterAll(async () => t?.close());

    const expectStatus = async (who: Who, method: 'GET' | 'POST' | 'PUT' | 'DELETE', req: Req, expected: 403 | 'allowed') => {
      const { status, msg } = await send(t, sessions[who], method, req, `${req.url} as ${who}`);
      if (expected === 'allowed') expectAllowed(method, status, msg);
      else expect(status, msg).toBe(expected);
    };

    it('has an entry for every route the app serves (the OpenAPI viewer is public), and none for a route it does not', async () => {
      const served = t.app.routeList.map((r) => `${r.method} ${r.url}`);
      const docs = t.app.routeList.filter((r) => r.url.startsWith(DOCS));
      expect(served.filter((k) => !k.split(' ')[1].startsWith(DOCS) && !(k in MATRIX)), 'routes without a matrix entry').toEqual([]);
      expect(Object.keys(MATRIX).filter((k) => !served.includes(k)), 'matrix entries without a route').toEqual([]);
      expect(docs.length).toBeGreaterThan(0);
      for (const r of docs.filter((d) => d.method === 'GET' && !d.url.includes('*'))) {
        const { status, msg } = await send(t, null, 'GET', { url: r.url }, `${r.url} as anonymous`);
        expect([401, 403], msg).not.toContain(status);
        expect(status, msg).toBeLessThan(400);
      }
    });

    it('signs in users holding exactly the roles and permissions the matrix assumes', async () => {
      for (const u of USERS) {
        const me = (await t.as(sessions[u], { url: '/api/auth/me' })).json().user;
        const role = ROLE_OF[u];
        expect(me.roles, u).toEqual(role === 'applicant' ? [] : [role]);
        expect(me.permissions, u).toEqual([...ROLE_PERMISSIONS[role]].sort());
      }
    });

    for (const [key, c] of Object.entries(MATRIX)) {
      it(key, async () => {
        await checkRoute(t, f, sessions, key, c);
      });
    }

    it("keeps a department's leader inside their department: deptB's leader cannot touch deptA's item, nor deptA's leader deptB's data (403)", async () => {
      const item = `${A}/items/${f.itemA}`;
      await expectStatus('leaderB', 'GET', { url: item }, 403);
      await expectStatus('leaderB', 'PUT', { url: `${item}/draft`, payload: { version: await f.draftVersion(f.itemA), data: f.itemData() } }, 403);
      // nor pull it over into their own department
      const toB = f.itemData({ departmentId: f.org.deptB });
      await expectStatus('leaderB', 'PUT', { url: `${item}/draft`, payload: { version: await f.draftVersion(f.itemA), data: toB } }, 403);
      await expectStatus('leaderB', 'POST', { url: `${item}/validate`, payload: { data: f.itemData() } }, 403);
      await expectStatus('leaderB', 'POST', { url: `${item}/validate`, payload: {} }, 403);
      await expectStatus('leaderB', 'POST', { url: `${A}/items/validate`, payload: { data: f.itemData({ code: 'MX-NEW' }) } }, 403);
      await expectStatus('leaderB', 'POST', { url: `${A}/items`, payload: f.itemData({ code: 'MX-LEADERB' }) }, 403);
      await f.withoutDraft(f.itemA);
      await expectStatus('leaderB', 'POST', { url: `${item}/draft`, payload: {} }, 403);
      await f.noDelegation(f.itemLife);
      await expectStatus('leaderB', 'POST', { url: `${A}/delegations`, payload: { departmentId: f.org.deptA, itemId: f.itemLife } }, 403);
      await expectStatus('leaderB', 'DELETE', { url: `${A}/delegations/${await f.delegation(f.itemA, f.org.deptA)}` }, 403);
      // the other way round
      await expectStatus('leader', 'PUT', { url: `${item}/draft`, payload: { version: await f.draftVersion(f.itemA), data: toB } }, 403);
      await expectStatus('leader', 'DELETE', { url: `${A}/delegations/${f.delegationB}` }, 403);
      await expectStatus('leader', 'POST', { url: `${A}/delegations`, payload: { departmentId: f.org.deptB, itemId: f.itemB } }, 403);
      await expectStatus('leader', 'GET', { url: `${A}/delegations?departmentId=${f.org.deptB}` }, 403);
      await expectStatus('leader', 'GET', { url: `${A}/staff/${f.org.users.leaderB}` }, 403);
      // …while each may work on their own department's item
      const own = { departmentId: f.org.deptB, code: 'ZJJ-XK-0001', name: '建筑工程施工许可' };
      await expectStatus('leaderB', 'PUT', { url: `${A}/items/${f.itemB}/draft`, payload: { version: await f.draftVersion(f.itemB), data: f.itemData(own) } }, 'allowed');
    });

    it("keeps a county admin out of the city's departments, items and calendar (403), while the city admin acts in the county below", async () => {
      const dept = async (id: string, name: string) => ({
        url: `${A}/departments/${id}`,
        payload: { code: 'SCJG', name, version: await f.version('departments', id) },
      });
      const override = (scope: string) => ({ url: `${A}/calendar/overrides`, payload: { scope, date: '2027-05-07', workday: true, name: '调班' } });
      await expectStatus('countyadmin', 'PUT', await dept(f.org.deptA, '市场监督管理局'), 403);
      await expectStatus('countyadmin', 'POST', { url: `${A}/departments/${f.org.deptA}/deactivate`, payload: { version: await f.version('departments', f.org.deptA) } }, 403);
      await expectStatus('countyadmin', 'PUT', { url: `${A}/items/${f.itemA}/draft`, payload: { version: await f.draftVersion(f.itemA), data: f.itemData() } }, 403);
      await expectStatus('countyadmin', 'POST', { url: `${A}/items/${f.itemA}/publish`, payload: { version: await f.draftVersion(f.itemA) } }, 403);
      await expectStatus('countyadmin', 'POST', { url: `${A}/items/${f.itemLife}/suspend`, payload: { version: await f.publicVersion(f.itemLife, 'published') } }, 403);
      await expectStatus('countyadmin', 'POST', override(f.org.cityId), 403);
      await expectStatus('countyadmin', 'DELETE', { url: `${A}/calendar/overrides/${await f.override(f.org.cityId)}` }, 403);
      // the national arrangement is for an admin of a root center
      await expectStatus('countyadmin', 'POST', override('national'), 403);
      await expectStatus('countyadmin', 'GET', { url: `${A}/centers/${f.org.cityId}` }, 403);
      await expectStatus('countyadmin', 'GET', { url: `${A}/catalogue/export?centerId=${f.org.cityId}` }, 403);
      await expectStatus('countyadmin', 'POST', {
        url: `${A}/windows`,
        payload: { centerId: f.org.cityId, code: 'MX-COUNTY', name: '县管理员的窗口', kind: 'dedicated', departmentId: f.org.deptA },
      }, 403);
      await expectStatus('countyadmin', 'POST', {
        url: `${A}/staff`,
        payload: { username: 'mx_county', displayName: '越权账号', password: 'Matrix2026pw', grants: [{ role: 'clerk', centerId: f.org.cityId, departmentId: f.org.deptA }] },
      }, 403);
      // the county admin in the county, and the city admin in its subtree
      await expectStatus('countyadmin', 'PUT', await dept(f.org.deptCounty, '县市场监督管理局'), 'allowed');
      await expectStatus('admin', 'PUT', await dept(f.org.deptCounty, '县市场监督管理局'), 'allowed');
      await expectStatus('admin', 'POST', override(f.org.countyId), 'allowed');
      await expectStatus('admin', 'DELETE', { url: `${A}/calendar/overrides/${await f.override(f.org.countyId)}` }, 'allowed');
      await expectStatus('admin', 'POST', {
        url: `${A}/windows`,
        payload: { centerId: f.org.countyId, code: 'MX-CITY', name: '市管理员开的县窗口', kind: 'dedicated', departmentId: f.org.deptCounty },
      }, 'allowed');
      await expectStatus('admin', 'POST', override('national'), 'allowed');
    });

    it("keeps staff accounts from a role without user:read: deptA's reviewer cannot list or read them (403), deptA's leader can", async () => {
      await expectStatus('reviewer', 'GET', { url: `${A}/staff` }, 403);
      await expectStatus('reviewer', 'GET', { url: `${A}/staff/${f.staffId}` }, 403);
      await expectStatus('leader', 'GET', { url: `${A}/staff/${f.staffId}` }, 'allowed');
    });

    it("keeps another department's leader out of deptA's back office: no task, decision or conclusion of its cases (403), none of its tasks in the inbox", async () => {
      const task = await f.taskCase(2);
      await expectStatus('leaderB', 'POST', { url: `/api/v1/cases/${task.id}/tasks/${task.taskId}/complete`, payload: { version: task.version, opinion: '同意' } }, 403);
      const accepted = await f.acceptedCase('delegated');
      await expectStatus('leaderB', 'POST', { url: `/api/v1/cases/${accepted.id}/decide`, payload: { version: accepted.version, decision: { outcome: 'approved' } } }, 403);
      const decided = await f.decidedCase();
      await expectStatus('leaderB', 'POST', { url: `/api/v1/cases/${decided.id}/conclude`, payload: { version: decided.version } }, 403);
      const inbox = await t.as(sessions.leaderB, { url: '/api/v1/review/tasks' });
      expect(inbox.statusCode).toBe(200);
      expect(inbox.json().total).toBe(0);
      await expectStatus('leader', 'POST', { url: `/api/v1/cases/${task.id}/tasks/${task.taskId}/complete`, payload: { version: task.version, opinion: '同意' } }, 'allowed');
    });

    it('refuses a role without the permission before looking at its input (403, not 400 or 404)', async () => {
      await expectStatus('clerk', 'GET', { url: `${A}/catalogue/export` }, 403);
      await expectStatus('clerk', 'POST', { url: `${A}/catalogue/import`, payload: f.exportJson }, 403);
      await expectStatus('clerk', 'POST', { url: `${A}/calendar/overrides`, payload: { scope: 'no-such-center', date: '2027-05-06', workday: false } }, 403);
      await expectStatus('clerk', 'POST', { url: `${A}/calendar/overrides`, payload: { scope: f.org.cityId, date: '2027-02-30', workday: false } }, 403);
      await expectStatus('clerk', 'DELETE', { url: `${A}/calendar/overrides/no-such-override` }, 403);
      await expectStatus('clerk', 'POST', { url: `${A}/calendar/import`, payload: { scope: 'no-such-center', year: 2027, text: '2027-01-01 休 元旦' } }, 403);
      await expectStatus('volunteer', 'GET', { url: `${A}/centers/no-such-center` }, 403);
      await expectStatus('volunteer', 'GET', { url: `${A}/staff/no-such-account` }, 403);
      const none = `${A}/items/no-such-item`;
      await expectStatus('applicant', 'GET', { url: none }, 403);
      await expectStatus('volunteer', 'GET', { url: `${none}/versions/1` }, 403);
      await expectStatus('clerk', 'PUT', { url: `${none}/draft`, payload: { version: 1, data: f.itemData() } }, 403);
      await expectStatus('volunteer', 'POST', { url: `${none}/draft`, payload: {} }, 403);
      await expectStatus('clerk', 'POST', { url: `${none}/publish`, payload: { version: 1 } }, 403);
      await expectStatus('clerk', 'POST', { url: `${none}/suspend`, payload: { version: 1 } }, 403);
      await expectStatus('volunteer', 'POST', { url: `${none}/validate`, payload: {} }, 403);
      const elsewhere = f.itemData({ code: 'MX-NOWHERE', departmentId: 'no-such-department' });
      await expectStatus('volunteer', 'POST', { url: `${A}/items/validate`, payload: { data: elsewhere } }, 403);
      await expectStatus('clerk', 'POST', { url: `${A}/items`, payload: elsewhere }, 403);
    });

    it('asks for a login before it looks at the input: anonymous gets 401 on every non-public route, even with bad input', async () => {
      for (const [key, c] of Object.entries(MATRIX)) {
        if (c.rule === 'public') continue;
        const [method, pattern] = key.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE', string];
        // ids that do not exist, a page number out of range, an empty body: each a 400/404 once logged in
        const url = pattern.replace(':versionNo', 'x').replace(':id', 'no-such-id') + (method === 'GET' ? '?page=0' : '');
        const { status, msg } = await send(t, null, method, { url, payload: method === 'POST' || method === 'PUT' ? {} : undefined }, `${url} as anonymous`);
        expect(status, msg).toBe(401);
      }
    });
  });
}
