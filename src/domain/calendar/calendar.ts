import { datesOfYear, isDate, parseDate, toDayNumber, weekdayOfDayNumber, type DateString } from './dates.js';
import { CalendarError } from './errors.js';

/** One listed day: a holiday (`workday: false`) or a make-up working day, 调休 (`workday: true`). */
export interface DayEntry {
  workday: boolean;
  /** e.g. 春节; a make-up working day carries the name of the holiday it pays for */
  name: string | null;
}

export interface CalendarData {
  /** national holidays and make-up working days from the State Council's yearly notices */
  official: Readonly<Record<DateString, DayEntry>>;
  /** the years whose official arrangement is known (from the library or imported by an admin) */
  officialYears: readonly number[];
  /** the center's own days; they win over official data */
  overrides: Readonly<Record<DateString, DayEntry>>;
}

export type DaySource = 'weekday' | 'weekend' | 'official' | 'override';

export interface DayInfo {
  date: DateString;
  workday: boolean;
  name: string | null;
  /** where the answer comes from: an override, the official notice, or the plain week */
  source: DaySource;
}

/** Which days are working days, for one center. Immutable: built once from plain data. */
export interface WorkCalendar {
  isWorkday(date: DateString): boolean;
  dayInfo(date: DateString): DayInfo;
  /** true when the official arrangement of `year` is known */
  hasOfficialYear(year: number): boolean;
  /** every day of `year`, 1 January first */
  daysOfYear(year: number): DayInfo[];
  /** the sorted distinct years among `dates` whose official arrangement is not known */
  missingYears(dates: readonly DateString[]): number[];
}

const invalidData = (field: string, zh: string, en: string) => new CalendarError('calendar.invalidData', field, zh, en);

function readDays(days: unknown, what: 'official' | 'overrides'): Map<DateString, DayEntry> {
  if (typeof days !== 'object' || days === null || Array.isArray(days)) {
    throw invalidData(what, '日历数据应为以日期为键的对象', 'Calendar data must be an object keyed by date');
  }
  const map = new Map<DateString, DayEntry>();
  for (const [date, entry] of Object.entries(days as Record<string, unknown>)) {
    const field = `${what}.${date}`;
    if (!isDate(date)) throw invalidData(field, `日期无效：${date}`, `Invalid date: ${date}`);
    const e = entry as Partial<DayEntry> | null;
    if (typeof e !== 'object' || e === null || typeof e.workday !== 'boolean') {
      throw invalidData(field, '须注明是否为工作日（workday: true/false）', 'workday must be true or false');
    }
    const name = e.name ?? null;
    if (name !== null && typeof name !== 'string') throw invalidData(field, '名称应为文字', 'name must be a string or null');
    map.set(date, { workday: e.workday, name: name === null || name.trim() === '' ? null : name.trim() });
  }
  return map;
}

function readYears(years: unknown): Set<number> {
  if (!Array.isArray(years) || !years.every((y) => Number.isInteger(y) && y >= 0 && y <= 9999)) {
    throw invalidData('officialYears', '年份列表无效', 'officialYears must be a list of years');
  }
  return new Set(years as number[]);
}

/**
 * Builds a calendar. A date's answer is, in order: the center's override, the official notice,
 * then the week (Monday–Friday working, Saturday and Sunday rest). The data is copied and
 * checked here, so later changes to the inputs do not leak in; bad data throws
 * `calendar.invalidData` naming the entry.
 */
export function buildCalendar(data: CalendarData): WorkCalendar {
  const official = readDays(data.official, 'official');
  const overrides = readDays(data.overrides, 'overrides');
  const years = readYears(data.officialYears);

  const dayInfo = (date: DateString): DayInfo => {
    parseDate(date);
    const override = overrides.get(date);
    if (override) return { date, ...override, source: 'override' };
    const listed = official.get(date);
    if (listed) return { date, ...listed, source: 'official' };
    const w = weekdayOfDayNumber(toDayNumber(date));
    return w === 0 || w === 6 ? { date, workday: false, name: null, source: 'weekend' } : { date, workday: true, name: null, source: 'weekday' };
  };

  return Object.freeze({
    dayInfo,
    isWorkday: (date: DateString) => dayInfo(date).workday,
    hasOfficialYear: (year: number) => years.has(year),
    daysOfYear: (year: number) => datesOfYear(year).map(dayInfo),
    missingYears: (dates: readonly DateString[]) => {
      const wanted = new Set(dates.map((d, i) => Number(parseDate(d, `dates[${i}]`).slice(0, 4))));
      return [...wanted].filter((y) => !years.has(y)).sort((a, b) => a - b);
    },
  });
}

/** Working days and rest days of a year, e.g. for the admin's year view and its summary line. */
export function countYear(cal: WorkCalendar, year: number): { workdays: number; restDays: number } {
  const days = cal.daysOfYear(year);
  const workdays = days.filter((d) => d.workday).length;
  return { workdays, restDays: days.length - workdays };
}
