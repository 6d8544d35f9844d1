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
import { CENTER_KINDS } from '../domain/organisation/centers.js';
import { GRANT_ROLES } from '../domain/organisation/grants.js';
import { PHONE_RE } from '../domain/organisation/phone.js';
import { WINDOW_KINDS } from '../domain/organisation/windows.js';
import { AreaCode, Id, Instant, PageQuery, VersionBody, listOf } from './common.js';

// ——— shared pieces ———

export const CenterKind = z.enum(CENTER_KINDS);
export type CenterKind = z.infer<typeof CenterKind>;
export const WindowKind = z.enum(WINDOW_KINDS);
export type WindowKind = z.infer<typeof WindowKind>;
/** Roles a staff account can be granted: clerk, chiefRep, reviewer, deptLeader need a department. */
export const GrantRole = z.enum(GRANT_ROLES);
export type GrantRole = z.infer<typeof GrantRole>;

/** Mainland mobile (13800000000) or landline with area code (0536-8096000[-123]); '' = none. */
export const Phone = z.string().trim().max(32).regex(PHONE_RE, 'mobile or landline with area code');
const ActiveFilter = z.enum(['true', 'false']).optional();
const Name = z.string().trim().min(1).max(100);
const Text = (max: number) => z.string().trim().max(max);

/** `:id` of every single-record route. */
export const IdParams = z.object({ id: Id });
export type IdParams = z.infer<typeof IdParams>;

/** Body of the deactivate / activate moves. */
export const StateMoveBody = VersionBody;
export type StateMoveBody = z.infer<typeof StateMoveBody>;

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

// ——— staff accounts ———

export const Grant = z.object({
  role: GrantRole,
  centerId: Id,
  /** required for clerk, chiefRep, reviewer, deptLeader (a department of `centerId`); null otherwise */
  departmentId: Id.nullable().default(null),
});
export type Grant = z.infer<typeof Grant>;

/** A grant as shown, with names for display. */
export const GrantView = z.object({
  role: GrantRole,
  centerId: Id,
  centerName: z.string(),
  departmentId: Id.nullable(),
  departmentName: z.string().nullable(),
});
export type GrantView = z.infer<typeof GrantView>;

/**
 * GET /api/v1/admin/staff — query. Permission: user:read; lists the staff accounts with a grant
 * (or home) inside the actor's user:read scope (a deptLeader: their department's staff).
 * `q` matches username and display name; `role`, `centerId`, `departmentId` filter on grants.
 */
export const StaffListQuery = PageQuery.extend({
  centerId: Id.optional(),
  departmentId: Id.optional(),
  role: GrantRole.optional(),
  q: z.string().trim().max(100).optional(),
  active: ActiveFilter,
});
export type StaffListQuery = z.infer<typeof StaffListQuery>;

export const StaffListItem = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  /** always masked here: 138****5678 */
  phone: z.string(),
  email: z.string(),
  /** home center and department: those of the first grant when the account was created */
  centerId: Id.nullable(),
  centerName: z.string().nullable(),
  departmentId: Id.nullable(),
  departmentName: z.string().nullable(),
  grants: z.array(GrantView),
  windowIds: z.array(Id),
  active: z.boolean(),
  /** locked after repeated failed logins (until `lockedUntil`) */
  locked: z.boolean(),
  version: z.number().int(),
});
export type StaffListItem = z.infer<typeof StaffListItem>;

/** GET /api/v1/admin/staff — reply, ordered by username. */
export const StaffList = listOf(StaffListItem);
export type StaffList = z.infer<typeof StaffList>;

/**
 * GET /api/v1/admin/staff/:id (user:read) — also the reply of every staff write. `phone` is full
 * only when the actor holds user:manage over the account (that read is written to the action
 * log), masked otherwise; `phoneMasked` says which.
 */
