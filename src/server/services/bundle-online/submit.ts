/**
 * An applicant applies online for a published bundle (一件事 网上申请): one combined form, checked
 * against the bundle's combined form schema, and the combined checklist's materials, each an upload
 * of the applicant's own (uploads.ts) — every problem at once, named `form.<key>`,
 * `materials.<code>` (a required material without a file), `materials.N` (a code not in the
 * checklist) and `materials.N.fileId` (no such upload of the account's). The applicant is the
 * account's real-name identity, never anything in the body. The application then waits for the
 * window (accept.ts, return.ts).
 */
import { randomUUID } from 'node:crypto';
import { type BundleApplicationView, SubmitBundleApplicationBody } from '../../../contracts/bundle-online.js';
import { type FieldError, fieldError, invalid } from '../../../domain/errors.js';
import { findBundleApplication, insertBundleApplication } from '../../repositories/bundle-online.js';
import { findFilesByIds } from '../../repositories/files.js';
import { findHallAccount } from '../../repositories/hall-accounts.js';
import { recordAction } from '../audit/record.js';
import { checkFormAndMaterials, checkStartable, findStartable } from '../bundle-case/start.js';
import { type Ctx, inTx, nowIso } from '../context.js';
import { requireApplicant } from '../hall/access.js';
import { noIdentity } from '../hall/submit.js';
import { buildView } from './view.js';

/**
 * Errors: unauthenticated (401), forbidden (a staff account), unprocessable (422: no real-name
 * identity), validation (400: `bundleId` unknown or not published, `form.<key>`, `materials.…`).
 */
export async function submitBundleApplication(ctx: Ctx, input: SubmitBundleApplicationBody): Promise<BundleApplicationView> {
  const actor = requireApplicant(ctx);
  const body = SubmitBundleApplicationBody.parse(input);
  const id = await inTx(ctx.deps, async (trx) => {
    const account = await findHallAccount(trx, actor.userId);
    if (!account?.identity_kind) throw noIdentity();
    const startable = await findStartable(trx, body.bundleId);
    const combined = checkStartable(startable);
    const errors: FieldError[] = [];
    const form = checkFormAndMaterials(combined, body.form, body.materials.map((m) => m.code), errors);
    const files = new Map((await findFilesByIds(trx, body.materials.map((m) => m.fileId))).map((f) => [f.id, f]));
    body.materials.forEach((m, i) => {
      const f = files.get(m.fileId);
      if (!f || f.created_by !== actor.userId || f.purpose !== 'applicantMaterial') {
        errors.push(fieldError(`materials.${i}.fileId`, `materials.${i}.fileId：没有这个上传文件，请重新上传`, `materials.${i}.fileId: no such upload of yours; upload it again`));
      }
    });
    if (errors.length > 0) throw invalid(errors);

    const now = nowIso(ctx.deps);
    const person = account.identity_kind === 'person';
    const row = {
      id: randomUUID(),
      user_id: actor.userId,
      center_id: startable.bundle.center_id,
      bundle_id: startable.bundle.id,
      bundle_name: startable.bundle.name,
      department_ids: startable.departmentIds.join(' '),
      applicant_kind: account.identity_kind,
      applicant_name: account.real_name,
      applicant_id_number: person ? account.id_number : null,
      applicant_uscc: person ? null : account.uscc,
      applicant_phone: account.phone ?? '',
      form_data: JSON.stringify(form),
      materials: JSON.stringify(body.materials.map((m) => ({ code: m.code, fileId: m.fileId }))),
      status: 'submitted',
      run_id: null,
      return_reason: null,
      submitted_at: now,
      decided_at: null,
      decided_by: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await insertBundleApplication(trx, row);
    await recordAction(trx, ctx, {
      entity: 'bundleApplication',
      entityId: row.id,
      action: 'submit',
      payload: { bundleId: row.bundle_id, applicantKind: row.applicant_kind, materials: body.materials },
    });
    return row.id;
  });
  return buildView(ctx, ctx.deps.db.kysely, (await findBundleApplication(ctx.deps.db.kysely, id))!, 'applicant');
}
