/**
 * Window intake (收件): a clerk takes in an application for the published version of an item,
 * for a person (citizen ID number, GB 11643) or an enterprise (USCC, GB 32100). The case gets
 * its number — `{area6}{yyMMdd}{seq6}`, the daily sequence taken from the center's counter in
 * this same transaction — and a verification code, and starts `submitted`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { IntakeBody, type CaseView } from '../../../contracts/case.js';
import { type CaseAction, formatCaseNo, initialCase, transition, verificationCode } from '../../../domain/case/index.js';
import { fieldError, invalid } from '../../../domain/errors.js';
import { checkIdNumber, checkUscc } from '../../../domain/identity/index.js';
import type { CasesTable } from '../../db/schema.js';
import { readRevision } from '../../repositories/calendar.js';
import { allocateCaseSeq, insertCase } from '../../repositories/cases.js';
import { findItemForIntake } from '../../repositories/intake.js';
import { recordAction } from '../audit/record.js';
import { calendarAt, loadCalendar } from '../calendar/load.js';
import { type Ctx, inTx } from '../context.js';
import { caseActorFor, caseScope, requireCasePermission, today } from './access.js';
import { caseItemVersion, thresholdsAt } from './caches.js';
import { actionRow, appendCaseAction, projection, toAction } from './store.js';
import { caseView } from './view.js';

/** The applicant's identity as stored: the checked, normalised number. */
function checkApplicant(a: IntakeBody['applicant'], date: string): { idNumber: string | null; uscc: string | null } {
  if (a.kind === 'person') {
    const r = checkIdNumber(a.idNumber, date);
    if (!r.ok) throw invalid([fieldError('applicant.idNumber', `applicant.idNumber：${r.zh}`, `applicant.idNumber: ${r.en}`)]);
    return { idNumber: r.value, uscc: null };
  }
  const r = checkUscc(a.uscc);
  if (!r.ok) throw invalid([fieldError('applicant.uscc', `applicant.uscc：${r.zh}`, `applicant.uscc: ${r.en}`)]);
  return { idNumber: null, uscc: r.value };
}

/**
 * Errors: forbidden (no case:intake, or not over the item's center and department; the domain's
 * role rule), validation (`itemId` unknown or not published; `applicant.idNumber` /
 * `applicant.uscc` failing its check).
 */
export async function intakeCase(ctx: Ctx, input: IntakeBody): Promise<CaseView> {
  const actor = requireCasePermission(ctx, 'case:intake');
  const body = IntakeBody.parse(input);
  const written = await inTx(ctx.deps, async (trx) => {
    // the item, its center and the revision tokens in one statement (repositories/intake.ts)
    const item = await findItemForIntake(trx, body.itemId);
    if (!item) throw invalid([fieldError('itemId', 'itemId：事项不存在', 'itemId: no such item')]);
    const caseActor = await caseActorFor(trx, actor, 'case:intake', { centerPath: item.center_path, departmentId: item.department_id }, { itemId: item.id, departmentId: item.department_id });
    // the version's status read with the item; its data from memory (caches.ts: a published version never changes)
    const v = item.published_version_id && item.published_status === 'published' ? await caseItemVersion(trx, item.published_version_id) : null;
    if (!v) {
      throw invalid([fieldError('itemId', 'itemId：事项未发布或已暂停办理，不能收件', 'itemId: the item is not published (or is suspended); it cannot be taken in')]);
    }
    const center = { id: item.center_id, path: item.center_path, area_code: item.center_area_code, time_zone: item.time_zone };
    const now = today(ctx, center.time_zone);
    const applicant = checkApplicant(body.applicant, now.date);
    const cal = item.calendar_revision ? await calendarAt(trx, center.path, item.calendar_revision) : await loadCalendar(trx, center.path);
    const submit: CaseAction = { kind: 'submit', channel: 'window', at: now.at, date: now.date, actorId: caseActor.id, role: caseActor.role };
    const r = transition(initialCase(v.item), submit, { cal, actor: caseActor });
    if (!r.ok) throw r.error;

    const seq = await allocateCaseSeq(trx, center.id, now.date);
    const caseNo = formatCaseNo({ areaCode: center.area_code, date: now.date, seq });
    const caseId = randomUUID();
    const row: CasesTable = {
      id: caseId,
      center_id: center.id,
      case_no: caseNo,
      verification_code: verificationCode(randomBytes(16)),
      external_no: body.externalNo,
      item_id: item.id,
      item_version_id: v.id,
      department_id: v.departmentId,
      applicant_kind: body.applicant.kind,
      applicant_name: body.applicant.name,
      applicant_id_number: applicant.idNumber,
      applicant_uscc: applicant.uscc,
      applicant_phone: body.applicant.phone,
      applicant_user_id: null,
      co_departments: '',
      bundle_run_id: null,
      intake_date: now.date,
      created_by: actor.userId,
      version: r.state.version,
      created_at: now.at,
      ...projection(r.state, cal, now.date, now.at),
    };
    await insertCase(trx, row);
    const action = actionRow(caseId, r.state.version, submit);
    await appendCaseAction(trx, caseNo, action);
    await recordAction(trx, ctx, {
      entity: 'case',
      entityId: caseId,
      action: 'submit',
      payload: { caseNo, seq: r.state.version, channel: 'window', itemVersionId: v.id, applicantKind: body.applicant.kind },
    });
    // the reply as getCase answers it, from what was just written rather than read back (as move.ts)
    const thresholds = await thresholdsAt(trx, center.path, item.settings_revision ?? await readRevision(trx, 'settings'));
    const actorName = actor.userId === 'system' ? null : actor.displayName;
    return {
      row: { ...row, center_path: center.path, time_zone: center.time_zone, center_name: item.center_name },
      version: v,
      state: r.state,
      actions: [{ row: action, action: toAction(action), actorName }],
      cal,
      thresholds,
    };
  });
  const reader = requireCasePermission(ctx, 'case:read');
  const row = written.row;
  const caseActor = await caseActorFor(ctx.deps.db.kysely, reader, 'case:read', caseScope(row), { itemId: row.item_id, departmentId: row.department_id });
  const { date } = today(ctx, row.time_zone);
  return caseView({ ...written, date, notices: [], caseActor });
}
