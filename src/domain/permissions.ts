/**
 * Roles, permission strings and scope checks — shared by the server (services check them) and
 * the web app (buttons are shown from the same strings).
 */
export const ROLES = [
  'applicant',
  'clerk',
  'chiefRep',
  'reviewer',
  'deptLeader',
  'supervisor',
  'centerAdmin',
  'volunteer',
  'deptSystem',
] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ROLES.filter((r) => r !== 'applicant') as Exclude<Role, 'applicant'>[];

export const PERMISSIONS = [
  'org:read',
  'org:manage',
  'user:read',
  'user:manage',
  'delegation:manage',
  'catalogue:read',
  'catalogue:edit',
  'catalogue:publish',
  'catalogue:import',
  'calendar:manage',
  'audit:read',
  'settings:manage',
  // cases (办件): read within scope; take in at the window; accept / supplement / refuse /
  // conclude on the spot, route to review and deliver at the window; work the department's
  // tasks (review); decide and conclude in the department (or at the window, delegated)
  'case:read',
  'case:intake',
  'case:accept',
  'case:review',
  'case:decide',
  // the center's answer to an applicant's request to review a refusal (复核, DESIGN §4)
  'case:recheck',
  // electronic supervision (DESIGN §5–§6): the monitor, cards, rectifications and figures within
  // scope; the supervision office's own work (rulings on appeals, orders, anomalies, complaints,
  // follow-ups, reports); a department's answers (appeals, order answers, rectification work);
  // a volunteer's observation reports
  'supervision:read',
  'supervision:manage',
  'supervision:respond',
  'observation:file',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const STAFF_READ: Permission[] = ['org:read', 'catalogue:read'];
/** Working a case is the window's and the department's job, not the administrator's. */
const CASE_WORK: readonly Permission[] = ['case:intake', 'case:accept', 'case:review', 'case:decide', 'case:recheck'];

/** The supervision office's and the departments' own work, not the administrator's. */
const SUPERVISION_WORK: readonly Permission[] = ['supervision:manage', 'supervision:respond', 'observation:file'];

/** What each role may do; the scope (center subtree, department) limits where. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  applicant: [],
  // the domain's role rules (domain/case/roles.ts): only the clerk takes in (submit) at the window
  clerk: [...STAFF_READ, 'case:read', 'case:intake', 'case:accept'],
  chiefRep: [...STAFF_READ, 'case:read', 'case:accept', 'case:decide'],
  reviewer: [...STAFF_READ, 'case:read', 'case:review'],
  deptLeader: [...STAFF_READ, 'catalogue:edit', 'user:read', 'delegation:manage', 'case:read', 'case:review', 'case:decide', 'supervision:read', 'supervision:respond'],
  supervisor: [...STAFF_READ, 'user:read', 'audit:read', 'case:read', 'case:recheck', 'supervision:read', 'supervision:manage'],
  centerAdmin: PERMISSIONS.filter((p) => !CASE_WORK.includes(p) && !SUPERVISION_WORK.includes(p)),
  volunteer: ['observation:file'],
  deptSystem: [],
};

/** One role the actor holds, with its scope. `centerPath` is the center's materialized path. */
export interface RoleGrant {
  role: Role;
  centerId: string | null;
  centerPath: string | null;
  departmentId: string | null;
}

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  kind: 'staff' | 'applicant';
  grants: RoleGrant[];
  windowIds: string[];
}

/** Where a resource lives: the center's path and, if it belongs to one, the department. */
export interface Scope {
  centerPath: string;
  departmentId?: string | null;
}

export function grantCovers(grant: RoleGrant, scope: Scope): boolean {
  if (!grant.centerPath || !scope.centerPath.startsWith(grant.centerPath)) return false;
  if (grant.departmentId === null) return true;
  return scope.departmentId != null && scope.departmentId === grant.departmentId;
}

/** Does the actor hold `perm` anywhere (scope omitted) or over `scope`? */
export function can(actor: Actor | null, perm: Permission, scope?: Scope): boolean {
  if (!actor) return false;
  return actor.grants.some(
    (g) => ROLE_PERMISSIONS[g.role].includes(perm) && (scope === undefined || grantCovers(g, scope)),
  );
}

/** All permission strings the actor holds somewhere — sent to the web app for its buttons. */
export function permissionsOf(actor: Actor): Permission[] {
  const set = new Set<Permission>();
  for (const g of actor.grants) for (const p of ROLE_PERMISSIONS[g.role]) set.add(p);
  return [...set].sort();
}

/** Center paths under which the actor holds `perm` (for filtering lists). */
export function scopesFor(actor: Actor, perm: Permission): RoleGrant[] {
  return actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(perm));
}

/** The system itself (CLI, seeding, timers): a center admin over every center ('/' prefixes all paths). */
export const SYSTEM_ACTOR: Actor = {
  userId: 'system',
  username: 'system',
  displayName: '系统',
  kind: 'staff',
  grants: [{ role: 'centerAdmin', centerId: null, centerPath: '/', departmentId: null }],
  windowIds: [],
};
