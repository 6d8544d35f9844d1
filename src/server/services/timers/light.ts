/**
 * When a running case's traffic light next changes (DESIGN §5): the ladder green → warning →
 * yellow card → red card moves only on three days — the first warning day (N working days before
 * the promised deadline, N the center's setting), the day after the promised deadline and the
 * day after the statutory one. Pure, like the domain's clock it mirrors (clock.ts `trafficLight`).
 */
import { addDays, type DateString, type WorkCalendar } from '../../../domain/calendar/index.js';
import { type LightThresholds, trafficLight } from '../../../domain/case/index.js';

/**
 * The first day on which `remainingWorkdays(due, day) ≤ n`: walking back from `due`, the day
 * before a working day adds one to what remains, so stop where one more would exceed `n`.
 */
export function warningStart(cal: WorkCalendar, due: DateString, n: number): DateString {
  let day = due;
  let remaining = 0;
  // bounded: n ≤ 20 working days, and no calendar has a year of rest days
  for (let i = 0; i < 400 + 7 * n; i++) {
    const more = remaining + (cal.isWorkday(day) ? 1 : 0);
    if (more > n) return day;
    remaining = more;
    day = addDays(day, -1);
  }
  return day;
}

/**
 * The first day after `today` whose light differs from today's, or null when the light can no
 * longer change (red card). The light is monotone, so the first differing candidate is it.
 */
export function nextLightChange(cal: WorkCalendar, today: DateString, deadlines: { promised: DateString; statutory: DateString }, thresholds: LightThresholds): DateString | null {
  const light = (day: DateString) => trafficLight(cal, day, deadlines.promised, deadlines.statutory, thresholds);
  const now = light(today);
  const candidates = [warningStart(cal, deadlines.promised, thresholds.warningDays), addDays(deadlines.promised, 1), addDays(deadlines.statutory, 1)]
    .filter((d) => d > today)
    .sort();
  return candidates.find((d) => light(d) !== now) ?? null;
}
