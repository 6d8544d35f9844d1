/** The matrix's bundle (一件事): a city bundle of two published items of its own, and a helper putting it into the state a request needs. */
import { getBundle, publishBundle, retireBundle, createBundle } from '../../../src/server/services/bundle/index.js';
import { createPublishedItem } from '../../../src/server/services/catalogue/index.js';
import { systemCtx } from '../../../src/server/services/context.js';
import type { TestApp } from '../../helpers/app.js';
import { sampleItem } from '../catalogue-helpers.js';

export interface BundleFixtures {
  bundleId: string;
  /** a valid body for POST/PUT with `code` */
  bundleBody(code: string): { code: string; name: string; stages: { name: string; itemIds: string[] }[] };
  /** the bundle is published (`published`), or may be published (`publishable`: draft or retired); its version */
  bundleIn(state: 'published' | 'publishable'): Promise<number>;
}

export async function createBundleFixtures(t: TestApp): Promise<BundleFixtures> {
  const sys = systemCtx(t.app.deps);
  const a = (await createPublishedItem(sys, sampleItem(t, { code: 'MXB-XK-0001', name: '矩阵一件事事项一' }))).item.id;
  const b = (await createPublishedItem(sys, sampleItem(t, { code: 'MXB-XK-0002', name: '矩阵一件事事项二' }))).item.id;
  const bundleBody = (code: string) => ({ code, name: '矩阵测试一件事', stages: [{ name: '第一阶段', itemIds: [a] }, { name: '第二阶段', itemIds: [b] }] });
  const bundleId = (await createBundle(sys, { ...bundleBody('MXB-MAIN'), centerId: t.org.cityId })).id;
  return {
    bundleId,
    bundleBody,
    async bundleIn(state) {
      const d = await getBundle(sys, bundleId);
      if (state === 'published') return d.status === 'published' ? d.version : (await publishBundle(sys, bundleId, { version: d.version })).version;
      return d.status === 'published' ? (await retireBundle(sys, bundleId, { version: d.version })).version : d.version;
    },
  };
}
