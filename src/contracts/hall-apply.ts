/**
 * Applying online (网上申报, DESIGN §9): the item's form (its JSON Schema, checked in the browser
 * with src/domain/forms and again on the server) and materials checklist; drafts kept on the
 * server as the applicant types (each save carries the version it was read at: a stale second
 * tab gets 409); uploads against the checklist (multipart, one part `file`; PDF, JPG or PNG by
 * content; at most UPLOAD_MAX_MB); submission, which makes the case — once per draft.
 */
import { z } from 'zod';
import { Id, Instant, IsoDate, VersionBody } from './common.js';

export const ChecklistMaterial = z.object({
  code: z.string(),
  name: z.string(),
  required: z.boolean(),
  form: z.string(),
  copies: z.number().int(),
  notes: z.string(),
  /** downloadable sample (示范文本) and blank form (空白表格), when the catalogue has them */
  sampleFileUrl: z.string().nullable(),
  blankFileUrl: z.string().nullable(),
});
export type ChecklistMaterial = z.infer<typeof ChecklistMaterial>;

/** `GET /api/v1/public/items/:id/form` (public) */
export const ItemForm = z.object({
  itemId: Id,
  versionId: Id,
  versionNo: z.number().int(),
  code: z.string(),
  name: z.string(),
  departmentName: z.string(),
  onlineDepth: z.enum(['fullOnline', 'onlinePreReview', 'window']),
  /** false: the item is handled at the window only */
  applyOnline: z.boolean(),
  /** JSON Schema (subset: see src/domain/forms/validate.ts) */
  formSchema: z.record(z.string(), z.unknown()),
  materials: z.array(ChecklistMaterial),
  upload: z.object({ types: z.array(z.string()), maxMb: z.number().int() }),
  /** working days the center has for the online pre-review (网上预审) */
  prereviewDays: z.number().int(),
});
export type ItemForm = z.infer<typeof ItemForm>;

/** One uploaded file of a material. */
export const UploadView = z.object({
  id: Id,
  materialCode: z.string(),
  fileId: Id,
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** GET /api/v1/hall/files/:fileId */
  url: z.string(),
  createdAt: Instant,
});
export type UploadView = z.infer<typeof UploadView>;

export const DraftView = z.object({
  id: Id,
  itemId: Id,
  itemName: z.string(),
  /** whose application: the account itself, or an enterprise it acts for (代办) */
  principal: z.object({ userId: Id, name: z.string() }),
  formData: z.record(z.string(), z.unknown()),
  uploads: z.array(UploadView),
  /** set once submitted: the case it became */
  caseId: Id.nullable(),
  version: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type DraftView = z.infer<typeof DraftView>;

export const DraftListItem = DraftView.pick({ id: true, itemId: true, itemName: true, principal: true, caseId: true, version: true, updatedAt: true });
export const DraftList = z.object({ items: z.array(DraftListItem), total: z.number().int() });
export type DraftList = z.infer<typeof DraftList>;

/** `POST /api/v1/hall/drafts` */
export const NewDraftBody = z.object({
  itemId: Id,
  /** an enterprise account this account is an agent of; default: the account itself */
  principalId: Id.optional(),
});
export type NewDraftBody = z.infer<typeof NewDraftBody>;

/** `PUT /api/v1/hall/drafts/:id`: saved as typed (checked only on submit) */
export const SaveDraftBody = VersionBody.extend({ formData: z.record(z.string(), z.unknown()) });
export type SaveDraftBody = z.infer<typeof SaveDraftBody>;

/** `POST /api/v1/hall/drafts/:id/submit`: the version the applicant last saw */
export const SubmitDraftBody = VersionBody;
export type SubmitDraftBody = z.infer<typeof SubmitDraftBody>;

/** `POST …/materials?materialCode=M01` (multipart, part `file`) */
export const UploadQuery = z.object({ materialCode: z.string().trim().min(1).max(32) });
export type UploadQuery = z.infer<typeof UploadQuery>;

export const DraftMaterialParams = z.object({ id: z.string().max(64), materialId: z.string().max(64) });

/** The online application of a case as a clerk pre-reviews it (`GET /api/v1/cases/:id/application`). */
export const ApplicationView = z.object({
  caseId: Id,
  submittedOn: IsoDate,
  /** 网上预审 due (working days from submission, or from the last resubmission) */
  prereviewDue: IsoDate,
  formData: z.record(z.string(), z.unknown()),
  materials: z.array(
    UploadView.extend({
      /** pending: uploaded for a supplement, not yet handed in; replaced: a supplement brought a newer one */
      status: z.enum(['pending', 'submitted', 'replaced']),
      round: z.number().int(),
      /** GET /api/v1/cases/:caseId/materials/:id/file */
      url: z.string(),
    }),
  ),
});
export type ApplicationView = z.infer<typeof ApplicationView>;
