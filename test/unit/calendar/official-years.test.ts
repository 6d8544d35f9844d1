import { describe, expect, it } from 'vitest';
import { addWorkdays, countYear, weekday, workdaysBetween } from '../../../src/domain/calendar/index.js';
import { FIXTURE_YEARS, noticeDays, officialCalendar } from './official-arrangements.js';

/** Whole years against the State Council's notices (fixtures in official-arrangements.ts). */
const cal = officialCalendar();

/** Working days, holiday days listed, make-up working days, per year — counted by hand from the notices. */
const YEARS: Record<number, { workdays: number; holidays: number; makeUpDays: number }> = {
  2024: { workdays: 251, holidays: 28, makeUpDays: 8 },
  2025: { workdays: 248, holidays: 28, makeUpDays: 5 },
  2026: { workdays: 248, holidays: 33, makeUpDays: 6 },
};

describe.each(FIXTURE_YEARS)('the %i arrangement', (year) => {
  const days = noticeDays(year);

  it('lists the holidays and make-up days the notice gives', () => {
    expect(days.filter((d) => !d.workday)).toHaveLength(YEARS[year].holidays);
    expect(days.filter((d) => d.workday)).toHaveLength(YEARS[year].makeUpDays);
  });

  it('puts every make-up working day (调休上班) on a weekend', () => {
    for (const d of days.filter((x) => x.workday)) expect([0, 6], d.date).toContain(weekday(d.date));
  });

  it('has the year’s number of working days', () => {
    const { workdays, restDays } = countYear(cal, year);
    expect(workdays).toBe(YEARS[year].workdays);
    expect(workdays + restDays).toBe(year === 2024 ? 366 : 365);
  });

  it('names every listed day after one of the seven holidays', () => {
    const names = new Set(days.map((d) => d.name));
    expect([...names].every((n) => ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'].includes(n as string))).toBe(true);
    expect(names.has('春节') && names.has('国庆节') && names.has('元旦')).toBe(true);
  });

  it('is known to the calendar, and the years around it are not', () => {
    expect(cal.hasOfficialYear(year)).toBe(true);
    expect(cal.missingYears([`${year}-06-01`, '2023-06-01', '2027-06-01'])).toEqual([2023, 2027]);
  });
});

describe('deadlines over the official years', () => {
  it('2025: the National Day and Mid-Autumn holiday runs 1–8 October', () => {
    expect(addWorkdays(cal, '2025-09-30', 1)).toBe('2025-10-09');
    expect(cal.dayInfo('2025-10-06')).toMatchObject({ workday: false, name: '中秋节', source: 'official' });
    expect(cal.dayInfo('2025-10-11')).toMatchObject({ workday: true, name: '国庆节', source: 'official' }); // a Saturday
    expect(workdaysBetween(cal, '2025-09-30', '2025-10-31')).toBe(18);
  });

  it('2025: Sunday 26 January is a make-up working day before the Spring Festival', () => {
    expect(cal.dayInfo('2025-01-26')).toEqual({ date: '2025-01-26', workday: true, name: '春节', source: 'official' });
    expect(addWorkdays(cal, '2025-01-24', 1)).toBe('2025-01-26');
    expect(addWorkdays(cal, '2025-01-26', 1)).toBe('2025-01-27');
    expect(addWorkdays(cal, '2025-01-27', 1)).toBe('2025-02-05');
    expect(addWorkdays(cal, '2025-02-07', 1)).toBe('2025-02-08'); // Saturday 8 February worked too
  });

  it('2025: 元旦 is one day without make-up; 劳动节 makes up on Sunday 27 April', () => {
    expect(addWorkdays(cal, '2024-12-31', 1)).toBe('2025-01-02');
    expect(addWorkdays(cal, '2025-04-25', 1)).toBe('2025-04-27');
    expect(addWorkdays(cal, '2025-04-30', 1)).toBe('2025-05-06');
    expect(addWorkdays(cal, '2025-05-30', 1)).toBe('2025-06-03'); // 端午 31 May – 2 June
  });

  it('2024: New Year’s Eve (9 February) was a working day; work resumed on Sunday 18 February', () => {
    expect(cal.isWorkday('2024-02-09')).toBe(true);
    expect(addWorkdays(cal, '2024-02-08', 2)).toBe('2024-02-18');
    expect(addWorkdays(cal, '2024-04-03', 1)).toBe('2024-04-07'); // 清明 4–6 April, Sunday 7 April worked
    expect(addWorkdays(cal, '2024-09-13', 1)).toBe('2024-09-14'); // Saturday before 中秋 worked
    expect(addWorkdays(cal, '2024-09-30', 1)).toBe('2024-10-08');
    expect(addWorkdays(cal, '2024-10-08', 4)).toBe('2024-10-12'); // Saturday 12 October worked
  });

  it('2026: the nine-day Spring Festival and 元旦 carried into a Sunday make-up day', () => {
    expect(addWorkdays(cal, '2025-12-31', 1)).toBe('2026-01-04');
    expect(addWorkdays(cal, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkdays(cal, '2026-02-14', 1)).toBe('2026-02-24');
    expect(addWorkdays(cal, '2026-09-30', 1)).toBe('2026-10-08');
    expect(workdaysBetween(cal, '2026-02-14', '2026-02-28')).toBe(5); // 24–27 February and Saturday 28
  });

  it('a 20-working-day limit across the 2025 Spring Festival', () => {
    // from Monday 20 January: 21–24 Jan (4), Sun 26 Jan (5), 27 Jan (6), 5–7 Feb (9), Sat 8 Feb (10), then 10 more
    expect(addWorkdays(cal, '2025-01-20', 20)).toBe('2025-02-21');
  });
});
