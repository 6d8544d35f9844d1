/**
 * Request and response schemas of every catalogue endpoint (admin, public, export/import).
 * The item's own fields are `ItemData` in ./catalogue.ts. Every mutating admin endpoint answers
 * with the whole `AdminItemDetail`, so the editor can simply replace what it shows.
 *
 * Errors (all endpoints): the common `ErrorBody`. Publish-rule failures are 400 `validation`
 * with `fields[].field` a JSON path into ItemData (`promisedLimit`, `fees.lines.0.licenceNo`,
 * `materials.3.code`); a stale `version` is 409 `conflict`; a move the status does not allow is
 * 409 `invalidState`; role or scope missing is 403 `forbidden`.
 */
import { z } from 'zod';
import { ErrorBody, Id, Instant, PageQuery, listOf } from './common.js';
import {
  HandlingClass,
  ItemData,
  ItemStatus,
  ItemVersionView,
  Material,
  OnlineDepth,
  ProcedureStep,
  StaffRole,
} from './catalogue.js';

const FieldProblem = z.object({ field: z.string(), message: z.string(), messageEn: z.string() });

/** Moves an actor may make on an item now (drives the editor's buttons). */
export const ItemAction = z.enum(['editDraft', 'newDraft', 'publish', 'suspend', 'resume', 'retire']);
export type ItemAction = z.infer<typeof ItemAction>;

// ── admin: list ────────────────────────────────────────────────────────────────────────────

/**
 * `GET /api/v1/admin/items` (catalogue:read; only items inside the actor's scope).
 * `status` filters on the item's status (see `AdminItemSummary.status`); `q` matches name, code,
 * summary and department name of the latest version (case-insensitive).
 */
export const AdminItemsQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  departmentId: Id.optional(),
  centerId: Id.optional(),
  status: ItemStatus.optional(),
  handlingClass: HandlingClass.optional(),
});
export type AdminItemsQuery = z.infer<typeof AdminItemsQuery>;

/**
 * One row of the admin list: the latest version's name/department/class, plus
 * `status` = the item's status: `published`/`suspended` while it has a public version, else
 * `draft` (never published, or retired and re-drafted), else `retired`.
 */
export const AdminItemSummary = z.object({
  id: Id,
  centerId: Id,
  code: z.string(),
  name: z.string(),
  departmentId: Id,
  departmentName: z.string(),
  handlingClass: HandlingClass,
  onlineDepth: OnlineDepth,
  status: ItemStatus,
  hasDraft: z.boolean(),
  latestVersionNo: z.number().int(),
  draftVersionNo: z.number().int().nullable(),
  publishedVersionNo: z.number().int().nullable(),
  updatedAt: Instant,
});
export type AdminItemSummary = z.infer<typeof AdminItemSummary>;

/** Reply of `GET /api/v1/admin/items`. */
export const AdminItemList = listOf(AdminItemSummary);
export type AdminItemList = z.infer<typeof AdminItemList>;

// ── admin: one item ────────────────────────────────────────────────────────────────────────

/** A version without its data (history table of the editor). */
export const ItemVersionSummary = z.object({
  id: Id,
  versionNo: z.number().int(),
  status: ItemStatus,
  name: z.string(),
  createdAt: Instant,
  updatedAt: Instant,
  publishedAt: Instant.nullable(),
  version: z.number().int(),
});
export type ItemVersionSummary = z.infer<typeof ItemVersionSummary>;

/**
 * `GET /api/v1/admin/items/:id` (catalogue:read) and the reply of every admin item mutation.
 * `draft` is the one editable version (its `version` is the token for PUT …/draft and …/publish);
 * `published` is the current public version (status published or suspended; its `version` is the
 * token for suspend/resume/retire). `actions` are the moves this actor may make now.
 */
