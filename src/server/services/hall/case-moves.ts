/**
 * The applicant's moves on their own case (DESIGN §4, §9): resubmission after a supplement
 * request — the missing files are uploaded against the notice (pending until handed in), then
 * handed in with the domain's `supply`, keeping every material already accepted and asking only
 * for what the notice lists — withdrawal while the case allows it, and a request to review a
 * refusal (复核).
 *
 * Decisions:
 * - A file may be uploaded only for a material awaited: listed on the open supplement notice or
 *   owed since a 容缺 acceptance (400 naming `materialCode` otherwise).
 * - The notice is answered at once (一次性告知): every material it lists needs a pending upload
 *   (400 naming `materials` with the ones still missing). Owed 容缺 materials may come singly.
 * - Handing in replaces the material's earlier files (`replaced`), the new ones become
 *   `submitted`; a case back before acceptance gets a new pre-review due date.
 */
import { randomUUID } from 'node:crypto';
import type { HallRecheckBody, HallSupplyBody, HallWithdrawBody, MyCaseView } from '../../../contracts/hall-cases.js';
import { HallRecheckBody as RecheckSchema, HallWithdrawBody as WithdrawSchema } from '../../../contracts/hall-cases.js';
import type { UploadView } from '../../../contracts/hall-apply.js';
import { addWorkdays } from '../../../domain/calendar/index.js';
import { type CaseState, foldCase, guard, owedMaterials } from '../../../domain/case/index.js';
import { fieldError, invalid, notFound } from '../../../domain/errors.js';
import { listCaseActions } from '../../repositories/cases.js';
import { deletePendingMaterial, findOnlineApplication, handInPending, insertCaseMaterials, listCaseMaterials, setPrereviewDue } from '../../repositories/hall-drafts.js';
import { readData } from '../catalogue/version-row.js';
import { loadCalendar } from '../calendar/load.js';
import { caseItemOf, getItemVersion } from '../case/access.js';
import { toAction } from '../case/store.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, type Executor, inTx } from '../context.js';
import { ownCase, requireApplicant } from './access.js';
import { applicantMove } from './applicant-move.js';
import { checklistName } from './draft-materials.js';
import { fileUrl } from './drafts.js';
import { PREREVIEW_WORKDAYS } from './item-form.js';
import { type ApplicantUpload, storeUpload } from './uploads.js';

/** The material codes the case awaits from the applicant: the open notice's, then owed 容缺 ones. */
function awaited(s: CaseState): { notice: string[]; all: Set<string> } {
  const notice = s.status === 'supplementRequired' ? (s.supplement?.materials ?? []).map((m) => m.code) : [];
  return { notice, all: new Set([...notice, ...owedMaterials(s)]) };
}

async function foldRow(db: Executor, row: { id: string; item_version_id: string; center_path: string }) {
  const v = await getItemVersion(db, row.item_version_id);
  const cal = await loadCalendar(db, row.center_path);
  return { state: foldCase(caseItemOf(v), (await listCaseActions(db, row.id)).map(toAction), cal), data: readData(v) };
}

/**
 * Errors: notFound, invalidState (409: nothing awaited), validation (`materialCode` unknown or
 * not awaited; `file` empty, too large, wrong type).
 */
export async function uploadCaseMaterial(ctx: Ctx, caseId: string, materialCode: string, read: () => Promise<ApplicantUpload>): Promise<UploadView> {
  const actor = requireApplicant(ctx);
  const db = ctx.deps.db.kysely;
  const row = await ownCase(db, actor.userId, caseId);
  const { state, data } = await foldRow(db, row);
  const refused = guard(state, 'supply');
  if (refused) throw refused;
  const name = checklistName(data.materials, materialCode);
  if (!awaited(state).all.has(materialCode)) {
    throw invalid([fieldError('materialCode', `materialCode：「${name}」不在待补交之列`, `materialCode: "${name}" is not awaited`)]);
  }
  const upload = await read();
  const id = randomUUID();
  const file = await storeUpload(ctx, upload, async (trx, f) => {
    await insertCaseMaterials(trx, [{ id, case_id: caseId, material_code: materialCode, file_id: f.id, status: 'pending', round: state.supplementRounds, uploaded_by: actor.userId, created_at: f.created_at, updated_at: f.created_at }]);
    await recordAction(trx, ctx, { entity: 'caseMaterial', entityId: id, action: 'upload', payload: { caseId, materialCode, fileId: f.id, sha256: f.sha256, size: f.size } });
    return f;
  });
  return { id, materialCode, fileId: file.id, name: file.name, mime: file.mime, size: file.size, sha256: file.sha256, url: fileUrl(file.id), createdAt: file.created_at };
}

