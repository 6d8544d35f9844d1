/**
 * Joint review meetings (联审会): the list and one meeting for staff who may see them; scheduling,
 * rescheduling and cancelling by the supervision office (supervision:manage over the case's
 * center). A meeting is held on a joint case in review, not yet decided; the departments invited
 * default to the lead department and the item's co-departments. Each change is one transaction
 * with its action-log row; a stale `version` is refused (409).
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { CancelMeetingBody, MeetingList, MeetingQuery, MeetingView, ScheduleMeetingBody, UpdateMeetingBody } from '../../../contracts/meeting.js';
import { CancelMeetingBody as CancelSchema, MeetingQuery as QuerySchema, ScheduleMeetingBody as ScheduleSchema, UpdateMeetingBody as UpdateSchema } from '../../../contracts/meeting.js';
import { conflict, fieldError, invalid } from '../../../domain/errors.js';
import { type MeetingStatus, caseProblem, invitedProblem, moveProblem, startsAtProblem } from '../../../domain/meeting/index.js';
import type { Database } from '../../db/schema.js';
import { findCase } from '../../repositories/cases.js';
import { findMeeting, insertMeeting, listMeetings, replaceMeetingDepartments, updateMeeting } from '../../repositories/meetings.js';
import { recordAction } from '../audit/record.js';
import { lockedCase } from '../case/system-moves.js';
import { type Ctx, inTx } from '../context.js';
import { invitable, managedMeeting, readScopes, refused, requireManager, requireManagerOver, visibleMeeting } from './access.js';
import { meetingView, meetingViews } from './view.js';

/** Date bounds of the list, taken in China Standard Time (the platform's default time zone). */
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();
const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00+08:00`) + 86_400_000).toISOString();

/** Meetings the reader may see, latest first. Errors: forbidden (no case:read). */
export async function listMeetingsFor(ctx: Ctx, input: MeetingQuery): Promise<MeetingList> {
  const scopes = readScopes(ctx);
  const q = QuerySchema.parse(input);
  const db = ctx.deps.db.kysely;
  const r = await listMeetings(db, {
    scopes, status: q.status, caseId: q.caseId, departmentId: q.departmentId,
    fromAt: q.from ? dayStart(q.from) : undefined, toAt: q.to ? dayAfter(q.to) : undefined,
    offset: (q.page - 1) * q.pageSize, limit: q.pageSize,
  });
  return { items: await meetingViews(db, r.rows), total: r.total };
}

/** Errors: forbidden (no case:read), notFound (no such meeting, or not one the reader may see). */
export async function getMeeting(ctx: Ctx, id: string): Promise<MeetingView> {
  const scopes = readScopes(ctx);
  const db = ctx.deps.db.kysely;
  return meetingView(db, await visibleMeeting(db, scopes, id));
}

/** The case's lock and state; its rule for meetings (400 not joint, 409 not in review or decided). */
async function meetingCase(trx: Transaction<Database>, ctx: Ctx, caseId: string) {
  const c = await lockedCase(trx, ctx.deps, caseId);
  const p = caseProblem({ handlingClass: c.item.handlingClass, state: c.state });
  if (p) throw refused(p);
  return c;
}

/** The departments invited, checked against the case's center tree (400 naming departmentIds.N). */
async function checkInvited(trx: Transaction<Database>, casePath: string, ids: readonly string[]): Promise<void> {
  const p = invitedProblem(ids, await invitable(trx, casePath, ids));
  if (p) throw refused(p);
}

/**
 * Schedules a meeting on a joint case in review.
 * Errors: forbidden (no supervision:manage, or not over the case's center), validation (caseId
 * unknown or not joint, startsAt in the past, departmentIds), invalidState (the case is not in
 * review, or decided).
 */
export async function scheduleMeeting(ctx: Ctx, input: ScheduleMeetingBody): Promise<MeetingView> {
  const actor = requireManager(ctx);
  const b = ScheduleSchema.parse(input);
  const db = ctx.deps.db.kysely;
  const row = await findCase(db, b.caseId);
  if (!row) throw invalid([fieldError('caseId', 'caseId：办件不存在', 'caseId: no such case')]);
  requireManagerOver(actor, row.center_path);
  const now = ctx.deps.clock.now().toISOString();
  const past = startsAtProblem(b.startsAt, now);
  if (past) throw refused(past);
  return inTx(ctx.deps, async (trx) => {
    const c = await meetingCase(trx, ctx, b.caseId);
    const departmentIds = b.departmentIds ?? [c.item.departmentId, ...c.item.coDepartmentIds.filter((d) => d !== c.item.departmentId)];
    await checkInvited(trx, row.center_path, departmentIds);
    const id = randomUUID();
    const startsAt = new Date(b.startsAt).toISOString();
    await insertMeeting(trx, {
      id, case_id: row.id, center_id: row.center_id, topic: b.topic, place: b.place, starts_at: startsAt, status: 'scheduled', minutes: '', cancel_reason: '',
      scheduled_by: actor.userId, recorded_by: null, recorded_at: null, version: 1, created_at: now, updated_at: now,
    }, departmentIds);
    await recordAction(trx, ctx, { entity: 'meeting', entityId: id, action: 'schedule', payload: { caseId: row.id, caseNo: row.case_no, topic: b.topic, place: b.place, startsAt, departmentIds } });
    return meetingView(trx, (await findMeeting(trx, id))!);
  });
}

/** The meeting changed, if still at `version` and scheduled (409 otherwise). */
async function changeScheduled(trx: Transaction<Database>, ctx: Ctx, id: string, version: number, move: 'reschedule' | 'cancel') {
  const row = await managedMeeting(trx, ctx.actor!, id);
  if (row.version !== version) throw conflict('联审会', 'The meeting');
  const p = moveProblem(row.status as MeetingStatus, move);
  if (p) throw refused(p);
  return row;
}

/**
 * Reschedules (or otherwise changes) a scheduled meeting: topic, place, time, departments.
 * Errors: forbidden, notFound, conflict (stale version), invalidState (not scheduled; the case
 * left review), validation (startsAt in the past, departmentIds).
 */
export async function updateMeetingAs(ctx: Ctx, id: string, input: UpdateMeetingBody): Promise<MeetingView> {
  requireManager(ctx);
  const b = UpdateSchema.parse(input);
  return inTx(ctx.deps, async (trx) => {
    const row = await changeScheduled(trx, ctx, id, b.version, 'reschedule');
    const now = ctx.deps.clock.now().toISOString();
    const past = startsAtProblem(b.startsAt, now);
    if (past) throw refused(past);
    await meetingCase(trx, ctx, row.case_id);
    await checkInvited(trx, row.center_path, b.departmentIds);
    const startsAt = new Date(b.startsAt).toISOString();
    if (!(await updateMeeting(trx, id, b.version, { topic: b.topic, place: b.place, starts_at: startsAt, updated_at: now }))) throw conflict('联审会', 'The meeting');
    await replaceMeetingDepartments(trx, id, b.departmentIds);
    await recordAction(trx, ctx, { entity: 'meeting', entityId: id, action: 'reschedule', payload: { from: row.starts_at, startsAt, topic: b.topic, place: b.place, departmentIds: b.departmentIds } });
    return meetingView(trx, (await findMeeting(trx, id))!);
  });
}

/** Cancels a scheduled meeting with a reason. Errors: forbidden, notFound, conflict, invalidState, validation (reason). */
export async function cancelMeetingAs(ctx: Ctx, id: string, input: CancelMeetingBody): Promise<MeetingView> {
  requireManager(ctx);
  const b = CancelSchema.parse(input);
  return inTx(ctx.deps, async (trx) => {
    await changeScheduled(trx, ctx, id, b.version, 'cancel');
    const now = ctx.deps.clock.now().toISOString();
    if (!(await updateMeeting(trx, id, b.version, { status: 'cancelled', cancel_reason: b.reason, updated_at: now }))) throw conflict('联审会', 'The meeting');
    await recordAction(trx, ctx, { entity: 'meeting', entityId: id, action: 'cancel', payload: { reason: b.reason } });
    return meetingView(trx, (await findMeeting(trx, id))!);
  });
}
