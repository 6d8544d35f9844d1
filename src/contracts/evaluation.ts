/** Evaluation (好差评, DESIGN §6): the window rating screen, the SMS link, rectifications, public figures. */
import { z } from 'zod';
import { Id, IsoDate, PageQuery, listOf } from './common.js';

export const Level = z.enum(['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied']);
export type Level = z.infer<typeof Level>;
export const Occasion = z.string().regex(/^(whole|acceptance|conclusion|overall|stage:\d{1,2})$/, 'an occasion');

const Label = z.object({ code: z.string(), zh: z.string(), en: z.string() });

/** What the screen (or the SMS page) offers to rate. */
export const RatingPrompt = z.object({
  caseId: Id,
  /** masked: the screen faces the public */
  caseNo: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  occasion: z.string(),
  indicatorSet: z.string(),
  indicators: z.array(Label),
  levels: z.array(Label),
});
export type RatingPrompt = z.infer<typeof RatingPrompt>;

export const WindowScreen = z.object({
  window: z.object({ id: Id, name: z.string(), centerName: z.string() }),
  clerkName: z.string().nullable(),
  /** null: nothing to rate now (the screen waits) */
  prompt: RatingPrompt.nullable(),
});
export type WindowScreen = z.infer<typeof WindowScreen>;

export const WindowParams = z.object({ windowId: Id });
export const TokenParams = z.object({ token: z.string().min(10).max(200) });

export const RatingBody = z.object({
  level: Level,
  /** scores by indicator of the set shown (overall defaults to the level) */
  indicators: z.record(z.string(), Level).optional(),
  comment: z.string().max(500).default(''),
});
export type RatingBody = z.input<typeof RatingBody>;

export const WindowRatingBody = RatingBody.extend({ caseId: Id, occasion: Occasion });
export type WindowRatingBody = z.input<typeof WindowRatingBody>;

export const RatingDone = z.object({ id: Id, level: Level, channel: z.string(), rectificationId: Id.nullable() });
export type RatingDone = z.infer<typeof RatingDone>;

export const SmsRatingPage = z.object({
  state: z.enum(['open', 'rated', 'closed']),
  prompt: RatingPrompt,
});
export type SmsRatingPage = z.infer<typeof SmsRatingPage>;

// ——— rectification ———

export const RectificationStatus = z.enum(['verifying', 'invalidPending', 'rectifying', 'returnVisit', 'closed', 'closedInvalid']);

export const RectificationView = z.object({
  id: Id,
  caseId: Id,
  caseNo: z.string(),
  itemName: z.string(),
  centerId: Id,
  centerName: z.string(),
  departmentId: Id,
  departmentName: z.string(),
  rating: z.object({ level: Level, comment: z.string(), channel: z.string(), occasion: z.string() }),
  status: RectificationStatus,
  openedOn: IsoDate,
  due: IsoDate.nullable(),
  overdue: z.boolean(),
  limitDays: z.number().int(),
  extended: z.boolean(),
  measures: z.string().nullable(),
  fixRating: Level.nullable(),
  closedOn: IsoDate.nullable(),
  lateStages: z.array(z.string()),
  /** each step as recorded (`kind`, `on`, `by` the user id, the step's fields), with `byName` the actor's display name */
  events: z.array(z.looseObject({ kind: z.string(), on: IsoDate, by: z.string(), byName: z.string() })),
  version: z.number().int(),
});
export type RectificationView = z.infer<typeof RectificationView>;

export const RectificationQuery = PageQuery.extend({
  centerId: Id.optional(),
  departmentId: Id.optional(),
  status: RectificationStatus.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type RectificationQuery = z.input<typeof RectificationQuery>;
export const RectificationList = listOf(RectificationView);
export type RectificationList = z.infer<typeof RectificationList>;
export const RectificationParams = z.object({ id: Id });

export const RectificationStep = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('verify'), version: z.number().int().min(1), valid: z.boolean(), note: z.string().max(2000) }),
  z.object({ kind: z.literal('approveInvalid'), version: z.number().int().min(1), approve: z.boolean(), note: z.string().max(2000).default('') }),
  z.object({ kind: z.literal('extend'), version: z.number().int().min(1), days: z.number().int(), reason: z.string().max(2000) }),
  z.object({ kind: z.literal('feedback'), version: z.number().int().min(1), measures: z.string().max(4000) }),
  z.object({ kind: z.literal('returnVisit'), version: z.number().int().min(1), level: Level, note: z.string().max(2000).default('') }),
]);
export type RectificationStep = z.input<typeof RectificationStep>;

// ——— public figures ———

export const FiguresQuery = z.object({ centerId: Id.optional(), period: z.enum(['month', 'year']).default('month') });
export type FiguresQuery = z.input<typeof FiguresQuery>;

const Rate = z.number().nullable();
export const Figures = z.object({
  goodRate: Rate,
  badRate: Rate,
  activeRate: Rate,
  unratedRate: Rate,
  rectificationRate: Rate,
  visitRate: Rate,
  occasions: z.number().int(),
});
export type Figures = z.infer<typeof Figures>;

export const FiguresView = z.object({
  period: z.enum(['month', 'year']),
  from: IsoDate,
  to: IsoDate,
  center: z.object({ id: Id.nullable(), name: z.string(), figures: Figures }),
  departments: z.array(z.object({ id: Id, name: z.string(), figures: Figures })),
});
export type FiguresView = z.infer<typeof FiguresView>;
