import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYearList, toDayRecord, type ImportIssue, type YearListResult } from '../../../src/domain/calendar/index.js';
import { fromDayNumber, toDayNumber } from '../../../src/domain/calendar/dates.js';
import { NOTICE_2025 } from './official-arrangements.js';

function days(result: YearListResult) {
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}: ${e.messageEn}`).join('; '));
  return result.days;
}
function errors(result: YearListResult): ImportIssue[] {
  if (result.ok) throw new Error('expected errors');
  for (const e of result.errors) {
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.messageEn.length).toBeGreaterThan(0);
  }
  return result.errors;
}
const brief = (result: YearListResult) => errors(result).map((e) => [e.line, e.code]);

describe('the text form', () => {
  it('reads ranges, single days, 休 and 班, and returns the days sorted', () => {
    const result = parseYearList('年份 2027\n2027-02-07 班 春节\n2027-01-01~2027-01-03 休 元旦\n');
    expect(result).toEqual({
      ok: true,
      year: 2027,
      days: [
        { date: '2027-01-01', workday: false, name: '元旦' },
        { date: '2027-01-02', workday: false, name: '元旦' },
        { date: '2027-01-03', workday: false, name: '元旦' },
        { date: '2027-02-07', workday: true, name: '春节' },
      ],
    });
  });

  it('accepts off/work, 放假/上班, ～ and 至, full-width spaces, comments, CRLF and a BOM', () => {
    const text = '\uFEFF# 2027 年安排\r\nyear: 2027\r\n\r\n2027-05-01 ～ 2027-05-02 OFF Labour Day\r\n2027-05-03至2027-05-04\u3000放假\u3000劳动节\r\n2027-04-25 work\r\n2027-04-24 上班 劳动节\r\n';
    expect(days(parseYearList(text))).toEqual([
      { date: '2027-04-24', workday: true, name: '劳动节' },
      { date: '2027-04-25', workday: true, name: null },
      { date: '2027-05-01', workday: false, name: 'Labour Day' },
      { date: '2027-05-02', workday: false, name: 'Labour Day' },
      { date: '2027-05-03', workday: false, name: '劳动节' },
      { date: '2027-05-04', workday: false, name: '劳动节' },
    ]);
  });

  it('keeps a name that contains a range separator', () => {
    expect(days(parseYearList('2027年\n2027-10-01 休 国庆至中秋'))).toEqual([{ date: '2027-10-01', workday: false, name: '国庆至中秋' }]);
  });

  it('takes the year chosen on screen when the list declares none, and insists they agree', () => {
    expect(parseYearList('2027-01-01 休 元旦', 2027)).toMatchObject({ ok: true, year: 2027 });
    expect(brief(parseYearList('2027-01-01 休 元旦'))).toEqual([[1, 'import.missingYear']]);
    expect(brief(parseYearList('\n年份 2026\n2027-01-01 休', 2027))).toEqual([[2, 'import.yearMismatch']]);
  });

  it('reports every bad line with its number', () => {
    const text = [
      '年份 2027', // 1
      '2027-02-30 休 春节', // 2: no such date
      '2027-02-10 rest-day', // 3: unknown kind
      '2027-02-12~2027-02-10 休', // 4: reversed range
      '2027-02-11', // 5: no kind
      '2026-12-31~2027-01-01 休 元旦', // 6: starts in 2026
      '2027-03-01 休', // 7: fine
      '2027-03-01 班', // 8: listed twice
      '2027-02-01~2028-02-03 休', // 9: over a year long
      '年份 2027', // 10: declared twice
      `2027-03-02 休 ${'长'.repeat(51)}`, // 11: name too long
      '2027-03-03 constructor', // 12: not a kind, even if Object has such a key
    ].join('\n');
    expect(brief(parseYearList(text))).toEqual([
      [2, 'import.invalidDate'],
      [3, 'import.invalidKind'],
      [4, 'import.invalidRange'],
      [5, 'import.syntax'],
      [6, 'import.outsideYear'],
      [8, 'import.duplicateDate'],
      [9, 'import.invalidRange'],
      [10, 'import.invalidYear'],
      [11, 'import.invalidName'],
      [12, 'import.invalidKind'],
    ]);
  });

  it('says where a duplicate was first listed, in both languages', () => {
    const [e] = errors(parseYearList('年份 2027\n2027-01-01~2027-01-03 休 元旦\n\n2027-01-02 班'));
    expect(e).toEqual({
      line: 4,
      code: 'import.duplicateDate',
      message: '2027-01-02 重复（已见于第 2 行）',
      messageEn: '2027-01-02 is listed twice (also on line 2)',
    });
  });

  it('rejects an empty list and a bad year', () => {
    expect(brief(parseYearList('# nothing yet\n', 2027))).toEqual([[1, 'import.empty']]);
    expect(brief(parseYearList('年份 99999\n'))).toEqual([[1, 'import.invalidYear']]);
  });

  it('reads the 2025 notice', () => {
    const result = days(parseYearList(NOTICE_2025));
    expect(result).toHaveLength(33);
    expect(toDayRecord(result)['2025-01-26']).toEqual({ workday: true, name: '春节' });
  });
});

describe('the JSON form', () => {
  const json = (daysJson: string, year = '2027') => `{\n  "year": ${year},\n  "days": [\n${daysJson}\n  ]\n}`;

  it('reads {year, days}; name may be missing, null or blank', () => {
    const text = json(
      [
        '    {"date": "2027-02-07", "workday": true, "name": "春节"},',
        '    {"date": "2027-01-01", "workday": false, "name": "元旦"},',
        '    {"date": "2027-01-02", "workday": false},',
        '    {"date": "2027-01-03", "workday": false, "name": null},',
        '    {"date": "2027-01-04", "workday": true, "name": " "}',
      ].join('\n'),
    );
    expect(parseYearList(text, 2027)).toEqual({
      ok: true,
      year: 2027,
      days: [
        { date: '2027-01-01', workday: false, name: '元旦' },
        { date: '2027-01-02', workday: false, name: null },
        { date: '2027-01-03', workday: false, name: null },
        { date: '2027-01-04', workday: true, name: null },
        { date: '2027-02-07', workday: true, name: '春节' },
      ],
    });
  });

  it('names the line of each bad entry', () => {
    const text = json(
      [
        '    {"date": "2027-01-01", "workday": false, "name": "元旦"},', // line 4
        '    {"date": "2027-02-29", "workday": false},', // 5: no such date
        '    {"workday": false},', // 6: no date
        '    {', // 7
        '      "date": "2027-01-02",', // 8
        '      "workday": "yes"', // 9: not a boolean
        '    },',
        '    {"date": "2027-01-03", "workday": false, "name": 3},', // 11: name not text
        '    "2027-01-04",', // 12: not an object
        '    {"date": "2028-01-01", "workday": false},', // 13: outside the year
        '    {"date": "2027-01-01", "workday": true}', // 14: listed twice
      ].join('\n'),
    );
    expect(brief(parseYearList(text))).toEqual([
      [5, 'import.invalidDate'],
      [6, 'import.invalidEntry'],
      [9, 'import.invalidEntry'],
      [11, 'import.invalidName'],
      [12, 'import.invalidEntry'],
      [13, 'import.outsideYear'],
      [14, 'import.duplicateDate'],
    ]);
  });

  it('names the line of a syntax error', () => {
    expect(brief(parseYearList(json('    {"date": "2027-01-01", "workday": false},')))).toEqual([[5, 'import.syntax']]); // trailing comma
    expect(brief(parseYearList('{\n  "year": 2027,\n  "days": [\n    {"date": "2027-01-01, "workday": false}\n  ]\n}'))).toEqual([[4, 'import.syntax']]);
    expect(brief(parseYearList('{\n  "year": 2027\n  "days": []\n}'))).toEqual([[3, 'import.syntax']]); // missing comma
    expect(brief(parseYearList('{\n  "year": 2027,\n  "days": [\n'))).toEqual([[4, 'import.syntax']]); // cut short
    expect(brief(parseYearList('{"year": 2027, "days": []} x'))).toEqual([[1, 'import.syntax']]);
  });

  it('requires a valid year matching the one chosen, and a list of days', () => {
    expect(brief(parseYearList('{"days": [{"date": "2027-01-01", "workday": false}]}'))).toEqual([[1, 'import.missingYear']]);
    expect(brief(parseYearList('{\n"year": "2027",\n"days": []}'))).toEqual([[2, 'import.invalidYear']]);
    expect(brief(parseYearList(json('    {"date": "2027-01-01", "workday": false}'), 2026))).toEqual([[2, 'import.yearMismatch']]);
    expect(brief(parseYearList('{"year": 2027, "days": {}}'))).toEqual([[1, 'import.syntax']]);
    expect(brief(parseYearList('{"year": 2027, "days": []}'))).toEqual([[1, 'import.empty']]);
  });
});

describe('both forms', () => {
  it('read the same list the same way', () => {
    const entry = fc.record({ day: fc.integer({ min: 0, max: 364 }), workday: fc.boolean(), name: fc.option(fc.constantFrom('元旦', '春节', 'National Day'), { nil: null }) });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.day, minLength: 1, maxLength: 40 }), (entries) => {
        const list = entries.map((e) => ({ date: fromDayNumber(toDayNumber('2027-01-01') + e.day), workday: e.workday, name: e.name }));
        const text = list.map((d) => `${d.date} ${d.workday ? '班' : '休'} ${d.name ?? ''}`).join('\n');
        const fromText = parseYearList(text, 2027);
        const fromJson = parseYearList(JSON.stringify({ year: 2027, days: list }, null, 2));
        expect(fromText).toEqual(fromJson);
        expect(days(fromJson)).toEqual([...list].sort((a, b) => (a.date < b.date ? -1 : 1)));
      }),
      { numRuns: 100 },
    );
  });
});
