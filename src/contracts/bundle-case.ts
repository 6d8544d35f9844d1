/**
 * Bundle runs (一件事办件, DESIGN §3): one application for a published bundle, accepted once at
 * the window — one applicant, one combined form, one material checklist — run as ordinary child
 * cases stage by stage (the items of a stage in parallel), with one deadline, one fee sheet
 * (一表式收费) paid once, and one progress view.
 *
 * Errors (all endpoints): the common `ErrorBody`. Bad input is 400 `validation` naming each field
 * (`applicant.idNumber`, `form.entName`, `materials.B03`, `bundleId`, `reference`); a stale
 * `version` is 409 `conflict`; a move the run's status does not allow is 409 `invalidState`;
 * permission or scope missing is 403 `forbidden` (the run's center, and a center-wide grant or one
 * in a department of the bundle's items).
 */
import { z } from 'zod';
import { BUNDLE_RUN_STATUSES } from '../domain/bundle/run.js';
import { ApplicantInput, CaseApplicant, CaseLight, CaseOutcome, CaseStatus } from './case.js';
import { Id, Instant, IsoDate, PageQuery, VersionBody, listOf } from './common.js';

export const BundleRunStatus = z.enum(BUNDLE_RUN_STATUSES);
export type BundleRunStatus = z.infer<typeof BundleRunStatus>;

/**
 * `POST /api/v1/bundle-runs` (case:intake and case:accept, clerk): takes in and accepts the run;
 * stage 1's child cases are opened, accepted and routed to their departments at once.
 */
export const StartBundleRunBody = z.object({
  /** a published bundle */
  bundleId: Id,
  applicant: ApplicantInput,
  /** the combined form's values (keys of the bundle's combined form) */
  form: z.record(z.string(), z.unknown()).default({}),
  /** codes (B01, B02, …) of the combined checklist received; every required one must be */
  materials: z.array(z.string().trim().min(1).max(16)).max(200).default([]),
});
export type StartBundleRunBody = z.input<typeof StartBundleRunBody>;

export const BundleRunParams = z.object({ id: Id });

/** A child case as the run shows it. */
export const BundleRunChild = z.object({
  caseId: Id,
  caseNo: z.string(),
  itemId: Id,
  itemName: z.string(),
  departmentName: z.string(),
  status: CaseStatus,
  outcome: CaseOutcome.nullable(),
  light: CaseLight.nullable(),
  promisedDue: IsoDate.nullable(),
  /** open | done (concluded approved) | failed (stopped the run) */
  progress: z.enum(['open', 'done', 'failed']),
});
export type BundleRunChild = z.infer<typeof BundleRunChild>;

export const BundleRunStage = z.object({
  name: z.string(),
  /** the longest promised limit of the stage's items (working days) */
  promisedLimit: z.number().int(),
  /** waiting (not opened yet) | inProgress | done | stopped */
  status: z.enum(['waiting', 'inProgress', 'done', 'stopped']),
  items: z.array(z.object({ itemId: Id, itemName: z.string() })),
  cases: z.array(BundleRunChild),
});
export type BundleRunStage = z.infer<typeof BundleRunStage>;

/** One line of the fee sheet: an assessed fee of a child case, with its licence number (亮证收费). */
export const BundleFeeSheetLine = z.object({
  caseId: Id,
  caseNo: z.string(),
  itemName: z.string(),
  feeId: z.string(),
  name: z.string(),
  licenceNo: z.string(),
  amountFen: z.number().int(),
  status: z.enum(['assessed', 'paid', 'cancelled', 'refunded']),
  receiptNo: z.string().nullable(),
});

/** 一表式收费: every child case's fees in one sheet; `totalFen` counts assessed and paid lines, `unpaidFen` the assessed ones. */
export const BundleFeeSheet = z.object({
  lines: z.array(BundleFeeSheetLine),
  totalFen: z.number().int(),
  unpaidFen: z.number().int(),
  paidFen: z.number().int(),
});
export type BundleFeeSheet = z.infer<typeof BundleFeeSheet>;

