/** Public calendar queries: a deadline, and the days of a year. No login needed. */
import { addWorkdays, yearOf } from '../../../domain/calendar/index.js';
import type { Ctx } from '../context.js';
import { loadCalendarForArea } from './load.js';

export async function computeDeadline(ctx: Ctx, q: { from: string; workdays: number; center?: string }) {
  const { cal } = await loadCalendarForArea(ctx.deps.db.kysely, q.center);
  return { from: q.from, workdays: q.workdays, due: addWorkdays(cal, q.from, q.workdays) };
}

export async function listDays(ctx: Ctx, q: { year: number; center?: string }) {
  const { cal } = await loadCalendarForArea(ctx.deps.db.kysely, q.center);
  return {
    year: q.year,
    officialLoaded: cal.hasOfficialYear(q.year),
    days: cal.daysOfYear(q.year).map((d) => ({ date: d.date, workday: d.workday, name: d.name, source: d.source })),
  };
}

export { yearOf };
