import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CalendarError,
  addDays,
  compareDates,
  datesOfYear,
  daysBetween,
  eachDate,
  isDate,
  isWeekend,
  parseDate,
  weekday,
  yearOf,
} from '../../../src/domain/calendar/index.js';
import { fromDayNumber, toDayNumber } from '../../../src/domain/calendar/dates.js';

const utcDate = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

describe('dates', () => {
  it('accepts real YYYY-MM-DD dates only', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '2025-12-31', '1970-01-01', '0001-01-01']) expect(isDate(ok)).toBe(true);
    for (const bad of ['2025-02-29', '1900-02-29', '2100-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-1-1', '20250101', ' 2025-01-01', '2025-01-01T00:00', '', 20250101, null]) {
      expect(isDate(bad)).toBe(false);
    }
  });

  it('names the field of an invalid date', () => {
    try {
      parseDate('2025-02-30', 'acceptedOn');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarError);
      expect((e as CalendarError).code).toBe('calendar.invalidDate');
      expect((e as CalendarError).field).toBe('acceptedOn');
    }
  });

  it('numbers days like UTC midnight does, and back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (n) => {
        const d = fromDayNumber(n);
        expect(toDayNumber(d)).toBe(n);
        expect(isDate(d)).toBe(true);
        if (n >= -719_162) expect(d).toBe(utcDate(n)); // toISOString writes years 0001..9999 the same way
        expect(weekday(d)).toBe(new Date(Date.UTC(2000, 0, 1) + (n - toDayNumber('2000-01-01')) * 86_400_000).getUTCDay());
      }),
      { numRuns: 500 },
    );
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31'); // a daylight-saving date elsewhere: no shift here
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2024-03-01', '2024-02-01')).toBe(-29);
  });

  it('knows the weekday', () => {
    expect(weekday('2025-10-01')).toBe(3); // Wednesday
    expect(weekday('2025-01-26')).toBe(0); // Sunday
    expect(isWeekend('2025-05-31')).toBe(true);
    expect(isWeekend('2025-06-02')).toBe(false);
  });

  it('compares, iterates and splits years', () => {
    expect(compareDates('2025-01-02', '2025-01-10')).toBe(-1);
    expect(compareDates('2025-01-10', '2025-01-10')).toBe(0);
    expect(compareDates('2026-01-01', '2025-12-31')).toBe(1);
    expect([...eachDate('2025-12-30', '2026-01-02')]).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
    expect([...eachDate('2025-01-02', '2025-01-01')]).toEqual([]);
    expect(datesOfYear(2024)).toHaveLength(366);
    expect(datesOfYear(2025)).toHaveLength(365);
    expect(datesOfYear(2025)[0]).toBe('2025-01-01');
    expect(yearOf('2025-07-01')).toBe(2025);
  });
});