export const BundleRunSummary = z.object({
  id: Id,
  runNo: z.string(),
  bundleId: Id,
  bundleName: z.string(),
  applicantName: z.string(),
  status: BundleRunStatus,
  /** 0-based stage in progress (the last one once concluded) */
  stage: z.number().int(),
  stageCount: z.number().int(),
  acceptedOn: IsoDate,
  promisedDue: IsoDate,
  endedOn: IsoDate.nullable(),
  createdAt: Instant,
});
export type BundleRunSummary = z.infer<typeof BundleRunSummary>;

/** What the actor may do on the run now (drives the buttons; the API agrees). */
export const BundleRunAction = z.enum(['assessFees', 'payFees']);

/** `GET /api/v1/bundle-runs/:id` (case:read over the run). */
export const BundleRunView = BundleRunSummary.extend({
  centerId: Id,
  verificationCode: z.string(),
  applicant: CaseApplicant,
  form: z.record(z.string(), z.unknown()),
  /** the combined form's field titles, by key (for showing `form`) */
  formTitles: z.record(z.string(), z.string()),
  materials: z.array(z.object({ code: z.string(), name: z.string(), required: z.boolean(), received: z.boolean() })),
  /** the one deadline: Σ over stages of the longest item's limit, working days from acceptance */
  limits: z.object({ promisedLimit: z.number().int(), statutoryLimit: z.number().int() }),
  statutoryDue: IsoDate,
  stages: z.array(BundleRunStage),
  stopReason: z.object({ caseId: Id, message: z.string(), messageEn: z.string() }).nullable(),
  fees: BundleFeeSheet,
  actions: z.array(BundleRunAction),
  version: z.number().int(),
});
export type BundleRunView = z.infer<typeof BundleRunView>;

/** `GET /api/v1/bundle-runs` (case:read; runs of the actor's scope, newest first). */
export const BundleRunListQuery = PageQuery.extend({
  status: BundleRunStatus.optional(),
  q: z.string().trim().max(100).optional(),
});
export type BundleRunListQuery = z.infer<typeof BundleRunListQuery>;
export const BundleRunList = listOf(BundleRunSummary);
export type BundleRunList = z.infer<typeof BundleRunList>;

/**
 * `POST /api/v1/bundle-runs/:id/fees/pay` (case:accept): pays every unpaid assessed fee of every
 * child case at once, one receipt number (`{runNo}-F{nn}`) for all; each child case records its
 * own payment. `reference` is required for online payments.
 */
export const PayBundleFeesBody = VersionBody.extend({
  method: z.enum(['cash', 'card', 'online']),
  reference: z.string().trim().max(100).optional(),
});
export type PayBundleFeesBody = z.input<typeof PayBundleFeesBody>;

/**
 * `POST /api/v1/bundle-runs/:id/fees/assess` (case:accept): assesses, on each accepted child case
 * whose item has a single fee line of a fixed amount, that line if not yet assessed (other lines
 * are assessed by the department on the case itself).
 */
export const AssessBundleFeesBody = VersionBody;
export type AssessBundleFeesBody = z.input<typeof AssessBundleFeesBody>;

/** `GET /api/v1/public/bundle-progress?runNo=&code=`: no login; a wrong code answers like an unknown number. */
export const BundleProgressQuery = z.object({
  runNo: z.string().trim().min(1).max(40),
  code: z.string().trim().min(1).max(16),
});
export type BundleProgressQuery = z.infer<typeof BundleProgressQuery>;

/** Where a run stands, for anyone holding its number and code: no applicant, no form, no opinions. */
export const PublicBundleProgress = z.object({
  runNo: z.string(),
  bundleName: z.string(),
  centerName: z.string(),
  status: BundleRunStatus,
  stage: z.number().int(),
  acceptedOn: IsoDate,
  promisedDue: IsoDate,
  endedOn: IsoDate.nullable(),
  stages: z.array(z.object({
    name: z.string(),
    status: BundleRunStage.shape.status,
    cases: z.array(BundleRunChild.pick({ caseNo: true, itemName: true, departmentName: true, status: true, outcome: true, light: true, promisedDue: true })),
  })),
});
export type PublicBundleProgress = z.infer<typeof PublicBundleProgress>;
