import type { WorkCalendar } from './calendar.js';
import { fromDayNumber, parseDate, toDayNumber, type DateString } from './dates.js';
import { CalendarError } from './errors.js';

/**
 * Working-day limits, counted the Chinese way (行政许可法 Art. 82; 民法典 Art. 201): the day the
 * period starts (acceptance) does not count; a limit of N working days ends at the close of the
 * Nth working day after it. Every deadline in OneStop (case, task, pre-review, supplement, 容缺
 * commitment, complaint, rectification…) is computed here.
 */

/** The longest limit accepted, in working days (about fourteen years). */
export const MAX_LIMIT = 3650;

/**
 * A stretch during which the clock stands still: a special procedure (特别程序, Art. 45) or a
 * supplement asked for during review. `to: null` means still open.
 *
 * Which days are paused: the working days d with `from ≤ d ≤ to` (both ends included; an open
 * pause ends on `today`). The start day is paused because the suspension notice stops the work
 * that day; the end day is paused because counting restarts like a new period, whose first day
 * does not count (Art. 201). Overlapping pauses are merged, so no day is paused twice; days on or
 * before the period's start are irrelevant (they never count anyway).
 */
export interface Pause {
  from: DateString;
  to: DateString | null;
}

type Interval = readonly [first: number, last: number];

function checkLimit(n: number, field = 'n'): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_LIMIT) {
    throw new CalendarError(
      'calendar.invalidLimit',
      field,
      `时限应为 0 到 ${MAX_LIMIT} 之间的整数个工作日`,
      `A limit must be a whole number of working days from 0 to ${MAX_LIMIT}`,
    );
  }
}

/** The pauses as sorted, merged day-number intervals; an open pause ends on `today`. */
function pauseIntervals(pauses: readonly Pause[], today: DateString | undefined): Interval[] {
  const raw: Interval[] = [];
  pauses.forEach((p, i) => {
    const first = toDayNumber(parseDate(p.from, `pauses[${i}].from`));
    let last: number;
    if (p.to === null) {
      if (today === undefined) {
        throw new CalendarError('calendar.todayRequired', 'today', '存在未结束的暂停，需提供当前日期', 'An open pause needs today’s date');
      }
      last = toDayNumber(today); // an open pause that starts after today has no days yet
    } else {
      last = toDayNumber(parseDate(p.to, `pauses[${i}].to`));
      if (last < first) {
        throw new CalendarError('calendar.invalidPause', `pauses[${i}].to`, '暂停的结束日期早于开始日期', 'A pause ends before it starts');
      }
    }
    if (last >= first) raw.push([first, last]);
  });
  raw.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [first, last] of raw) {
    const prev = merged[merged.length - 1];
    if (prev && first <= prev[1] + 1) prev[1] = Math.max(prev[1], last);
    else merged.push([first, last]);
  }
  return merged;
}

/** Tells, for increasing day numbers, whether a day is paused (one pass over the intervals). */
function pausedCursor(intervals: readonly Interval[]): (day: number) => boolean {
  let i = 0;
  return (day) => {
    while (i < intervals.length && intervals[i][1] < day) i++;
    return i < intervals.length && intervals[i][0] <= day;
  };
}

/**
 * Whether each day number is a working day, kept per calendar object: counting a limit walks
 * day by day, and each day through `isWorkday` formats and checks a date string — folding a case
 * and computing its deadlines asked the same few weeks hundreds of times per move. A calendar is
 * immutable (calendar.ts), so its answers never change; a calendar no longer used takes its
 * cache with it (the server keeps one per center and revision, calendar/load.ts).
 */
const workdayCache = new WeakMap<WorkCalendar, Map<number, boolean>>();

/** `(day) => is it a working day` for `cal`, answered from its cache. */
function workdayLookup(cal: WorkCalendar): (day: number) => boolean {
  let days = workdayCache.get(cal);
  if (!days) workdayCache.set(cal, (days = new Map()));
  const known = days;
  return (day) => {
    let w = known.get(day);
    if (w === undefined) {
      w = cal.isWorkday(fromDayNumber(day, 'from'));
      known.set(day, w);
    }
    return w;
  };
}

