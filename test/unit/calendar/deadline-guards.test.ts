import { describe, expect, it } from 'vitest';
import {
  CalendarError,
  addWorkdays,
  buildCalendar,
  deadlineWithPauses,
  elapsedWorkdays,
  remainingWorkdays,
  workdaysBetween,
} from '../../../src/domain/calendar/index.js';

/** Bad input to the deadline functions: always a CalendarError naming the field, never a plain Error. */
const week = buildCalendar({ official: {}, officialYears: [], overrides: {} });

function calendarError(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CalendarError);
    return e as CalendarError;
  }
  throw new Error('expected a CalendarError');
}

describe('guards', () => {
  it('rejects invalid dates with calendar.invalidDate naming the field', () => {
    for (const [fn, field] of [
      [() => addWorkdays(week, '2025-02-29', 1), 'from'],
      [() => addWorkdays(week, '2025-3-1', 1), 'from'],
      [() => workdaysBetween(week, '2025-03-01', '2025-13-01'), 'to'],
      [() => elapsedWorkdays(week, '2025-03-01', 'today'), 'today'],
      [() => remainingWorkdays(week, '', '2025-03-01'), 'due'],
      [() => deadlineWithPauses(week, '2025-03-03', 5, [{ from: '2025-03-32', to: null }], '2025-03-05'), 'pauses[0].from'],
      [() => deadlineWithPauses(week, '2025-03-03', 5, [{ from: '2025-03-04', to: '2025/03/05' }]), 'pauses[0].to'],
    ] as const) {
      const e = calendarError(fn);
      expect(e.code).toBe('calendar.invalidDate');
      expect(e.field).toBe(field);
      expect(e.messageZh).toMatch(/日期无效/);
    }
  });

  it('rejects a limit that is not a whole number in 0..3650', () => {
    for (const n of [-1, 1.5, 3651, Number.NaN, Number.POSITIVE_INFINITY]) {
      const e = calendarError(() => addWorkdays(week, '2025-03-03', n));
      expect(e.code).toBe('calendar.invalidLimit');
      expect(e.field).toBe('n');
      expect(calendarError(() => deadlineWithPauses(week, '2025-03-03', n, [])).code).toBe('calendar.invalidLimit');
    }
  });

  it('rejects a pause ending before it starts, and an open pause without today', () => {
    const bad = calendarError(() => deadlineWithPauses(week, '2025-03-03', 5, [{ from: '2025-03-06', to: '2025-03-05' }]));
    expect([bad.code, bad.field]).toEqual(['calendar.invalidPause', 'pauses[0].to']);
    const open = calendarError(() => deadlineWithPauses(week, '2025-03-03', 5, [{ from: '2025-03-05', to: null }]));
    expect([open.code, open.field]).toEqual(['calendar.todayRequired', 'today']);
  });

  it('refuses to run past the year 9999', () => {
    expect(calendarError(() => addWorkdays(week, '9999-12-30', 5)).code).toBe('calendar.outOfRange');
  });
});
