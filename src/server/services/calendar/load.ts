/**
 * Builds the working-day calendar a center uses: the library's official arrangements, official
 * arrangements an admin entered (scope 'national', which also win over the library), then the
 * overrides of the center's ancestors and of the center itself (nearer wins).
 *
 * Built calendars are kept in memory by center path and the calendar's revision token (table
 * cache_revisions, replaced by triggers on every write to calendar_days / calendar_years, see
 * migration 0004): a reader reads the token — one indexed row — and reuses the calendar built
 * for it. A write by any instance changes the token, so every instance rebuilds on its next
 * read; a token names one state of one database's days, so the cache can be shared by all the
 * databases a process opens (tests).
 */
import { buildCalendar, type DayEntry, type WorkCalendar } from '../../../domain/calendar/index.js';
import { AppError } from '../../../domain/errors.js';
import { findCenterByAreaCode, listCalendarDays, listImportedYears, readRevision } from '../../repositories/calendar.js';
import type { Executor } from '../context.js';
import { loadOfficialCalendar } from './official-source.js';

export const NATIONAL = 'national';

/** Center ids from the root down to the center, read from its materialized path '/a/b/c/'. */
export function scopeChain(centerPath: string | null): string[] {
  const ids = centerPath ? centerPath.split('/').filter(Boolean) : [];
  return [NATIONAL, ...ids];
}

/** Built calendars by `${revision}|${centerPath}`, least recently used first. */
const built = new Map<string, WorkCalendar>();
const MAX_BUILT = 256;

/** The center's calendar (its ancestors' and the national days with it), current as of this read. */
export async function loadCalendar(db: Executor, centerPath: string | null = null): Promise<WorkCalendar> {
  return calendarAt(db, centerPath, await readRevision(db, 'calendar'));
}

/**
 * The calendar at `revision`, the token the caller read from cache_revisions (in the same
 * transaction, or just before): built once per token and path. The days are read after the
 * token, so what is kept under a token is never older than the token says.
 */
export async function calendarAt(db: Executor, centerPath: string | null, revision: string): Promise<WorkCalendar> {
  const key = `${revision}|${centerPath ?? ''}`;
  const hit = built.get(key);
  if (hit) {
    built.delete(key);
    built.set(key, hit);
    return hit;
  }
  const cal = await buildFromRows(db, centerPath);
  built.set(key, cal);
  if (built.size > MAX_BUILT) built.delete(built.keys().next().value!);
  return cal;
}

async function buildFromRows(db: Executor, centerPath: string | null): Promise<WorkCalendar> {
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

/** One formatter per time zone, and its last answer: building one costs far more than formatting with it. */
const dateFormats = new Map<string, { format: Intl.DateTimeFormat; second: number; date: string }>();

/** The business date (YYYY-MM-DD) of an instant in a time zone. */
export function businessDate(now: Date, timeZone = 'Asia/Shanghai'): string {
  let f = dateFormats.get(timeZone);
  if (!f) {
    // an unknown zone throws here (RangeError), before anything is kept
    f = { format: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }), second: NaN, date: '' };
    dateFormats.set(timeZone, f);
  }
  // every zone's offset is a whole number of seconds: within one second the date is the same
  const second = Math.floor(now.getTime() / 1000);
  if (second !== f.second) {
    f.date = f.format.format(now);
    f.second = second;
  }
  return f.date;
}
