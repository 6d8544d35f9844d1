/**
 * Consultations (网上咨询, DESIGN §9): an applicant asks about a published item; the item's
 * department answers within CONSULTATION_DUE_WORKDAYS working days of the center's calendar
 * (the due date is stored; lights and reminders come with the timers); an answer marked public
 * shows on the item's guide page, without who asked.
 *
 * Who answers: the department's staff — whoever holds case:accept, case:review or case:decide
 * over the item's center and department (window clerks and chief reps, reviewers, the leader).
 */
import { randomUUID } from 'node:crypto';
import type { PageQuery } from '../../../contracts/common.js';
import type { AnswerBody, AskBody, ConsultationList, ConsultationQuery, ConsultationView, PublicConsultationList } from '../../../contracts/hall-service.js';
import { AnswerBody as AnswerSchema, ConsultationQuery as QuerySchema } from '../../../contracts/hall-service.js';
import { addWorkdays } from '../../../domain/calendar/index.js';
import { AppError, conflict, fieldError, forbidden, invalid, notFound } from '../../../domain/errors.js';
import { type Actor, type Permission, ROLE_PERMISSIONS, grantCovers } from '../../../domain/permissions.js';
import { findCenterById } from '../../repositories/centers.js';
import { answerConsultation, type ConsultationRow, findConsultation, insertConsultation, listConsultations, listPublicConsultations } from '../../repositories/hall-service.js';
import { recordAction } from '../audit/record.js';
import { loadCalendar } from '../calendar/load.js';
import { type Ctx, inTx, nowIso } from '../context.js';
import { requireApplicant, todayIn, unauthenticated } from './access.js';
import { publishedItem } from './item-form.js';

export const CONSULTATION_DUE_WORKDAYS = 3;
const ANSWERING: readonly Permission[] = ['case:accept', 'case:review', 'case:decide'];

const view = (r: ConsultationRow): ConsultationView => ({
  id: r.id, itemId: r.item_id, itemName: r.item_name ?? '', departmentId: r.department_id, question: r.question,
  status: r.status as 'open' | 'answered', dueDate: r.due_date, answer: r.answer, answeredAt: r.answered_at, public: r.public === 1,
  createdAt: r.created_at, version: r.version,
});

/** The grants under which the actor answers consultations (403 when none). */
function answeringGrants(ctx: Ctx): Actor['grants'] {
  if (!ctx.actor) throw unauthenticated();
  const grants = ctx.actor.grants.filter((g) => g.centerPath && ANSWERING.some((p) => ROLE_PERMISSIONS[g.role].includes(p)));
  if (grants.length === 0) throw forbidden();
  return grants;
}

/** Errors: validation (`itemId` unknown or not published). */
export async function ask(ctx: Ctx, body: AskBody): Promise<ConsultationView> {
  const actor = requireApplicant(ctx);
  const db = ctx.deps.db.kysely;
  const it = await publishedItem(db, body.itemId);
  if (!it) throw invalid([fieldError('itemId', 'itemId：事项不存在或未发布', 'itemId: no such published item')]);
  const center = (await findCenterById(db, it.item.center_id))!;
  const { date } = todayIn(ctx, center.time_zone);
  const id = randomUUID();
  const at = nowIso(ctx.deps);
  await inTx(ctx.deps, async (trx) => {
    const due = addWorkdays(await loadCalendar(trx, center.path), date, CONSULTATION_DUE_WORKDAYS);
    await insertConsultation(trx, {
      id, center_id: center.id, department_id: it.version.department_id, item_id: it.item.id, asker_user_id: actor.userId, question: body.question,
      status: 'open', due_date: due, answer: null, answered_by: null, answered_at: null, public: 0, version: 1, created_at: at, updated_at: at,
    });
    await recordAction(trx, ctx, { entity: 'consultation', entityId: id, action: 'ask', payload: { itemId: it.item.id } });
  });
  return view((await findConsultation(db, id))!);
}

export async function myConsultations(ctx: Ctx, q: PageQuery): Promise<ConsultationList> {
  const actor = requireApplicant(ctx);
  const r = await listConsultations(ctx.deps.db.kysely, { askerUserId: actor.userId, offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return { items: r.rows.map(view), total: r.total };
}

/** The department's consultations, oldest due first. Errors: forbidden. */
export async function staffConsultations(ctx: Ctx, input: ConsultationQuery): Promise<ConsultationList> {
  const grants = answeringGrants(ctx);
  const q = QuerySchema.parse(input);
  const r = await listConsultations(ctx.deps.db.kysely, {
    grants: grants.map((g) => ({ centerPath: g.centerPath!, departmentId: g.departmentId })), status: q.status, offset: (q.page - 1) * q.pageSize, limit: q.pageSize,
  });
  return { items: r.rows.map(view), total: r.total };
}

/**
 * Errors: forbidden (no answering role, or not over the item's center and department), notFound,
 * conflict (409: answered meanwhile — stale `version`), invalidState (already answered).
 */
export async function answer(ctx: Ctx, id: string, input: AnswerBody): Promise<ConsultationView> {
  const grants = answeringGrants(ctx);
  const body = AnswerSchema.parse(input);
  await inTx(ctx.deps, async (trx) => {
    const c = await findConsultation(trx, id);
    if (!c) throw notFound('咨询', 'Consultation');
    if (!grants.some((g) => grantCovers(g, { centerPath: c.center_path, departmentId: c.department_id }))) throw forbidden();
    if (c.version !== body.version) throw conflict('咨询', 'The consultation');
    if (c.status === 'answered') throw new AppError('invalidState', '该咨询已答复', 'The consultation was already answered');
    const at = nowIso(ctx.deps);
    if (!(await answerConsultation(trx, id, body.version, { answer: body.answer, answered_by: ctx.actor!.userId, answered_at: at, public: body.public ? 1 : 0, updated_at: at }))) {
      throw conflict('咨询', 'The consultation');
    }
    await recordAction(trx, ctx, { entity: 'consultation', entityId: id, action: 'answer', payload: { public: body.public } });
  });
  return view((await findConsultation(ctx.deps.db.kysely, id))!);
}

/** The answered, public consultations of an item (its guide page). */
export async function publicConsultations(ctx: Ctx, itemId: string, q: PageQuery): Promise<PublicConsultationList> {
  const r = await listPublicConsultations(ctx.deps.db.kysely, itemId, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return { total: r.total, items: r.rows.map((x) => ({ id: x.id, question: x.question, answer: x.answer ?? '', answeredAt: x.answered_at ?? '' })) };
}
