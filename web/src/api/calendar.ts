/**
 * Working-day calendar — src/server/routes/admin/calendar.ts (overrides, imports, coverage) and
 * src/server/routes/public/calendar.ts (days of a year, deadline arithmetic), contract
 * src/contracts/calendar.ts. Overrides take a center *id* as scope ('national' for the official
 * arrangement); the public endpoints take the center's 6-digit *area code*.
 */
import type { z } from 'zod';
import type {
  CoverageReply,
  DaysReply,
  DayView,
  DeadlineReply,
  ImportYearBody,
  ImportYearReply,
  OverrideBody,
  OverrideList,
  OverrideView,
} from '@shared/contracts/calendar';
import type { OkBody } from '@shared/contracts/common';
import { http } from './http';

export type Coverage = z.infer<typeof CoverageReply>;
export type YearDays = z.infer<typeof DaysReply>;
export type Day = z.infer<typeof DayView>;
export type Deadline = z.infer<typeof DeadlineReply>;
export type Override = z.infer<typeof OverrideView>;
export type Overrides = z.infer<typeof OverrideList>;
export type OverrideInput = z.input<typeof OverrideBody>;
export type ImportInput = z.input<typeof ImportYearBody>;
export type ImportResult = z.infer<typeof ImportYearReply>;

/** Scope of the official arrangement (vs. a center id). */
export const NATIONAL_SCOPE = 'national';

export const calendarApi = {
  /** every day of `year` as seen by the center with `areaCode` (national calendar without it) */
  days: (year: number, areaCode?: string) => http.get<YearDays>('/api/v1/calendar/days', { year, center: areaCode }),
  deadline: (from: string, workdays: number, areaCode?: string) =>
    http.get<Deadline>('/api/v1/calendar/deadline', { from, workdays, center: areaCode }),
  coverage: () => http.get<Coverage>('/api/v1/admin/calendar/coverage'),
  overrides: (scope: string, year: number) => http.get<Overrides>('/api/v1/admin/calendar/overrides', { scope, year }),
  addOverride: (b: OverrideInput) => http.post<Override>('/api/v1/admin/calendar/overrides', b),
  removeOverride: (id: string) => http.delete<z.infer<typeof OkBody>>(`/api/v1/admin/calendar/overrides/${id}`),
  importYear: (b: ImportInput) => http.post<ImportResult>('/api/v1/admin/calendar/import', b),
};