export const AdminItemDetail = z.object({
  item: AdminItemSummary,
  versions: z.array(ItemVersionSummary),
  draft: ItemVersionView.nullable(),
  published: ItemVersionView.nullable(),
  actions: z.array(ItemAction),
});
export type AdminItemDetail = z.infer<typeof AdminItemDetail>;

/** Path params of `/api/v1/admin/items/:id/…`. */
export const ItemIdParams = z.object({ id: Id });
/** Path params of `GET /api/v1/admin/items/:id/versions/:versionNo`. */
export const ItemVersionParams = z.object({ id: Id, versionNo: z.coerce.number().int().min(1) });

/** `POST /api/v1/admin/items` (catalogue:edit over the department): body is ItemData → draft v1. */
export const CreateItemBody = ItemData;

/** `PUT /api/v1/admin/items/:id/draft` (catalogue:edit): replace the draft's data. */
export const SaveDraftBody = z.object({ version: z.number().int().min(1), data: ItemData });
export type SaveDraftBody = z.infer<typeof SaveDraftBody>;

/**
 * `POST /api/v1/admin/items/:id/draft` (catalogue:edit): new draft v(n+1) copied from the
 * published version (or, for a retired item, from its last version). 409 invalidState if a
 * draft exists. Body may be empty (or `{}`).
 */
export const NewDraftBody = z.object({}).nullish();

/** `POST /api/v1/admin/items/:id/publish` (catalogue:publish): `version` of the draft. */
export const PublishBody = z.object({ version: z.number().int().min(1) });
export type PublishBody = z.infer<typeof PublishBody>;

/**
 * `POST /api/v1/admin/items/:id/suspend | resume | retire` (catalogue:publish): `version` of the
 * current public version (`AdminItemDetail.published.version`); `reason` goes to the action log.
 */
export const StatusChangeBody = z.object({
  version: z.number().int().min(1),
  reason: z.string().trim().max(500).optional(),
});
export type StatusChangeBody = z.infer<typeof StatusChangeBody>;

/**
 * `POST /api/v1/admin/items/:id/validate` (catalogue:read) — body `{ data }` checks that data;
 * an empty body checks the current draft. `POST /api/v1/admin/items/validate` (catalogue:read)
 * checks unsaved data for a new item. Nothing is saved.
 */
export const ValidateItemBody = z.object({ data: ItemData.optional() }).nullish();
export const ValidateItemReply = z.object({ ok: z.boolean(), problems: z.array(FieldProblem) });
export type ValidateItemReply = z.infer<typeof ValidateItemReply>;

// ── guide (public detail, also the admin preview) ─────────────────────────────────────────

/** A downloadable file: `url` is the public download (or the admin one in previews). */
export const GuideFile = z.object({
  id: Id,
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  url: z.string(),
});
export type GuideFile = z.infer<typeof GuideFile>;

export const GuideMaterial = Material.extend({
  sampleFile: GuideFile.nullable(),
  blankFile: GuideFile.nullable(),
});

/** A procedure step with its working department resolved (the item's own when data says null). */
export const GuideStep = ProcedureStep.extend({
  departmentName: z.string(),
  /** index of the stage it runs in: steps sharing a stage run in parallel (co-departments' opinions) */
  stage: z.number().int(),
});

/**
 * The flowchart: nodes with their successors. `start` → steps (parallel steps share a `stage`
 * and fan out from the previous stage) → `end`. Draw in `stage` order, left to right.
 */
export const FlowNode = z.object({
  id: z.string(),
  kind: z.enum(['start', 'step', 'end']),
  label: z.string(),
  stage: z.number().int(),
  departmentName: z.string().nullable(),
  role: StaffRole.nullable(),
  limitDays: z.number().int().nullable(),
  next: z.array(z.string()),
});
export type FlowNode = z.infer<typeof FlowNode>;

const DepartmentRef = z.object({ id: Id, code: z.string(), name: z.string() });

