/**
 * Drafts of online applications (DESIGN §9: "drafts that survive a closed tab"): kept on the
 * server as the applicant types, so they resume on another device; each save carries the version
 * it was read at and a stale one (a second tab) is refused with 409 rather than overwriting.
 * Values are kept as typed — they are checked against the form on submit (the browser checks
 * them as they are typed with the same rules).
 *
 * A draft is written by one account, for itself or for an enterprise it is an agent of; only its
 * writer sees it (404 for anyone else). A submitted draft is read-only (its case holds it).
 */
import { randomUUID } from 'node:crypto';
import type { DraftList, DraftView, NewDraftBody, SaveDraftBody } from '../../../contracts/hall-apply.js';
import { NewDraftBody as NewSchema, SaveDraftBody as SaveSchema } from '../../../contracts/hall-apply.js';
import type { PageQuery } from '../../../contracts/common.js';
import { AppError, conflict, fieldError, invalid, notFound } from '../../../domain/errors.js';
import type { HallDraftsTable } from '../../db/schema.js';
import { findHallAccount } from '../../repositories/hall-accounts.js';
import { deleteDraft as deleteDraftRow, findDraft, insertDraft, listDraftMaterials, listOpenDrafts, saveDraftData } from '../../repositories/hall-drafts.js';
import { findVersionById, findItem } from '../../repositories/items.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, type Executor, inTx, nowIso } from '../context.js';
import { actingFor, hallAccount, requireApplicant } from './access.js';
import { onlineItem } from './item-form.js';

/** Form data larger than this is not a form someone typed. */
const MAX_FORM_BYTES = 100_000;

export const draftConflict = () => conflict('草稿', 'The draft');
export const submittedDraft = () =>
  new AppError('invalidState', '该申请已提交，不能再修改；请在“我的办件”中查看', 'The application was submitted and can no longer be changed; see My cases');

/** The draft, if the actor writes it; 404 otherwise. */
export async function ownDraft(db: Executor, userId: string, id: string): Promise<HallDraftsTable> {
  const d = await findDraft(db, id);
  if (!d || d.user_id !== userId) throw notFound('草稿', 'Draft');
  return d;
}

export const fileUrl = (fileId: string) => `/api/v1/hall/files/${fileId}`;

export async function draftView(db: Executor, d: HallDraftsTable): Promise<DraftView> {
  const item = await findItem(db, d.item_id);
  const v = item?.published_version_id ? await findVersionById(db, item.published_version_id) : undefined;
  const principal = await findHallAccount(db, d.principal_user_id);
  const uploads = await listDraftMaterials(db, d.id);
  return {
    id: d.id,
    itemId: d.item_id,
    itemName: v?.name ?? '',
    principal: { userId: d.principal_user_id, name: principal?.real_name || principal?.display_name || '' },
    formData: JSON.parse(d.form_data) as Record<string, unknown>,
    uploads: uploads.map((u) => ({ id: u.id, materialCode: u.material_code, fileId: u.file_id, name: u.name, mime: u.mime, size: u.size, sha256: u.sha256, url: fileUrl(u.file_id), createdAt: u.created_at })),
    caseId: d.case_id,
    version: d.version,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
  };
}

/**
 * Errors: validation (`itemId` unknown or not published; `principalId` not an enterprise this
 * account acts for), unprocessable (422: the item is handled at the window only).
 */
export async function createDraft(ctx: Ctx, input: NewDraftBody): Promise<DraftView> {
  const actor = requireApplicant(ctx);
  const body = NewSchema.parse(input);
  const db = ctx.deps.db.kysely;
  const it = await onlineItem(db, body.itemId);
  const principal = body.principalId ?? actor.userId;
  if (!(await actingFor(db, actor.userId)).includes(principal)) {
    throw invalid([fieldError('principalId', 'principalId：您不是该企业的代办人', 'principalId: you are not an agent of this enterprise')]);
  }
  const at = nowIso(ctx.deps);
  const row: HallDraftsTable = { id: randomUUID(), user_id: actor.userId, principal_user_id: principal, item_id: it.item.id, form_data: '{}', case_id: null, version: 1, created_at: at, updated_at: at };
  await inTx(ctx.deps, async (trx) => {
    await hallAccount(ctx, trx, principal);
    await insertDraft(trx, row);
    await recordAction(trx, ctx, { entity: 'hallDraft', entityId: row.id, action: 'create', payload: { itemId: it.item.id, principalUserId: principal } });
  });
  return draftView(db, row);
}

export async function getDraft(ctx: Ctx, id: string): Promise<DraftView> {
  const actor = requireApplicant(ctx);
  const db = ctx.deps.db.kysely;
  return draftView(db, await ownDraft(db, actor.userId, id));
}

export async function listDrafts(ctx: Ctx, q: PageQuery): Promise<DraftList> {
  const actor = requireApplicant(ctx);
  const { rows, total } = await listOpenDrafts(ctx.deps.db.kysely, actor.userId, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return {
    total,
    items: rows.map((r) => ({ id: r.id, itemId: r.item_id, itemName: r.item_name ?? '', principal: { userId: r.principal_user_id, name: r.principal_name }, caseId: r.case_id, version: r.version, updatedAt: r.updated_at })),
  };
}

/**
 * Saves the values as typed. Errors: notFound, validation (`formData` too large), conflict (409:
 * saved meanwhile from another tab or device), invalidState (409: already submitted).
 */
export async function saveDraft(ctx: Ctx, id: string, input: SaveDraftBody): Promise<DraftView> {
  const actor = requireApplicant(ctx);
  const body = SaveSchema.parse(input);
  const json = JSON.stringify(body.formData);
  if (Buffer.byteLength(json) > MAX_FORM_BYTES) throw invalid([fieldError('formData', 'formData：表单内容过长', 'formData: the form is too large')]);
  const db = ctx.deps.db.kysely;
  await inTx(ctx.deps, async (trx) => {
    const d = await ownDraft(trx, actor.userId, id);
    if (d.case_id) throw submittedDraft();
    if (!(await saveDraftData(trx, id, body.version, json, nowIso(ctx.deps)))) throw draftConflict();
    await recordAction(trx, ctx, { entity: 'hallDraft', entityId: id, action: 'save', payload: { version: body.version + 1 } });
  });
  return draftView(db, await ownDraft(db, actor.userId, id));
}

/** Discards a draft not yet submitted. Errors: notFound, invalidState (submitted). */
export async function discardDraft(ctx: Ctx, id: string): Promise<void> {
  const actor = requireApplicant(ctx);
  await inTx(ctx.deps, async (trx) => {
    const d = await ownDraft(trx, actor.userId, id);
    if (d.case_id || !(await deleteDraftRow(trx, id))) throw submittedDraft();
    await recordAction(trx, ctx, { entity: 'hallDraft', entityId: id, action: 'discard', payload: {} });
  });
}
