/**
 * An online bundle application as the applicant and the window see it: the combined form's values
 * with their titles, the combined checklist with the files uploaded for each material, the reasons
 * when returned, and — once accepted — the run's number, query code and progress (the public
 * progress answer: stages and child cases, no opinions). Staff lists mask the applicant's name;
 * the window's detail masks the ID number (the run keeps it in full once accepted).
 */
import type { BundleApplicationStatus, BundleApplicationSummary, BundleApplicationView, BundleUploadView } from '../../../contracts/bundle-online.js';
import { maskIdNumber, maskName } from '../../../domain/identity/mask.js';
import type { BundleApplicationsTable, FilesTable } from '../../db/schema.js';
import type { BundleApplicationRow } from '../../repositories/bundle-online.js';
import { findBundleRun } from '../../repositories/bundle-runs.js';
import { findFilesByIds } from '../../repositories/files.js';
import { publicBundleProgress } from '../bundle-case/progress.js';
import { findStartable } from '../bundle-case/start.js';
import { formTitles } from '../bundle-case/view.js';
import { buildCombined } from '../bundle/items.js';
import type { Ctx, Executor } from '../context.js';

export type Audience = 'applicant' | 'staff';

export interface StoredMaterial {
  code: string;
  fileId: string;
}

export const storedMaterials = (row: Pick<BundleApplicationsTable, 'materials'>): StoredMaterial[] => JSON.parse(row.materials) as StoredMaterial[];

export function toSummary(row: BundleApplicationsTable, audience: Audience): BundleApplicationSummary {
  return {
    id: row.id,
    bundleId: row.bundle_id,
    bundleName: row.bundle_name,
    applicantName: audience === 'staff' && row.applicant_kind === 'person' ? maskName(row.applicant_name) : row.applicant_name,
    status: row.status as BundleApplicationStatus,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    runId: row.run_id,
    version: row.version,
  };
}

/** Where the reader downloads an uploaded file. */
export const fileUrl = (audience: Audience, applicationId: string, fileId: string) =>
  audience === 'applicant' ? `/api/v1/hall/files/${fileId}` : `/api/v1/bundle-applications/${applicationId}/files/${fileId}`;

export function toUploadView(f: Pick<FilesTable, 'id' | 'name' | 'mime' | 'size' | 'sha256' | 'created_at'>, code: string, url: string): BundleUploadView {
  return { fileId: f.id, materialCode: code, name: f.name, mime: f.mime, size: f.size, sha256: f.sha256, url, createdAt: f.created_at };
}

export async function buildView(ctx: Ctx, db: Executor, row: BundleApplicationRow, audience: Audience): Promise<BundleApplicationView> {
  const { stages, resolved } = await findStartable(db, row.bundle_id);
  const combined = buildCombined(stages, resolved);
  const stored = storedMaterials(row);
  const files = new Map((await findFilesByIds(db, stored.map((m) => m.fileId))).map((f) => [f.id, f]));
  const filesOf = (code: string) =>
    stored.filter((m) => m.code === code && files.has(m.fileId)).map((m) => toUploadView(files.get(m.fileId)!, code, fileUrl(audience, row.id, m.fileId)));
  const run = row.run_id ? await findBundleRun(db, row.run_id) : undefined;
  const open = row.status === 'submitted';
  return {
    ...toSummary(row, 'applicant'),
    centerId: row.center_id,
    applicant: {
      kind: row.applicant_kind as 'person' | 'enterprise',
      name: row.applicant_name,
      idNumber: row.applicant_id_number && (audience === 'staff' ? maskIdNumber(row.applicant_id_number) : row.applicant_id_number),
      uscc: row.applicant_uscc,
      phone: row.applicant_phone,
    },
    form: JSON.parse(row.form_data) as Record<string, unknown>,
    formTitles: formTitles(combined.form.schema),
    materials: combined.materials.map((m) => ({ code: m.code, name: m.name, required: m.required, files: filesOf(m.code) })),
    returned: row.return_reason ? (JSON.parse(row.return_reason) as BundleApplicationView['returned']) : null,
    run: run
      ? { runNo: run.run_no, verificationCode: run.verification_code, progress: await publicBundleProgress(ctx.deps, { runNo: run.run_no, code: run.verification_code }) }
      : null,
    actions: !open ? [] : audience === 'applicant' ? ['withdraw'] : ['accept', 'return'],
  };
}
