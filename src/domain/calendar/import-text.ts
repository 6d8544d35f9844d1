import { fromDayNumber, isDate, toDayNumber } from './dates.js';
import { invalidYear, isYear, issue, readName, type ImportIssue, type ListedDay, type ReadList } from './import-issues.js';

/**
 * The text form of a year list, one line per day or range, as an admin copies it from the State
 * Council's notice:
 *
 *     年份 2027                     (or `year 2027`, `2027年`; optional when the year is chosen on screen)
 *     2027-01-01~2027-01-03 休 元旦
 *     2027-02-07 班 春节
 *
 * 休 / 放假 / off / rest mark holidays, 班 / 上班 / work make-up working days. The range separator may be `~`,
 * `～` or `至`; the name is optional. Blank lines and lines starting with `#` are skipped.
 */

const KINDS = new Map<string, boolean>([
  ['休', false],
  ['放假', false],
  ['off', false],
  ['rest', false],
  ['班', true],
  ['上班', true],
  ['work', true],
]);
const YEAR_LINE = /^(?:(?:year|年份)\s*[:：]?\s*(\d+)|(\d+)\s*年)$/i;
const MAX_RANGE_DAYS = 366;

function readLine(text: string, line: number): ListedDay[] | ImportIssue {
  const normalized = text.replace(/^(\S+?)\s*[~～至]\s*(?=\S)/u, '$1~');
  const [range, kindWord, ...nameWords] = normalized.split(/\s+/u);
  const ends = range.split('~');
  if (ends.length > 2 || kindWord === undefined) {
    return issue(line, 'import.syntax', '无法识别，应为“日期[~日期] 休|班 [名称]”', 'Cannot read this line; expected "date[~date] off|work [name]"');
  }
  const bad = ends.find((d) => !isDate(d));
  if (bad !== undefined) return issue(line, 'import.invalidDate', `日期无效：${bad}`, `Invalid date: ${bad}`);
  const first = toDayNumber(ends[0]);
  const last = toDayNumber(ends[ends.length - 1]);
  if (last < first) return issue(line, 'import.invalidRange', '结束日期早于开始日期', 'The range ends before it starts');
  if (last - first >= MAX_RANGE_DAYS) return issue(line, 'import.invalidRange', '日期范围超过一年', 'The range is longer than a year');
  const workday = KINDS.get(kindWord.toLowerCase());
  if (workday === undefined) {
    return issue(line, 'import.invalidKind', `“${kindWord}”应为 休（放假）或 班（调休上班）`, `"${kindWord}" must be off (休) or work (班)`);
  }
  const name = readName(nameWords.join(' '), line);
  if ('issue' in name) return name.issue;
  const days: ListedDay[] = [];
  for (let n = first; n <= last; n++) days.push({ date: fromDayNumber(n), workday, name: name.name, line });
  return days;
}

export function readTextList(input: string): ReadList {
  const result: ReadList = { year: null, days: [], issues: [] };
  input.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    const text = raw.replace(/\u3000/g, ' ').trim();
    if (text === '' || text.startsWith('#')) return;
    const yearMatch = YEAR_LINE.exec(text);
    if (yearMatch) {
      const value = Number(yearMatch[1] ?? yearMatch[2]);
      if (!isYear(value)) result.issues.push(invalidYear(line, yearMatch[1] ?? yearMatch[2]));
      else if (result.year !== null) {
        result.issues.push(issue(line, 'import.invalidYear', `年份已在第 ${result.year.line} 行声明`, `The year is already declared on line ${result.year.line}`));
      } else result.year = { value, line };
      return;
    }
    const read = readLine(text, line);
    if (Array.isArray(read)) result.days.push(...read);
    else result.issues.push(read);
  });
  return result;
}
