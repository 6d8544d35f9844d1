/**
 * Which timers a case move sets (called from the move's effects, in its transaction, so a move
 * and its timers are never seen apart):
 * - a supplement request before acceptance with a due date → `supplementExpiry` at the start of
 *   the day after it (the case is deemed withdrawn if still waiting on that request);
 * - acceptance with 容缺 materials owed → `deferredDue` at the start of the day after their due
 *   date (the case is suspended if they are still owed);
 * - `deferredOverdue` → `deferredReturn` after the further period (returned if still owed);
 * - a case whose clock starts or runs again, or whose deadlines moved → `lightCheck` on the day
 *   its light next changes; that timer refreshes the stored light and sets the following one.
 *
 * Keys make scheduling idempotent (the same key twice is one timer); a timer whose rule no
 * longer applies when it fires completes as a no-op, so nothing is cancelled here.
 */
import { randomUUID } from 'node:crypto';
import { type CaseAction, type CaseState, type LightThresholds, openPause } from '../../../domain/case/index.js';
import { addDays, addWorkdays, type DateString, type WorkCalendar } from '../../../domain/calendar/index.js';
import type { TimersTable } from '../../db/schema.js';
import { findCase } from '../../repositories/cases.js';
import { insertTimers, timersInsert } from '../../repositories/timers.js';
import { loadCalendar } from '../calendar/load.js';
import type { Executor } from '../context.js';
import { type BatchHandle, txBatch } from '../tx-batch.js';
import { caseSettingsFor, lightThresholdsFor } from '../settings/index.js';
import { forwardDueTimer } from './forward-due.js';
import { nextLightChange } from './light.js';
import { startOfDay, startOfDayAfter } from './time.js';

export const TIMER_KINDS = ['supplementExpiry', 'deferredDue', 'deferredReturn', 'lightCheck', 'supervisionDaily', 'opinionDeadline', 'forwardDue'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];


export interface TimerSpec {
  kind: string;
  caseId: string | null;
  dueAt: string;
  key: string;
  payload: unknown;
}

/** Timers scheduled during a move's effects, by transaction, inserted at its end (a key queued twice goes in once). */
const timers = txBatch<TimersTable>(
  (db, rows) => insertTimers(db, onePerKey(rows)),
  (db, rows) => timersInsert(db, onePerKey(rows)),
);

function onePerKey(rows: readonly TimersTable[]): TimersTable[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.key) && seen.add(r.key));
}

/**
 * The timers batch: a move's effects (case/store.ts) keep the timers they schedule and insert
 * them at the end with the move's other rows (tx-batch.ts runBatches): an acceptance sets its
 * light check and the supervision sweep (twice, the same key: the supervision hook and the rating
 * occasion); routing a joint case one opinion deadline per co-department — each had been a
 * statement of its own. Nothing in a move reads the timers it sets, and a key kept once (the
 * first) is what `on conflict do nothing` kept.
 */
export const timerBatch: BatchHandle = timers;

export async function scheduleTimers(db: Executor, specs: readonly TimerSpec[], at: string): Promise<void> {
  const rows = specs.map((s): TimersTable => ({
      id: randomUUID(),
      kind: s.kind,
      case_id: s.caseId,
      due_at: s.dueAt,
      key: s.key,
      payload: JSON.stringify(s.payload ?? {}),
      status: 'pending',
      attempts: 0,
      last_error: null,
      fired_at: null,
      created_at: at,
    }));
  await timers.queue(db, rows);
}

/** The clock runs and the light moves: accepted, not stopped, not paused. */
export function isRunning(s: CaseState): boolean {
  return s.acceptedOn !== null && s.stoppedOn === null && openPause(s) === null && s.status !== 'supplementRequired';
}

/** The lightCheck for the next change of a running case's light after `today`, if it can change. */
export function nextLightTimer(caseId: string, timeZone: string, cal: WorkCalendar, today: DateString, deadlines: { promised: DateString; statutory: DateString }, thresholds: LightThresholds): TimerSpec | null {
  const day = nextLightChange(cal, today, deadlines, thresholds);
  return day === null ? null : { kind: 'lightCheck', caseId, dueAt: startOfDay(day, timeZone), key: `lightCheck:${caseId}:${day}`, payload: { date: day } };
}

export const deferredDueTimer = (caseId: string, timeZone: string, dueDate: DateString, checkOn: DateString): TimerSpec => ({
  kind: 'deferredDue',
  caseId,
  dueAt: startOfDay(checkOn, timeZone),
  key: `deferredDue:${caseId}:${checkOn}`,
  payload: { dueDate },
});

/** Does this move call for a light timer? Only when the clock (re)starts or its deadlines move. */
function lightMayMove(prev: CaseState, next: CaseState): boolean {
  if (!isRunning(next) || !next.deadlines) return false;
  return !isRunning(prev) || prev.deadlines?.promised !== next.deadlines.promised || prev.deadlines?.statutory !== next.deadlines.statutory;
}

/** What a caller that read the case in this transaction already has (case/move.ts): saves the reads. */
export interface CaseTimerFacts {
  timeZone: string;
  centerPath: string;
  cal: WorkCalendar;
  thresholds: LightThresholds;
}

/** The timers `action` sets on the case (see the module comment); reads only when there are some and `known` is absent. */
export async function scheduleCaseTimers(trx: Executor, caseId: string, prev: CaseState, next: CaseState, action: CaseAction, known?: CaseTimerFacts): Promise<void> {
  const supplement = action.kind === 'requestSupplement' && action.dueDate !== null && next.acceptedOn === null;
  const deferred = action.kind === 'accept' && action.deferred !== null;
  const overdue = action.kind === 'deferredOverdue';
  const light = lightMayMove(prev, next);
  const forwarded = action.kind === 'decide' && action.decision.outcome === 'forwarded';
  if (!supplement && !deferred && !overdue && !light && !forwarded) return;

  const row = known ? { time_zone: known.timeZone, center_path: known.centerPath } : await findCase(trx, caseId);
  if (!row) return;
  const tz = row.time_zone;
  const cal = overdue || light ? (known?.cal ?? await loadCalendar(trx, row.center_path)) : null;
  const specs: TimerSpec[] = [];
  if (action.kind === 'requestSupplement' && supplement) {
    specs.push({ kind: 'supplementExpiry', caseId, dueAt: startOfDayAfter(action.dueDate!, tz), key: `supplementExpiry:${caseId}:${next.version}`, payload: { round: next.supplementRounds, dueDate: action.dueDate } });
  }
  if (action.kind === 'accept' && action.deferred) {
    const due = action.deferred.dueDate;
    specs.push(deferredDueTimer(caseId, tz, due, addDays(due, 1)));
  }
  const forward = forwardDueTimer(caseId, tz, next, action);
  if (forward) specs.push(forward);
  if (overdue && cal) {
    const last = addWorkdays(cal, action.date, (await caseSettingsFor(trx, row.center_path)).deferredReturnWorkdays);
    specs.push({ kind: 'deferredReturn', caseId, dueAt: startOfDayAfter(last, tz), key: `deferredReturn:${caseId}:${next.version}`, payload: { from: action.date, lastDay: last } });
  }
  if (light && cal && next.deadlines) {
    const t = nextLightTimer(caseId, tz, cal, action.date, next.deadlines, known?.thresholds ?? await lightThresholdsFor(trx, row.center_path));
    if (t) specs.push(t);
  }
  await scheduleTimers(trx, specs, action.at);
}

