import { CalendarError } from './errors.js';

/**
 * Business dates are `YYYY-MM-DD` strings (the center's local date). All arithmetic goes through a
 * day number (days since 1970-01-01) computed with integer civil-calendar formulas, never through
 * a local-time `Date`, so no time zone or daylight-saving rule can shift a day.
 */
export type DateString = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_DAY = -719528; // 0000-01-01
const MAX_DAY = 2932896; // 9999-12-31

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when `value` is a real calendar date written `YYYY-MM-DD`. */
export function isDate(value: unknown): value is DateString {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** Returns `value` when it is a valid date, else throws `calendar.invalidDate` naming `field`. */
export function parseDate(value: unknown, field = 'date'): DateString {
  if (isDate(value)) return value;
  throw new CalendarError(
    'calendar.invalidDate',
    field,
    `日期无效：${String(value)}（应为 YYYY-MM-DD 格式的真实日期）`,
    `Invalid date: ${String(value)} (expected a real date as YYYY-MM-DD)`,
  );
}

/** Days since 1970-01-01 (negative before). `date` must already be valid. */
export function toDayNumber(date: DateString): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  // Howard Hinnant's days_from_civil: years start in March so the leap day is last.
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number; throws `calendar.outOfRange` outside 0000-01-01..9999-12-31. */
export function fromDayNumber(dayNumber: number, field = 'date'): DateString {
  if (!Number.isInteger(dayNumber) || dayNumber < MIN_DAY || dayNumber > MAX_DAY) {
    throw new CalendarError('calendar.outOfRange', field, '日期超出可计算范围（0000–9999 年）', 'Date out of range (years 0000–9999)');
  }
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addDays(date: DateString, days: number): DateString {
  return fromDayNumber(toDayNumber(parseDate(date)) + days);
}

/** Calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: DateString, b: DateString): number {
  return toDayNumber(parseDate(b, 'b')) - toDayNumber(parseDate(a, 'a'));
}

/** 0 = Sunday … 6 = Saturday, like `Date#getUTCDay`. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: DateString): number {
  return weekdayOfDayNumber(toDayNumber(parseDate(date)));
}

export function isWeekend(date: DateString): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

/** -1, 0 or 1. Valid `YYYY-MM-DD` strings sort like the dates they name. */
export function compareDates(a: DateString, b: DateString): -1 | 0 | 1 {
  parseDate(a, 'a');
  parseDate(b, 'b');
  return a < b ? -1 : a > b ? 1 : 0;
}

export function yearOf(date: DateString): number {
  return Number(parseDate(date).slice(0, 4));
}

/** Every date from `from` to `to`, both included (nothing when `to` is before `from`). */
export function* eachDate(from: DateString, to: DateString): Generator<DateString> {
  const last = toDayNumber(parseDate(to, 'to'));
  for (let n = toDayNumber(parseDate(from, 'from')); n <= last; n++) yield fromDayNumber(n);
}

/** All dates of `year`, 1 January first. */
export function datesOfYear(year: number): DateString[] {
  if (!Number.isInteger(year) || year < 0 || year > 9999) {
    throw new CalendarError('calendar.outOfRange', 'year', `年份无效：${year}`, `Invalid year: ${year}`);
  }
  const y = String(year).padStart(4, '0');
  return [...eachDate(`${y}-01-01`, `${y}-12-31`)];
}
