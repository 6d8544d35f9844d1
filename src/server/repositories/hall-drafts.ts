/**
 * Drafts of online applications, their uploads, the online application of a case and the
 * materials of a case: the only place their SQL is built.
 */
import { type Dialect, forUpdate, toCount } from '../db/dialect.js';
import type { CaseMaterialsTable, HallDraftMaterialsTable, HallDraftsTable, OnlineApplicationsTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

export async function insertDraft(db: Executor, row: HallDraftsTable): Promise<void> {
  await db.insertInto('hall_drafts').values(row).execute();
}

export async function findDraft(db: Executor, id: string): Promise<HallDraftsTable | undefined> {
  return db.selectFrom('hall_drafts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the draft (PostgreSQL; SQLite serialises writers): a second submit waits for the first. */
export async function lockDraft(db: Executor, dialect: Dialect, id: string): Promise<HallDraftsTable | undefined> {
  return forUpdate(dialect, db.selectFrom('hall_drafts').selectAll().where('id', '=', id)).executeTakeFirst();
}

/** The drafts `userId` writes, not yet submitted, newest first, with the item's name. */
export async function listOpenDrafts(db: Executor, userId: string, page: { offset: number; limit: number }) {
  const base = db
    .selectFrom('hall_drafts')
    .innerJoin('items', 'items.id', 'hall_drafts.item_id')
    .leftJoin('item_versions', 'item_versions.id', 'items.published_version_id')
    .innerJoin('hall_accounts', 'hall_accounts.user_id', 'hall_drafts.principal_user_id')
    .where('hall_drafts.user_id', '=', userId)
    .where('hall_drafts.case_id', 'is', null);
  const [rows, total] = await Promise.all([
    base
      .selectAll('hall_drafts')
      .select(['item_versions.name as item_name', 'hall_accounts.real_name as principal_name'])
      .orderBy('hall_drafts.updated_at', 'desc')
      .orderBy('hall_drafts.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: toCount(total.n) };
}

/** Optimistic save; false when the draft moved on since `version` (or was submitted). */
export async function saveDraftData(db: Executor, id: string, version: number, formData: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('hall_drafts')
    .set({ form_data: formData, version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('case_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Links the draft to its case; false when it already has one. */
export async function linkDraftCase(db: Executor, id: string, caseId: string, at: string): Promise<boolean> {
  const r = await db.updateTable('hall_drafts').set({ case_id: caseId, updated_at: at }).where('id', '=', id).where('case_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteDraft(db: Executor, id: string): Promise<boolean> {
  const r = await db.deleteFrom('hall_drafts').where('id', '=', id).where('case_id', 'is', null).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

// ── draft uploads ──────────────────────────────────────────────────────────────────────────

export async function insertDraftMaterial(db: Executor, row: HallDraftMaterialsTable): Promise<void> {
  await db.insertInto('hall_draft_materials').values(row).execute();
}

export async function deleteDraftMaterial(db: Executor, draftId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('hall_draft_materials').where('draft_id', '=', draftId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function listDraftMaterials(db: Executor, draftId: string) {
  return db
    .selectFrom('hall_draft_materials as m')
    .innerJoin('files', 'files.id', 'm.file_id')
    .select(['m.id', 'm.material_code', 'm.file_id', 'm.created_at', 'files.name', 'files.mime', 'files.size', 'files.sha256'])
    .where('m.draft_id', '=', draftId)
    .orderBy('m.material_code')
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

// ── the case side ──────────────────────────────────────────────────────────────────────────

export async function insertOnlineApplication(db: Executor, row: OnlineApplicationsTable): Promise<void> {
  await db.insertInto('online_applications').values(row).execute();
}

export async function findOnlineApplication(db: Executor, caseId: string): Promise<OnlineApplicationsTable | undefined> {
  return db.selectFrom('online_applications').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

export async function setPrereviewDue(db: Executor, caseId: string, due: string, at: string): Promise<void> {
  await db.updateTable('online_applications').set({ prereview_due: due, updated_at: at }).where('case_id', '=', caseId).execute();
}

export async function insertCaseMaterials(db: Executor, rows: CaseMaterialsTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('case_materials').values(rows).execute();
}

export async function listCaseMaterials(db: Executor, caseId: string) {
  return db
    .selectFrom('case_materials as m')
    .innerJoin('files', 'files.id', 'm.file_id')
    .select(['m.id', 'm.material_code', 'm.file_id', 'm.status', 'm.round', 'm.created_at', 'files.name', 'files.mime', 'files.size', 'files.sha256'])
    .where('m.case_id', '=', caseId)
    .orderBy('m.material_code')
    .orderBy('m.round')
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}
export type CaseMaterialRow = Awaited<ReturnType<typeof listCaseMaterials>>[number];

export async function deletePendingMaterial(db: Executor, caseId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('case_materials').where('case_id', '=', caseId).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/**
 * Hands in the pending uploads of `codes`: the submitted files of those materials become
 * 'replaced', the pending ones 'submitted' in round `round`.
 */
export async function handInPending(db: Executor, caseId: string, codes: readonly string[], round: number, at: string): Promise<void> {
  if (codes.length === 0) return;
  await db.updateTable('case_materials').set({ status: 'replaced', updated_at: at }).where('case_id', '=', caseId).where('status', '=', 'submitted').where('material_code', 'in', [...codes]).execute();
  await db.updateTable('case_materials').set({ status: 'submitted', round, updated_at: at }).where('case_id', '=', caseId).where('status', '=', 'pending').where('material_code', 'in', [...codes]).execute();
}

/** Is the file one of this case's materials? (staff and applicant downloads) */
export async function findCaseMaterialFile(db: Executor, caseId: string, id: string) {
  return db.selectFrom('case_materials').innerJoin('files', 'files.id', 'case_materials.file_id').selectAll('files').where('case_materials.case_id', '=', caseId).where('case_materials.id', '=', id).executeTakeFirst();
}

/** The accounts whose cases include the file among their materials (an applicant's download). */
export async function fileCaseOwners(db: Executor, fileId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('case_materials')
    .innerJoin('cases', 'cases.id', 'case_materials.case_id')
    .select('cases.applicant_user_id')
    .where('case_materials.file_id', '=', fileId)
    .distinct()
    .execute();
  return rows.map((r) => r.applicant_user_id).filter((id): id is string => id !== null);
}

/** How many applications were filed for the account (its identity is then fixed). */
export async function countFiledFor(db: Executor, principalUserId: string): Promise<number> {
  const r = await db.selectFrom('hall_drafts').select((eb) => eb.fn.countAll().as('n')).where('principal_user_id', '=', principalUserId).where('case_id', 'is not', null).executeTakeFirstOrThrow();
  return toCount(r.n);
}
