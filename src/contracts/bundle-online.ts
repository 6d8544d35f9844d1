/**
 * Online bundle applications (一件事 网上申请, DESIGN §3, §9): an applicant signed in to the hall
 * applies for a published bundle with the combined form and the combined checklist's materials
 * (uploaded first, each by material code); the window accepts it into a bundle run or returns it
 * with every reason at once (一次性告知). The applicant's identity is the account's real name.
 *
 * Errors (all endpoints): the common `ErrorBody`. Bad input is 400 `validation` naming each field
 * (`bundleId`, `form.<key>`, `materials.<code>`, `materials.N.fileId`, `materialCode`, `file`,
 * `reason`); no real-name identity 422; a stale `version` 409 `conflict`; a move the status does
 * not allow 409 `invalidState`; another applicant's application 404; staff without case:intake +
 * case:accept over the bundle's center and departments 403.
 */
import { z } from 'zod';
import { PublicBundleProgress } from './bundle-case.js';
import { Id, Instant, PageQuery, VersionBody, listOf } from './common.js';

export const BUNDLE_APPLICATION_STATUSES = ['submitted', 'accepted', 'returned', 'withdrawn'] as const;
export const BundleApplicationStatus = z.enum(BUNDLE_APPLICATION_STATUSES);
export type BundleApplicationStatus = z.infer<typeof BundleApplicationStatus>;

const Code = z.string().trim().min(1).max(16);

/** `POST /api/v1/hall/bundle-uploads?bundleId=&materialCode=` (multipart, one part `file`). */
export const BundleUploadQuery = z.object({ bundleId: Id, materialCode: Code });
export type BundleUploadQuery = z.infer<typeof BundleUploadQuery>;

export const BundleUploadView = z.object({
  fileId: Id,
  materialCode: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** the applicant's download (`/api/v1/hall/files/:id`) or the staff's */
  url: z.string(),
  createdAt: Instant,
});
export type BundleUploadView = z.infer<typeof BundleUploadView>;

/** `POST /api/v1/hall/bundle-applications`: the applicant's own uploads by code of the combined checklist. */
export const SubmitBundleApplicationBody = z.object({
  bundleId: Id,
  form: z.record(z.string(), z.unknown()).default({}),
  materials: z.array(z.object({ code: Code, fileId: Id })).max(200).default([]),
});
export type SubmitBundleApplicationBody = z.input<typeof SubmitBundleApplicationBody>;

export const BundleApplicationParams = z.object({ id: Id });
export const BundleApplicationFileParams = z.object({ id: Id, fileId: Id });

export const BundleApplicationListQuery = PageQuery.extend({ status: BundleApplicationStatus.optional() });
export type BundleApplicationListQuery = z.input<typeof BundleApplicationListQuery>;

export const BundleApplicationSummary = z.object({
  id: Id,
  bundleId: Id,
  bundleName: z.string(),
  /** masked for staff lists */
  applicantName: z.string(),
  status: BundleApplicationStatus,
  submittedAt: Instant,
  decidedAt: Instant.nullable(),
  runId: Id.nullable(),
  version: z.number().int(),
});
export type BundleApplicationSummary = z.infer<typeof BundleApplicationSummary>;
export const BundleApplicationList = listOf(BundleApplicationSummary);
export type BundleApplicationList = z.infer<typeof BundleApplicationList>;

export const BundleApplicationMaterial = z.object({
  code: z.string(),
  name: z.string(),
  required: z.boolean(),
  files: z.array(BundleUploadView),
});

/** 一次性告知: every reason at once, and the materials at fault. */
export const BundleReturnReason = z.object({ reason: z.string(), materials: z.array(z.string()) });

export const BundleApplicationView = BundleApplicationSummary.extend({
  centerId: Id,
  applicant: z.object({
    kind: z.enum(['person', 'enterprise']),
    name: z.string(),
    /** masked (staff see the run's full data once accepted) */
    idNumber: z.string().nullable(),
    uscc: z.string().nullable(),
    phone: z.string(),
  }),
  form: z.record(z.string(), z.unknown()),
  /** the combined form's field titles by key */
  formTitles: z.record(z.string(), z.string()),
  materials: z.array(BundleApplicationMaterial),
  returned: BundleReturnReason.nullable(),
  /** the run, once accepted: its number, query code and where it stands */
  run: z.object({ runNo: z.string(), verificationCode: z.string(), progress: PublicBundleProgress }).nullable(),
  /** what the reader may do now */
  actions: z.array(z.enum(['withdraw', 'accept', 'return'])),
});
export type BundleApplicationView = z.infer<typeof BundleApplicationView>;

export const WithdrawBundleApplicationBody = VersionBody;
export type WithdrawBundleApplicationBody = z.input<typeof WithdrawBundleApplicationBody>;
export const AcceptBundleApplicationBody = VersionBody;
export type AcceptBundleApplicationBody = z.input<typeof AcceptBundleApplicationBody>;

export const ReturnBundleApplicationBody = VersionBody.extend({
  reason: z.string().trim().min(1).max(2000),
  /** codes of the combined checklist at fault */
  materials: z.array(Code).max(200).default([]),
});
export type ReturnBundleApplicationBody = z.input<typeof ReturnBundleApplicationBody>;
