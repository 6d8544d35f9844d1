/**
 * Organisation administration (DESIGN §1–2): centers, departments, windows, staff accounts and
 * delegations. Every endpoint is under `/api/v1/admin/` and needs a login (401 without one);
 * permissions are checked in the services with the scope (center subtree, department) → 403.
 *
 * Conventions used by every endpoint here:
 * - writes answer the record as the single-record GET would show it;
 * - updates and state moves carry the `version` they were read at; a stale one → 409 `conflict`;
 * - a taken unique key → 409 `conflict` whose `fields[0].field` names it (`areaCode`, `code`,
 *   `username`, `itemId`);
 * - `active` filters take 'true' | 'false'; absent = both.
 */
import { z } from 'zod';
import { AreaCode, Id, Instant, PageQuery, listOf } from './common.js';
import { ActiveFilter, CenterKind, Name, Phone, Text, WindowKind } from './organisation-common.js';

export * from './organisation-common.js';
export * from './staff.js';


// ——— centers ———

/** GET /api/v1/admin/centers — query. Permission: org:read (centers in the actor's subtrees). */
export const CenterListQuery = z.object({ active: ActiveFilter });
export type CenterListQuery = z.infer<typeof CenterListQuery>;

/**
 * One center of the flat tree. Items come in tree order (parents before children, siblings by
 * area code); `depth` counts from the installation's root (0), so a county admin's list starts at 1.
 */
export const CenterListItem = z.object({
  id: Id,
  parentId: Id.nullable(),
  /** materialized path `/rootId/…/id/` */
  path: z.string(),
  depth: z.number().int(),
  name: z.string(),
  kind: CenterKind,
  areaCode: z.string(),
  active: z.boolean(),
  departmentCount: z.number().int().describe('active departments'),
  windowCount: z.number().int().describe('active windows'),
  version: z.number().int(),
});
export type CenterListItem = z.infer<typeof CenterListItem>;

/** GET /api/v1/admin/centers — reply. */
export const CenterList = listOf(CenterListItem);
export type CenterList = z.infer<typeof CenterList>;

