/**
 * Bundles (一件事 / 主题服务, DESIGN §3): items grouped in stages, run stage by stage with the
 * items of a stage in parallel, with one combined form, one set of materials, one fee sheet and
 * one deadline.
 *
 * Errors (all endpoints): the common `ErrorBody`. Rule failures are 400 `validation` with
 * `fields[].field` a JSON path into the body (`stages.1.itemIds.0`, `code`); a stale `version` is
 * 409 `conflict`; a move the status does not allow is 409 `invalidState`; role or scope missing
 * is 403 `forbidden`.
 */
import { z } from 'zod';
import { Id, Instant, PageQuery, listOf } from './common.js';
import { HandlingClass, Material, FeeLine } from './catalogue.js';

export const BundleStatus = z.enum(['draft', 'published', 'retired']);
export type BundleStatus = z.infer<typeof BundleStatus>;

/** Moves an actor may make on a bundle now (drives the editor's buttons). */
export const BundleAction = z.enum(['edit', 'publish', 'retire']);
export type BundleAction = z.infer<typeof BundleAction>;

/** A stage: its items run in parallel; stages run in order. At most 10 stages (a rule, 400 with field `stages`). */
export const BundleStage = z.object({
  name: z.string().trim().max(100),
  itemIds: z.array(Id).max(30),
});
export type BundleStage = z.infer<typeof BundleStage>;

/** The definition an admin edits. */
export const BundleData = z.object({
  code: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  summary: z.string().max(2000).default(''),
  themes: z.array(z.string().max(50)).max(20).default([]),
  stages: z.array(BundleStage).max(20).default([]),
});
export type BundleData = z.infer<typeof BundleData>;

/**
 * `POST /api/v1/admin/bundles` (catalogue:edit over the center): a new draft. `centerId` defaults
 * to the center of the actor's catalogue:edit grant; the code is unique in the center (409, field `code`).
 */
export const CreateBundleBody = BundleData.extend({ centerId: Id.optional() });
export type CreateBundleBody = z.input<typeof CreateBundleBody>;

/** `PUT /api/v1/admin/bundles/:id` (catalogue:edit): replaces the definition; a published bundle must still pass the publish rules. */
export const UpdateBundleBody = BundleData.extend({ version: z.number().int().min(1) });
export type UpdateBundleBody = z.input<typeof UpdateBundleBody>;

/** `POST /api/v1/admin/bundles/:id/publish | retire` (catalogue:publish): `version` as read. */
export const BundleStatusBody = z.object({ version: z.number().int().min(1), reason: z.string().trim().max(500).optional() });
export type BundleStatusBody = z.infer<typeof BundleStatusBody>;

export const BundleIdParams = z.object({ id: Id });

// ── the combined views ────────────────────────────────────────────────────────────────────

export const BundleLimits = z.object({
  /** Σ over stages of the longest promised limit in each, working days */
  promisedLimit: z.number().int(),
  /** Σ over stages of the longest statutory limit in each */
  statutoryLimit: z.number().int(),
});
export type BundleLimits = z.infer<typeof BundleLimits>;

/** One material of the deduplicated checklist, with the items it serves (their own material codes). */
export const CombinedMaterial = Material.omit({ code: true }).extend({
  code: z.string(),
  items: z.array(z.object({ itemId: Id, itemName: z.string(), materialCode: z.string(), required: z.boolean() })),
});
export type CombinedMaterial = z.infer<typeof CombinedMaterial>;

/**
 * One form: `schema` is a JSON Schema object; `mapping[itemId][property]` is the combined key of
 * that item's property, so a filled combined form splits back per item; `fields` lists each
 * combined key with the items it serves.
 */
export const CombinedForm = z.object({
  schema: z.record(z.string(), z.unknown()),
  mapping: z.record(z.string(), z.record(z.string(), z.string())),
  fields: z.array(z.object({ key: z.string(), name: z.string(), itemIds: z.array(Id), required: z.boolean() })),
});
export type CombinedForm = z.infer<typeof CombinedForm>;

/** 一表式收费: every item's fee lines naming the item, the total of fixed amounts (fen); `variable` when some line has none. */
export const CombinedFees = z.object({
  free: z.boolean(),
  lines: z.array(FeeLine.extend({ itemId: Id, itemName: z.string() })),
  totalFen: z.number().int(),
  variable: z.boolean(),
});
export type CombinedFees = z.infer<typeof CombinedFees>;

