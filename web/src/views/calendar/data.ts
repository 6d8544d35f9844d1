/**
 * The calendar page's pure helpers: how a day is shown (its kind), the months of a year laid out
 * Monday-first, and the line errors of a refused import (`text.lineN` fields, in line order).
 */
import type { Day } from '@/api/calendar';
import type { ApiFieldError } from '@/api/http';

/** How a day is coloured: plain week, the official notice, or a center's own override. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeUp' | 'overrideRest' | 'overrideWork';

export function dayKind(d: Pick<Day, 'source' | 'workday'>): DayKind {
  switch (d.source) {
    case 'weekday':
      return 'workday';
    case 'weekend':
      return 'weekend';
    case 'official':
      return d.workday ? 'makeUp' : 'holiday';
    default:
      return d.workday ? 'overrideWork' : 'overrideRest';
  }
}

export const DAY_KINDS: DayKind[] = ['workday', 'weekend', 'holiday', 'makeUp', 'overrideRest', 'overrideWork'];

/** 1 = Monday … 7 = Sunday, for a YYYY-MM-DD date (computed in UTC: no time zone can shift it). */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

export interface MonthView {
  month: number;
  /** empty cells before the 1st, so that columns are Monday … Sunday */
  lead: number;
  days: Day[];
}

/** The year's days (1 January first) split into months. */
export function monthsOf(days: Day[]): MonthView[] {
  const months: MonthView[] = [];
  for (const d of days) {
    const m = Number(d.date.slice(5, 7));
    let mv = months[months.length - 1];
    if (!mv || mv.month !== m) {
      mv = { month: m, lead: isoWeekday(d.date) - 1, days: [] };
      months.push(mv);
    }
    mv.days.push(d);
  }
  return months;
}

export interface LineError {
  /** 0 for errors not tied to a line (e.g. `year`) */
  line: number;
  message: string;
}

/** Import errors: `text.line12` → line 12; other fields (year, scope) first. */
export function importErrors(fields: ApiFieldError[]): LineError[] {
  return fields
    .map((f) => {
      const m = /^text\.line(\d+)$/.exec(f.field);
      return { line: m ? Number(m[1]) : 0, message: f.message };
    })
    .sort((a, b) => a.line - b.line);
}

/** Today's date in the center's zone (the default year and the calculator's start). */
export function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** What the override dialog opens with (a clicked day proposes the opposite of what it is). */
export interface OverridePrefill {
  date: string;
  workday: boolean;
  name: string | null;
}

/** Working and rest days of the shown year (the summary line). */
export function countYear(days: Pick<Day, 'workday'>[]): { workdays: number; restDays: number } {
  const workdays = days.filter((d) => d.workday).length;
  return { workdays, restDays: days.length - workdays };
}
