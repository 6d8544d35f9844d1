/**
 * Supervision orders (督办单, DESIGN §5) and anomalies (异常办件). A supervisor issues an order to
 * a department — about a case or an anomaly — with a response deadline in working days (the
 * center's setting by default); the department's leader answers; the supervisor accepts the
 * answer (closed) or sends it back. The daily sweep cards an order left unanswered past its
 * deadline. Anomalies, found when a case concludes, are closed by a supervisor with a disposition.
 */
import { randomUUID } from 'node:crypto';
import type { AnomalyList, AnomalyQuery, AnomalyView, AnswerOrderBody, CloseAnomalyBody, IssueOrderBody, OrderList, OrderQuery, OrderView, ReviewOrderBody } from '../../../contracts/supervision-work.js';
import { AnomalyQuery as AQuery, AnswerOrderBody as AnswerBody, CloseAnomalyBody as CloseBody, IssueOrderBody as IssueBody, OrderQuery as OQuery, ReviewOrderBody as ReviewBody } from '../../../contracts/supervision-work.js';
import { AppError, conflict, fieldError, invalid, notFound } from '../../../domain/errors.js';
import { answerOrder, issueOrder, orderOverdue, reviewAnswer, type SupervisionOrder } from '../../../domain/supervision/index.js';
import { findCase } from '../../repositories/cases.js';
import { findCenterById } from '../../repositories/centers.js';
import { findDepartmentById } from '../../repositories/departments.js';
import { type AnomalyRow, closeAnomaly, findAnomaly, findOrder, insertOrder, listAnomalies, listOrders, type OrderRow, updateOrder } from '../../repositories/supervision-work.js';
import { recordAction } from '../audit/record.js';
import { loadCalendar } from '../calendar/load.js';
import { today } from '../case/access.js';
import { type Ctx, inTx } from '../context.js';
import { evaluationSettingsFor } from '../evaluation/settings.js';
import { addDays } from '../../../domain/calendar/index.js';
import { ensureDailySweep } from './daily-timer.js';
import { notifyStaff, supervisionRecipients } from './notify.js';
import { readScope, requireOver, requirePermission } from './scope.js';

const inGrants = (grants: ReturnType<typeof readScope>, path: string, dept: string | null) => grants.some((g) => path.startsWith(g.centerPath) && (g.departmentId === null || g.departmentId === dept));

const orderOf = (r: OrderRow): SupervisionOrder => ({
  status: r.status as SupervisionOrder['status'], issuedOn: r.issued_on, due: r.due, answers: JSON.parse(r.answers), returns: JSON.parse(r.returns), closedOn: r.closed_on,
});

function orderView(r: OrderRow, date: string): OrderView {
  const o = orderOf(r);
  return {
    id: r.id, centerId: r.center_id, departmentId: r.department_id, departmentName: r.department_name, caseId: r.case_id, caseNo: r.case_no, anomalyId: r.anomaly_id,
    content: r.content, status: o.status, issuedOn: o.issuedOn, due: o.due, overdue: orderOverdue(o, date), answers: [...o.answers], returns: [...o.returns], closedOn: o.closedOn, version: r.version,
  };
}

const refused = (e: { code: string; zh: string; en: string }, field: string) =>
  e.code === 'order.invalid' ? invalid([fieldError(field, e.zh, e.en)]) : new AppError('invalidState', e.zh, e.en);

