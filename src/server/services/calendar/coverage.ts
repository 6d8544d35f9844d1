/**
 * Which years the system may need without an official holiday arrangement: the next
 * `horizonDays` days and every open deadline (cases still running; add other readers below).
 */
import { addDays, eachDate } from '../../../domain/calendar/index.js';
import { loadOfficialCalendar } from './official-source.js';
import { listImportedYears } from '../../repositories/calendar.js';
import { listOpenDeadlines } from '../../repositories/cases.js';
import type { Deps } from '../context.js';
import { businessDate, loadCalendar } from './load.js';

export const HORIZON_DAYS = 60;

/** Every reader of open deadlines: a module with deadlines of its own adds one here. */
const readers: ((deps: Deps) => Promise<string[]>)[] = [(deps) => listOpenDeadlines(deps.db.kysely)];

export async function calendarCoverage(deps: Deps) {
  const today = businessDate(deps.clock.now());
  const cal = await loadCalendar(deps.db.kysely);
  const dates = [...eachDate(today, addDays(today, HORIZON_DAYS))];
  for (const r of readers) dates.push(...(await r(deps)));
  const missingYears = cal.missingYears(dates);
  const imported = await listImportedYears(deps.db.kysely);
  const knownYears = [...new Set([...loadOfficialCalendar().officialYears, ...imported])].sort((a, b) => a - b);
  const years = missingYears.join('、');
  return {
    ok: missingYears.length === 0,
    horizonDays: HORIZON_DAYS,
    missingYears,
    knownYears,
    message: missingYears.length
      ? `${years}年的法定节假日安排尚未录入：这些年份的时限暂按周末双休计算，可能不准确。请在国务院办公厅发布通知后到"节假日管理"录入。`
      : '',
    messageEn: missingYears.length
      ? `No official holiday arrangement is loaded for ${missingYears.join(', ')}: deadlines in those years count only weekends as rest days and may be wrong. Enter the State Council's arrangement on the calendar page once it is published.`
      : '',
  };
}
