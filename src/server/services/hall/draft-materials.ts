/**
 * Materials uploaded to a draft against the item's checklist (申报材料): each file is one of the
 * item's materials (by code); a material may take several files (pages scanned one by one), up
 * to a limit. On submission they become the case's materials.
 */
import { randomUUID } from 'node:crypto';
import type { UploadView } from '../../../contracts/hall-apply.js';
import { fieldError, invalid, notFound } from '../../../domain/errors.js';
import { deleteDraftMaterial, insertDraftMaterial, listDraftMaterials } from '../../repositories/hall-drafts.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, inTx } from '../context.js';
import { requireApplicant } from './access.js';
import { fileUrl, ownDraft, submittedDraft } from './drafts.js';
import { publishedItem } from './item-form.js';
import { type ApplicantUpload, storeUpload } from './uploads.js';

export const MAX_FILES_PER_MATERIAL = 10;
export const MAX_FILES_PER_APPLICATION = 50;

/** 400 naming `materialCode` unless the item lists the material; its name. */
export function checklistName(materials: readonly { code: string; name: string }[], code: string): string {
  const m = materials.find((x) => x.code === code);
  if (!m) throw invalid([fieldError('materialCode', `materialCode：事项没有编码为 ${code} 的材料`, `materialCode: the item has no material ${code}`)]);
  return m.name;
}

/**
 * Checks the draft and the material before `read` pulls the bytes off the request, then stores
 * them. Errors: notFound (draft), invalidState (submitted), validation (`materialCode` unknown or
 * full; `file` empty, too large, wrong type).
 */
export async function uploadDraftMaterial(ctx: Ctx, draftId: string, materialCode: string, read: () => Promise<ApplicantUpload>): Promise<UploadView> {
  const actor = requireApplicant(ctx);
  const db = ctx.deps.db.kysely;
  const d = await ownDraft(db, actor.userId, draftId);
  if (d.case_id) throw submittedDraft();
  const it = await publishedItem(db, d.item_id);
  const name = checklistName(it?.data.materials ?? [], materialCode);
  const have = await listDraftMaterials(db, draftId);
  if (have.length >= MAX_FILES_PER_APPLICATION || have.filter((h) => h.material_code === materialCode).length >= MAX_FILES_PER_MATERIAL) {
    throw invalid([fieldError('materialCode', `materialCode：「${name}」的文件已达上限，请先删除不需要的文件`, `materialCode: "${name}" has the most files allowed; delete one first`)]);
  }
  const upload = await read();
  const id = randomUUID();
  const row = await storeUpload(ctx, upload, async (trx, file) => {
    const now = await ownDraft(trx, actor.userId, draftId); // submitted meanwhile: no upload lands on it
    if (now.case_id) throw submittedDraft();
    await insertDraftMaterial(trx, { id, draft_id: draftId, material_code: materialCode, file_id: file.id, created_at: file.created_at });
    await recordAction(trx, ctx, { entity: 'hallDraft', entityId: draftId, action: 'upload', payload: { materialCode, fileId: file.id, sha256: file.sha256, size: file.size } });
    return file;
  });
  return { id, materialCode, fileId: row.id, name: row.name, mime: row.mime, size: row.size, sha256: row.sha256, url: fileUrl(row.id), createdAt: row.created_at };
}

/** Errors: notFound (draft or file), invalidState (submitted). */
export async function removeDraftMaterial(ctx: Ctx, draftId: string, id: string): Promise<void> {
  const actor = requireApplicant(ctx);
  await inTx(ctx.deps, async (trx) => {
    const d = await ownDraft(trx, actor.userId, draftId);
    if (d.case_id) throw submittedDraft();
    if (!(await deleteDraftMaterial(trx, draftId, id))) throw notFound('文件', 'File');
    await recordAction(trx, ctx, { entity: 'hallDraft', entityId: draftId, action: 'removeUpload', payload: { id } });
  });
}
