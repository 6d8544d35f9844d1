/**
 * Review findings on bundle runs and online bundle applications, on both databases: the public
 * progress answers a non-ASCII code like a wrong one (never 500); the run's fee sheet paid at a
 * version read before a child case's fees changed is refused (409), never paid for more than the
 * clerk saw; two clerks accepting one online application at once start one run.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../helpers/app.js';
import { dialects } from '../helpers/db.js';
import { type BundleItems, bundleItems, createBundle, publishBundle } from './bundle-helpers.js';
import { onlineBundle, submittedApplication, WINDOW } from './bundle-online-helpers.js';
import { USCC, move } from './case-helpers.js';
import { ok } from './case-review-helpers.js';
import { person } from './hall-helpers.js';

const RUNS = '/api/v1/bundle-runs';
const FORM = { entName: '济南测试科技有限公司', registeredCapital: 100, uscc: USCC, employees: 5, phone: '13812345678' };
const enterprise = { kind: 'enterprise', name: '济南测试科技有限公司', uscc: USCC, phone: '13812345678' };

for (const dialect of dialects()) {
  describe(`bundle review [${dialect}]`, () => {
    let t: TestApp;
    let clerk: Session;
    afterEach(async () => t?.close());

    describe('runs', () => {
      let items: BundleItems;
      let bundleId: string;
      beforeEach(async () => {
        t = await startTestApp(dialect);
        const admin = await t.login('admin');
        clerk = await t.login('clerk');
        items = await bundleItems(t);
        const b = await createBundle(t, admin, {
          code: 'YJS-REV', name: '企业开办一件事', stages: [{ name: '设立与刻章', itemIds: [items.company, items.seal] }, { name: '参保登记', itemIds: [items.insurance] }],
        });
        bundleId = (await publishBundle(t, admin, b.id, b.version)).id;
      });
      const start = () => ok(t.as(clerk, { method: 'POST', url: RUNS, payload: { bundleId, applicant: enterprise, form: FORM, materials: ['B01', 'B02', 'B03', 'B04'] } }));

      it('public progress: a code with non-ASCII characters is answered like a wrong code (404), not 500', async () => {
        const run = await start();
        const q = (code: string) => t.app.inject({ url: `/api/v1/public/bundle-progress?runNo=${run.runNo}&code=${encodeURIComponent(code)}` });
        const wrong = await q('ZZZZZZ');
        expect(wrong.statusCode).toBe(404);
        for (const code of ['中文', 'é', `${run.verificationCode.slice(0, -1)}中`]) {
          const r = await q(code);
          expect(r.statusCode, r.body).toBe(404);
          expect(r.body).toBe(wrong.body);
        }
        // the same comparison guards a child case's public progress (case/progress.ts)
        const child = run.stages[0].cases[0];
        const cq = (code: string) => t.app.inject({ url: `/api/v1/public/progress?caseNo=${child.caseNo}&code=${encodeURIComponent(code)}` });
        const cWrong = await cq('ZZZZZZ');
        expect(cWrong.statusCode).toBe(404);
        const cBad = await cq('中文');
        expect(cBad.statusCode, cBad.body).toBe(404);
        expect(cBad.body).toBe(cWrong.body);
      });

      it('pay: a child case whose fees changed after the sheet was read refuses the payment (409); nothing is paid', async () => {
        const run = await start();
        const seal = run.stages[0].cases[1];
        expect(run.fees.unpaidFen).toBe(0);
        // the clerk read the sheet at run.version; meanwhile the seal's window assessed its fee on the case itself
        const c = await ok(t.as(clerk, { url: `/api/v1/cases/${seal.caseId}` }));
        await ok(move(t, clerk, seal.caseId, 'fees', { version: c.version }));
        const r = await t.as(clerk, { method: 'POST', url: `${RUNS}/${run.id}/fees/pay`, payload: { version: run.version, method: 'cash' } });
        expect(r.statusCode, r.body).toBe(409);
        expect(r.json().error.code).toBe('conflict');
        const now = await ok(t.as(clerk, { url: `${RUNS}/${run.id}` }));
        expect(now.fees).toMatchObject({ unpaidFen: 12000, paidFen: 0 });
        // read again: the sheet as it is now is paid
        const paid = await ok(t.as(clerk, { method: 'POST', url: `${RUNS}/${run.id}/fees/pay`, payload: { version: now.version, method: 'cash' } }));
        expect(paid.fees).toMatchObject({ unpaidFen: 0, paidFen: 12000 });
        // and paid once only: the same version again is refused
        const twice = await t.as(clerk, { method: 'POST', url: `${RUNS}/${run.id}/fees/pay`, payload: { version: now.version, method: 'cash' } });
        expect(twice.statusCode).toBe(409);
      });

      it('pay: two clerks paying the same sheet at once pay it once', async () => {
        const run = await start();
        const assessed = await ok(t.as(clerk, { method: 'POST', url: `${RUNS}/${run.id}/fees/assess`, payload: { version: run.version } }));
        const both = await Promise.all([0, 1].map(() => t.as(clerk, { method: 'POST', url: `${RUNS}/${run.id}/fees/pay`, payload: { version: assessed.version, method: 'cash' } })));
        expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
        const pays = await t.tdb.db.kysely.selectFrom('case_actions').select('kind').where('kind', '=', 'payFee').execute();
        expect(pays).toHaveLength(1);
      });
    });

    describe('online', () => {
      let bundleId: string;
      beforeEach(async () => {
        t = await startTestApp(dialect);
        ({ bundleId } = await onlineBundle(t));
        clerk = await t.login('clerk');
      });

      it('two clerks accepting one application at once: one run, the other refused', async () => {
        const zhang = await person(t, '13900000001', '张三');
        const app = await submittedApplication(t, zhang, bundleId);
        const other = await t.login('clerk');
        const both = await Promise.all([clerk, other].map((s) => t.as(s, { method: 'POST', url: `${WINDOW}/${app.id}/accept`, payload: { version: 1 } })));
        expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
        expect(await t.tdb.db.kysely.selectFrom('bundle_runs').select('id').execute()).toHaveLength(1);
        expect(await t.tdb.db.kysely.selectFrom('bundle_run_cases').select('case_id').execute()).toHaveLength(2);
      });
    });
  });
}
