import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/services/audit/verify.js';
import { dialects } from '../helpers/db.js';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';

const G = '/api/v1/admin/delegations';
const T0 = '2026-01-05T00:00:00.000Z';

for (const dialect of dialects()) {
  describe(`organisation: delegations [${dialect}]`, () => {
    let t: TestApp;
    let leader: Session;
    let itemA: string;
    let itemB: string;
    beforeEach(async () => {
      t = await startTestApp(dialect);
      leader = await t.login('leader');
      itemA = await addItem(t.org.cityId, t.org.deptA, 'SCJG-001', '食品经营许可');
      itemB = await addItem(t.org.cityId, t.org.deptB, 'ZJJ-001', '建筑工程施工许可');
    });
    afterEach(async () => t.close());

    /** Items belong to the catalogue; the test writes the rows straight to the tables. */
    async function addItem(centerId: string, departmentId: string, code: string, name: string): Promise<string> {
      const id = randomUUID();
      const k = t.tdb.db.kysely;
      await k.insertInto('items').values({ id, center_id: centerId, code, department_id: departmentId, published_version_id: null, latest_version_no: 1, version: 1, created_at: T0, updated_at: T0 }).execute();
      await k.insertInto('item_versions').values({
        id: randomUUID(), item_id: id, version_no: 1, status: 'draft', name, department_id: departmentId, handling_class: 'promised',
        online_depth: 'window', themes: '', search_text: name, promised_limit: 5, statutory_limit: 20, data: '{}', created_by: null,
        created_at: T0, updated_at: T0, published_at: null, published_by: null, version: 1,
      }).execute();
      return id;
    }
    const post = (s: Session, payload: object) => t.as(s, { method: 'POST', url: G, payload });

    it('lets a department leader delegate an item of their own department, and lists it', async () => {
      const r = await post(leader, { departmentId: t.org.deptA, itemId: itemA, note: '首席代表可当场决定' });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({
        departmentId: t.org.deptA, departmentName: '市场监督管理局', itemId: itemA, itemCode: 'SCJG-001', itemName: '食品经营许可',
        note: '首席代表可当场决定', grantedBy: t.org.users.leader, grantedByName: 'leader', createdAt: t.clock.now().toISOString(),
      });
      const chief = await t.login('chiefrep');
      const list = (await t.as(chief, { url: `${G}?departmentId=${t.org.deptA}` })).json();
      expect(list.items.map((d: { itemId: string }) => d.itemId)).toEqual([itemA]);
      expect((await t.as(chief, { url: `${G}?departmentId=${t.org.deptB}` })).statusCode).toBe(403);
      expect((await t.as(await t.login('admin'), { url: G })).json().total).toBe(1);
      expect((await t.as(await t.login('countyadmin'), { url: G })).json().total).toBe(0);
    });

    it("keeps a leader away from another department's delegations (403)", async () => {
      expect((await post(leader, { departmentId: t.org.deptB, itemId: itemB })).statusCode).toBe(403);
      const leaderB = await t.login('leaderB');
      const own = (await post(leaderB, { departmentId: t.org.deptB, itemId: itemB })).json();
      expect((await t.as(leader, { method: 'DELETE', url: `${G}/${own.id}` })).statusCode).toBe(403);
      expect((await post(await t.login('chiefrep'), { departmentId: t.org.deptA, itemId: itemA })).statusCode).toBe(403);
      expect((await post(await t.login('countyadmin'), { departmentId: t.org.deptA, itemId: itemA })).statusCode).toBe(403);
    });

    it("refuses another department's item (400 itemId) and a second delegation (409 itemId)", async () => {
      const foreign = await post(leader, { departmentId: t.org.deptA, itemId: itemB });
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().error.fields[0].field).toBe('itemId');
      const missing = await post(leader, { departmentId: t.org.deptA, itemId: 'no-such-item' });
      expect(missing.json().error.fields[0].field).toBe('itemId');
      expect((await post(leader, { departmentId: t.org.deptA, itemId: itemA })).statusCode).toBe(200);
      const dup = await post(leader, { departmentId: t.org.deptA, itemId: itemA });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error).toMatchObject({ code: 'conflict', fields: [{ field: 'itemId' }] });
    });

    it('revokes a delegation and records both moves in the verifiable log', async () => {
      const admin = await t.login('admin');
      const d = (await post(admin, { departmentId: t.org.deptA, itemId: itemA })).json();
      expect(d.grantedByName).toBe('admin');
      const r = await t.as(leader, { method: 'DELETE', url: `${G}/${d.id}` });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual({ ok: true });
      expect((await t.as(leader, { method: 'DELETE', url: `${G}/${d.id}` })).statusCode).toBe(404);
      expect((await t.as(admin, { url: G })).json().total).toBe(0);
      const log = await t.tdb.db.kysely.selectFrom('action_log').select(['action', 'actor_name', 'payload']).where('entity', '=', 'delegation').orderBy('pos').execute();
      expect(log.map((a) => [a.action, a.actor_name])).toEqual([['create', 'admin'], ['revoke', 'leader']]);
      expect(JSON.parse(log[1].payload)).toMatchObject({ departmentId: t.org.deptA, itemId: itemA });
      expect((await verifyAuditChain(t.app.deps)).ok).toBe(true);
    });
  });
}
