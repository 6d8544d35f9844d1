/** One timer mechanism for every time-based rule (DESIGN §4, §10): scheduling, handlers, the sweeper. */
export { TIMER_HANDLERS, type TimerHandler } from './handlers.js';
export { TIMER_KINDS, type TimerKind, type TimerSpec, scheduleCaseTimers, scheduleTimers } from './schedule.js';
export { DEFAULT_BATCH, MAX_ATTEMPTS, type SweepOptions, type SweepResult, drainDueTimers, runDueTimers, startSweeper } from './sweeper.js';
export { startOfDay, startOfDayAfter } from './time.js';
