/**
 * Rows the bundle runs (一件事办件) entries of the matrix point at: a published city bundle of two
 * deptA items with fixed fees, and runs started by deptA's clerk over the API — a fresh one for
 * each request that changes it, so every actor's request would succeed.
 */
import { createBundle, publishBundle } from '../../../src/server/services/bundle/index.js';
import { createPublishedItem } from '../../../src/server/services/catalogue/index.js';
import { systemCtx } from '../../../src/server/services/context.js';
import type { Session, TestApp } from '../../helpers/app.js';
import { sampleItem } from '../catalogue-helpers.js';
import { USCC } from '../case-helpers.js';

export interface BundleCaseFixtures {
  /** a valid body for POST /api/v1/bundle-runs */
  runBody(): { bundleId: string; applicant: object; form: object; materials: string[] };
  /** a run just started (`started`: fixed fees not yet assessed) or with its fees assessed (`assessed`): id, version, number, code */
  bundleRun(state: 'started' | 'assessed'): Promise<{ id: string; version: number; runNo: string; code: string }>;
}

export async function createBundleCaseFixtures(t: TestApp): Promise<BundleCaseFixtures> {
  const sys = systemCtx(t.app.deps);
  const fee = (n: number) => ({ free: false, lines: [{ name: `矩阵工本费${n}`, basis: '', standard: '每件10元', amountFen: 1000, licenceNo: `鲁费证MX${n}` }] });
  const procedure = [
    { name: '受理', kind: 'accept' as const, role: 'clerk' as const, limitDays: 0 },
    { name: '审查决定', kind: 'decide' as const, role: 'deptLeader' as const, limitDays: 2 },
  ];
  const item = async (n: number) =>
    (await createPublishedItem(sys, sampleItem(t, { code: `MXR-XK-000${n}`, name: `矩阵一件事办件事项${n}`, promisedLimit: 2, procedure, fees: fee(n) }))).item.id;
  const [a, b] = [await item(1), await item(2)];
  const bundle = await createBundle(sys, { code: 'MXR-RUN', name: '矩阵一件事办件', stages: [{ name: '一', itemIds: [a] }, { name: '二', itemIds: [b] }], centerId: t.org.cityId });
  const bundleId = (await publishBundle(sys, bundle.id, { version: bundle.version })).id;
  const runBody = () => ({ bundleId, applicant: { kind: 'enterprise', name: '矩阵测试有限公司', uscc: USCC }, form: {}, materials: ['B01', 'B02'] });
  let clerk: Session | undefined;
  return {
    runBody,
    async bundleRun(state) {
      clerk ??= await t.login('clerk');
      const r = await t.as(clerk, { method: 'POST', url: '/api/v1/bundle-runs', payload: runBody() });
      if (r.statusCode !== 200) throw new Error(`bundle run: ${r.statusCode} ${r.body}`);
      let run = r.json();
      if (state === 'assessed') {
        const a2 = await t.as(clerk, { method: 'POST', url: `/api/v1/bundle-runs/${run.id}/fees/assess`, payload: { version: run.version } });
        if (a2.statusCode !== 200) throw new Error(`assess: ${a2.statusCode} ${a2.body}`);
        run = a2.json();
      }
      return { id: run.id, version: run.version, runNo: run.runNo, code: run.verificationCode };
    },
  };
}
