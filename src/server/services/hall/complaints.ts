/**
 * Complaints (投诉, DESIGN §5): an applicant complains about one of their cases, a window, or a
 * member of staff (named as the applicant knows them, with the case or window where it happened).
 * Each is recorded with the center it concerns and its own due date — COMPLAINT_DUE_WORKDAYS
 * working days of the center's calendar — for the supervisors, who list them here; accepting,
 * investigating, disposing and feeding back belong to the supervision module.
 */
import { randomUUID } from 'node:crypto';
import type { PageQuery } from '../../../contracts/common.js';
import type { ComplaintBody, ComplaintList, ComplaintQuery, ComplaintView } from '../../../contracts/hall-service.js';
import { ComplaintQuery as QuerySchema } from '../../../contracts/hall-service.js';
import { addWorkdays } from '../../../domain/calendar/index.js';
import { AppError, fieldError, forbidden, invalid } from '../../../domain/errors.js';
import { maskName, maskPhone } from '../../../domain/identity/index.js';
import { findCenterById } from '../../repositories/centers.js';
import { type ComplaintRow, findWindow, insertComplaint, listComplaints } from '../../repositories/hall-service.js';
import { recordAction } from '../audit/record.js';
import { loadCalendar } from '../calendar/load.js';
import { type Ctx, type Executor, inTx, nowIso } from '../context.js';
import { ownCase, requireApplicant, todayIn, unauthenticated } from './access.js';

export const COMPLAINT_DUE_WORKDAYS = 5;

const bad = (field: string, zh: string, en: string) => invalid([fieldError(field, `${field}：${zh}`, `${field}: ${en}`)]);

function view(r: ComplaintRow, forSupervisor: boolean): ComplaintView {
  return {
    id: r.id, centerId: r.center_id, subject: r.subject as ComplaintView['subject'], caseId: r.case_id, caseNo: r.case_no, windowId: r.window_id,
    windowName: r.window_name, departmentId: r.department_id, staffName: r.staff_name, content: r.content, status: r.status, dueDate: r.due_date,
    createdAt: r.created_at,
    complainant: forSupervisor ? { name: maskName(r.complainant_real_name || r.complainant_name), mobile: maskPhone(r.complainant_phone) } : null,
  };
}

/** Where the complaint belongs: the case's or the window's center and department. */
async function placeOf(db: Executor, userId: string, body: ComplaintBody) {
  if (body.caseId) {
    const row = await ownCase(db, userId, body.caseId).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'notFound') throw bad('caseId', '不是您的办件或办件不存在', 'not one of your cases');
      throw e;
    });
    return { centerId: row.center_id, departmentId: row.department_id, caseId: row.id, windowId: null };
  }
  if (body.windowId) {
    const w = await findWindow(db, body.windowId);
    if (!w || w.active !== 1) throw bad('windowId', '窗口不存在', 'no such window');
    return { centerId: w.center_id, departmentId: w.department_id, caseId: null, windowId: w.id };
  }
  if (body.subject === 'window') throw bad('windowId', '请选择窗口', 'choose the window');
  if (body.subject === 'case') throw bad('caseId', '请选择办件', 'choose the case');
  throw bad('caseId', '请注明发生的办件或窗口', 'name the case or the window where it happened');
}

/** Errors: validation (`caseId`, `windowId`, `staffName` as the subject needs). */
export async function fileComplaint(ctx: Ctx, body: ComplaintBody): Promise<ComplaintView> {
  const actor = requireApplicant(ctx);
  if (body.subject === 'case' && !body.caseId) throw bad('caseId', '请选择办件', 'choose the case');
  if (body.subject === 'window' && !body.windowId) throw bad('windowId', '请选择窗口', 'choose the window');
  if (body.subject === 'staff' && !body.staffName) throw bad('staffName', '请填写被投诉的工作人员姓名或工号', "give the staff member's name or number");
  const db = ctx.deps.db.kysely;
  const place = await placeOf(db, actor.userId, body);
  const center = (await findCenterById(db, place.centerId))!;
  const id = randomUUID();
  const at = nowIso(ctx.deps);
  await inTx(ctx.deps, async (trx) => {
    const due = addWorkdays(await loadCalendar(trx, center.path), todayIn(ctx, center.time_zone).date, COMPLAINT_DUE_WORKDAYS);
    await insertComplaint(trx, {
      id, center_id: center.id, subject: body.subject, case_id: place.caseId, window_id: place.windowId, department_id: place.departmentId,
      staff_name: body.subject === 'staff' ? body.staffName! : '', complainant_user_id: actor.userId, content: body.content,
      status: 'received', due_date: due, version: 1, created_at: at, updated_at: at,
    });
    await recordAction(trx, ctx, { entity: 'complaint', entityId: id, action: 'file', payload: { subject: body.subject, caseId: place.caseId, windowId: place.windowId } });
  });
  return view((await listComplaints(db, { id, offset: 0, limit: 1 })).rows[0], false);
}

export async function myComplaints(ctx: Ctx, q: PageQuery): Promise<ComplaintList> {
  const actor = requireApplicant(ctx);
  const r = await listComplaints(ctx.deps.db.kysely, { complainantUserId: actor.userId, offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return { items: r.rows.map((x) => view(x, false)), total: r.total };
}

/** The complaints of the supervisors' centers, oldest due first. Errors: forbidden (no supervisor role). */
export async function supervisorComplaints(ctx: Ctx, input: ComplaintQuery): Promise<ComplaintList> {
  if (!ctx.actor) throw unauthenticated();
  const grants = ctx.actor.grants.filter((g) => g.role === 'supervisor' && g.centerPath);
  if (grants.length === 0) throw forbidden();
  const q = QuerySchema.parse(input);
  const r = await listComplaints(ctx.deps.db.kysely, {
    grants: grants.map((g) => ({ centerPath: g.centerPath!, departmentId: g.departmentId })), status: q.status, offset: (q.page - 1) * q.pageSize, limit: q.pageSize,
  });
  return { items: r.rows.map((x) => view(x, true)), total: r.total };
}
