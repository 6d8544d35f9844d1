/**
 * The clock (时限) of a case, its tasks and its special procedures, and the traffic lights of
 * electronic supervision (DESIGN §5): green; warning from N working days before the promised
 * deadline; yellow card past it; red card past the statutory deadline. `today` is an argument.
 *
 * Decisions:
 * - A paused case keeps the light it had when the pause began (`paused: true`): waiting for the
 *   applicant or an expert must neither redden nor clear it.
 * - A stopped case (concluded, forwarded, withdrawn, terminated) shows its final card: green when
 *   it finished on time — never "warning", which is a call to act on a running case.
 * - A task's red card is the case's: a task past its own limit is a yellow card; once the case
 *   is past its statutory deadline every open task of it is red.
 */
import { addWorkdays, deadlineWithPauses, elapsedWorkdays, remainingWorkdays, type DateString, type WorkCalendar } from '../calendar/index.js';
import { openPause, type CasePause, type CaseState, type CaseTask } from './state.js';

export type Light = 'green' | 'warning' | 'yellowCard' | 'redCard';
export const LIGHTS: readonly Light[] = ['green', 'warning', 'yellowCard', 'redCard'];

export interface LightThresholds {
  /** warning from this many working days before the promised deadline (a setting; default 2) */
  warningDays: number;
}
export const DEFAULT_THRESHOLDS: LightThresholds = { warningDays: 2 };

/**
 * The ladder on `day` for a limit due on `due`, with an optional harder deadline (the statutory
 * one). `final` = the clock has stopped: only the cards remain.
 */
export function trafficLight(cal: WorkCalendar, day: DateString, due: DateString, hardDue: DateString | null, thresholds: LightThresholds = DEFAULT_THRESHOLDS, final = false): Light {
  if (!Number.isInteger(thresholds.warningDays) || thresholds.warningDays < 0) throw new RangeError('warningDays must be a whole number ≥ 0');
  if (hardDue !== null && day > hardDue) return 'redCard';
  if (day > due) return 'yellowCard';
  if (!final && remainingWorkdays(cal, due, day) <= thresholds.warningDays) return 'warning';
  return 'green';
}

export interface CaseClock {
  /** the clock has started (the case is accepted) */
  started: boolean;
  /** waiting for the applicant or in a special procedure */
  paused: boolean;
  /** concluded, forwarded, withdrawn or terminated */
  stopped: boolean;
  /** the day the figures are for: today, or the day the clock stopped */
  asOf: DateString;
  /** working days of the limit used */
  elapsed: number;
  /** working days left to the promised / statutory deadline (negative when overdue; null before acceptance) */
  remaining: number | null;
  remainingStatutory: number | null;
  deadlines: { promised: DateString; statutory: DateString } | null;
  /** null before acceptance: a case waiting for materials has no clock */
  light: Light | null;
}

const min = (a: DateString, b: DateString | null) => (b !== null && b < a ? b : a);

/** The figures on `today` (the clock runs until it stops, not past it). */
export function caseClock(s: CaseState, cal: WorkCalendar, today: DateString, thresholds: LightThresholds = DEFAULT_THRESHOLDS): CaseClock {
  const stopped = s.stoppedOn !== null && s.stoppedOn <= today;
  const pause = openPause(s);
  const waiting = s.status === 'supplementRequired' && s.acceptedOn === null;
  const paused = !stopped && (waiting || (pause !== null && pause.from <= today));
  if (s.acceptedOn === null) {
    return { started: false, paused, stopped, asOf: today, elapsed: 0, remaining: null, remainingStatutory: null, deadlines: null, light: null };
  }
  const day = min(today, s.stoppedOn);
  const deadlinesOn = (d: DateString) => ({
    promised: deadlineWithPauses(cal, s.acceptedOn!, s.item.promisedLimit, s.pauses, d),
    statutory: deadlineWithPauses(cal, s.acceptedOn!, s.item.statutoryLimit, s.pauses, d),
  });
  const deadlines = deadlinesOn(day);
  // a paused case keeps the light of the day its pause began
  const lightDay = paused && pause && pause.from <= day ? pause.from : day;
  const lit = lightDay === day ? deadlines : deadlinesOn(lightDay);
  return {
    started: true,
    paused,
    stopped,
    asOf: day,
    elapsed: elapsedWorkdays(cal, s.acceptedOn, day, s.pauses),
    remaining: remainingWorkdays(cal, deadlines.promised, day),
    remainingStatutory: remainingWorkdays(cal, deadlines.statutory, day),
    deadlines,
    light: trafficLight(cal, lightDay, lit.promised, lit.statutory, thresholds, stopped),
  };
}

export interface TaskClock {
  deadline: DateString;
  elapsed: number;
  remaining: number;
  paused: boolean;
  light: Light;
}

/** A task's own clock: its limit from the day it was (last) opened, moved by the case's pauses. */
export function taskClock(s: CaseState, task: CaseTask, cal: WorkCalendar, today: DateString, thresholds: LightThresholds = DEFAULT_THRESHOLDS): TaskClock {
  const closed = task.status !== 'open';
  const day = closed && task.closedOn !== null ? min(task.closedOn, today) : min(today, s.stoppedOn);
  const pause = openPause(s);
  const paused = !closed && pause !== null && pause.from <= day;
  const lightDay = paused && pause ? pause.from : day;
  const deadline = deadlineWithPauses(cal, task.openedOn, task.limitDays, s.pauses, day);
  const lightDeadline = lightDay === day ? deadline : deadlineWithPauses(cal, task.openedOn, task.limitDays, s.pauses, lightDay);
  const caseStatutory = s.acceptedOn === null ? null : deadlineWithPauses(cal, s.acceptedOn, s.item.statutoryLimit, s.pauses, lightDay);
  return {
    deadline,
    elapsed: elapsedWorkdays(cal, task.openedOn, day, s.pauses),
    remaining: remainingWorkdays(cal, deadline, day),
    paused,
    light: trafficLight(cal, lightDay, lightDeadline, caseStatutory, thresholds, closed),
  };
}

/** A special procedure's own limit (it has one; DESIGN §5 puts it on the same ladder). */
export function pauseClock(pause: CasePause, cal: WorkCalendar, today: DateString, thresholds: LightThresholds = DEFAULT_THRESHOLDS): { deadline: DateString; light: Light } | null {
  if (pause.limitDays === null) return null;
  const deadline = addWorkdays(cal, pause.from, pause.limitDays);
  const closed = pause.to !== null && pause.to <= today;
  return { deadline, light: trafficLight(cal, closed ? pause.to! : today, deadline, null, thresholds, closed) };
}
