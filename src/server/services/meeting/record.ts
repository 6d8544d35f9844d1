/**
 * Recording a joint review meeting once held (联审会纪要), in one transaction — all or nothing:
 * - attendance of every invited department (names of those present), the minutes, the decisions;
 * - 缺席默认: where the item's joint policy counts absence as consent, every still-open opinion
 *   task of an absent department is closed as consent (`absentConsent`) by the system — a case
 *   action in its history, after which the review moves on as after any answer (stages.ts);
 *   under the other policy nothing is closed;
 * - each decision becomes a case task (kind `meeting`) for the department responsible, on its
 *   limit: it is in that department's inbox with its deadline and light, holds up the lead's
 *   decision until completed (the domain's rule for any open task) and is completed through the
 *   case's complete-task move. The department is recorded on the case so its staff reach it.
 *
 * The case moves are the system's (actor `system`, as the domain's role rules require of them);
 * their action-log rows name the supervisor who recorded the meeting, whose record caused them.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { MeetingView, RecordMeetingBody } from '../../../contracts/meeting.js';
import { RecordMeetingBody as RecordSchema } from '../../../contracts/meeting.js';
import { type CaseAction, type CaseState, transition } from '../../../domain/case/index.js';
import { conflict } from '../../../domain/errors.js';
import { type MeetingStatus, absentConsentTasks, absentDepartments, caseProblem, meetingTaskId, meetingTaskName, moveProblem, recordProblem } from '../../../domain/meeting/index.js';
import type { Database } from '../../db/schema.js';
import { addCaseDepartments, findMeeting, insertMeetingDecisions, listMeetingDepartments, type MeetingRow, setAttendance, updateMeeting } from '../../repositories/meetings.js';
import { recordAction } from '../audit/record.js';
import { afterTask } from '../case/stages.js';
import { type LockedCase, SYSTEM_CASE_ACTOR, lockedCase, systemBase } from '../case/system-moves.js';
import { writeMove } from '../case/store.js';
import { type Ctx, inTx } from '../context.js';
import { managedMeeting, refused, requireManager } from './access.js';
import { meetingView } from './view.js';

type Body = ReturnType<typeof RecordSchema.parse>;

/** The case moves of the record, written one by one as the system; the opinion tasks closed. */
async function caseMoves(trx: Transaction<Database>, ctx: Ctx, c: LockedCase, m: MeetingRow, b: Body): Promise<string[]> {
  const base = systemBase(c);
  let prev: CaseState = c.state;
  const write = async (action: CaseAction) => {
    const r = transition(prev, action, { cal: c.cal, actor: SYSTEM_CASE_ACTOR });
    if (!r.ok) throw r.error;
    await writeMove(trx, ctx, { id: c.row.id, caseNo: c.row.case_no, version: prev.version }, prev, r.state, action, c.cal, c.thresholds);
    prev = r.state;
  };
  const closed = absentConsentTasks(c.state.tasks, absentDepartments(b), c.item.jointPolicy.absentConsent);
  for (const task of closed) {
    await write({ ...base, kind: 'completeTask', taskId: task.id, opinion: `缺席联审会（${m.topic}），视为同意`, answer: 'absentConsent' });
    for (const next of afterTask(prev, base, c.item, task.id)) await write(next);
  }
  for (const [i, d] of b.decisions.entries()) {
    await write({
      ...base,
      kind: 'openTask',
      taskId: meetingTaskId(m.id, i + 1),
      name: meetingTaskName(d.content),
      assignee: { departmentId: d.departmentId, role: d.role ?? 'reviewer', userId: null },
      limitDays: d.limitDays,
      taskKind: 'meeting',
    });
  }
  const reach = b.decisions.map((d) => d.departmentId).filter((d) => d !== c.row.department_id);
  await addCaseDepartments(trx, c.row.id, c.row.co_departments, reach);
  return closed.map((t) => t.id);
}

/**
 * Records a held meeting: attendance, minutes, decisions; closes absent departments' opinions
 * (缺席默认) and opens the decisions' tasks.
 * Errors: forbidden (no supervision:manage over the case's center), notFound, conflict (stale
 * version), invalidState (not scheduled, not held yet, the case not in review or decided),
 * validation (attendance.N.*, minutes, decisions.N.*).
 */
export async function recordMeetingAs(ctx: Ctx, id: string, input: RecordMeetingBody): Promise<MeetingView> {
  requireManager(ctx);
  const b = RecordSchema.parse(input);
  return inTx(ctx.deps, async (trx) => {
    const m = await managedMeeting(trx, ctx.actor!, id);
    if (m.version !== b.version) throw conflict('联审会', 'The meeting');
    const state = moveProblem(m.status as MeetingStatus, 'record');
    if (state) throw refused(state);
    const invited = (await listMeetingDepartments(trx, [id])).map((d) => d.department_id);
    const now = ctx.deps.clock.now().toISOString();
    const p = recordProblem({ startsAt: m.starts_at, invited }, b, now);
    if (p) throw refused(p);
    // the meeting's row first: a concurrent record waits here and then finds the version moved on (409)
    if (!(await updateMeeting(trx, id, b.version, { status: 'recorded', minutes: b.minutes, recorded_by: ctx.actor!.userId, recorded_at: now, updated_at: now }))) {
      throw conflict('联审会', 'The meeting');
    }
    const c = await lockedCase(trx, ctx.deps, m.case_id);
    const cp = caseProblem({ handlingClass: c.item.handlingClass, state: c.state });
    if (cp) throw refused(cp);
    const closed = await caseMoves(trx, ctx, c, m, b);
    for (const a of b.attendance) await setAttendance(trx, id, a.departmentId, a.attendance, a.attendance === 'present' ? a.attendees.filter((n) => n !== '') : []);
    await insertMeetingDecisions(
      trx,
      b.decisions.map((d, i) => ({ id: randomUUID(), meeting_id: id, seq: i + 1, department_id: d.departmentId, content: d.content, limit_days: d.limitDays, task_id: meetingTaskId(id, i + 1) })),
    );
    await recordAction(trx, ctx, {
      entity: 'meeting',
      entityId: id,
      action: 'record',
      payload: { caseId: m.case_id, caseNo: m.case_no, absent: absentDepartments(b), absentConsentTasks: closed, decisions: b.decisions.length },
    });
    return meetingView(trx, (await findMeeting(trx, id))!);
  });
}
