/**
 * The actors of the authorization matrix — anonymous and one fixture user per role — and who
 * passes a route's rule. "Allowed" comes from ROLE_PERMISSIONS, the same table the services
 * check, so a permission added to or taken from a role moves the expectations with it.
 */
import { type Permission, ROLE_PERMISSIONS, type Role } from '../../../src/domain/permissions.js';

export const USERS = ['applicant', 'volunteer', 'clerk', 'chiefrep', 'reviewer', 'leader', 'supervisor', 'admin'] as const;
export type User = (typeof USERS)[number];
export type ActorName = 'anonymous' | User;
export const ACTORS: readonly ActorName[] = ['anonymous', ...USERS];

/** The role each fixture user holds (test/helpers/fixtures.ts); the matrix checks it against /api/auth/me. */
export const ROLE_OF: Record<User, Role> = {
  applicant: 'applicant',
  volunteer: 'volunteer',
  clerk: 'clerk', // deptA
  chiefrep: 'chiefRep', // deptA
  reviewer: 'reviewer', // deptA
  leader: 'deptLeader', // deptA
  supervisor: 'supervisor', // city center
  admin: 'centerAdmin', // city center (the root of the fixture tree)
};

/**
 * `public`: everyone, anonymous included, gets neither 401 nor 403. `login`: anonymous 401,
 * every user passes. A permission: anonymous 401, holders pass (inside their scope), others 403.
 */
export type Rule = 'public' | 'login' | Permission;

/** Does `actor` pass `rule`? `narrower` replaces ROLE_PERMISSIONS where a route asks for more. */
export function passes(rule: Rule, actor: ActorName, narrower?: (u: User) => boolean): boolean {
  if (rule === 'public') return true;
  if (actor === 'anonymous') return false;
  if (rule === 'login') return true;
  return narrower ? narrower(actor) : ROLE_PERMISSIONS[ROLE_OF[actor]].includes(rule);
}
