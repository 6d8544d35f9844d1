import { describe, expect, it } from 'vitest';
import {
  addWorkdays,
  buildCalendar,
  deadlineWithPauses,
  elapsedWorkdays,
  pausedWorkdays,
  remainingWorkdays,
  workdaysBetween,
  type WorkCalendar,
} from '../../../src/domain/calendar/index.js';
import { officialCalendar } from './official-arrangements.js';

/** Only the plain week: Monday–Friday working. March 2025 has no holidays: 3 March is a Monday. */
const week = buildCalendar({ official: {}, officialYears: [], overrides: {} });
const cn = officialCalendar();

describe('addWorkdays', () => {
  it('does not count the start day: accepted on Friday with 1 working day is due next Monday', () => {
    expect(addWorkdays(week, '2025-03-07', 1)).toBe('2025-03-10');
    expect(addWorkdays(week, '2025-03-03', 1)).toBe('2025-03-04');
    expect(addWorkdays(week, '2025-03-03', 5)).toBe('2025-03-10');
    expect(addWorkdays(week, '2025-03-03', 20)).toBe('2025-03-31');
  });

  it('skips 国庆 2025 (1–8 October) and counts the make-up Saturday 11 October', () => {
    expect(addWorkdays(cn, '2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkdays(cn, '2025-09-30', 3)).toBe('2025-10-11');
    expect(addWorkdays(cn, '2025-09-26', 1)).toBe('2025-09-28'); // Sunday 28 September is worked
    // a 20-working-day limit (行政许可法 Art. 42) from Monday 15 September 2025
    expect(addWorkdays(cn, '2025-09-15', 20)).toBe('2025-10-17');
  });

  it('is due on the start day itself for n = 0 (即办件), even on a rest day', () => {
    expect(addWorkdays(week, '2025-03-05', 0)).toBe('2025-03-05');
    expect(addWorkdays(week, '2025-03-08', 0)).toBe('2025-03-08');
    expect(addWorkdays(cn, '2025-10-03', 0)).toBe('2025-10-03');
  });

  it('counts from the next working day when the start is a rest day', () => {
    expect(addWorkdays(week, '2025-03-08', 1)).toBe('2025-03-10'); // Saturday → Monday
    expect(addWorkdays(week, '2025-03-09', 1)).toBe('2025-03-10'); // Sunday → Monday
    expect(addWorkdays(week, '2025-03-08', 2)).toBe('2025-03-11');
    expect(addWorkdays(cn, '2025-10-03', 1)).toBe('2025-10-09'); // inside the National Day holiday
  });

  it('follows the center overrides, which win over official days', () => {
    const closedMonday = buildCalendar({ official: {}, officialYears: [], overrides: { '2025-03-10': { workday: false, name: '停电' } } });
    expect(addWorkdays(closedMonday, '2025-03-07', 1)).toBe('2025-03-11');
    const openSaturday = buildCalendar({ official: {}, officialYears: [], overrides: { '2025-03-08': { workday: true, name: null } } });
    expect(addWorkdays(openSaturday, '2025-03-07', 1)).toBe('2025-03-08');
    const workOn8Oct = officialCalendar({ '2025-10-08': { workday: true, name: '中心值班' } });
    expect(addWorkdays(workOn8Oct, '2025-09-30', 1)).toBe('2025-10-08');
  });

  it('crosses years and accepts the longest limit', () => {
    expect(addWorkdays(cn, '2025-12-31', 1)).toBe('2026-01-04'); // 1–3 January off, Sunday 4 January worked
    const far = addWorkdays(week, '2025-01-01', 3650);
    expect(week.isWorkday(far)).toBe(true);
    expect(workdaysBetween(week, '2025-01-01', far)).toBe(3650);
  });
});

describe('workdaysBetween', () => {
  it('counts working days d with from < d ≤ to', () => {
    expect(workdaysBetween(week, '2025-03-07', '2025-03-10')).toBe(1);
    expect(workdaysBetween(week, '2025-03-03', '2025-03-07')).toBe(4);
    expect(workdaysBetween(week, '2025-03-08', '2025-03-09')).toBe(0);
    expect(workdaysBetween(cn, '2025-09-30', '2025-10-31')).toBe(18);
  });

  it('is 0 when to is on or before from', () => {
    expect(workdaysBetween(week, '2025-03-05', '2025-03-05')).toBe(0);
    expect(workdaysBetween(week, '2025-03-10', '2025-03-03')).toBe(0);
  });
});

describe('elapsedWorkdays and remainingWorkdays', () => {
  it('counts the working days used up to the end of today and those left', () => {
    // accepted Monday 3 March with 5 working days: due Monday 10 March
    expect(elapsedWorkdays(week, '2025-03-03', '2025-03-03')).toBe(0);
    expect(elapsedWorkdays(week, '2025-03-03', '2025-03-05')).toBe(2);
    expect(remainingWorkdays(week, '2025-03-10', '2025-03-05')).toBe(3);
    expect(remainingWorkdays(week, '2025-03-10', '2025-03-08')).toBe(1);
    expect(remainingWorkdays(week, '2025-03-10', '2025-03-10')).toBe(0);
  });

  it('goes negative once a working day past the deadline has ended', () => {
    expect(remainingWorkdays(week, '2025-03-10', '2025-03-11')).toBe(-1);
    expect(remainingWorkdays(week, '2025-03-07', '2025-03-10')).toBe(-1);
    expect(remainingWorkdays(week, '2025-03-07', '2025-03-14')).toBe(-5);
    expect(remainingWorkdays(week, '2025-03-07', '2025-03-08')).toBe(0); // Saturday after a Friday deadline: not -0
    expect(Object.is(remainingWorkdays(week, '2025-03-07', '2025-03-08'), -0)).toBe(false);
  });

  it('is 0 elapsed before acceptance', () => {
    expect(elapsedWorkdays(week, '2025-03-10', '2025-03-03')).toBe(0);
  });
});

describe('deadlineWithPauses', () => {
  // Monday 3 March + 5 working days = Monday 10 March without pauses
  const from = '2025-03-03';
  const due = (cal: WorkCalendar, pauses: { from: string; to: string | null }[], today?: string) => deadlineWithPauses(cal, from, 5, pauses, today);

  it('is addWorkdays when nothing pauses', () => {
    expect(due(week, [])).toBe('2025-03-10');
    expect(due(cn, [])).toBe(addWorkdays(cn, from, 5));
  });

  it('moves the deadline by each paused working day, both ends of the pause included', () => {
    expect(due(week, [{ from: '2025-03-05', to: '2025-03-05' }])).toBe('2025-03-11');
    expect(due(week, [{ from: '2025-03-05', to: '2025-03-06' }])).toBe('2025-03-12');
    // Thursday to Tuesday: Thu, Fri, Mon, Tue are paused; the weekend was not counted anyway
    expect(due(week, [{ from: '2025-03-06', to: '2025-03-11' }])).toBe('2025-03-14');
  });

  it('does not move for a pause lying on rest days only', () => {
    expect(due(week, [{ from: '2025-03-08', to: '2025-03-09' }])).toBe('2025-03-10');
    expect(deadlineWithPauses(cn, '2025-09-26', 3, [{ from: '2025-10-01', to: '2025-10-08' }])).toBe(addWorkdays(cn, '2025-09-26', 3));
  });

  it('counts a day covered by overlapping pauses once', () => {
    const overlapping = [
      { from: '2025-03-04', to: '2025-03-06' },
      { from: '2025-03-05', to: '2025-03-07' },
    ];
    expect(due(week, overlapping)).toBe('2025-03-14'); // Tue–Fri paused: 4 days
    expect(due(week, [...overlapping, { from: '2025-03-05', to: '2025-03-05' }])).toBe('2025-03-14');
    expect(due(week, [{ from: '2025-03-04', to: '2025-03-04' }, { from: '2025-03-05', to: '2025-03-05' }])).toBe('2025-03-12');
    expect(pausedWorkdays(week, from, '2025-03-31', overlapping)).toBe(4);
  });

  it('runs an open pause to today and assumes the clock runs again after it', () => {
    expect(due(week, [{ from: '2025-03-05', to: null }], '2025-03-06')).toBe('2025-03-12');
    expect(due(week, [{ from: '2025-03-05', to: null }], '2025-03-06')).toBe(due(week, [{ from: '2025-03-05', to: '2025-03-06' }]));
    expect(due(week, [{ from: '2025-03-05', to: null }], '2025-03-04')).toBe('2025-03-10'); // not started yet
  });

  it('ignores the days of a pause on or before the start, which never count', () => {
    expect(due(week, [{ from: '2025-02-24', to: '2025-03-03' }])).toBe('2025-03-10');
    expect(due(week, [{ from: '2025-03-03', to: '2025-03-04' }])).toBe('2025-03-11');
  });

  it('does not revive a limit that ran out before the pause began', () => {
    expect(due(week, [{ from: '2025-03-11', to: '2025-03-20' }])).toBe('2025-03-10');
    expect(due(week, [{ from: '2025-03-10', to: '2025-03-10' }])).toBe('2025-03-11'); // a pause from the due day moves it
  });

  it('agrees with elapsedWorkdays: the deadline is the day the nth unpaused working day is used', () => {
    const pauses = [{ from: '2025-03-05', to: '2025-03-06' }];
    const d = due(week, pauses);
    expect(elapsedWorkdays(week, from, d, pauses)).toBe(5);
    expect(elapsedWorkdays(week, from, '2025-03-06', pauses)).toBe(1);
    expect(elapsedWorkdays(week, from, '2025-03-06', [{ from: '2025-03-05', to: null }])).toBe(1);
    expect(pausedWorkdays(week, from, d, pauses)).toBe(2);
  });

  it('pauses across a holiday count only its working days', () => {
    // 29 September – 12 October 2025: working days 29, 30 Sep, 9, 10, 11 Oct are paused
    expect(pausedWorkdays(cn, '2025-09-26', '2025-10-31', [{ from: '2025-09-29', to: '2025-10-12' }])).toBe(5);
    expect(deadlineWithPauses(cn, '2025-09-26', 1, [{ from: '2025-09-28', to: '2025-10-12' }])).toBe('2025-10-13');
  });
});