/** Removes an upload not yet handed in. Errors: notFound. */
export async function removeCaseMaterial(ctx: Ctx, caseId: string, id: string): Promise<void> {
  const actor = requireApplicant(ctx);
  await inTx(ctx.deps, async (trx) => {
    await ownCase(trx, actor.userId, caseId);
    if (!(await deletePendingMaterial(trx, caseId, id))) throw notFound('待提交的文件', 'Pending file');
    await recordAction(trx, ctx, { entity: 'caseMaterial', entityId: id, action: 'remove', payload: { caseId } });
  });
}

/**
 * Hands in the pending uploads (domain `supply`, as the applicant). Errors: as applicantMove;
 * invalidState (nothing awaited); validation (`materials`: nothing uploaded, or some of the
 * notice's materials still missing, named).
 */
export function supplyOnline(ctx: Ctx, caseId: string, body: HallSupplyBody): Promise<MyCaseView> {
  let codes: string[] = [];
  return applicantMove(
    ctx,
    caseId,
    body.version,
    async (base, { trx, item }, state) => {
      const refused = guard(state, 'supply');
      if (refused) throw refused;
      const want = awaited(state);
      const pending = new Set((await listCaseMaterials(trx, caseId)).filter((m) => m.status === 'pending').map((m) => m.material_code));
      const missing = want.notice.filter((c) => !pending.has(c));
      const nameOf = (c: string) => item.materials.find((m) => m.code === c)?.name ?? c;
      if (missing.length > 0) {
        const names = missing.map(nameOf);
        throw invalid([fieldError('materials', `materials：请先上传补正通知所列的全部材料（尚缺：${names.join('、')}）`, `materials: upload every material the notice lists first (missing: ${names.join(', ')})`)]);
      }
      codes = [...want.all].filter((c) => pending.has(c));
      if (codes.length === 0) throw invalid([fieldError('materials', 'materials：还没有上传要补交的文件', 'materials: no file has been uploaded to hand in')]);
      return { ...base, kind: 'supply', materials: codes };
    },
    async (prev, next, action, { trx, cal, row }) => {
      await handInPending(trx, caseId, codes, prev.supplementRounds, action.at);
      // back before acceptance: the pre-review starts again
      if (next.status === 'submitted' && (await findOnlineApplication(trx, row.id))) {
        await setPrereviewDue(trx, row.id, addWorkdays(cal, action.date, PREREVIEW_WORKDAYS), action.at);
      }
    },
  );
}

/** Errors: as applicantMove (invalidState once decided or ended). */
export function withdrawOnline(ctx: Ctx, caseId: string, input: HallWithdrawBody): Promise<MyCaseView> {
  const body = WithdrawSchema.parse(input);
  return applicantMove(ctx, caseId, body.version, (base) => ({ ...base, kind: 'withdraw', reason: body.reason || '申请人网上撤回' }));
}

/** Errors: as applicantMove (invalidState unless refused with no recheck asked; validation: blank `reason`). */
export function askRecheckOnline(ctx: Ctx, caseId: string, input: HallRecheckBody): Promise<MyCaseView> {
  const body = RecheckSchema.parse(input);
  return applicantMove(ctx, caseId, body.version, (base) => ({ ...base, kind: 'askRecheck', reason: body.reason }));
}
