/**
 * "My cases" (DESIGN §9): the applicant's own cases as the applicant sees them — status, light,
 * deadlines, a timeline without staff names or internal opinions, notices to download, the
 * materials handed in, the moves open to the applicant, and the ratings invited and given.
 * Everything is folded from the action list, as the staff view is.
 */
import type { CaseNoticeView } from '../../../contracts/case-notices.js';
import type { EvaluationOccasion, EvaluationLevel, MyCaseList, MyCaseQuery, MyCaseView } from '../../../contracts/hall-cases.js';
import { MyCaseQuery as Query } from '../../../contracts/hall-cases.js';
import { type CaseAction, type CaseState, type Light, availableActions, caseClock, foldCase } from '../../../domain/case/index.js';
import { listCaseActions } from '../../repositories/cases.js';
import { findDepartmentById } from '../../repositories/departments.js';
import { findOnlineApplication, listCaseMaterials } from '../../repositories/hall-drafts.js';
import { listCaseEvaluations, listOwnCases } from '../../repositories/hall-cases.js';
import { readData } from '../catalogue/version-row.js';
import { loadCalendar } from '../calendar/load.js';
import { caseItemOf, getItemVersion, today } from '../case/access.js';
import { caseNotices } from '../case/notices.js';
import { toAction } from '../case/store.js';
import type { Ctx } from '../context.js';
import { lightThresholdsFor } from '../settings/index.js';
import { actingFor, ownCase, requireApplicant } from './access.js';
import { fileUrl } from './drafts.js';

const APPLICANT_MOVES = ['supply', 'withdraw', 'askRecheck'] as const;

/** What a step may show the applicant: names of steps and materials, reasons given to them. */
function detail(a: CaseAction): string | null {
  switch (a.kind) {
    case 'openTask':
      return a.name;
    case 'suspend':
      return a.procedure;
    case 'refuse':
    case 'withdraw':
    case 'askRecheck':
    case 'answerRecheck':
    case 'terminate':
      return a.reason;
    case 'requestSupplement':
      return a.materials.map((m) => m.name).join('、');
    case 'decide':
    case 'concludeImmediately':
      return a.decision.outcome;
    default:
      return null;
  }
}

/** The occasions a rating is invited for (DESIGN §6): acceptance (not for an immediate case) and conclusion. */
export function invitedOccasions(s: CaseState): EvaluationOccasion[] {
  const out: EvaluationOccasion[] = [];
  if (s.acceptedOn !== null && s.item.handlingClass !== 'immediate') out.push('acceptance');
  if (s.concludedOn !== null) out.push('conclusion');
  return out;
}

/** The case, if it is the applicant's own (404 otherwise). */
export async function myCase(ctx: Ctx, caseId: string): Promise<MyCaseView> {
  const actor = requireApplicant(ctx);
  const db = ctx.deps.db.kysely;
  const row = await ownCase(db, actor.userId, caseId);
  const v = await getItemVersion(db, row.item_version_id);
  const data = readData(v);
  const cal = await loadCalendar(db, row.center_path);
  const actionRows = await listCaseActions(db, row.id);
  const actions = actionRows.map(toAction);
  const s = foldCase(caseItemOf(v), actions, cal);
  const clock = caseClock(s, cal, today(ctx, row.time_zone).date, await lightThresholdsFor(db, row.center_path));
  const dept = await findDepartmentById(db, row.department_id);
  const online = await findOnlineApplication(db, row.id);
  const given = await listCaseEvaluations(db, row.id);
  const notices: CaseNoticeView[] = await caseNotices(db, row.id);
  const moves = availableActions(s, { id: actor.userId, role: 'applicant' });
  return {
    id: row.id,
    caseNo: row.case_no,
    verificationCode: row.verification_code,
    centerName: row.center_name,
    departmentName: dept?.name ?? '',
    itemName: data.name,
    item: { id: row.item_id, code: data.code, name: data.name, promisedLimit: data.promisedLimit, materials: data.materials.map((m) => ({ code: m.code, name: m.name, required: m.required })) },
    applicantName: row.applicant_name,
    applicant: { kind: row.applicant_kind as 'person' | 'enterprise', name: row.applicant_name, idNumber: row.applicant_id_number, uscc: row.applicant_uscc },
    status: s.status,
    outcome: s.outcome,
    light: clock.light,
    intakeDate: row.intake_date,
    acceptedOn: s.acceptedOn,
    promisedDue: s.deadlines?.promised ?? null,
    concludedOn: s.concludedOn,
    deadlines: clock.deadlines,
    prereviewDue: online && s.acceptedOn === null && (s.status === 'submitted') ? online.prereview_due : null,
    online: online !== undefined,
    supplement: s.supplement ? { materials: s.supplement.materials.map((m) => ({ ...m })), requestedOn: s.supplement.requestedOn, dueDate: s.supplement.dueDate } : null,
    refusal: s.refusal ? { reason: s.refusal.reason, legalBasis: [...s.refusal.legalBasis], redirectTo: s.refusal.redirectTo, on: s.refusal.on } : null,
    decision: s.decision ? { ...s.decision } : null,
    steps: actionRows.map((r, i) => ({ seq: r.seq, kind: actions[i].kind, date: r.date, at: r.at, role: r.role, detail: detail(actions[i]) })),
    notices,
    materials: (await listCaseMaterials(db, row.id)).map((m) => ({
      id: m.id, materialCode: m.material_code, fileId: m.file_id, name: m.name, mime: m.mime, size: m.size, sha256: m.sha256,
      url: fileUrl(m.file_id), createdAt: m.created_at, status: m.status as 'pending' | 'submitted' | 'replaced', round: m.round,
    })),
    availableActions: moves.filter((k) => (APPLICANT_MOVES as readonly string[]).includes(k)),
    evaluations: {
      invited: invitedOccasions(s).filter((o) => !given.some((g) => g.occasion === o)),
      given: given.map((g) => ({ id: g.id, occasion: g.occasion as EvaluationOccasion, channel: g.channel, level: g.level as EvaluationLevel, comment: g.comment, createdAt: g.created_at })),
    },
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** The applicant's own cases (and those of the enterprises it acts for), newest first. */
export async function myCases(ctx: Ctx, input: MyCaseQuery): Promise<MyCaseList> {
  const actor = requireApplicant(ctx);
  const q = Query.parse(input);
  const db = ctx.deps.db.kysely;
  const { rows, total } = await listOwnCases(db, await actingFor(db, actor.userId), { status: q.status, offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return {
    total,
    items: rows.map((r) => ({
      id: r.id, caseNo: r.case_no, itemName: r.item_name, applicantName: r.applicant_name, status: r.status as MyCaseView['status'],
      outcome: r.outcome as MyCaseView['outcome'], light: r.light as Light | null, intakeDate: r.intake_date, acceptedOn: r.accepted_on,
      promisedDue: r.promised_due, online: r.online_case_id !== null, updatedAt: r.updated_at,
    })),
  };
}