/**
 * `GET /api/v1/public/items/:idOrCode` (no login): everything the guide page (办事指南) shows.
 * All ItemData fields, with materials carrying their files, steps their department names,
 * `flow` to draw, and `suspended` (show 暂停办理; no new applications).
 */
export const ItemGuide = ItemData.extend({
  materials: z.array(GuideMaterial),
  procedure: z.array(GuideStep),
}).extend({
  id: Id,
  centerId: Id,
  versionId: Id,
  versionNo: z.number().int(),
  status: ItemStatus,
  suspended: z.boolean(),
  publishedAt: Instant.nullable(),
  department: DepartmentRef,
  coDepartments: z.array(DepartmentRef),
  /** sum over stages of each stage's longest step, in working days */
  procedureDays: z.number().int(),
  flow: z.array(FlowNode),
});
export type ItemGuide = z.infer<typeof ItemGuide>;

/** `GET /api/v1/admin/items/:id/versions/:versionNo` (catalogue:read): any version, as stored and as the guide would show it. */
export const ItemVersionPreview = z.object({ version: ItemVersionView, guide: ItemGuide });
export type ItemVersionPreview = z.infer<typeof ItemVersionPreview>;

// ── public search ─────────────────────────────────────────────────────────────────────────

/**
 * `GET /api/v1/public/items` (no login, rate-limited): published and suspended items only.
 * `department` is a department id or code; `q` matches name/code/summary/department name.
 */
export const PublicItemsQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  department: z.string().trim().max(64).optional(),
  theme: z.string().trim().max(50).optional(),
  onlineDepth: OnlineDepth.optional(),
  handlingClass: HandlingClass.optional(),
  centerId: Id.optional(),
});
export type PublicItemsQuery = z.infer<typeof PublicItemsQuery>;

export const PublicItemSummary = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  departmentId: Id,
  departmentName: z.string(),
  handlingClass: HandlingClass,
  onlineDepth: OnlineDepth,
  maxVisits: z.number().int(),
  promisedLimit: z.number().int(),
  statutoryLimit: z.number().int(),
  themes: z.array(z.string()),
  suspended: z.boolean(),
});
export type PublicItemSummary = z.infer<typeof PublicItemSummary>;
export const PublicItemList = listOf(PublicItemSummary);
export type PublicItemList = z.infer<typeof PublicItemList>;

/** Path params of `GET /api/v1/public/items/:id` — an item id or an item code. */
export const PublicItemParams = z.object({ id: z.string().min(1).max(64) });

/** `GET /api/v1/public/departments`: departments that have published (or suspended) items. */
export const PublicDepartment = z.object({ id: Id, code: z.string(), name: z.string(), centerId: Id, count: z.number().int() });
export const PublicDepartmentList = listOf(PublicDepartment);
export type PublicDepartmentList = z.infer<typeof PublicDepartmentList>;

/** `GET /api/v1/public/themes`: themes of published items with counts, most used first. */
export const PublicTheme = z.object({ theme: z.string(), count: z.number().int() });
export const PublicThemeList = listOf(PublicTheme);
export type PublicThemeList = z.infer<typeof PublicThemeList>;

/** Optional `centerId` filter of the two lists above. */
export const PublicCenterQuery = z.object({ centerId: Id.optional() });

// ── files ─────────────────────────────────────────────────────────────────────────────────

/**
 * `POST /api/v1/admin/files` (catalogue:edit; multipart, one part named `file`; PDF, DOC,
 * DOCX, XLS, XLSX, JPG, PNG by content; ≤ 20 MB). `mime` is what the bytes are, whatever the
 * name says. Download: `GET /api/v1/admin/files/:id` (catalogue:read) or, once a published
 * version uses it as a sample/blank form, `GET /api/v1/public/files/:id`.
 */
export const FileInfo = z.object({ id: Id, name: z.string(), size: z.number().int(), sha256: z.string(), mime: z.string() });
export type FileInfo = z.infer<typeof FileInfo>;
export const FileIdParams = z.object({ id: Id });

