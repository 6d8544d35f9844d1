/**
 * Joint cases (联办件, issue 4 并联审批) beyond the stages (stages.ts): when a co-department's
 * opinion task opens, the department is recorded on the case (its staff may then read the case
 * and work their task: access.ts) and a timer is set for the day after the task's limit. If the
 * task is still unanswered then and the item's policy is deemed consent (超时默认), the system
 * closes it as consent and the review moves on; under "escalate only" the timer does nothing —
 * the task's light turns yellow and the supervision sweep raises the card.
 */
import type { Transaction } from 'kysely';
import { type CaseAction, type CaseState, transition } from '../../../domain/case/index.js';
import { deadlineWithPauses, type WorkCalendar } from '../../../domain/calendar/index.js';
import type { Database, TimersTable } from '../../db/schema.js';
import { findCase } from '../../repositories/cases.js';
import { addCaseDepartments } from '../../repositories/meetings.js';
import { loadCalendar } from '../calendar/load.js';
import type { Deps } from '../context.js';
import { scheduleTimers, type TimerSpec } from '../timers/schedule.js';
import { startOfDayAfter } from '../timers/time.js';
import { afterTask } from './stages.js';
import { SYSTEM_CASE_ACTOR, lockedCase, systemBase, timerCtx } from './system-moves.js';
import { writeMove } from './store.js';

const deadlineTimer = (caseId: string, taskId: string, due: string, timeZone: string): TimerSpec => ({
  kind: 'opinionDeadline',
  caseId,
  dueAt: startOfDayAfter(due, timeZone),
  key: `opinionDeadline:${caseId}:${taskId}:${due}`,
  payload: { taskId },
});

/** The co-department an action's opinion task is for, if it opens one. */
const coDepartmentOf = (action: CaseAction): string | null =>
  action.kind === 'openTask' && action.taskKind === 'opinion' && action.assignee.departmentId ? action.assignee.departmentId : null;

/**
 * What a move that read the case already has (case/move.ts, through EffectsKnown). With it, the
 * departments are recorded once for the whole move (`recordCoDepartments`, store.ts) and each
 * opinion's timer needs no read: routing to five co-departments had cost 4 statements per
 * department (the case row and calendar token read again, one update, one timer insert each).
 */
export interface JointKnown {
  /** the case's co_departments as the move read it */
  coDepartments: string;
  timeZone: string;
  cal: WorkCalendar;
}

/**
 * Records on the case, in one update, the co-departments of the opinion tasks a move's actions
 * open (in their order, each once), when `jointEffects` is given `JointKnown`.
 */
export async function recordCoDepartments(trx: Transaction<Database>, caseId: string, known: JointKnown, actions: readonly CaseAction[]): Promise<void> {
  const depts = [...new Set(actions.map(coDepartmentOf).filter((d) => d !== null))];
  if (depts.length > 0) await addCaseDepartments(trx, caseId, known.coDepartments, depts);
}

/** In the move's transaction: a co-department's opinion task opened → recorded, timer set. */
export async function jointEffects(trx: Transaction<Database>, caseId: string, next: CaseState, action: CaseAction, known?: JointKnown): Promise<void> {
  if (action.kind !== 'openTask' || coDepartmentOf(action) === null) return;
  if (known) {
    // the department was recorded by the move (recordCoDepartments); the timer joins its batch (timers/schedule.ts)
    const due = deadlineWithPauses(known.cal, action.date, action.limitDays, next.pauses, action.date);
    await scheduleTimers(trx, [deadlineTimer(caseId, action.taskId, due, known.timeZone)], action.at);
    return;
  }
  const row = await findCase(trx, caseId);
  if (!row) return;
  const dept = action.assignee.departmentId!;
  const co = row.co_departments.split(' ').filter(Boolean);
  if (!co.includes(dept)) await trx.updateTable('cases').set({ co_departments: [...co, dept].join(' ') }).where('id', '=', caseId).execute();
  const cal = await loadCalendar(trx, row.center_path);
  const due = deadlineWithPauses(cal, action.date, action.limitDays, next.pauses, action.date);
  await scheduleTimers(trx, [deadlineTimer(caseId, action.taskId, due, row.time_zone)], action.at);
}

/** The timer: deemed consent for a silent opinion past its limit (see the module comment). */
export async function opinionDeadline(trx: Transaction<Database>, deps: Deps, t: TimersTable): Promise<void> {
  const { taskId } = JSON.parse(t.payload) as { taskId: string };
  const c = await lockedCase(trx, deps, t.case_id!);
  const task = c.state.tasks.find((x) => x.id === taskId);
  if (!task || task.status !== 'open' || task.kind !== 'opinion') return;
  if (c.item.jointPolicy.silence !== 'deemedConsent') return;
  const due = deadlineWithPauses(c.cal, task.openedOn, task.limitDays, c.state.pauses, c.now.date);
  if (c.now.date <= due) {
    // a pause moved the limit on: look again the day after the new one
    await scheduleTimers(trx, [deadlineTimer(c.row.id, taskId, due, c.row.time_zone)], c.now.at);
    return;
  }
  const base = systemBase(c);
  let prev = c.state;
  let version = c.row.version;
  const write = async (action: CaseAction) => {
    const r = transition(prev, action, { cal: c.cal, actor: SYSTEM_CASE_ACTOR });
    if (!r.ok) throw r.error;
    await writeMove(trx, timerCtx(deps), { id: c.row.id, caseNo: c.row.case_no, version }, prev, r.state, action, c.cal, c.thresholds);
    prev = r.state;
    version = r.state.version;
  };
  await write({ ...base, kind: 'completeTask', taskId, opinion: '', answer: 'deemedConsent' });
  // the last opinion of its stage: the review moves on, as after a person's answer
  for (const next of afterTask(prev, base, c.item, taskId)) await write(next);
}
