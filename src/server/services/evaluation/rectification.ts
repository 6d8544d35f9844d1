/**
 * Bad-review rectification (差评整改, DESIGN §6), worked by the department and the supervision
 * office through the domain machine: verify (the department's leader or a supervisor, 1 working
 * day) → an "invalid review" needs a second person's approval (a supervisor) → rectify within
 * the limit (one extension) → feed back the measures → return visit, where a supervisor records
 * the applicant's rating of the fix → closed. Each step is an event appended under the row's
 * version, with an audit row; overdue stages are flagged by the daily sweep.
 */
import type { RectificationList, RectificationQuery, RectificationStep, RectificationView } from '../../../contracts/evaluation.js';
import { RectificationQuery as Query, RectificationStep as Step } from '../../../contracts/evaluation.js';
import { AppError, conflict, notFound } from '../../../domain/errors.js';
import { applyRectification, foldRectification, isOverdue, type Level, type RectificationEvent } from '../../../domain/evaluation/index.js';
import type { Permission } from '../../../domain/permissions.js';
import { findRectification, listRectifications, type RectificationRow, updateRectification } from '../../repositories/evaluation.js';
import { displayNames } from '../../repositories/users.js';
import { recordAction } from '../audit/record.js';
import { loadCalendar } from '../calendar/load.js';
import { today } from '../case/access.js';
import { type Ctx, type Executor, inTx } from '../context.js';
import { notifyStaff, supervisionRecipients } from '../supervision/notify.js';
import { readScope, requireOver, requireStaff } from '../supervision/scope.js';
import { can } from '../../../domain/permissions.js';
import { forbidden } from '../../../domain/errors.js';

async function view(db: Executor, r: RectificationRow, date: string): Promise<RectificationView> {
  const events = JSON.parse(r.events) as RectificationEvent[];
  const names = await displayNames(db, events.map((e) => e.by));
  const s = foldRectification(events, await loadCalendar(db, r.center_path));
  return {
    id: r.id, caseId: r.case_id, caseNo: r.case_no, itemName: r.item_name, centerId: r.center_id, centerName: r.center_name, departmentId: r.department_id,
    departmentName: r.department_name, rating: { level: r.rating_level as Level, comment: r.rating_comment, channel: r.rating_channel, occasion: r.rating_occasion },
    status: s.status, openedOn: s.openedOn, due: s.due, overdue: r.overdue === 1 || isOverdue(s, date), limitDays: s.limitDays, extended: s.extended, measures: s.measures,
    fixRating: s.fixRating, closedOn: s.closedOn, lateStages: [...s.lateStages], events: events.map((e) => ({ ...e, byName: names.get(e.by) ?? e.by })), version: r.version,
  };
}

/** Errors: forbidden (no supervision:read). */
export async function listRectificationsFor(ctx: Ctx, input: RectificationQuery): Promise<RectificationList> {
  const grants = readScope(ctx);
  const q = Query.parse(input);
  const db = ctx.deps.db.kysely;
  const r = await listRectifications(db, { grants, centerId: q.centerId, departmentId: q.departmentId, status: q.status, overdue: q.overdue === undefined ? undefined : q.overdue === 'true', offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  const items: RectificationView[] = [];
  for (const x of r.rows) items.push(await view(db, x, today(ctx, x.center_time_zone).date));
  return { items, total: r.total };
}

/** Errors: forbidden, notFound (or outside the reader's scope). */
export async function getRectification(ctx: Ctx, id: string): Promise<RectificationView> {
  const grants = readScope(ctx);
  const db = ctx.deps.db.kysely;
  const r = await findRectification(db, id);
  if (!r || !grants.some((g) => r.center_path.startsWith(g.centerPath) && (g.departmentId === null || g.departmentId === r.department_id))) throw notFound('差评整改', 'Rectification');
  return view(db, r, today(ctx, r.center_time_zone).date);
}

/** Who may take each step: the department or the office; the approval of an invalid review and the return visit, the office. */
const STEP_PERMS: Record<RectificationStep['kind'], readonly Permission[]> = {
  verify: ['supervision:respond', 'supervision:manage'],
  extend: ['supervision:respond', 'supervision:manage'],
  feedback: ['supervision:respond', 'supervision:manage'],
  approveInvalid: ['supervision:manage'],
  returnVisit: ['supervision:manage'],
};

/**
 * Errors: forbidden (no permission for the step over the department), notFound, conflict (409:
 * version), invalidState (409: the step is not allowed now), validation (400: an empty note,
 * the verifier approving their own invalid finding, a second extension, …).
 */
export async function stepRectification(ctx: Ctx, id: string, input: RectificationStep): Promise<RectificationView> {
  const actor = requireStaff(ctx);
  const body = Step.parse(input);
  const perms = STEP_PERMS[body.kind];
  if (!perms.some((p) => can(actor, p))) throw forbidden();
  return inTx(ctx.deps, async (trx) => {
    const r = await findRectification(trx, id);
    if (!r) throw notFound('差评整改', 'Rectification');
    const allowed = perms.find((p) => can(actor, p, { centerPath: r.center_path, departmentId: r.department_id }));
    if (!allowed) requireOver(actor, perms[0], r.center_path, r.department_id);
    if (r.version !== body.version) throw conflict('差评整改', 'The rectification');
    const cal = await loadCalendar(trx, r.center_path);
    const events = JSON.parse(r.events) as RectificationEvent[];
    const s = foldRectification(events, cal);
    const now = today(ctx, r.center_time_zone);
    const base = { on: now.date, by: actor.userId };
    const e: RectificationEvent =
      body.kind === 'verify' ? { kind: 'verify', ...base, valid: body.valid, note: body.note }
      : body.kind === 'approveInvalid' ? { kind: 'approveInvalid', ...base, approve: body.approve, note: body.note ?? '' }
      : body.kind === 'extend' ? { kind: 'extend', ...base, days: body.days, reason: body.reason }
      : body.kind === 'feedback' ? { kind: 'feedback', ...base, measures: body.measures }
      : { kind: 'returnVisit', ...base, level: body.level, note: body.note ?? '' };
    const next = applyRectification(s, e, cal);
    if (!next.ok) {
      const field = { verify: 'note', approveInvalid: 'approve', extend: 'days', feedback: 'measures', returnVisit: 'level' }[body.kind];
      throw next.error.code === 'rectification.invalid'
        ? new AppError('validation', next.error.zh, next.error.en, [{ field, message: next.error.zh, messageEn: next.error.en }])
        : new AppError('invalidState', next.error.zh, next.error.en);
    }
    const st = next.state;
    const ok = await updateRectification(trx, r.id, r.version, {
      status: st.status, due: st.due, overdue: st.due !== null && isOverdue(st, now.date) ? 1 : st.due === null ? r.overdue : 0, events: JSON.stringify([...events, e]), updated_at: now.at,
    });
    if (!ok) throw conflict('差评整改', 'The rectification');
    await recordAction(trx, ctx, { entity: 'rectification', entityId: r.id, action: body.kind, payload: { caseNo: r.case_no, status: st.status, due: st.due } });
    if (st.status === 'invalidPending') {
      const to = (await supervisionRecipients(trx, { centerPath: r.center_path, departmentId: null, handlers: [] })).filter((u) => u !== actor.userId);
      await notifyStaff(trx, to, { template: 'rectificationInvalid', title: '无效差评待审批', body: `办件 ${r.case_no} 的差评被核实为无效，须由另一人审批。`, caseId: r.case_id, at: now.at });
    }
    return view(trx, (await findRectification(trx, r.id))!, now.date);
  });
}
