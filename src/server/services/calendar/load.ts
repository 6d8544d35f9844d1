/**
 * Builds the working-day calendar a center uses: the library's official arrangements, official
 * arrangements an admin entered (scope 'national', which also win over the library), then the
 * overrides of the center's ancestors and of the center itself (nearer wins).
 */
import { buildCalendar, type DayEntry, type WorkCalendar } from '../../../domain/calendar/index.js';
import { AppError } from '../../../domain/errors.js';
import { findCenterByAreaCode, listCalendarDays, listImportedYears } from '../../repositories/calendar.js';
import type { Executor } from '../context.js';
import { loadOfficialCalendar } from './official-source.js';

export const NATIONAL = 'national';

/** Center ids from the root down to the center, read from its materialized path '/a/b/c/'. */
export function scopeChain(centerPath: string | null): string[] {
  const ids = centerPath ? centerPath.split('/').filter(Boolean) : [];
  return [NATIONAL, ...ids];
}

export async function loadCalendar(db: Executor, centerPath: string | null = null): Promise<WorkCalendar> {
  const lib = loadOfficialCalendar();
  const chain = scopeChain(centerPath);
  const rows = await listCalendarDays(db, chain);
  const imported = await listImportedYears(db);
  const official: Record<string, DayEntry> = { ...lib.official };
  const overrides: Record<string, DayEntry> = {};
  const rank = new Map(chain.map((s, i) => [s, i]));
  rows.sort((a, b) => rank.get(a.scope)! - rank.get(b.scope)!);
  for (const r of rows) {
    const entry = { workday: r.workday === 1, name: r.name };
    if (r.scope === NATIONAL) official[r.date] = entry;
    else overrides[r.date] = entry;
  }
  const officialYears = [...new Set([...lib.officialYears, ...imported])].sort((a, b) => a - b);
  return buildCalendar({ official, officialYears, overrides });
}

/** The calendar of the center with this area code (404 naming `center` when unknown). */
export async function loadCalendarForArea(db: Executor, areaCode?: string): Promise<{ cal: WorkCalendar; timeZone: string }> {
  if (!areaCode) return { cal: await loadCalendar(db), timeZone: 'Asia/Shanghai' };
  const c = await findCenterByAreaCode(db, areaCode);
  if (!c) {
    throw new AppError('notFound', `区划代码为 ${areaCode} 的中心不存在`, `No center with area code ${areaCode}`, [
      { field: 'center', message: `center：区划代码 ${areaCode} 不存在`, messageEn: `center: unknown area code ${areaCode}` },
    ]);
  }
  return { cal: await loadCalendar(db, c.path), timeZone: c.time_zone };
}

/** The business date (YYYY-MM-DD) of an instant in a time zone. */
export function businessDate(now: Date, timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
