/**
 * "My cases" in the online hall (DESIGN §9): the applicant's own cases — filed by the account or
 * for an enterprise it acts for — with status, light, deadlines, timeline, notices to download,
 * materials, the moves open to the applicant (supply after a supplement request, withdraw, ask
 * for a recheck) and ratings (好差评) when invited.
 */
import { z } from 'zod';
import { CaseActionKind, CaseLight, CaseOutcome, CaseStatus } from './case.js';
import { CaseNoticeView } from './case-notices.js';
import { Id, Instant, IsoDate, PageQuery, VersionBody, listOf } from './common.js';
import { UploadView } from './hall-apply.js';

export const MyCaseListItem = z.object({
  id: Id,
  caseNo: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  status: CaseStatus,
  outcome: CaseOutcome.nullable(),
  light: CaseLight.nullable(),
  intakeDate: IsoDate,
  acceptedOn: IsoDate.nullable(),
  promisedDue: IsoDate.nullable(),
  /** filed online in the hall (else taken in at a window) */
  online: z.boolean(),
  updatedAt: Instant,
});
export type MyCaseListItem = z.infer<typeof MyCaseListItem>;
export const MyCaseList = listOf(MyCaseListItem);
export type MyCaseList = z.infer<typeof MyCaseList>;
export const MyCaseQuery = PageQuery.extend({ status: CaseStatus.optional() });
export type MyCaseQuery = z.input<typeof MyCaseQuery>;

/** One step of the timeline: no staff names, no internal opinions. */
export const MyCaseStep = z.object({
  seq: z.number().int(),
  kind: CaseActionKind,
  date: IsoDate,
  at: Instant,
  /** who, as a role: applicant, clerk, reviewer, … or system */
  role: z.string(),
  /** a task's step name, a special procedure's kind, a refusal's reason; else null */
  detail: z.string().nullable(),
});

export const EvaluationLevel = z.enum(['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied']);
export type EvaluationLevel = z.infer<typeof EvaluationLevel>;
/** 好差评 levels (国办发〔2019〕51号): the last two are bad reviews */
export const EVALUATION_LEVEL_LABELS: Record<EvaluationLevel, readonly [zh: string, en: string]> = {
  verySatisfied: ['非常满意', 'very satisfied'],
  satisfied: ['满意', 'satisfied'],
  basicallySatisfied: ['基本满意', 'basically satisfied'],
  dissatisfied: ['不满意', 'dissatisfied'],
  veryDissatisfied: ['非常不满意', 'very dissatisfied'],
};
/** When the applicant is invited: at acceptance (not for an immediate case) and at conclusion. */
export const EvaluationOccasion = z.enum(['acceptance', 'conclusion']);
export type EvaluationOccasion = z.infer<typeof EvaluationOccasion>;

export const EvaluationView = z.object({
  id: Id,
  occasion: EvaluationOccasion,
  channel: z.string(),
  level: EvaluationLevel,
  comment: z.string(),
  createdAt: Instant,
});
export type EvaluationView = z.infer<typeof EvaluationView>;

export const MyMaterial = UploadView.extend({
  status: z.enum(['pending', 'submitted', 'replaced']),
  round: z.number().int(),
});

export const MyCaseView = MyCaseListItem.extend({
  verificationCode: z.string(),
  centerName: z.string(),
  departmentName: z.string(),
  item: z.object({ id: Id, code: z.string(), name: z.string(), promisedLimit: z.number().int(), materials: z.array(z.object({ code: z.string(), name: z.string(), required: z.boolean() })) }),
  applicant: z.object({ kind: z.enum(['person', 'enterprise']), name: z.string(), idNumber: z.string().nullable(), uscc: z.string().nullable() }),
  concludedOn: IsoDate.nullable(),
  deadlines: z.object({ promised: IsoDate, statutory: IsoDate }).nullable(),
  /** 网上预审 due, for an online case not yet accepted */
  prereviewDue: IsoDate.nullable(),
  /** the open supplement request: every material at once (一次性告知) */
  supplement: z
    .object({
      materials: z.array(z.object({ code: z.string(), name: z.string(), problem: z.enum(['missing', 'wrong', 'incomplete']), note: z.string() })),
      requestedOn: IsoDate,
      dueDate: IsoDate.nullable(),
    })
    .nullable(),
  refusal: z.object({ reason: z.string(), legalBasis: z.array(z.string()), redirectTo: z.string().nullable(), on: IsoDate }).nullable(),
  decision: z.record(z.string(), z.unknown()).nullable(),
  steps: z.array(MyCaseStep),
  /** GET /api/v1/hall/cases/:id/notices/:noticeId/pdf */
  notices: z.array(CaseNoticeView),
  materials: z.array(MyMaterial),
  /** the applicant's moves open now: supply, withdraw, askRecheck */
  availableActions: z.array(CaseActionKind),
  evaluations: z.object({ invited: z.array(EvaluationOccasion), given: z.array(EvaluationView) }),
  version: z.number().int(),
});
export type MyCaseView = z.infer<typeof MyCaseView>;

/** `POST /api/v1/hall/cases/:id/supply`: hands in the files uploaded for the supplement request */
export const HallSupplyBody = VersionBody;
export type HallSupplyBody = z.infer<typeof HallSupplyBody>;
export const HallWithdrawBody = VersionBody.extend({ reason: z.string().trim().max(2000).default('申请人网上撤回') });
export type HallWithdrawBody = z.input<typeof HallWithdrawBody>;
export const HallRecheckBody = VersionBody.extend({ reason: z.string().trim().max(2000) });
export type HallRecheckBody = z.infer<typeof HallRecheckBody>;

/** `POST /api/v1/hall/cases/:id/evaluations` */
export const EvaluationBody = z.object({
  occasion: EvaluationOccasion,
  level: EvaluationLevel,
  comment: z.string().trim().max(500).default(''),
});
export type EvaluationBody = z.input<typeof EvaluationBody>;

export const CaseMaterialParams = z.object({ id: z.string().max(64), materialId: z.string().max(64) });
export const CaseNoticeParamsHall = z.object({ id: z.string().max(64), noticeId: z.string().max(64) });
