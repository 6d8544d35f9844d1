import type { DateString } from './dates.js';

/** One day of an imported year list. */
export interface ImportedDay {
  date: DateString;
  /** false: holiday (休); true: make-up working day (班, 调休) */
  workday: boolean;
  name: string | null;
}

export type ImportIssueCode =
  | 'import.syntax' // the JSON or a text line cannot be read
  | 'import.missingYear' // no year declared
  | 'import.invalidYear' // the year is not a year
  | 'import.yearMismatch' // the list declares another year than the one being imported
  | 'import.invalidDate'
  | 'import.invalidRange' // a range that ends before it starts or spans more than a year
  | 'import.invalidKind' // neither 休/off nor 班/work
  | 'import.invalidName'
  | 'import.invalidEntry' // a JSON day that is not { date, workday, name }
  | 'import.outsideYear' // a date outside the declared year
  | 'import.duplicateDate'
  | 'import.empty';

/** A problem with the list, on a given line (1-based), in zh-CN and English. */
export interface ImportIssue {
  line: number;
  code: ImportIssueCode;
  message: string;
  messageEn: string;
}

/** A day as read, with the line it came from. */
export interface ListedDay extends ImportedDay {
  line: number;
}

/** What a format reader returns, before the checks common to both formats. */
export interface ReadList {
  year: { value: number; line: number } | null;
  days: ListedDay[];
  issues: ImportIssue[];
}

export const MAX_NAME_LENGTH = 50;

export const issue = (line: number, code: ImportIssueCode, message: string, messageEn: string): ImportIssue => ({ line, code, message, messageEn });

/** The name as stored (trimmed, empty → null), or the issue when it is too long. */
export function readName(raw: string | null, line: number): { name: string | null } | { issue: ImportIssue } {
  const name = raw === null ? '' : raw.trim();
  if (name.length > MAX_NAME_LENGTH) {
    return { issue: issue(line, 'import.invalidName', `名称过长（最多 ${MAX_NAME_LENGTH} 个字）`, `Name too long (at most ${MAX_NAME_LENGTH} characters)`) };
  }
  return { name: name === '' ? null : name };
}

export function isYear(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999;
}

export const invalidYear = (line: number, value: unknown) =>
  issue(line, 'import.invalidYear', `年份无效：${String(value)}`, `Invalid year: ${String(value)}`);
