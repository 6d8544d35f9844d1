/**
 * A center's settings (DESIGN §4–§5: "thresholds are settings", the supplement period is
 * configurable). A value set at a center holds there and in the centers below it, unless one of
 * them sets its own; where no center on the way up sets it, the default holds.
 */
import { z } from 'zod';
import { Id } from './common.js';

export const SettingsQuery = z.object({
  /** the center; default: the center where the signed-in admin holds settings:manage */
  centerId: Id.optional(),
});
export type SettingsQuery = z.input<typeof SettingsQuery>;

/** One setting at a center: the value in force, what the center itself set, where the value comes from. */
export const SettingView = z.object({
  value: z.number().int(),
  /** set at this center; null = inherited */
  own: z.number().int().nullable(),
  /** `center`: set here; `ancestor`: set at `sourceCenterId` above; `default`: set nowhere */
  source: z.enum(['center', 'ancestor', 'default']),
  sourceCenterId: Id.nullable(),
});
export type SettingView = z.infer<typeof SettingView>;

export const CaseSettings = z.object({
  centerId: Id,
  /** the optimistic-lock token of this center's own case settings; 0 = none set here yet */
  version: z.number().int(),
  /** warning light (预警) from this many working days before the promised deadline (default 2) */
  lightWarningDays: SettingView,
  /** an unanswered pre-acceptance supplement request expires after this many working days (default 10) */
  supplementDueWorkdays: SettingView,
  /** a case suspended for overdue 容缺 materials is returned after this many further working days (default 15) */
  deferredReturnWorkdays: SettingView,
});
export type CaseSettings = z.infer<typeof CaseSettings>;

/** Replaces the center's own case settings; null = inherit from the centers above (or the default). */
export const CaseSettingsBody = z.object({
  version: z.number().int().min(0),
  // ranges are checked by the service, which names the field in zh-CN and English
  lightWarningDays: z.number().nullable(),
  supplementDueWorkdays: z.number().nullable(),
  deferredReturnWorkdays: z.number().nullable(),
});
export type CaseSettingsBody = z.input<typeof CaseSettingsBody>;

/** What a lapsed rating occasion records: a level, or `none` (nothing, 未评). */
export const DefaultLevel = z.enum(['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied', 'none']);
export type DefaultLevel = z.infer<typeof DefaultLevel>;

/** One setting at a center whose value is a default level (otherwise as SettingView). */
export const LevelSettingView = SettingView.extend({ value: DefaultLevel, own: DefaultLevel.nullable() });
export type LevelSettingView = z.infer<typeof LevelSettingView>;

export const SupervisionSettings = z.object({
  centerId: Id,
  /** the optimistic-lock token of this center's own supervision/evaluation settings; 0 = none set here yet */
  version: z.number().int(),
  /** calendar days a rating occasion stays open (default 7) */
  ratingPeriodDays: SettingView,
  /** what a lapsed occasion records (default `satisfied`) */
  defaultLevel: LevelSettingView,
  /** working days to rectify a valid bad review (default 15) */
  rectifyWorkdays: SettingView,
  /** percent of last month's concluded cases sampled for follow-up visits (default 5) */
  followUpPercent: SettingView,
  /** working days a department has to answer a supervision order (default 3) */
  orderResponseWorkdays: SettingView,
});
export type SupervisionSettings = z.infer<typeof SupervisionSettings>;

/** Replaces the center's own supervision/evaluation settings; null = inherit. */
export const SupervisionSettingsBody = z.object({
  version: z.number().int().min(0),
  // ranges and levels are checked by the service, which names the field in zh-CN and English
  ratingPeriodDays: z.number().nullable(),
  defaultLevel: z.string().nullable(),
  rectifyWorkdays: z.number().nullable(),
  followUpPercent: z.number().nullable(),
  orderResponseWorkdays: z.number().nullable(),
});
export type SupervisionSettingsBody = z.input<typeof SupervisionSettingsBody>;