// ── export / import ───────────────────────────────────────────────────────────────────────

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 hex');
const DeptCode = z.string().min(1).max(64);

/** A material as exported: files referenced by content hash (their bytes are in `files`). */
export const PortableMaterial = Material.omit({ sampleFileId: true, blankFileId: true }).extend({
  sampleFileSha256: Sha256.nullable().default(null),
  blankFileSha256: Sha256.nullable().default(null),
});
/** A step as exported: `departmentCode` null = the item's own department. */
export const PortableStep = ProcedureStep.omit({ departmentId: true }).extend({
  departmentCode: DeptCode.nullable().default(null),
});
/** ItemData with departments by code and files by hash, portable between installations. */
export const PortableItemData = ItemData.omit({
  departmentId: true,
  coDepartmentIds: true,
  materials: true,
  procedure: true,
}).extend({
  departmentCode: DeptCode,
  coDepartmentCodes: z.array(DeptCode).default([]),
  materials: z.array(PortableMaterial).default([]),
  procedure: z.array(PortableStep).default([]),
});
export type PortableItemData = z.infer<typeof PortableItemData>;
export type PortableItemDataInput = z.input<typeof PortableItemData>;

/**
 * One exported item: its public version's data and status (published/suspended), or for an
 * item never published / retired, its latest version. A pending draft of a published item is
 * not exported.
 */
export const CatalogueRow = z.object({ code: z.string().min(1).max(64), status: ItemStatus, data: PortableItemData });
export type CatalogueRow = z.infer<typeof CatalogueRow>;

export const PortableFile = z.object({
  sha256: Sha256,
  name: z.string().min(1).max(255),
  mime: z.string().min(1).max(100),
  contentBase64: z.string(),
});
export type PortableFile = z.infer<typeof PortableFile>;

/** `GET /api/v1/admin/catalogue/export?centerId=` (catalogue:import over the center). */
export const CatalogueExport = z.object({
  format: z.literal('onestop-catalogue'),
  version: z.literal(1),
  exportedAt: Instant,
  items: z.array(CatalogueRow),
  files: z.array(PortableFile).default([]),
});
export type CatalogueExport = z.infer<typeof CatalogueExport>;

/** `centerId` of export/import; default: the center of the actor's catalogue:import grant. */
export const CatalogueCenterQuery = z.object({ centerId: Id.optional() });

/**
 * `POST /api/v1/admin/catalogue/import?centerId=` (catalogue:import): the export format. Rows are
 * checked one by one by the service (so `items` is loosely typed here) and reported by index.
 */
export const CatalogueImportBody = z.object({
  format: z.literal('onestop-catalogue'),
  version: z.literal(1),
  exportedAt: Instant.optional(),
  items: z.array(z.unknown()).max(10000),
  files: z.array(PortableFile).default([]),
});
export type CatalogueImportBody = z.infer<typeof CatalogueImportBody>;

/** Import succeeded: every row written in one transaction. */
export const CatalogueImportResult = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  files: z.number().int(),
});
export type CatalogueImportResult = z.infer<typeof CatalogueImportResult>;

/**
 * One rejected row. `field` is a JSON path inside the row: `code`, `status`,
 * `data.promisedLimit`, `data.materials.2.code`, `data.departmentCode`, …
 */
export const ImportRowReport = z.object({
  index: z.number().int(),
  code: z.string().nullable(),
  errors: z.array(FieldProblem),
});
export type ImportRowReport = z.infer<typeof ImportRowReport>;

/**
 * 422 reply of the import when any row fails (nothing is written): the usual error with
 * `fields[].field` = `items.<index>.<path in row>` (e.g. `items.3.data.promisedLimit`), and
 * `report` grouping the same problems by row.
 */
export const CatalogueImportRejected = ErrorBody.extend({ report: z.array(ImportRowReport) });
export type CatalogueImportRejected = z.infer<typeof CatalogueImportRejected>;
