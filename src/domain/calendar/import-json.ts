import { isDate } from './dates.js';
import { invalidYear, isYear, issue, readName, type ImportIssue, type ListedDay, type ReadList } from './import-issues.js';
import { JsonSyntaxError, parseLocatedJson, type LocatedJson } from './located-json.js';

/**
 * The JSON form of a year list:
 *
 *     { "year": 2027, "days": [{ "date": "2027-01-01", "workday": false, "name": "元旦" }, …] }
 *
 * `name` may be left out or null. Problems are reported with the line of the offending value.
 */

const scalar = (node: LocatedJson | undefined) => (node?.kind === 'scalar' ? node.value : undefined);

/** A day, or the issue with it on the line of the offending value. */
function readDay(node: LocatedJson, index: number): ListedDay | ImportIssue {
  const where = `days[${index}]`;
  if (node.kind !== 'object') {
    return issue(node.line, 'import.invalidEntry', `${where} 应为 {"date", "workday", "name"} 对象`, `${where} must be an object {"date", "workday", "name"}`);
  }
  const lineOf = (key: string) => node.props.get(key)?.line ?? node.line;
  const date = scalar(node.props.get('date'));
  if (!isDate(date)) {
    return date === undefined
      ? issue(node.line, 'import.invalidEntry', `${where} 缺少 "date"（日期）`, `${where}: missing "date"`)
      : issue(lineOf('date'), 'import.invalidDate', `${where} 的日期无效：${String(date)}`, `${where}: invalid date ${String(date)}`);
  }
  const workday = scalar(node.props.get('workday'));
  if (typeof workday !== 'boolean') {
    return issue(lineOf('workday'), 'import.invalidEntry', `${date}：workday 应为 true（上班）或 false（放假）`, `${date}: workday must be true (work) or false (off)`);
  }
  const rawName = node.props.has('name') ? scalar(node.props.get('name')) : null;
  if (rawName !== null && typeof rawName !== 'string') {
    return issue(lineOf('name'), 'import.invalidName', `${date}：名称应为文字或 null`, `${date}: name must be a string or null`);
  }
  const name = readName(rawName, lineOf('name'));
  return 'issue' in name ? name.issue : { date, workday, name: name.name, line: lineOf('date') };
}

export function readJsonList(input: string): ReadList {
  const result: ReadList = { year: null, days: [], issues: [] };
  let root: LocatedJson;
  try {
    root = parseLocatedJson(input);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    result.issues.push(issue(e.line, 'import.syntax', `JSON 格式错误：${e.messageZh}`, `JSON syntax error: ${e.messageEn}`));
    return result;
  }
  if (root.kind !== 'object') {
    result.issues.push(issue(root.line, 'import.syntax', '应为 {"year", "days"} 对象', 'Expected an object {"year", "days"}'));
    return result;
  }
  const yearNode = root.props.get('year');
  if (yearNode === undefined) {
    result.issues.push(issue(root.line, 'import.missingYear', '缺少 "year"（年份）', 'Missing "year"'));
  } else if (!isYear(scalar(yearNode))) {
    result.issues.push(invalidYear(yearNode.line, scalar(yearNode) ?? yearNode.kind));
  } else {
    result.year = { value: scalar(yearNode) as number, line: yearNode.line };
  }
  const daysNode = root.props.get('days');
  if (daysNode?.kind !== 'array') {
    result.issues.push(issue(daysNode?.line ?? root.line, 'import.syntax', '"days" 应为日期列表', '"days" must be a list of days'));
    return result;
  }
  daysNode.items.forEach((node, i) => {
    const day = readDay(node, i);
    if ('code' in day) result.issues.push(day);
    else result.days.push(day);
  });
  return result;
}