/** GET /api/v1/admin/centers/:id (org:read) — also the reply of every center write. */
export const CenterDetail = CenterListItem.extend({
  parentName: z.string().nullable(),
  address: z.string(),
  phone: z.string(),
  timeZone: z.string(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type CenterDetail = z.infer<typeof CenterDetail>;

/**
 * POST /api/v1/admin/centers — body. Permission: org:manage over the parent. `parentId` null
 * (a root) only for the system actor (CLI/seed); through the API → 403. Kind rules: a province
 * has no parent; city under a province (or root); county under a province or city (or root);
 * subCenter under a province/city/county; station under a city or county. Area code: 6 digits,
 * a real province prefix, the parent's province; unique → 409 field `areaCode`.
 */
export const CreateCenterBody = z.object({
  parentId: Id.nullable(),
  name: Name,
  kind: CenterKind,
  areaCode: AreaCode,
  address: Text(200).default(''),
  phone: Phone.default(''),
  timeZone: z.string().trim().min(1).max(64).default('Asia/Shanghai'),
});
export type CreateCenterBody = z.infer<typeof CreateCenterBody>;

/**
 * PUT /api/v1/admin/centers/:id — body: the whole record plus `version`. Permission: org:manage
 * over the center; changing `parentId` (a move), `kind` or `areaCode` also needs org:manage over
 * the current and the new parent. A move never goes under the center itself or a descendant.
 */
export const UpdateCenterBody = CreateCenterBody.extend({ version: z.number().int().min(1) });
export type UpdateCenterBody = z.infer<typeof UpdateCenterBody>;

// POST /api/v1/admin/centers/:id/deactivate — body StateMoveBody, reply CenterDetail.
//   org:manage over the parent (a root: system only); refused (422) while active child centers exist.
// POST /api/v1/admin/centers/:id/activate — body StateMoveBody, reply CenterDetail; same permission;
//   the parent must be active.

// ——— departments ———

/** GET /api/v1/admin/departments — query. Permission: org:read. `q` matches code, name, short name. */
export const DepartmentListQuery = PageQuery.extend({
  centerId: Id.optional(),
  q: z.string().trim().max(100).optional(),
  active: ActiveFilter,
});
export type DepartmentListQuery = z.infer<typeof DepartmentListQuery>;

/** A department; in lists the two phones are masked (138****0000), full in the single GET. */
export const Department = z.object({
  id: Id,
  centerId: Id,
  centerName: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  liaisonName: z.string(),
  liaisonPhone: z.string(),
  leaderName: z.string(),
  leaderPhone: z.string(),
  sort: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Department = z.infer<typeof Department>;

/** GET /api/v1/admin/departments — reply, ordered by center, `sort`, code. */
export const DepartmentList = listOf(Department);
export type DepartmentList = z.infer<typeof DepartmentList>;

/**
 * POST /api/v1/admin/departments — body. Permission: org:manage over the center. `code` is
 * upper-cased, unique within the center → 409 field `code`.
 */
export const CreateDepartmentBody = z.object({
  centerId: Id,
  code: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ or -')
    .transform((s) => s.toUpperCase()),
  name: Name,
  shortName: Text(50).default(''),
  liaisonName: Text(50).default(''),
  liaisonPhone: Phone.default(''),
  leaderName: Text(50).default(''),
  leaderPhone: Phone.default(''),
  sort: z.number().int().min(0).max(9999).default(0),
});
export type CreateDepartmentBody = z.infer<typeof CreateDepartmentBody>;

/** PUT /api/v1/admin/departments/:id — body (the center cannot change). Permission: org:manage. */
export const UpdateDepartmentBody = CreateDepartmentBody.omit({ centerId: true }).extend({ version: z.number().int().min(1) });
export type UpdateDepartmentBody = z.infer<typeof UpdateDepartmentBody>;

// GET /api/v1/admin/departments/:id — reply Department (org:read).
// POST /api/v1/admin/departments/:id/deactivate — body StateMoveBody, reply Department (org:manage);
//   refused (422, field `id`) while an active window is dedicated to it, serves it or has it on its roster.
// POST /api/v1/admin/departments/:id/activate — body StateMoveBody, reply Department (org:manage).

// ——— windows ———

/** GET /api/v1/admin/windows — query. Permission: org:read. `departmentId`: windows serving it. */
export const WindowListQuery = PageQuery.extend({
  centerId: Id.optional(),
  kind: WindowKind.optional(),
  departmentId: Id.optional(),
  q: z.string().trim().max(100).optional(),
  active: ActiveFilter,
});
export type WindowListQuery = z.infer<typeof WindowListQuery>;

export const RosterEntry = z.object({
  /** 1 = Monday … 5 = Friday */
  weekday: z.number().int().min(1).max(5),
  departmentId: Id,
});
export type RosterEntry = z.infer<typeof RosterEntry>;

export const Window = z.object({
  id: Id,
  centerId: Id,
  centerName: z.string(),
  code: z.string(),
  name: z.string(),
  kind: WindowKind,
  /** dedicated windows only */
  departmentId: Id.nullable(),
  /** every department the window accepts for (a dedicated window: its one department) */
  servedDepartmentIds: z.array(Id),
  /** appointment windows: Monday–Friday, ordered by weekday; others: [] */
  roster: z.array(RosterEntry),
  location: z.string(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Window = z.infer<typeof Window>;
/** The same schema under a name that does not shadow the DOM's global `Window` in web code. */
export const HallWindow = Window;
export type HallWindow = Window;

/** GET /api/v1/admin/windows — reply, ordered by center and code. */
export const WindowList = listOf(Window);
export type WindowList = z.infer<typeof WindowList>;

/**
 * POST /api/v1/admin/windows — body. Permission: org:manage over the center. `code` (e.g. A01)
 * is upper-cased, unique within the center → 409 field `code`. Rules (400 naming the field):
 * dedicated ⇒ `departmentId` required, served = [it], no roster; comprehensive ⇒ ≥ 2
 * `servedDepartmentIds`, no `departmentId`, no roster; appointment ⇒ ≥ 2 served and a `roster`
 * with exactly one department for each weekday 1–5, each one of the served departments. All
 * departments: active, of the window's center.
 */
export const CreateWindowBody = z.object({
  centerId: Id,
  code: z
    .string()
    .trim()
    .min(1)
    .max(16)
    .regex(/^[A-Za-z0-9-]+$/, 'letters, digits or -')
    .transform((s) => s.toUpperCase()),
  name: Name,
  kind: WindowKind,
  departmentId: Id.nullable().default(null),
  servedDepartmentIds: z.array(Id).max(100).default([]),
  roster: z.array(RosterEntry).max(5).default([]),
  location: Text(100).default(''),
});
export type CreateWindowBody = z.infer<typeof CreateWindowBody>;

/** PUT /api/v1/admin/windows/:id — body (the center cannot change). Permission: org:manage. */
export const UpdateWindowBody = CreateWindowBody.omit({ centerId: true }).extend({ version: z.number().int().min(1) });
export type UpdateWindowBody = z.infer<typeof UpdateWindowBody>;

// GET /api/v1/admin/windows/:id — reply Window (org:read).
// POST /api/v1/admin/windows/:id/deactivate | activate — body StateMoveBody, reply Window (org:manage).
