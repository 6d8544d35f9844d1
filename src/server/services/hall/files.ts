/**
 * Downloads around online applications: the applicant's own uploads and the notices of their
 * cases; for staff, the online application of a case (form values and materials) as a clerk
 * pre-reviews it, and its files — with case:read over the case's center and department.
 */
import type { ApplicationView } from '../../../contracts/hall-apply.js';
import { notFound } from '../../../domain/errors.js';
import { findFile } from '../../repositories/files.js';
import { fileCaseOwners, findCaseMaterialFile, findOnlineApplication, listCaseMaterials } from '../../repositories/hall-drafts.js';
import { type FileContent, toFileInfo } from '../catalogue/files.js';
import { caseActorFor, caseScope, getCaseRow, requireCasePermission } from '../case/access.js';
import { type NoticePdf, noticePdf } from '../case/notices.js';
import type { Ctx } from '../context.js';
import { actingFor, ownCase, requireApplicant } from './access.js';

/** An upload of the applicant's, or a file of one of their cases. Errors: notFound (anything else). */
export async function myFile(ctx: Ctx, fileId: string): Promise<FileContent> {
  const actor = requireApplicant(ctx);
  const db = ctx.deps.db.kysely;
  const f = await findFile(db, fileId);
  if (!f || f.purpose !== 'applicantMaterial') throw notFound('文件', 'File');
  if (f.created_by !== actor.userId) {
    const mine = await actingFor(db, actor.userId);
    if (!(await fileCaseOwners(db, fileId)).some((o) => mine.includes(o))) throw notFound('文件', 'File');
  }
  return { info: toFileInfo(f), data: await ctx.deps.files.get(f.storage_key) };
}

/** A notice of the applicant's own case. Errors: notFound. */
export async function myNoticePdf(ctx: Ctx, caseId: string, noticeId: string): Promise<NoticePdf> {
  const actor = requireApplicant(ctx);
  const row = await ownCase(ctx.deps.db.kysely, actor.userId, caseId);
  return noticePdf(ctx.deps, row, noticeId);
}

async function staffCase(ctx: Ctx, caseId: string) {
  const actor = requireCasePermission(ctx, 'case:read');
  const db = ctx.deps.db.kysely;
  const row = await getCaseRow(db, caseId);
  await caseActorFor(db, actor, 'case:read', caseScope(row), { itemId: row.item_id, departmentId: row.department_id });
  return row;
}

/** Errors: forbidden (no case:read over the case), notFound (no case, or not filed online). */
export async function applicationForStaff(ctx: Ctx, caseId: string): Promise<ApplicationView> {
  const row = await staffCase(ctx, caseId);
  const db = ctx.deps.db.kysely;
  const oa = await findOnlineApplication(db, row.id);
  if (!oa) throw notFound('网上申报信息', 'Online application');
  return {
    caseId: row.id,
    submittedOn: oa.submitted_on,
    prereviewDue: oa.prereview_due,
    formData: JSON.parse(oa.form_data) as Record<string, unknown>,
    materials: (await listCaseMaterials(db, row.id)).map((m) => ({
      id: m.id, materialCode: m.material_code, fileId: m.file_id, name: m.name, mime: m.mime, size: m.size, sha256: m.sha256,
      status: m.status as 'pending' | 'submitted' | 'replaced', round: m.round, createdAt: m.created_at, url: `/api/v1/cases/${row.id}/materials/${m.id}/file`,
    })),
  };
}

/** Errors: forbidden, notFound. */
export async function materialFileForStaff(ctx: Ctx, caseId: string, materialId: string): Promise<FileContent> {
  const row = await staffCase(ctx, caseId);
  const f = await findCaseMaterialFile(ctx.deps.db.kysely, row.id, materialId);
  if (!f) throw notFound('文件', 'File');
  return { info: toFileInfo(f), data: await ctx.deps.files.get(f.storage_key) };
}
