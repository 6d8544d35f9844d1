/**
 * Follow-up visits (回访, DESIGN §5): each month a random share (a center setting, default 5 %)
 * of the cases the center concluded the month before is sampled for phone callbacks — at least
 * one when any concluded; a supervisor assigns each to a person, who records the result.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { FollowUpAssignBody, FollowUpList, FollowUpQuery, FollowUpResultBody, FollowUpView } from '../../../contracts/supervision-work.js';
import { FollowUpAssignBody as AssignBody, FollowUpQuery as Query, FollowUpResultBody as ResultBody } from '../../../contracts/supervision-work.js';
import { conflict, fieldError, invalid, notFound } from '../../../domain/errors.js';
import { maskName, maskPhone } from '../../../domain/identity/index.js';
import type { CentersTable, Database } from '../../db/schema.js';
import { findUserById } from '../../repositories/users.js';
import { concludedInMonth, findFollowUp, type FollowUpRow, followUpsExist, insertFollowUps, listFollowUps, updateFollowUp } from '../../repositories/supervision-work.js';
import { recordAction } from '../audit/record.js';
import { today } from '../case/access.js';
import { type Ctx, inTx } from '../context.js';
import { readScope, requireOver, requirePermission } from './scope.js';

const lastMonth = (date: string) => {
  const [y, m] = date.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/** Last month's sample, unless taken already. */
export async function sampleFollowUps(trx: Transaction<Database>, ctx: Ctx, center: CentersTable, now: { at: string; date: string }, percent: number): Promise<void> {
  const month = lastMonth(now.date);
  if (percent <= 0 || (await followUpsExist(trx, center.id, month))) return;
  const pool = await concludedInMonth(trx, center.id, month);
  if (pool.length === 0) return;
  const n = Math.min(pool.length, Math.max(1, Math.round((pool.length * percent) / 100)));
  const picked = [...pool];
  for (let i = picked.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [picked[i], picked[j]] = [picked[j], picked[i]];
  }
  const rows = picked.slice(0, n).map((p) => ({
    id: randomUUID(), case_id: p.case_id, center_id: center.id, department_id: p.department_id, month, assignee_user_id: null, status: 'pending',
    result: null, note: '', visited_on: null, version: 1, created_at: now.at, updated_at: now.at,
  }));
  await insertFollowUps(trx, rows);
  await recordAction(trx, ctx, { entity: 'followUp', entityId: center.id, action: 'sample', payload: { month, of: pool.length, sampled: rows.length } });
}

const view = (r: FollowUpRow, full: boolean): FollowUpView => ({
  id: r.id, caseId: r.case_id, caseNo: r.case_no, itemName: r.item_name, departmentId: r.department_id, departmentName: r.department_name, month: r.month,
  applicantName: maskName(r.applicant_name), applicantPhone: full ? r.applicant_phone : maskPhone(r.applicant_phone),
  assigneeUserId: r.assignee_user_id, status: r.status as FollowUpView['status'], result: r.result as FollowUpView['result'], note: r.note, visitedOn: r.visited_on, version: r.version,
});

/** Errors: forbidden (no supervision:read). The assignee sees the phone number in full (to call). */
export async function listFollowUpsFor(ctx: Ctx, input: FollowUpQuery): Promise<FollowUpList> {
  const grants = readScope(ctx);
  const q = Query.parse(input);
  const r = await listFollowUps(ctx.deps.db.kysely, { grants, ...q, offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return { items: r.rows.map((x) => view(x, x.assignee_user_id === ctx.actor!.userId)), total: r.total };
}

async function change(ctx: Ctx, id: string, version: number, action: string, set: (r: FollowUpRow, date: string) => Parameters<typeof updateFollowUp>[3], check?: (trx: Transaction<Database>) => Promise<void>): Promise<FollowUpView> {
  const actor = requirePermission(ctx, 'supervision:manage');
  return inTx(ctx.deps, async (trx) => {
    await check?.(trx);
    const r = await findFollowUp(trx, id);
    if (!r) throw notFound('回访', 'Follow-up');
    requireOver(actor, 'supervision:manage', r.center_path, r.department_id);
    const now = today(ctx, r.center_time_zone);
    const s = set(r, now.date);
    if (r.version !== version || !(await updateFollowUp(trx, id, version, { ...s, updated_at: now.at }))) throw conflict('回访记录', 'The follow-up');
    await recordAction(trx, ctx, { entity: 'followUp', entityId: id, action, payload: s });
    const out = (await findFollowUp(trx, id))!;
    // the phone in full only to the person who calls, as in the list
    return view(out, out.assignee_user_id === actor.userId);
  });
}

/** A supervisor assigns the callback. Errors: forbidden, notFound, conflict, validation (`assigneeUserId`: no such active staff account). */
export async function assignFollowUp(ctx: Ctx, id: string, input: FollowUpAssignBody): Promise<FollowUpView> {
  const b = AssignBody.parse(input);
  // the column has no foreign key: an unknown id would be stored and the visit never made
  const check = async (trx: Transaction<Database>) => {
    const u = await findUserById(trx, b.assigneeUserId);
    if (!u || u.active !== 1 || u.kind !== 'staff') throw invalid([fieldError('assigneeUserId', 'assigneeUserId：不是有效的工作人员账号', 'assigneeUserId: not an active staff account')]);
  };
  return change(ctx, id, b.version, 'assign', () => ({ assignee_user_id: b.assigneeUserId }), check);
}

/** The result of the call. Errors: forbidden, notFound, conflict. */
export async function recordFollowUp(ctx: Ctx, id: string, input: FollowUpResultBody): Promise<FollowUpView> {
  const b = ResultBody.parse(input);
  return change(ctx, id, b.version, 'record', (_r, date) => ({ status: b.reached ? 'visited' : 'unreachable', result: b.reached ? b.result! : null, note: b.note, visited_on: date }));
}

