/**
 * One case as staff see it: its state folded from the action list (never the stored columns),
 * with the item version it was taken in under, its tasks and their clocks, its deadlines, light
 * and the moves the signed-in person may make now.
 */
import type { CaseView } from '../../../contracts/case.js';
import { availableActions, caseClock, foldCase, pauseClock, taskClock } from '../../../domain/case/index.js';
import { pausedWorkdays } from '../../../domain/calendar/index.js';
import { listCaseActions } from '../../repositories/cases.js';
import { readData } from '../catalogue/version-row.js';
import { loadCalendar } from '../calendar/load.js';
import type { Ctx } from '../context.js';
import { lightThresholdsFor } from '../settings/index.js';
import { caseActorFor, caseItemOf, caseScope, getCaseRow, getItemVersion, requireCasePermission, today } from './access.js';
import { caseNotices } from './notices.js';
import { displayNames } from '../../repositories/users.js';
import { payloadOf, toAction } from './store.js';

/**
 * Errors: forbidden (no case:read, or not over the case's center and department), notFound.
 */
export async function getCase(ctx: Ctx, id: string): Promise<CaseView> {
  const actor = requireCasePermission(ctx, 'case:read');
  const db = ctx.deps.db.kysely;
  const row = await getCaseRow(db, id);
  const caseActor = await caseActorFor(db, actor, 'case:read', caseScope(row), { itemId: row.item_id, departmentId: row.department_id });
  const v = await getItemVersion(db, row.item_version_id);
  const data = readData(v);
  const cal = await loadCalendar(db, row.center_path);
  const actionRows = await listCaseActions(db, row.id);
  const actions = actionRows.map(toAction);
  const s = foldCase(caseItemOf(v), actions, cal);
  const { date } = today(ctx, row.time_zone);
  const names = await displayNames(db, actionRows.map((r) => r.actor_id));
  // the center's warning threshold (setting case.lightWarningDays)
  const thresholds = await lightThresholdsFor(db, row.center_path);
  const clock = caseClock(s, cal, date, thresholds);
  return {
    id: row.id,
    caseNo: row.case_no,
    verificationCode: row.verification_code,
    externalNo: row.external_no,
    centerId: row.center_id,
    centerName: row.center_name,
    item: {
      id: row.item_id,
      versionId: v.id,
      versionNo: v.version_no,
      code: data.code,
      name: data.name,
      departmentId: v.department_id,
      handlingClass: data.handlingClass,
      promisedLimit: data.promisedLimit,
      statutoryLimit: data.statutoryLimit,
      materials: data.materials.map((m) => ({ code: m.code, name: m.name, required: m.required })),
      specialProcedures: data.specialProcedures,
    },
    applicant: {
      kind: row.applicant_kind as 'person' | 'enterprise',
      name: row.applicant_name,
      idNumber: row.applicant_id_number,
      uscc: row.applicant_uscc,
      phone: row.applicant_phone,
    },
    status: s.status,
    outcome: s.outcome,
    intakeDate: row.intake_date,
    acceptedOn: s.acceptedOn,
    concludedOn: s.concludedOn,
    deadlines: clock.deadlines,
    clock: {
      started: clock.started,
      paused: clock.paused,
      stopped: clock.stopped,
      asOf: clock.asOf,
      elapsed: clock.elapsed,
      remaining: clock.remaining,
      remainingStatutory: clock.remainingStatutory,
    },
    light: clock.light,
    supplement: s.supplement ? { materials: [...s.supplement.materials], requestedOn: s.supplement.requestedOn, dueDate: s.supplement.dueDate } : null,
    refusal: s.refusal
      ? {
          reason: s.refusal.reason,
          legalBasis: [...s.refusal.legalBasis],
          redirectTo: s.refusal.redirectTo,
          on: s.refusal.on,
          recheck: s.refusal.recheck && { ...s.refusal.recheck, answer: s.refusal.recheck.answer && { ...s.refusal.recheck.answer } },
        }
      : null,
    decision: s.decision ? { ...s.decision } : null,
    deferred: s.deferred && { materials: s.deferred.materials.map((m) => ({ code: m.code, name: m.name })), dueDate: s.deferred.dueDate, owed: [...s.deferred.owed] },
    pledged: s.pledged.map((m) => ({ code: m.code, name: m.name })),
    forward: s.forward && { ...s.forward, answer: s.forward.answer && { ...s.forward.answer } },
    tasks: s.tasks.map((t) => {
      const tc = taskClock(s, t, cal, date, thresholds);
      return { id: t.id, name: t.name, assignee: t.assignee, limitDays: t.limitDays, openedOn: t.openedOn, status: t.status, deadline: tc.deadline, light: tc.light };
    }),
    fees: s.fees.map((f) => ({ ...f, payment: f.payment && { ...f.payment }, closing: f.closing && { ...f.closing } })),
    owedFen: s.owedFen,
    pauses: s.pauses.map((p) => {
      const pc = pauseClock(p, cal, date, thresholds);
      // its working days, both ends counted (an open pause runs to today); pauses only follow acceptance
      const end = p.to ?? (date < p.from ? p.from : date);
      const workdays = s.acceptedOn === null ? 0 : pausedWorkdays(cal, s.acceptedOn, end, [{ from: p.from, to: end }]);
      return { kind: p.kind, procedure: p.procedure, reason: p.reason, limitDays: p.limitDays, deadline: pc?.deadline ?? null, light: pc?.light ?? null, from: p.from, to: p.to, workdays };
    }),
    actions: actionRows.map((r, i) => ({ seq: r.seq, kind: actions[i].kind, at: r.at, date: r.date, actorId: r.actor_id, actorName: names.get(r.actor_id) ?? null, role: r.role, payload: payloadOf(actions[i]) })),
    availableActions: availableActions(s, caseActor),
    notices: await caseNotices(db, row.id),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
