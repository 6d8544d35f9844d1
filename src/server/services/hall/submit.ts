/**
 * Submitting an online application (网上申报 → 网上预审, DESIGN §4, §9): the draft's values are
 * checked against the item's form and its uploads against the checklist — every problem at once,
 * named `form.<field>` / `materials.<code>` — and the case is made in one transaction: number,
 * `submit` action (channel online, role applicant, the applicant's account as actor), the online
 * application (the checked values, the pre-review due date: PREREVIEW_WORKDAYS working days),
 * and the case's materials. The case then waits for a clerk's pre-review: accept, supplement or
 * refuse, the window's moves.
 *
 * Once per draft: the draft is locked and linked to its case in the same transaction, so a
 * double click, a second tab or a retry after a dropped connection gets the same case, never a
 * second one.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { SubmitDraftBody } from '../../../contracts/hall-apply.js';
import type { MyCaseView } from '../../../contracts/hall-cases.js';
import { addWorkdays } from '../../../domain/calendar/index.js';
import { type CaseAction, formatCaseNo, initialCase, transition, verificationCode } from '../../../domain/case/index.js';
import { AppError, type FieldError, fieldError, invalid, notFound } from '../../../domain/errors.js';
import { checkForm } from '../../../domain/forms/index.js';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { allocateCaseSeq, insertCase } from '../../repositories/cases.js';
import { findCenterById } from '../../repositories/centers.js';
import { findHallAccount } from '../../repositories/hall-accounts.js';
import { findDraft, insertCaseMaterials, insertOnlineApplication, linkDraftCase, listDraftMaterials, lockDraft } from '../../repositories/hall-drafts.js';
import { recordAction } from '../audit/record.js';
import { loadCalendar } from '../calendar/load.js';
import { caseItemOf, today } from '../case/access.js';
import { actionRow, appendCaseAction, projection } from '../case/store.js';
import { type Ctx, inTx } from '../context.js';
import { requireApplicant } from './access.js';
import { myCase } from './case-view.js';
import { draftConflict, ownDraft } from './drafts.js';
import { onlineItem, PREREVIEW_WORKDAYS } from './item-form.js';

export const noIdentity = () =>
  new AppError('unprocessable', '请先完成实名认证（个人：姓名和身份证号；企业：名称、统一社会信用代码和法定代表人）再提交申请', 'Verify the real name first (a person: name and ID number; an enterprise: name, credit code and legal representative)', [
    fieldError('identity', 'identity：尚未实名认证', 'identity: the real name is not verified'),
  ]);

/**
 * Errors: notFound (draft), conflict (409: saved since `version` was read), unprocessable (422:
 * no real-name identity; the item is window-only), validation (400: `itemId` no longer
 * published, `form.<field>`, `materials.<code>`).
 */
export async function submitDraft(ctx: Ctx, draftId: string, input: SubmitDraftBody): Promise<MyCaseView> {
  const actor = requireApplicant(ctx);
  const first = await ownDraft(ctx.deps.db.kysely, actor.userId, draftId);
  // submitted already (a double click, a second tab): the same case
  if (first.case_id) return myCase(ctx, first.case_id);
  let caseId: string;
  try {
    const { version } = SubmitDraftBody.parse(input);
    caseId = await inTx(ctx.deps, (trx) => makeCase(trx, ctx, actor.userId, draftId, version));
  } catch (e) {
    const d = isUniqueViolation(e) ? await findDraft(ctx.deps.db.kysely, draftId) : undefined;
    if (!d?.case_id) throw e;
    caseId = d.case_id;
  }
  return myCase(ctx, caseId);
}

async function makeCase(trx: Transaction<Database>, ctx: Ctx, userId: string, draftId: string, version: number): Promise<string> {
  const d = await lockDraft(trx, ctx.deps.db.dialect, draftId);
  if (!d) throw notFound('草稿', 'Draft'); // discarded meanwhile
  if (d.case_id) return d.case_id;
  if (d.version !== version) throw draftConflict();
  const it = await onlineItem(trx, d.item_id);
  const principal = await findHallAccount(trx, d.principal_user_id);
  if (!principal?.identity_kind) throw noIdentity();

  const form = checkForm(it.data.formSchema, JSON.parse(d.form_data));
  // files of materials a newer version of the item no longer lists stay behind
  const uploads = (await listDraftMaterials(trx, draftId)).filter((u) => it.data.materials.some((m) => m.code === u.material_code));
  const missing: FieldError[] = it.data.materials
    .filter((m) => m.required && !uploads.some((u) => u.material_code === m.code))
    .map((m) => fieldError(`materials.${m.code}`, `materials.${m.code}：请上传「${m.name}」`, `materials.${m.code}: upload "${m.name}"`));
  if (form.errors.length + missing.length > 0) throw invalid([...form.errors, ...missing]);

  const center = (await findCenterById(trx, it.item.center_id))!;
  const now = today(ctx, center.time_zone);
  const cal = await loadCalendar(trx, center.path);
  const submit: CaseAction = { kind: 'submit', channel: 'online', at: now.at, date: now.date, actorId: userId, role: 'applicant' };
  const r = transition(initialCase(caseItemOf(it.version)), submit, { cal, actor: { id: userId, role: 'applicant' } });
  if (!r.ok) throw r.error;

  const seq = await allocateCaseSeq(trx, center.id, now.date);
  const caseNo = formatCaseNo({ areaCode: center.area_code, date: now.date, seq });
  const caseId = randomUUID();
  const person = principal.identity_kind === 'person';
  await insertCase(trx, {
    id: caseId, center_id: center.id, case_no: caseNo, verification_code: verificationCode(randomBytes(16)), external_no: null,
    item_id: it.item.id, item_version_id: it.version.id, department_id: it.version.department_id,
    applicant_kind: principal.identity_kind, applicant_name: principal.real_name,
    applicant_id_number: person ? principal.id_number : null, applicant_uscc: person ? null : principal.uscc,
    applicant_phone: principal.phone, applicant_user_id: principal.user_id, co_departments: '', bundle_run_id: null, intake_date: now.date,
    created_by: null, version: r.state.version, created_at: now.at, ...projection(r.state, cal, now.date, now.at),
  });
  await appendCaseAction(trx, caseNo, actionRow(caseId, r.state.version, submit));
  await recordAction(trx, ctx, {
    entity: 'case', entityId: caseId, action: 'submit',
    payload: { caseNo, seq: r.state.version, channel: 'online', itemVersionId: it.version.id, applicantKind: principal.identity_kind, draftId },
  });
  if (!(await linkDraftCase(trx, draftId, caseId, now.at))) throw draftConflict();
  await insertOnlineApplication(trx, {
    case_id: caseId, draft_id: draftId, submitted_by: userId, form_data: JSON.stringify(form.values), submitted_on: now.date,
    prereview_due: addWorkdays(cal, now.date, PREREVIEW_WORKDAYS), created_at: now.at, updated_at: now.at,
  });
  await insertCaseMaterials(
    trx,
    uploads.map((u) => ({ id: randomUUID(), case_id: caseId, material_code: u.material_code, file_id: u.file_id, status: 'submitted', round: 0, uploaded_by: userId, created_at: u.created_at, updated_at: now.at })),
  );
  return caseId;
}
