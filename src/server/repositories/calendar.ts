import type { CalendarDaysTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

export async function listCalendarDays(db: Executor, scopes: string[], range?: { from: string; to: string }) {
  if (scopes.length === 0) return [];
  let q = db.selectFrom('calendar_days').selectAll().where('scope', 'in', scopes);
  if (range) q = q.where('date', '>=', range.from).where('date', '<=', range.to);
  return q.orderBy('date').execute();
}

export async function listImportedYears(db: Executor): Promise<number[]> {
  const rows = await db.selectFrom('calendar_years').select('year').orderBy('year').execute();
  return rows.map((r) => r.year);
}

export async function findCalendarDay(db: Executor, id: string) {
  return db.selectFrom('calendar_days').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Insert or replace the override of one scope and date. */
export async function upsertCalendarDay(db: Executor, row: CalendarDaysTable) {
  await db.deleteFrom('calendar_days').where('scope', '=', row.scope).where('date', '=', row.date).execute();
  await db.insertInto('calendar_days').values(row).execute();
}

export async function deleteCalendarDay(db: Executor, id: string) {
  await db.deleteFrom('calendar_days').where('id', '=', id).execute();
}

export async function deleteScopeYear(db: Executor, scope: string, year: number) {
  await db.deleteFrom('calendar_days').where('scope', '=', scope).where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`).execute();
}

export async function markYearImported(db: Executor, year: number, by: string | null, at: string) {
  await db.deleteFrom('calendar_years').where('year', '=', year).execute();
  await db.insertInto('calendar_years').values({ year, source: 'imported', created_by: by, created_at: at }).execute();
}

export async function findCenterByAreaCode(db: Executor, areaCode: string) {
  return db.selectFrom('centers').select(['id', 'path', 'time_zone']).where('area_code', '=', areaCode).executeTakeFirst();
}

export async function findCenterById(db: Executor, id: string) {
  return db.selectFrom('centers').select(['id', 'path', 'time_zone', 'name']).where('id', '=', id).executeTakeFirst();
}

export type CacheName = 'calendar' | 'settings';

/** The current revision token of a kind of cached data (migration 0004; one primary-key read). */
export async function readRevision(db: Executor, name: CacheName): Promise<string> {
  const r = await db.selectFrom('cache_revisions').select('revision').where('name', '=', name).executeTakeFirstOrThrow();
  return r.revision;
}
