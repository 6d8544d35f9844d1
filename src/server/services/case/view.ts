/**
 * The case as staff see it (CaseView), built from what the caller has already read: the case
 * row, its item version, its actions (with their actors' names) and the state folded from them,
 * the calendar, thresholds and notices. getCase reads these for the view; a move has them in
 * hand when it commits, so it answers with the same view without reading the case again.
 */
import type { CaseNoticeView } from '../../../contracts/case-notices.js';
import type { CaseView } from '../../../contracts/case.js';
import { type CaseAction, type CaseActor, type CaseState, type LightThresholds, availableActions, canWorkTask, pauseClock, taskClock } from '../../../domain/case/index.js';
import { type WorkCalendar, pausedWorkdays } from '../../../domain/calendar/index.js';
import type { CaseActionsTable } from '../../db/schema.js';
import type { CaseRow } from '../../repositories/cases.js';
import type { CaseItemVersion } from './caches.js';
import { clockOf, payloadOf } from './store.js';

/** One action as stored and as the domain reads it, with its actor's display name. */
export interface ViewAction {
  row: CaseActionsTable;
  action: CaseAction;
  actorName: string | null;
}

export interface CaseViewSource {
  /** the case row as it stands (after the move, for a move) */
  row: CaseRow;
  version: CaseItemVersion;
  /** the state folded from `actions` */
  state: CaseState;
  actions: readonly ViewAction[];
  cal: WorkCalendar;
  thresholds: LightThresholds;
  /** today's business date at the case's center */
  date: string;
  notices: CaseNoticeView[];
  /** the reader, for the moves offered */
  caseActor: CaseActor;
}

export function caseView(src: CaseViewSource): CaseView {
  const { row, version: v, state: s, cal, thresholds, date } = src;
  const data = v.data;
  const clock = clockOf(s, cal, date, thresholds);
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
      versionNo: v.versionNo,
      code: data.code,
      name: data.name,
      departmentId: v.departmentId,
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
    greenChannel: s.greenChannel && { ...s.greenChannel },
    forward: s.forward && { ...s.forward, answer: s.forward.answer && { ...s.forward.answer } },
    tasks: s.tasks.map((t) => {
      const tc = taskClock(s, t, cal, date, thresholds);
      return { id: t.id, name: t.name, assignee: t.assignee, limitDays: t.limitDays, openedOn: t.openedOn, status: t.status, deadline: tc.deadline, light: tc.light, kind: t.kind, answer: t.answer, opinion: t.opinion, closedOn: t.closedOn, workable: canWorkTask(t, src.caseActor) };
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
    actions: src.actions.map(({ row: r, action, actorName }) => ({
      seq: r.seq,
      kind: action.kind,
      at: r.at,
      date: r.date,
      actorId: r.actor_id,
      actorName,
      role: r.role,
      payload: payloadOf(action),
    })),
    availableActions: availableActions(s, src.caseActor),
    notices: src.notices,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