export const StaffDetail = StaffListItem.extend({
  phoneMasked: z.boolean(),
  lockedUntil: Instant.nullable(),
  failedLogins: z.number().int(),
  passwordChangedAt: Instant.nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type StaffDetail = z.infer<typeof StaffDetail>;

const Username = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . or -');

/**
 * POST /api/v1/admin/staff — body. Permission: user:manage covering every grant (an admin grants
 * only inside their own subtree, never centerAdmin above their own center). Password policy
 * (≥ 8 chars, letters and digits) → 400 field `password`. Username unique → 409 field `username`.
 * Windows must be active windows of a center the account holds a grant in (field `windowIds.N`).
 * The first grant's center/department become the account's home.
 */
export const CreateStaffBody = z.object({
  username: Username,
  displayName: Name,
  phone: Phone.default(''),
  email: z.union([z.literal(''), z.email().max(100)]).default(''),
  password: z.string().min(1).max(128),
  grants: z.array(Grant).min(1).max(20),
  windowIds: z.array(Id).max(20).default([]),
});
export type CreateStaffBody = z.infer<typeof CreateStaffBody>;

/**
 * PUT /api/v1/admin/staff/:id — body; grants and windows are replaced as a whole. Permission:
 * user:manage covering every current and every new grant. The username never changes.
 */
export const UpdateStaffBody = CreateStaffBody.omit({ username: true, password: true }).extend({
  version: z.number().int().min(1),
});
export type UpdateStaffBody = z.infer<typeof UpdateStaffBody>;

/**
 * POST /api/v1/admin/staff/:id/reset-password — body; reply StaffDetail. Permission: user:manage
 * over the account. Sets the password the admin gives (policy → 400 field `password`), clears a
 * lockout and ends all the user's sessions.
 */
export const ResetPasswordBody = z.object({ password: z.string().min(1).max(128) });
export type ResetPasswordBody = z.infer<typeof ResetPasswordBody>;

// POST /api/v1/admin/staff/:id/deactivate — body StateMoveBody, reply StaffDetail (user:manage);
//   ends the user's sessions; deactivating oneself → 422.
// POST /api/v1/admin/staff/:id/activate — body StateMoveBody, reply StaffDetail (user:manage).
// POST /api/v1/admin/staff/:id/unlock — no body, reply StaffDetail (user:manage); clears the lockout.

// ——— delegations (授权: items a department's chief rep may decide at the window) ———

/**
 * GET /api/v1/admin/delegations — query. Permission: org:read over the department (so chief reps
 * see what they may decide) when `departmentId` is given; otherwise lists every delegation in
 * the actor's org:read scope.
 */
export const DelegationListQuery = PageQuery.extend({ departmentId: Id.optional() });
export type DelegationListQuery = z.infer<typeof DelegationListQuery>;

export const Delegation = z.object({
  id: Id,
  departmentId: Id,
  departmentName: z.string(),
  itemId: Id,
  itemCode: z.string(),
  /** name of the published version, else the latest draft; '' when the item has no version yet */
  itemName: z.string(),
  note: z.string(),
  grantedBy: Id.nullable(),
  grantedByName: z.string().nullable(),
  createdAt: Instant,
});
export type Delegation = z.infer<typeof Delegation>;

/** GET /api/v1/admin/delegations — reply, newest first. */
export const DelegationList = listOf(Delegation);
export type DelegationList = z.infer<typeof DelegationList>;

/**
 * POST /api/v1/admin/delegations — body; reply Delegation. Permission: delegation:manage over
 * the department (a center admin in its subtree; a deptLeader only their own department). The
 * item must belong to the department (400 field `itemId`); delegated twice → 409 field `itemId`.
 */
export const CreateDelegationBody = z.object({
  departmentId: Id,
  itemId: Id,
  note: Text(500).default(''),
});
export type CreateDelegationBody = z.infer<typeof CreateDelegationBody>;

// DELETE /api/v1/admin/delegations/:id — reply OkBody (delegation:manage over the department).
