/**
 * The notices of a case (文书): listed with the case, rendered to PDF the first time one is
 * asked for — from the case as it stood right after the action that called for it — then kept
 * in file storage, so every reprint is the same document. Staff read them with case:read over the
 * case; the applicant with the case number and query code (public progress).
 */
import { randomUUID } from 'node:crypto';
import type { CaseNoticeView } from '../../../contracts/case-notices.js';
import type { NoticeKind } from '../../../contracts/case-notices.js';
import { foldCase } from '../../../domain/case/index.js';
import { notFound } from '../../../domain/errors.js';
import type { CaseNoticesTable } from '../../db/schema.js';
import { type NoticeModel, renderNotice } from '../../documents/notices/index.js';
import { type CaseRow, listCaseActions } from '../../repositories/cases.js';
import { findFile, insertFile } from '../../repositories/files.js';
import { findNotice, listNotices, setNoticeFile } from '../../repositories/notifications.js';
import { readData } from '../catalogue/version-row.js';
import { loadCalendar } from '../calendar/load.js';
import { type Ctx, type Deps, type Executor, inTx, nowIso } from '../context.js';
import { caseActorFor, caseItemOf, caseScope, getCaseRow, getItemVersion, requireCasePermission } from './access.js';
import { toAction } from './store.js';

export const toNoticeView = (r: CaseNoticesTable): CaseNoticeView => ({
  id: r.id,
  kind: r.kind as NoticeKind,
  noticeNo: r.notice_no,
  seq: r.seq,
  issuedOn: r.issued_on,
  createdAt: r.created_at,
});

export async function caseNotices(db: Executor, caseId: string): Promise<CaseNoticeView[]> {
  return (await listNotices(db, caseId)).map(toNoticeView);
}

export interface NoticePdf {
  fileName: string;
  bytes: Buffer;
}

/** Errors: forbidden (no case:read, or not over the case), notFound (case or notice). */
export async function staffNoticePdf(ctx: Ctx, caseId: string, noticeId: string): Promise<NoticePdf> {
  const actor = requireCasePermission(ctx, 'case:read');
  const row = await getCaseRow(ctx.deps.db.kysely, caseId);
  await caseActorFor(ctx.deps.db.kysely, actor, 'case:read', caseScope(row), { itemId: row.item_id, departmentId: row.department_id });
  return noticePdf(ctx.deps, row, noticeId);
}

/** The notice's PDF, rendered and kept on first request. notFound when the notice is not the case's. */
export async function noticePdf(deps: Deps, row: CaseRow, noticeId: string): Promise<NoticePdf> {
  const db = deps.db.kysely;
  const notice = await findNotice(db, row.id, noticeId);
  if (!notice) throw notFound('文书', 'Notice');
  const fileName = `${notice.notice_no}.pdf`;
  if (notice.file_id) return { fileName, bytes: await readStored(deps, notice.file_id) };
  const bytes = await renderNotice(await noticeModel(deps, row, notice));
  const stored = await deps.files.put(bytes);
  const fileId = randomUUID();
  const kept = await inTx(deps, async (trx) => {
    await insertFile(trx, { id: fileId, name: fileName, mime: 'application/pdf', size: stored.size, sha256: stored.sha256, storage_key: stored.key, purpose: 'notice', public: 0, created_by: null, created_at: nowIso(deps) });
    return setNoticeFile(trx, notice.id, fileId);
  });
  // two first requests at once: one rendering is kept, the other's bytes are dropped
  if (kept !== fileId) {
    await deps.files.remove(stored.key);
    return { fileName, bytes: await readStored(deps, kept) };
  }
  return { fileName, bytes };
}

async function readStored(deps: Deps, fileId: string): Promise<Buffer> {
  const f = await findFile(deps.db.kysely, fileId);
  if (!f) throw notFound('文件', 'File');
  return deps.files.get(f.storage_key);
}

async function noticeModel(deps: Deps, row: CaseRow, notice: CaseNoticesTable): Promise<NoticeModel> {
  const db = deps.db.kysely;
  const v = await getItemVersion(db, row.item_version_id);
  const data = readData(v);
  const cal = await loadCalendar(db, row.center_path);
  const actions = (await listCaseActions(db, row.id)).map(toAction).slice(0, notice.seq);
  const state = foldCase(caseItemOf(v), actions, cal);
  const dept = await db.selectFrom('departments').select('name').where('id', '=', row.department_id).executeTakeFirst();
  const q = new URLSearchParams({ caseNo: row.case_no, code: row.verification_code });
  return {
    kind: notice.kind as NoticeKind,
    noticeNo: notice.notice_no,
    issuedOn: notice.issued_on,
    centerName: row.center_name,
    departmentName: dept?.name ?? '',
    caseNo: row.case_no,
    verificationCode: row.verification_code,
    progressUrl: `${deps.config.publicUrl}/progress?${q}`,
    item: { code: data.code, name: data.name, promisedLimit: data.promisedLimit, statutoryLimit: data.statutoryLimit },
    materials: data.materials.map((m) => ({ code: m.code, name: m.name })),
    applicant: { kind: row.applicant_kind as 'person' | 'enterprise', name: row.applicant_name, idNumber: row.applicant_id_number, uscc: row.applicant_uscc, phone: row.applicant_phone },
    state,
    action: actions[notice.seq - 1]!,
  };
}
