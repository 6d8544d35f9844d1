/**
 * An applicant's upload for an online bundle application: one file for one material of the
 * bundle's combined checklist, checked and stored like the hall's other uploads (hall/uploads.ts:
 * PDF / JPG / PNG by content, size limit, SHA-256). The file is the account's (`created_by`) until
 * an application names it; the applicant downloads it from /api/v1/hall/files/:id.
 */
import type { BundleUploadQuery, BundleUploadView } from '../../../contracts/bundle-online.js';
import { recordAction } from '../audit/record.js';
import { checkStartable, findStartable } from '../bundle-case/start.js';
import type { Ctx } from '../context.js';
import { requireApplicant } from '../hall/access.js';
import { checklistName } from '../hall/draft-materials.js';
import { type ApplicantUpload, storeUpload } from '../hall/uploads.js';
import { fileUrl, toUploadView } from './view.js';

/**
 * Checks the bundle and the material before `read` pulls the bytes off the request. Errors:
 * validation (`bundleId` unknown or not published; `materialCode` not in the checklist; `file`
 * empty, too large, wrong type).
 */
export async function uploadBundleMaterial(ctx: Ctx, q: BundleUploadQuery, read: () => Promise<ApplicantUpload>): Promise<BundleUploadView> {
  requireApplicant(ctx);
  const startable = await findStartable(ctx.deps.db.kysely, q.bundleId);
  checklistName(checkStartable(startable).materials, q.materialCode);
  const upload = await read();
  const file = await storeUpload(ctx, upload, async (trx, f) => {
    await recordAction(trx, ctx, { entity: 'file', entityId: f.id, action: 'upload', payload: { bundleId: q.bundleId, materialCode: q.materialCode, sha256: f.sha256, size: f.size } });
    return f;
  });
  return toUploadView(file, q.materialCode, fileUrl('applicant', '', file.id));
}
