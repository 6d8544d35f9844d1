/** The demo seed publishes its two bundles through the services, from the demo catalogue. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { seedDemo } from '../../src/server/seed/demo-seed.js';
import { TestClock } from '../helpers/app.js';
import { dialects, freshDb, type TestDb } from '../helpers/db.js';

for (const dialect of dialects()) {
  describe(`demo bundles [${dialect}]`, () => {
    let tdb: TestDb;
    let app: Awaited<ReturnType<typeof buildApp>>;
    beforeEach(async () => {
      tdb = await freshDb(dialect);
      const config = loadConfig({ ONESTOP_DATA_DIR: tdb.dataDir, LOG_LEVEL: 'silent', OUTBOX_INTERVAL_MS: '0', TIMER_INTERVAL_MS: '0' });
      app = await buildApp({ config, db: tdb.db, clock: new TestClock(), logger: false, webRoot: '/nonexistent' });
    });
    afterEach(async () => {
      await app.close();
      await tdb.cleanup();
    });

    it('seeds 企业开办一件事 and 工程建设项目审批一件事, published, with their one deadline and one form', async () => {
      const logs: string[] = [];
      expect(await seedDemo(app.deps, (m) => logs.push(m))).not.toBeNull();
      expect(logs).toContain('bundles 2 published');
      const list = (await app.inject({ url: '/api/v1/public/bundles' })).json();
      expect(list.items.map((b: { name: string }) => b.name)).toEqual(['企业开办一件事', '工程建设项目审批一件事']);

      const startUp = (await app.inject({ url: '/api/v1/public/bundles/370700-YJS-0001' })).json();
      expect(startUp).toMatchObject({ available: true, limits: { promisedLimit: 0, statutoryLimit: 15 } });
      expect(startUp.stages[0].items.map((i: { departmentName: string }) => i.departmentName)).toEqual([
        '潍坊市市场监督管理局', '潍坊市公安局', '国家税务总局潍坊市税务局', '国家税务总局潍坊市税务局', '潍坊市人力资源和社会保障局',
      ]);
      expect(startUp.materials.filter((m: { name: string }) => m.name === '营业执照')).toHaveLength(1);

      const build = (await app.inject({ url: '/api/v1/public/bundles/370700-YJS-0002' })).json();
      expect(build.stages.map((s: { name: string; items: unknown[] }) => [s.name, s.items.length])).toEqual([['工程立项', 2], ['工程许可', 2], ['图纸审核', 2]]);
      expect(build.limits).toEqual({ promisedLimit: 27, statutoryLimit: 55 });
      expect(Object.keys(build.form.schema.properties)).toContain('landArea__2');
      // the seed's bundle writes are in the action log like every other
      const rows = await tdb.db.kysely.selectFrom('action_log').select('action').where('entity', '=', 'bundle').execute();
      expect(rows.map((r) => r.action).sort()).toEqual(['create', 'create', 'publish', 'publish']);
    });
  });
}
