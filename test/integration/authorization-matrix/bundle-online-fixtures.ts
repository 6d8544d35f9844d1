/**
 * Rows the online bundle application entries of the matrix point at: the fixture applicant (a
 * real-name enterprise, hall-fixtures.ts) applies for the matrix's published bundle of two deptA
 * items (bundle-case-fixtures.ts) — a fresh application for each request that changes one, so every
 * actor's request would succeed.
 */
import { loadActor } from '../../../src/server/services/auth/session.js';
import { submitBundleApplication, uploadBundleMaterial } from '../../../src/server/services/bundle-online/index.js';
import type { Ctx } from '../../../src/server/services/context.js';
import type { TestApp } from '../../helpers/app.js';
import { PDF_BYTES } from '../catalogue-helpers.js';

/** the bundle bundle-case-fixtures.ts publishes (made before these fixtures) */
const BUNDLE_CODE = 'MXR-RUN';

export interface BundleOnlineFixtures {
  bundleOnline: {
    bundleId: string;
    /** a valid body for POST /api/v1/hall/bundle-applications (B01, B02 uploaded just now) */
    submitBody(): Promise<{ bundleId: string; form: object; materials: { code: string; fileId: string }[] }>;
    /** an application the applicant submitted just now: id, version and one of its files */
    application(): Promise<{ id: string; version: number; fileId: string }>;
  };
}

export async function createBundleOnlineFixtures(t: TestApp): Promise<BundleOnlineFixtures> {
  const bundleId = (await t.tdb.db.kysely.selectFrom('bundles').select('id').where('code', '=', BUNDLE_CODE).executeTakeFirstOrThrow()).id;
  let me: Ctx | undefined;
  const applicant = async () => (me ??= { deps: t.app.deps, actor: await loadActor(t.tdb.db.kysely, t.org.users.applicant), ip: 'local' });
  const submitBody = async () => {
    const ctx = await applicant();
    const materials = [];
    for (const code of ['B01', 'B02']) {
      const u = await uploadBundleMaterial(ctx, { bundleId, materialCode: code }, async () => ({ name: `${code}.pdf`, data: PDF_BYTES }));
      materials.push({ code, fileId: u.fileId });
    }
    return { bundleId, form: {}, materials };
  };
  return {
    bundleOnline: {
      bundleId,
      submitBody,
      async application() {
        const a = await submitBundleApplication(await applicant(), await submitBody());
        return { id: a.id, version: a.version, fileId: a.materials[0].files[0].fileId };
      },
    },
  };
}
