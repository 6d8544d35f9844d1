/**
 * Staff accounts and delegations (授权), under `/api/v1/admin/`; the conventions of
 * organisation.ts apply.
 */
import { z } from 'zod';
import { Id, Instant, PageQuery, listOf } from './common.js';
import { ActiveFilter, GrantRole, Name, Phone, Text } from './organisation-common.js';

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
