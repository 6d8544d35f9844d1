/** Electronic supervision (电子监察, DESIGN §5): cards, the monitor, orders, anomalies, follow-ups, reports, complaints. */
import { z } from 'zod';
import { Id, IsoDate, PageQuery, listOf } from './common.js';

export const CardLevel = z.enum(['warning', 'yellow', 'red']);
export const CardStatus = z.enum(['issued', 'appealed', 'upheld', 'revoked']);
export const Light = z.enum(['green', 'warning', 'yellowCard', 'redCard']);

export const CardView = z.object({
  id: Id,
  centerId: Id,
  centerName: z.string(),
  departmentId: Id.nullable(),
  departmentName: z.string().nullable(),
  caseId: Id.nullable(),
  caseNo: z.string().nullable(),
  subjectType: z.enum(['case', 'task', 'order', 'rectification']),
  subjectId: z.string(),
  subjectLabel: z.string(),
  level: CardLevel,
  status: CardStatus,
  issuedOn: IsoDate,
  escalatedOn: IsoDate.nullable(),
  /** `by` the appellant's user id, `byName` their display name */
  appeal: z.object({ reason: z.string(), by: z.string(), byName: z.string(), on: IsoDate }).nullable(),
  ruling: z.object({ upheld: z.boolean(), reason: z.string(), by: z.string(), byName: z.string(), on: IsoDate }).nullable(),
  /** counts against the department (assessment): not a warning, not revoked */
  counts: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type CardView = z.infer<typeof CardView>;

export const CardQuery = PageQuery.extend({
  centerId: Id.optional(),
  departmentId: Id.optional(),
  caseId: Id.optional(),
  level: CardLevel.optional(),
  status: CardStatus.optional(),
});
export type CardQuery = z.input<typeof CardQuery>;
export const CardList = listOf(CardView);
export type CardList = z.infer<typeof CardList>;

export const CardParams = z.object({ id: Id });
export const AppealBody = z.object({ version: z.number().int().min(1), reason: z.string().trim().min(1).max(2000) });
export type AppealBody = z.input<typeof AppealBody>;
export const RulingBody = z.object({ version: z.number().int().min(1), upheld: z.boolean(), reason: z.string().trim().min(1).max(2000) });
export type RulingBody = z.input<typeof RulingBody>;

// ——— the monitor ———

/** What the monitor follows: cases, their tasks, special procedures and online pre-reviews, rectifications, consultations and complaints. */
export const MONITOR_KINDS = ['case', 'task', 'procedure', 'prereview', 'rectification', 'consultation', 'complaint'] as const;

export const MonitorQuery = z.object({
  centerId: Id.optional(),
  departmentId: Id.optional(),
  windowId: Id.optional(),
  itemId: Id.optional(),
  light: Light.optional(),
  kind: z.enum(MONITOR_KINDS).optional(),
});
export type MonitorQuery = z.input<typeof MonitorQuery>;

export const MonitorEntry = z.object({
  kind: z.enum(MONITOR_KINDS),
  /** the case, `caseId:taskId` for a task, `caseId:pause:from` for a special procedure, the rectification's, consultation's or complaint's id */
  id: z.string(),
  /** null for a consultation, and for a complaint about a window or a member of staff */
  caseId: Id.nullable(),
  caseNo: z.string().nullable(),
  centerId: Id,
  centerName: z.string(),
  /** null for a complaint that names no department */
  departmentId: Id.nullable(),
  departmentName: z.string(),
  itemId: Id.nullable(),
  itemName: z.string(),
  /** the step's name for a task; the stage for a rectification */
  name: z.string(),
  status: z.string(),
  deadline: IsoDate.nullable(),
  light: Light,
  /** 绿色通道: a case (or its task, procedure) flagged for the green channel — shown first */
  greenChannel: z.boolean(),
});
export type MonitorEntry = z.infer<typeof MonitorEntry>;

export const LightCounts = z.object({ green: z.number().int(), warning: z.number().int(), yellowCard: z.number().int(), redCard: z.number().int() });
export type LightCounts = z.infer<typeof LightCounts>;

export const MonitorView = z.object({
  date: IsoDate,
  items: z.array(MonitorEntry),
  counts: LightCounts,
});
export type MonitorView = z.infer<typeof MonitorView>;

export const SeriesQuery = z.object({
  centerId: Id.optional(),
  departmentId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type SeriesQuery = z.input<typeof SeriesQuery>;

export const SeriesView = z.object({
  days: z.array(
    z.object({
      day: IsoDate,
      /** open cases by light at the start of the day (daily snapshot; zero when none was taken) */
      lights: LightCounts,
      /** cards issued that day by level */
      cards: z.object({ warning: z.number().int(), yellow: z.number().int(), red: z.number().int() }),
    }),
  ),
});
export type SeriesView = z.infer<typeof SeriesView>;

export const FeedQuery = z.object({
  /** resume after this cursor (the `id` of the last event received); default: now */
  since: z.string().max(200).optional(),
  /** answer the changes since the cursor and end (tests, and clients that poll) */
  once: z.enum(['true', 'false']).optional(),
});
export type FeedQuery = z.input<typeof FeedQuery>;
