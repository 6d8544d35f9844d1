/**
 * When a business date begins, as an instant: timers on dates ("the day after the due date")
 * fire at the first moment of that day in the center's time zone (DESIGN §10: instants in UTC,
 * business dates in the center's zone).
 */
import { addDays, type DateString } from '../../../domain/calendar/index.js';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formats.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at `instant`, in ms (Shanghai: +8 h). */
function offsetAt(instant: number, timeZone: string): number {
  const parts = format(timeZone).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * Computed days by `${timeZone}|${date}`: a move schedules its timers on a few dates, each
 * through two `formatToParts` (tens of µs); the answer for a zone and date never changes.
 */
const starts = new Map<string, string>();
const MAX_STARTS = 10_000;

/** The first instant of `date` in `timeZone`, as an ISO string (UTC). */
export function startOfDay(date: DateString, timeZone: string): string {
  const key = `${timeZone}|${date}`;
  let start = starts.get(key);
  if (start === undefined) {
    start = computeStartOfDay(date, timeZone);
    if (starts.size >= MAX_STARTS) starts.clear();
    starts.set(key, start);
  }
  return start;
}

function computeStartOfDay(date: DateString, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const midnightUtc = Date.UTC(y, m - 1, d);
  // the offset at the guess, then again at the corrected instant (a DST change near midnight)
  const guess = midnightUtc - offsetAt(midnightUtc, timeZone);
  return new Date(midnightUtc - offsetAt(guess, timeZone)).toISOString();
}

/** The first instant of the day after `date`: when something "due on `date`" is overdue. */
export function startOfDayAfter(date: DateString, timeZone: string): string {
  return startOfDay(addDays(date, 1), timeZone);
}