/** The day on which the nth unpaused working day after `start` ends (`start` itself for n = 0). */
function nthWorkday(cal: WorkCalendar, start: number, n: number, intervals: readonly Interval[]): number {
  const paused = pausedCursor(intervals);
  const isWorkdayAt = workdayLookup(cal);
  let day = start;
  for (let counted = 0; counted < n; ) {
    day++;
    if (isWorkdayAt(day) && !paused(day)) counted++;
  }
  return day;
}

/** Unpaused working days d with start < d ≤ end. */
function countWorkdays(cal: WorkCalendar, start: number, end: number, intervals: readonly Interval[]): number {
  const paused = pausedCursor(intervals);
  const isWorkdayAt = workdayLookup(cal);
  let count = 0;
  for (let day = start + 1; day <= end; day++) if (isWorkdayAt(day) && !paused(day)) count++;
  return count;
}

/**
 * The due date of a limit of `n` working days starting on `from`: the nth working day after
 * `from`. A start on a rest day counts from the next working day (Saturday + 1 = Monday). n = 0
 * (an immediate item, 即办件) is due on `from` itself, even on a rest day.
 * Throws `calendar.invalidDate` (field `from`) or `calendar.invalidLimit` (field `n`).
 */
export function addWorkdays(cal: WorkCalendar, from: DateString, n: number): DateString {
  parseDate(from, 'from');
  checkLimit(n);
  return fromDayNumber(nthWorkday(cal, toDayNumber(from), n, []), 'n');
}

/**
 * The number of working days d with `from < d ≤ to` (0 when `to ≤ from`).
 * `workdaysBetween(cal, from, addWorkdays(cal, from, n)) === n` for every n.
 */
export function workdaysBetween(cal: WorkCalendar, from: DateString, to: DateString): number {
  return countWorkdays(cal, toDayNumber(parseDate(from, 'from')), toDayNumber(parseDate(to, 'to')), []);
}

/**
 * The due date of a limit of `n` working days from `from`, with the clock stopped during
 * `pauses` (see {@link Pause} for which days are paused; an open pause runs to `today`, after
 * which the clock is assumed to run again). The deadline is the day on which the nth *unpaused*
 * working day after `from` ends, so each paused working day before it moves it by one working
 * day, while a pause that starts after the deadline has passed does not revive the limit.
 * Consistent with {@link elapsedWorkdays}: `elapsedWorkdays(cal, from, due, pauses) === n` for
 * closed pauses. Throws `calendar.todayRequired` when a pause is open and `today` is missing,
 * `calendar.invalidPause` for a pause ending before it starts.
 */
export function deadlineWithPauses(cal: WorkCalendar, from: DateString, n: number, pauses: readonly Pause[], today?: DateString): DateString {
  parseDate(from, 'from');
  checkLimit(n);
  if (today !== undefined) parseDate(today, 'today');
  return fromDayNumber(nthWorkday(cal, toDayNumber(from), n, pauseIntervals(pauses, today)), 'n');
}

/**
 * Working days of the limit used up by the end of `today`: unpaused working days d with
 * `from < d ≤ today` (an open pause runs to `today`). 0 when `today ≤ from`.
 */
export function elapsedWorkdays(cal: WorkCalendar, from: DateString, today: DateString, pauses: readonly Pause[] = []): number {
  const start = toDayNumber(parseDate(from, 'from'));
  const end = toDayNumber(parseDate(today, 'today'));
  return countWorkdays(cal, start, end, pauseIntervals(pauses, today));
}

/** Paused working days d with `from < d ≤ today`: elapsed + paused = workdaysBetween(from, today). */
export function pausedWorkdays(cal: WorkCalendar, from: DateString, today: DateString, pauses: readonly Pause[]): number {
  return workdaysBetween(cal, from, today) - elapsedWorkdays(cal, from, today, pauses);
}

/**
 * Working days left before `due` as of the end of `today`: working days d with today < d ≤ due;
 * 0 on the due day itself; negative when overdue (−k on the kth working day after `due`; still 0
 * on rest days right after it, so tell "overdue" by `today > due`, not by the sign).
 * For a case with pauses pass the paused deadline: elapsed + remaining = n whenever every paused
 * day lies on or before both `today` and that deadline.
 */
export function remainingWorkdays(cal: WorkCalendar, due: DateString, today: DateString): number {
  parseDate(due, 'due');
  parseDate(today, 'today');
  if (due >= today) return workdaysBetween(cal, today, due);
  const late = workdaysBetween(cal, due, today);
  return late === 0 ? 0 : -late; // never -0: a weekend just after the due day is not yet late
}
