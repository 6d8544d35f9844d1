/**
 * What each timer does when it fires, inside the sweeper's transaction (so the timer is marked
 * fired with its effect, or neither). Every handler is idempotent: it looks at the case as it is
 * now and acts only if its rule still applies — a request answered in time, materials handed in,
 * a case closed meanwhile: the timer completes as a no-op.
 */
import type { Transaction } from 'kysely';
import { caseClock, guard, isAccepted, openPause, owedMaterials } from '../../../domain/case/index.js';
import { addDays } from '../../../domain/calendar/index.js';
import { conflict } from '../../../domain/errors.js';
import type { Database, TimersTable } from '../../db/schema.js';
import { setCaseLight } from '../../repositories/timers.js';
import { recordAction } from '../audit/record.js';
import { lockedCase, systemBase, systemMove, timerCtx, writeSystemMove } from '../case/system-moves.js';
import type { Deps } from '../context.js';
import { deferredDueTimer, isRunning, nextLightTimer, scheduleTimers } from './schedule.js';
import { superviseCase } from '../supervision/cards-sweep.js';
import { supervisionDaily } from '../supervision/daily.js';
import { opinionDeadline } from '../case/joint.js';
import { forwardDue } from './forward-due.js';

export type TimerHandler = (trx: Transaction<Database>, deps: Deps, timer: TimersTable) => Promise<void>;

const payloadOf = <T>(t: TimersTable): T => JSON.parse(t.payload) as T;

function caseOf(t: TimersTable): string {
  if (!t.case_id) throw new Error(`timer ${t.key} names no case`);
  return t.case_id;
}

/** An unanswered pre-acceptance supplement request: the case is deemed withdrawn (视为撤回). */
const supplementExpiry: TimerHandler = async (trx, deps, t) => {
  const { round } = payloadOf<{ round: number }>(t);
  await systemMove(trx, deps, caseOf(t), (base, { state }) =>
    // still waiting on this same request (a later request has its own timer)
    state.status === 'supplementRequired' && !isAccepted(state) && state.supplementRounds === round ? { ...base, kind: 'supplementExpired' } : null,
  );
};

/**
 * 容缺 materials past their due date: the case is suspended (the domain's `deferredOverdue`,
 * whose effects set the `deferredReturn` timer). A case paused for another reason then is looked
 * at again the next day, until it runs again or closes.
 */
const deferredDue: TimerHandler = async (trx, deps, t) => {
  const { dueDate } = payloadOf<{ dueDate: string }>(t);
  const c = await lockedCase(trx, deps, caseOf(t));
  const s = c.state;
  if (s.deferred?.dueDate !== dueDate || owedMaterials(s).length === 0) return;
  if (guard(s, 'deferredOverdue') === null) {
    await writeSystemMove(trx, deps, c, { ...systemBase(c), kind: 'deferredOverdue' });
    return;
  }
  const open = ['accepted', 'inReview', 'suspended', 'supplementRequired'].includes(s.status) && s.decision === null;
  if (open) await scheduleTimers(trx, [deferredDueTimer(c.row.id, c.row.time_zone, dueDate, addDays(c.now.date, 1))], c.now.at);
};

/** Still suspended for the same overdue 容缺 materials after the further period: returned. */
const deferredReturn: TimerHandler = async (trx, deps, t) => {
  const { from } = payloadOf<{ from: string }>(t);
  await systemMove(trx, deps, caseOf(t), (base, { state }) => {
    const pause = openPause(state);
    if (state.status !== 'suspended' || pause?.kind !== 'deferredMaterial' || pause.from !== from || owedMaterials(state).length === 0) return null;
    return { ...base, kind: 'terminate', grounds: 'deferredMissing', reason: '容缺材料逾期仍未补齐，依承诺退回申请' };
  });
};

/**
 * The day a running case's light changes: the stored light is recomputed (with an audit row when
 * it changed) and the next change is scheduled. A paused or stopped case is left alone: its light
 * is frozen or final, and the move that restarts its clock schedules again.
 */
const lightCheck: TimerHandler = async (trx, deps, t) => {
  const c = await lockedCase(trx, deps, caseOf(t));
  if (!isRunning(c.state) || !c.state.deadlines) return;
  const light = caseClock(c.state, c.cal, c.now.date, c.thresholds).light;
  if (light !== c.row.light) {
    if (!(await setCaseLight(trx, c.row.id, c.row.version, light, c.now.at))) throw conflict(`办件 ${c.row.case_no} `, `Case ${c.row.case_no}`);
    await recordAction(trx, timerCtx(deps), { entity: 'case', entityId: c.row.id, action: 'lightChanged', payload: { caseNo: c.row.case_no, from: c.row.light, to: light, date: c.now.date } });
  }
  // cards as the lights call for (supervision/cards-sweep.ts)
  await superviseCase(trx, timerCtx(deps), c);
  const next = nextLightTimer(c.row.id, c.row.time_zone, c.cal, c.now.date, c.state.deadlines, c.thresholds);
  if (next) await scheduleTimers(trx, [next], c.now.at);
};

/** The built-in kinds; tests and benchmarks add their own (runDueTimers' `handlers`). */
export const TIMER_HANDLERS: Readonly<Record<string, TimerHandler>> = { supplementExpiry, deferredDue, deferredReturn, lightCheck, supervisionDaily, opinionDeadline, forwardDue };
