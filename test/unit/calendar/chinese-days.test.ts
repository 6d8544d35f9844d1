/**
 * Our fixtures (written from the State Council's notices) against `chinese-days`, the production
 * source, and the adapter that feeds it to buildCalendar. The only test file importing chinese-days.
 */
import cd from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { buildCalendar, datesOfYear, toDayRecord } from '../../../src/domain/calendar/index.js';
import { holidayName, loadOfficialCalendar } from '../../../src/server/services/calendar/official-source.js';
import { FIXTURE_YEARS, noticeDays, officialCalendar } from './official-arrangements.js';

const fixtureCal = officialCalendar();
const source = loadOfficialCalendar();
const sourceCal = buildCalendar({ ...source, overrides: {} });

/** chinese-days names listed days "English,中文,n" and other days by their weekday ("Monday"). */
const isListed = (date: string) => cd.getDayDetail(date).name.includes(',');

describe.each(FIXTURE_YEARS)('chinese-days and the %i notice', (year) => {
  it('agree on every day of the year', () => {
    const disagree = datesOfYear(year).filter((d) => cd.isWorkday(d) !== fixtureCal.isWorkday(d));
    expect(disagree).toEqual([]);
  });

  it('list the same days, under the same names', () => {
    const ours = toDayRecord(noticeDays(year));
    const theirs = Object.fromEntries(
      datesOfYear(year)
        .filter(isListed)
        .map((d) => [d, { workday: cd.getDayDetail(d).work, name: holidayName(cd.getDayDetail(d).name) }]),
    );
    expect(theirs).toEqual(ours);
  });

  it('come out of the adapter unchanged', () => {
    const fromAdapter = Object.fromEntries(Object.entries(source.official).filter(([d]) => d.startsWith(`${year}-`)));
    expect(fromAdapter).toEqual(toDayRecord(noticeDays(year)));
  });
});

describe('official-source (the chinese-days adapter)', () => {
  it('knows the years of its data, 2004 to 2026 at least, without gaps', () => {
    const years = source.officialYears;
    expect(years[0]).toBe(2004);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => 2004 + i));
    expect(years).toContain(2026);
  });

  it('marks a year unknown exactly when chinese-days lists no holiday in it', () => {
    for (const year of [2003, 2024, 2026, 2027, 2028]) {
      const listed = datesOfYear(year).some((d) => isListed(d) && !cd.getDayDetail(d).work);
      expect(sourceCal.hasOfficialYear(year), String(year)).toBe(listed);
    }
  });

  it('agrees with chinese-days’ isWorkday on every day from 2004 to the year after its last', () => {
    const last = source.officialYears[source.officialYears.length - 1];
    const disagree: string[] = [];
    for (let year = 2004; year <= last + 1; year++) {
      for (const d of datesOfYear(year)) if (cd.isWorkday(d) !== sourceCal.isWorkday(d)) disagree.push(d);
    }
    expect(disagree).toEqual([]);
  });

  it('names the days in Chinese', () => {
    const names = new Set(Object.values(source.official).map((e) => e.name));
    expect([...names].sort()).toEqual(
      ['中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日', '中秋节', '元旦', '劳动节', '国庆节', '春节', '清明节', '端午节'].sort(),
    );
    expect(sourceCal.dayInfo('2015-09-03')).toMatchObject({ workday: false, source: 'official' });
    expect(sourceCal.dayInfo('2025-01-26')).toEqual({ date: '2025-01-26', workday: true, name: '春节', source: 'official' });
  });

  it('maps chinese-days’ names', () => {
    expect(holidayName('Tomb-sweeping Day,清明,1')).toBe('清明节');
    expect(holidayName('Dragon Boat Festival,端午,1')).toBe('端午节');
    expect(holidayName('Mid-autumn Festival,中秋,1')).toBe('中秋节');
    expect(holidayName('Some New Day,新节日,1')).toBe('新节日');
    expect(holidayName('Some New Day')).toBe('Some New Day');
    expect(holidayName('')).toBeNull();
  });
});
