import type { DayEntry } from './calendar.js';
import type { DateString } from './dates.js';
import { issue, type ImportedDay, type ImportIssue, type ReadList } from './import-issues.js';
import { readJsonList } from './import-json.js';
import { readTextList } from './import-text.js';

/**
 * A year's official arrangement entered by an admin: next year's State Council notice comes out
 * late in the year, before any library has it. Two forms are accepted: JSON (see
 * `import-json.ts`) and one line per day or range (see `import-text.ts`).
 */

export type YearListResult = { ok: true; year: number; days: ImportedDay[] } | { ok: false; errors: ImportIssue[] };

/**
 * Reads a year list. Input starting with `{` is JSON, anything else the text form. The year is
 * the one the list declares, or `expectedYear` (the year chosen on screen) when the text form
 * declares none; when both are given they must agree. Every date must lie in that year and
 * appear once. Returns the days sorted by date, or every problem found, each naming its line.
 */
export function parseYearList(input: string, expectedYear?: number): YearListResult {
  const text = input.replace(/^\uFEFF/, '');
  const isJson = text.trimStart().startsWith('{');
  const read = isJson ? readJsonList(text) : readTextList(text);
  const yearIssues = checkYear(read, expectedYear, isJson);
  const errors = [...read.issues, ...yearIssues];
  const year = read.year?.value ?? expectedYear;
  // With two different years in play, every date would look misplaced: report the mismatch only.
  if (year !== undefined && yearIssues.length === 0) errors.push(...checkDates(read, year));
  if (errors.length === 0 && read.days.length === 0) {
    errors.push(issue(1, 'import.empty', '列表中没有任何日期', 'The list has no days'));
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  const days = read.days.map(({ date, workday, name }) => ({ date, workday, name })).sort((a, b) => (a.date < b.date ? -1 : 1));
  return { ok: true, year: year as number, days };
}

function checkYear(read: ReadList, expectedYear: number | undefined, isJson: boolean): ImportIssue[] {
  if (read.year === null) {
    // JSON reports a missing or bad "year" itself, and so does a bad year line; text may leave it to the screen.
    if (isJson || expectedYear !== undefined || read.issues.some((e) => e.code === 'import.invalidYear')) return [];
    return [issue(1, 'import.missingYear', '未声明年份：请在第一行写“年份 2027”或在页面上选择年份', 'No year declared: write "year 2027" on the first line or choose the year on screen')];
  }
  if (expectedYear !== undefined && read.year.value !== expectedYear) {
    return [
      issue(
        read.year.line,
        'import.yearMismatch',
        `列表声明的年份 ${read.year.value} 与所选年份 ${expectedYear} 不一致`,
        `The list declares ${read.year.value}, but ${expectedYear} was chosen`,
      ),
    ];
  }
  return [];
}

/** One issue per line at most for each kind: dates outside the year, dates listed twice. */
function checkDates(read: ReadList, year: number): ImportIssue[] {
  const errors: ImportIssue[] = [];
  const prefix = `${String(year).padStart(4, '0')}-`;
  const firstLine = new Map<DateString, number>();
  const flagged = new Set<string>();
  for (const day of read.days) {
    if (!day.date.startsWith(prefix)) {
      const key = `outside:${day.line}`;
      if (!flagged.has(key)) {
        flagged.add(key);
        errors.push(issue(day.line, 'import.outsideYear', `${day.date} 不在 ${year} 年内`, `${day.date} is not in ${year}`));
      }
      continue;
    }
    const seen = firstLine.get(day.date);
    if (seen === undefined) {
      firstLine.set(day.date, day.line);
    } else if (!flagged.has(`dup:${day.line}`)) {
      flagged.add(`dup:${day.line}`);
      const where = seen === day.line ? '本行' : `第 ${seen} 行`;
      const whereEn = seen === day.line ? 'this line' : `line ${seen}`;
      errors.push(issue(day.line, 'import.duplicateDate', `${day.date} 重复（已见于${where}）`, `${day.date} is listed twice (also on ${whereEn})`));
    }
  }
  return errors;
}

/** The days as a date-keyed record, ready to merge into a calendar's official data. */
export function toDayRecord(days: readonly ImportedDay[]): Record<DateString, DayEntry> {
  return Object.fromEntries(days.map((d) => [d.date, { workday: d.workday, name: d.name }]));
}
