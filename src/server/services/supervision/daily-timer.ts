/**
 * The supervision sweep's timer: one per center and day (`supervisionDaily:<center>:<date>`), at
 * the start of the day in the center's zone. Set by the moves that give it work (an acceptance,
 * an occasion opened, a rectification or an order) and by each sweep for the next day; the key
 * makes setting it again a no-op.
 */
import type { DateString } from '../../../domain/calendar/index.js';
import type { Executor } from '../context.js';
import { scheduleTimers } from '../timers/schedule.js';
import { startOfDay } from '../timers/time.js';

export const SUPERVISION_DAILY = 'supervisionDaily';

export async function ensureDailySweep(db: Executor, centerId: string, timeZone: string, day: DateString, at: string): Promise<void> {
  await scheduleTimers(db, [{ kind: SUPERVISION_DAILY, caseId: null, dueAt: startOfDay(day, timeZone), key: `${SUPERVISION_DAILY}:${centerId}:${day}`, payload: { centerId, day } }], at);
}
