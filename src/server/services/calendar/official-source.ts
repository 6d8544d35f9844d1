import { createRequire } from 'node:module';
import type { CalendarData, DayEntry } from '../../../domain/calendar/index.js';

/**
 * The official holidays and make-up working days (调休) from the `chinese-days` package, as the
 * `official` and `officialYears` of `buildCalendar`. Years after the package's last one (next
 * year's notice comes out in November or December) are imported by an admin instead.
 *
 * We read the package's published data file (`dist/chinese-days.json`, documented in its README)
 * rather than probing its functions day by day: it holds exactly the listed days, so the known
 * years follow from the data, not from a list kept here. `test/unit/calendar/chinese-days.test.ts`
 * checks the result against the package's own `isWorkday` for every day of those years.
 */

export type OfficialCalendar = Pick<CalendarData, 'official' | 'officialYears'>;

/** Its English names, to the Chinese ones we show (it writes 清明, 端午, 中秋 without 节). */
const NAMES: Record<string, string> = {
  "New Year's Day": '元旦',
  'Spring Festival': '春节',
  'Tomb-sweeping Day': '清明节',
  'Labour Day': '劳动节',
  'Dragon Boat Festival': '端午节',
  'Mid-autumn Festival': '中秋节',
  'National Day': '国庆节',
};

/** `"Spring Festival,春节,4"` → 春节; an unknown holiday keeps its own Chinese (or English) name. */
export function holidayName(raw: string): string | null {
  const [english = '', chinese = ''] = raw.split(',').map((s) => s.trim());
  return (Object.hasOwn(NAMES, english) ? NAMES[english] : chinese || english) || null;
}

type DayMap = Record<string, string>;

function isDayMap(value: unknown): value is DayMap {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
}

let cached: OfficialCalendar | undefined;

/** Reads the package's data once; throws when the file is missing or has changed shape. */
export function loadOfficialCalendar(): OfficialCalendar {
  if (cached) return cached;
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as { holidays?: unknown; workdays?: unknown };
  if (!isDayMap(data.holidays) || !isDayMap(data.workdays)) {
    throw new Error('chinese-days/dist/chinese-days.json: expected { holidays, workdays } maps of date → name');
  }
  const official: Record<string, DayEntry> = {};
  for (const [date, raw] of Object.entries(data.holidays)) official[date] = { workday: false, name: holidayName(raw) };
  // A day in both maps is a working day, as the package's own isWorkday decides.
  for (const [date, raw] of Object.entries(data.workdays)) official[date] = { workday: true, name: holidayName(raw) };
  // A year is known when its own holidays are listed (a make-up day on 31 December may belong
  // to the next year's notice, so working days alone do not make a year known).
  const officialYears = [...new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
  cached = Object.freeze({ official: Object.freeze(official), officialYears: Object.freeze(officialYears) });
  return cached;
}
