import { describe, expect, it } from 'vitest';
import { CalendarError, buildCalendar, countYear, type CalendarData, type DayEntry } from '../../../src/domain/calendar/index.js';

const official: Record<string, DayEntry> = {
  '2025-10-01': { workday: false, name: '国庆节' },
  '2025-09-28': { workday: true, name: '国庆节' },
};

function dataError(data: CalendarData): CalendarError {
  try {
    buildCalendar(data);
  } catch (e) {
    expect(e).toBeInstanceOf(CalendarError);
    expect((e as CalendarError).code).toBe('calendar.invalidData');
    return e as CalendarError;
  }
  throw new Error('expected calendar.invalidData');
}

describe('buildCalendar', () => {
  it('answers from an override, then the official days, then the week', () => {
    const cal = buildCalendar({ official, officialYears: [2025], overrides: { '2025-10-01': { workday: true, name: '中心值班' } } });
    expect(cal.dayInfo('2025-10-01')).toEqual({ date: '2025-10-01', workday: true, name: '中心值班', source: 'override' });
    expect(cal.dayInfo('2025-09-28')).toEqual({ date: '2025-09-28', workday: true, name: '国庆节', source: 'official' });
    expect(cal.dayInfo('2025-09-27')).toEqual({ date: '2025-09-27', workday: false, name: null, source: 'weekend' });
    expect(cal.dayInfo('2025-09-26')).toEqual({ date: '2025-09-26', workday: true, name: null, source: 'weekday' });
    expect(cal.isWorkday('2025-09-28')).toBe(true);
    expect(cal.isWorkday('2025-09-27')).toBe(false);
  });

  it('knows which years have an official arrangement', () => {
    const cal = buildCalendar({ official, officialYears: [2024, 2025], overrides: {} });
    expect(cal.hasOfficialYear(2025)).toBe(true);
    expect(cal.hasOfficialYear(2026)).toBe(false);
    expect(cal.missingYears(['2027-01-05', '2025-03-01', '2026-12-31', '2027-02-01', '2023-06-01'])).toEqual([2023, 2026, 2027]);
    expect(cal.missingYears([])).toEqual([]);
  });

  it('lists the days of a year and counts them', () => {
    const cal = buildCalendar({ official, officialYears: [2025], overrides: {} });
    const days = cal.daysOfYear(2025);
    expect(days).toHaveLength(365);
    expect(days[273]).toEqual({ date: '2025-10-01', workday: false, name: '国庆节', source: 'official' });
    // 2025 has 261 weekdays; 1 October is one less, Sunday 28 September one more
    expect(countYear(cal, 2025)).toEqual({ workdays: 261, restDays: 104 });
  });

  it('copies its data: later changes to the inputs do not leak in', () => {
    const overrides: Record<string, DayEntry> = { '2025-03-10': { workday: false, name: null } };
    const years = [2025];
    const cal = buildCalendar({ official: {}, officialYears: years, overrides });
    overrides['2025-03-10'].workday = true;
    overrides['2025-03-11'] = { workday: false, name: null };
    years.push(2026);
    expect(cal.isWorkday('2025-03-10')).toBe(false);
    expect(cal.isWorkday('2025-03-11')).toBe(true);
    expect(cal.hasOfficialYear(2026)).toBe(false);
  });

  it('trims names and stores blank ones as null', () => {
    const cal = buildCalendar({ official: { '2025-01-01': { workday: false, name: '  元旦 ' } }, officialYears: [], overrides: { '2025-01-02': { workday: false, name: ' ' } } });
    expect(cal.dayInfo('2025-01-01').name).toBe('元旦');
    expect(cal.dayInfo('2025-01-02').name).toBeNull();
  });

  it('rejects bad data, naming the entry', () => {
    expect(dataError({ official: {}, officialYears: [], overrides: { '2025-02-30': { workday: false, name: null } } }).field).toBe('overrides.2025-02-30');
    expect(dataError({ official: { '2025-01-01': { workday: 'no' } as unknown as DayEntry }, officialYears: [], overrides: {} }).field).toBe('official.2025-01-01');
    expect(dataError({ official: { '2025-01-01': { workday: false, name: 7 } as unknown as DayEntry }, officialYears: [], overrides: {} }).field).toBe('official.2025-01-01');
    expect(dataError({ official: {}, officialYears: [2025.5], overrides: {} }).field).toBe('officialYears');
    expect(dataError({ official: [] as unknown as Record<string, DayEntry>, officialYears: [], overrides: {} }).field).toBe('official');
  });

  it('rejects an invalid date in a query', () => {
    const cal = buildCalendar({ official: {}, officialYears: [], overrides: {} });
    expect(() => cal.isWorkday('2025-02-29')).toThrow(CalendarError);
    try {
      cal.missingYears(['2025-01-01', 'tomorrow']);
      expect.unreachable();
    } catch (e) {
      expect((e as CalendarError).field).toBe('dates[1]');
    }
  });
});
