import { z } from 'zod';
import { AreaCode, Id, IsoDate } from './common.js';

/** GET /api/v1/calendar/deadline?from=YYYY-MM-DD&workdays=N[&center=AREA_CODE] */
export const DeadlineQuery = z.object({
  from: IsoDate,
  workdays: z.coerce.number().int().min(0).max(3650),
  center: AreaCode.optional(),
});
export const DeadlineReply = z.object({ from: IsoDate, workdays: z.number().int(), due: IsoDate });

/** GET /api/v1/calendar/days?year=YYYY[&center=AREA_CODE] */
export const DaysQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  center: AreaCode.optional(),
});
export const DayView = z.object({
  date: IsoDate,
  workday: z.boolean(),
  name: z.string().nullable(),
  source: z.enum(['weekday', 'weekend', 'official', 'override']),
});
export const DaysReply = z.object({
  year: z.number().int(),
  /** false when no official arrangement (State Council notice) is loaded for this year */
  officialLoaded: z.boolean(),
  days: z.array(DayView),
});

/** Overrides: scope 'national' (an official arrangement entered by hand) or a center id. */
export const CalendarScope = z.union([z.literal('national'), Id]);

/** GET /api/v1/admin/calendar/overrides?scope=&year= */
export const OverridesQuery = z.object({ scope: CalendarScope.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
export const OverrideView = z.object({
  id: Id,
  scope: z.string(),
  date: IsoDate,
  workday: z.boolean(),
  name: z.string().nullable(),
  createdAt: z.string(),
});
export const OverrideList = z.object({ items: z.array(OverrideView), total: z.number().int() });

/** POST /api/v1/admin/calendar/overrides */
export const OverrideBody = z.object({
  scope: CalendarScope,
  date: IsoDate,
  workday: z.boolean(),
  name: z.string().max(50).nullable().default(null),
});

/**
 * POST /api/v1/admin/calendar/import — a whole year's list; with scope 'national' it marks the
 * year's official arrangement as loaded. `text` is either JSON {year, days:[…]} or lines like
 * `2027-01-01~2027-01-03 休 元旦` / `2027-02-07 班 春节`.
 */
export const ImportYearBody = z.object({ scope: CalendarScope, year: z.number().int().min(2000).max(2100), text: z.string().min(1).max(100_000) });
export const ImportYearReply = z.object({ year: z.number().int(), days: z.number().int(), officialLoaded: z.boolean() });

/** GET /api/v1/admin/calendar/coverage — years the system may need without an official arrangement */
export const CoverageReply = z.object({
  ok: z.boolean(),
  horizonDays: z.number().int(),
  missingYears: z.array(z.number().int()),
  /** plain warning text for the admin home page, empty when ok */
  message: z.string(),
  messageEn: z.string(),
  knownYears: z.array(z.number().int()),
});