/** An item as a bundle shows it; `available` = its public version is published (not suspended, retired or never published). */
export const BundleItemView = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  departmentId: Id,
  departmentName: z.string(),
  handlingClass: HandlingClass,
  promisedLimit: z.number().int(),
  statutoryLimit: z.number().int(),
  available: z.boolean(),
});
export type BundleItemView = z.infer<typeof BundleItemView>;

export const BundleStageView = z.object({
  name: z.string(),
  items: z.array(BundleItemView),
  /** the longest item of the stage */
  promisedLimit: z.number().int(),
  statutoryLimit: z.number().int(),
});

/** Everything one application for the bundle needs. */
export const BundleCombined = z.object({
  stages: z.array(BundleStageView),
  limits: BundleLimits,
  materials: z.array(CombinedMaterial),
  form: CombinedForm,
  fees: CombinedFees,
});
export type BundleCombined = z.infer<typeof BundleCombined>;

// ── admin ─────────────────────────────────────────────────────────────────────────────────

export const BundleSummary = z.object({
  id: Id,
  centerId: Id,
  code: z.string(),
  name: z.string(),
  themes: z.array(z.string()),
  status: BundleStatus,
  stageCount: z.number().int(),
  itemCount: z.number().int(),
  updatedAt: Instant,
  publishedAt: Instant.nullable(),
  version: z.number().int(),
});
export type BundleSummary = z.infer<typeof BundleSummary>;

/** `GET /api/v1/admin/bundles` (catalogue:read; bundles of centers inside the actor's scope). */
export const AdminBundlesQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  centerId: Id.optional(),
  status: BundleStatus.optional(),
});
export type AdminBundlesQuery = z.infer<typeof AdminBundlesQuery>;
export const BundleList = listOf(BundleSummary);
export type BundleList = z.infer<typeof BundleList>;

/**
 * `GET /api/v1/admin/bundles/:id` (catalogue:read) and the reply of every admin write: the
 * definition, `preview` (the combined views on the items' current data), `problems` (what the
 * publish rules say now) and `actions`.
 */
export const AdminBundleDetail = BundleSummary.extend({
  summary: z.string(),
  stages: z.array(BundleStage),
  createdAt: Instant,
  preview: BundleCombined,
  problems: z.array(z.object({ field: z.string(), message: z.string(), messageEn: z.string() })),
  actions: z.array(BundleAction),
});
export type AdminBundleDetail = z.infer<typeof AdminBundleDetail>;

// ── public ────────────────────────────────────────────────────────────────────────────────

/** `GET /api/v1/public/bundles` (no login, rate-limited): published bundles; `q` matches name and code. */
export const PublicBundlesQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  theme: z.string().trim().max(50).optional(),
  centerId: Id.optional(),
});
export type PublicBundlesQuery = z.infer<typeof PublicBundlesQuery>;

export const PublicBundleSummary = z.object({
  id: Id,
  centerId: Id,
  code: z.string(),
  name: z.string(),
  summary: z.string(),
  themes: z.array(z.string()),
  stageCount: z.number().int(),
  itemCount: z.number().int(),
  limits: BundleLimits,
});
export type PublicBundleSummary = z.infer<typeof PublicBundleSummary>;
export const PublicBundleList = listOf(PublicBundleSummary);
export type PublicBundleList = z.infer<typeof PublicBundleList>;

/** `GET /api/v1/public/bundles/:id` — a published bundle by id, or by code (with `centerId`, else the shallowest center's). */
export const PublicBundleParams = z.object({ id: z.string().min(1).max(64) });
export const PublicBundleQuery = z.object({ centerId: Id.optional() });

/** `available`: every item is published now (else no application for the bundle is taken). */
export const PublicBundleDetail = BundleCombined.extend({
  id: Id,
  centerId: Id,
  code: z.string(),
  name: z.string(),
  summary: z.string(),
  themes: z.array(z.string()),
  publishedAt: Instant.nullable(),
  available: z.boolean(),
});
export type PublicBundleDetail = z.infer<typeof PublicBundleDetail>;