export async function listOrdersFor(ctx: Ctx, input: OrderQuery): Promise<OrderList> {
  const grants = readScope(ctx);
  const q = OQuery.parse(input);
  const r = await listOrders(ctx.deps.db.kysely, { grants, status: q.status, offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return { items: r.rows.map((x) => orderView(x, today(ctx, x.center_time_zone).date)), total: r.total };
}

/** Errors: forbidden (no supervision:manage over the department's center), validation (departmentId, caseId, anomalyId). */
export async function issueOrderAs(ctx: Ctx, input: IssueOrderBody): Promise<OrderView> {
  const actor = requirePermission(ctx, 'supervision:manage');
  const b = IssueBody.parse(input);
  const db = ctx.deps.db.kysely;
  const dept = await findDepartmentById(db, b.departmentId);
  if (!dept) throw invalid([fieldError('departmentId', 'departmentId：部门不存在', 'departmentId: no such department')]);
  const center = (await findCenterById(db, dept.center_id))!;
  requireOver(actor, 'supervision:manage', center.path, dept.id);
  if (b.caseId) {
    const c = await findCase(db, b.caseId);
    if (!c || c.department_id !== dept.id) throw invalid([fieldError('caseId', 'caseId：不是该部门的办件', "caseId: not the department's case")]);
  }
  if (b.anomalyId) {
    const a = await findAnomaly(db, b.anomalyId);
    if (!a || a.department_id !== dept.id) throw invalid([fieldError('anomalyId', 'anomalyId：不是该部门的异常', "anomalyId: not the department's anomaly")]);
  }
  const id = randomUUID();
  return inTx(ctx.deps, async (trx) => {
    const now = today(ctx, center.time_zone);
    const days = b.responseDays ?? (await evaluationSettingsFor(trx, center.path)).orderResponseWorkdays;
    const o = issueOrder(now.date, days, await loadCalendar(trx, center.path));
    await insertOrder(trx, {
      id, center_id: center.id, department_id: dept.id, case_id: b.caseId ?? null, anomaly_id: b.anomalyId ?? null, content: b.content, status: o.status, issued_on: o.issuedOn,
      due: o.due, answers: '[]', returns: '[]', closed_on: null, issued_by: actor.userId, version: 1, created_at: now.at, updated_at: now.at,
    });
    await recordAction(trx, ctx, { entity: 'supervisionOrder', entityId: id, action: 'issue', payload: { departmentId: dept.id, caseId: b.caseId ?? null, due: o.due } });
    const to = await supervisionRecipients(trx, { centerPath: center.path, departmentId: dept.id, handlers: [] });
    await notifyStaff(trx, to.filter((u) => u !== actor.userId), { template: 'orderIssued', title: '督办单', body: `${dept.name}：${b.content}（请于${o.due}前答复）`, caseId: b.caseId ?? null, at: now.at });
    await ensureDailySweep(trx, center.id, center.time_zone, addDays(o.due, 1), now.at);
    return orderView((await findOrder(trx, id))!, now.date);
  });
}

async function changeOrder(ctx: Ctx, id: string, version: number, perm: 'supervision:respond' | 'supervision:manage', action: string, f: (o: SupervisionOrder, date: string) => { ok: true; order: SupervisionOrder } | { ok: false; error: { code: string; zh: string; en: string } }, field: string): Promise<OrderView> {
  const actor = requirePermission(ctx, perm);
  return inTx(ctx.deps, async (trx) => {
    const r = await findOrder(trx, id);
    if (!r) throw notFound('督办单', 'Supervision order');
    requireOver(actor, perm, r.center_path, r.department_id);
    if (r.version !== version) throw conflict('督办单', 'The supervision order');
    const now = today(ctx, r.center_time_zone);
    const res = f(orderOf(r), now.date);
    if (!res.ok) throw refused(res.error, field);
    const o = res.order;
    if (!(await updateOrder(trx, id, version, { status: o.status, answers: JSON.stringify(o.answers), returns: JSON.stringify(o.returns), closed_on: o.closedOn, updated_at: now.at }))) throw conflict('督办单', 'The supervision order');
    await recordAction(trx, ctx, { entity: 'supervisionOrder', entityId: id, action, payload: { status: o.status } });
    return orderView((await findOrder(trx, id))!, now.date);
  });
}

/** The department answers. Errors: forbidden (no supervision:respond over the department), notFound, conflict, invalidState, validation (`text`). */
export async function answerOrderAs(ctx: Ctx, id: string, input: AnswerOrderBody): Promise<OrderView> {
  const b = AnswerBody.parse(input);
  return changeOrder(ctx, id, b.version, 'supervision:respond', 'answer', (o, on) => answerOrder(o, { text: b.text, by: ctx.actor!.userId, on }), 'text');
}

/** The supervisor accepts or sends back. Errors: forbidden, notFound, conflict, invalidState, validation (`reason`). */
export async function reviewOrderAs(ctx: Ctx, id: string, input: ReviewOrderBody): Promise<OrderView> {
  const b = ReviewBody.parse(input);
  return changeOrder(ctx, id, b.version, 'supervision:manage', b.accept ? 'accept' : 'return', (o, on) => reviewAnswer(o, { accept: b.accept, reason: b.reason, on }), 'reason');
}

// ——— anomalies ———

const anomalyView = (r: AnomalyRow): AnomalyView => ({
  id: r.id, caseId: r.case_id, caseNo: r.case_no, centerId: r.center_id, departmentId: r.department_id, departmentName: r.department_name, rule: r.rule as AnomalyView['rule'],
  seq: r.seq, message: r.message, messageEn: r.message_en, status: r.status as AnomalyView['status'], disposition: r.disposition, closedAt: r.closed_at, createdAt: r.created_at, version: r.version,
});

export async function listAnomaliesFor(ctx: Ctx, input: AnomalyQuery): Promise<AnomalyList> {
  const grants = readScope(ctx);
  const q = AQuery.parse(input);
  const r = await listAnomalies(ctx.deps.db.kysely, { grants, status: q.status, rule: q.rule, caseId: q.caseId, offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return { items: r.rows.map(anomalyView), total: r.total };
}

/** Errors: forbidden (no supervision:manage over it), notFound, conflict (version), invalidState (closed already). */
export async function closeAnomalyAs(ctx: Ctx, id: string, input: CloseAnomalyBody): Promise<AnomalyView> {
  const actor = requirePermission(ctx, 'supervision:manage');
  const b = CloseBody.parse(input);
  return inTx(ctx.deps, async (trx) => {
    const r = await findAnomaly(trx, id);
    if (!r || !inGrants(readScope(ctx), r.center_path, r.department_id)) throw notFound('异常办件', 'Anomaly');
    requireOver(actor, 'supervision:manage', r.center_path, r.department_id);
    if (r.status !== 'open') throw new AppError('invalidState', '该异常已处置', 'The anomaly was closed already');
    const at = ctx.deps.clock.now().toISOString();
    if (r.version !== b.version || !(await closeAnomaly(trx, id, b.version, { disposition: b.disposition, closed_by: actor.userId, closed_at: at }))) throw conflict('异常办件', 'The anomaly');
    await recordAction(trx, ctx, { entity: 'anomaly', entityId: id, action: 'close', payload: { disposition: b.disposition } });
    return anomalyView((await findAnomaly(trx, id))!);
  });
}
