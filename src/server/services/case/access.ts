/**
 * Who acts on a case and under which rules: the permission and its scope (center subtree,
 * department), the role the actor works in (the domain's role rules take a `CaseActor`), the
 * center's calendar and business date, and the item version the case keeps.
 */
import type { SpecialProcedureKind } from '../../../domain/case/index.js';
import { type CaseActor, type CaseItem, type HandlingClass } from '../../../domain/case/index.js';
import { forbidden, notFound } from '../../../domain/errors.js';
import { type Actor, type Permission, type Role, type RoleGrant, ROLE_PERMISSIONS, type Scope, can, grantCovers } from '../../../domain/permissions.js';
import type { ItemVersionsTable } from '../../db/schema.js';
import { type CaseRow, findCase, isDelegated } from '../../repositories/cases.js';
import { findVersionById } from '../../repositories/items.js';
import { readData } from '../catalogue/version-row.js';
import { businessDate } from '../calendar/load.js';
import type { Ctx, Executor } from '../context.js';

/** When a person holds several roles over a case, the one they act in: the widest first. */
const ROLE_ORDER: readonly Role[] = ['chiefRep', 'clerk', 'deptLeader', 'reviewer', 'supervisor', 'centerAdmin'];

/** A case's scope: its center and department, and the co-departments a joint case was copied to. */
export interface CaseScope extends Scope {
  coDepartments?: readonly string[];
}

export function caseScope(row: { center_path: string; department_id: string; co_departments?: string }): CaseScope {
  const coDepartments = (row.co_departments ?? '').split(' ').filter(Boolean);
  return { centerPath: row.center_path, departmentId: row.department_id, coDepartments };
}

/**
 * What a co-department's staff may do on a joint case they were copied to: read it and work
 * their own opinion task (the domain's role rules keep them to it). Never accept, decide or
 * deliver: those stay with the lead department.
 */
const CO_DEPARTMENT_PERMS: readonly Permission[] = ['case:read', 'case:review'];

/**
 * A move's permission, or several in order of preference: a move the domain gives to more than
 * one kind of role (suspend: the decider or the task's reviewer) is made under the first
 * permission the actor holds over the case.
 */
export type CasePermission = Permission | readonly Permission[];
const permsOf = (perm: CasePermission): readonly Permission[] => (typeof perm === 'string' ? [perm] : perm);

/** 403 unless the actor holds `perm` (one of them) somewhere: refused before anything is looked up. */
export function requireCasePermission(ctx: Ctx, perm: CasePermission): Actor {
  const actor = ctx.actor;
  if (!actor || !permsOf(perm).some((p) => can(actor, p))) throw forbidden();
  return actor;
}

/** The grant the actor uses for `perm` over `scope`, or null. */
function grantFor(actor: Actor, perm: Permission, scope: Scope): RoleGrant | null {
  const grants = actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(perm) && grantCovers(g, scope));
  grants.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
  return grants[0] ?? null;
}

/**
 * The actor as the case rules see them, for `perm` over the case's scope (403 when no grant
 * covers it). A chief rep is `delegated` when the department delegated the item to the window.
 */
export async function caseActorFor(
  db: Executor,
  actor: Actor,
  perm: CasePermission,
  scope: Scope,
  item: { itemId: string; departmentId: string },
): Promise<CaseActor> {
  let g: RoleGrant | null = null;
  for (const p of permsOf(perm)) if ((g = grantFor(actor, p, scope))) break;
  const co = (scope as CaseScope).coDepartments ?? [];
  for (const p of permsOf(perm).filter((x) => CO_DEPARTMENT_PERMS.includes(x))) {
    for (const d of co) if (!g) g = grantFor(actor, p, { centerPath: scope.centerPath, departmentId: d });
  }
  if (!g) throw forbidden();
  const delegated = g.role === 'chiefRep' ? await isDelegated(db, item.departmentId, item.itemId) : false;
  return { id: actor.userId, role: g.role, departmentId: g.departmentId, delegated };
}

/** The case row, or 404. */
export async function getCaseRow(db: Executor, id: string): Promise<CaseRow> {
  const row = await findCase(db, id);
  if (!row) throw notFound('办件', 'Case');
  return row;
}

/** What the case rules need of an item version. */
export function caseItemOf(v: ItemVersionsTable): CaseItem {
  const data = readData(v);
  return {
    handlingClass: v.handling_class as HandlingClass,
    promisedLimit: v.promised_limit,
    statutoryLimit: v.statutory_limit,
    specialProcedures: data.specialProcedures as SpecialProcedureKind[],
  };
}

export async function getItemVersion(db: Executor, id: string): Promise<ItemVersionsTable> {
  const v = await findVersionById(db, id);
  if (!v) throw notFound('事项版本', 'Item version');
  return v;
}

/** Now, as an instant and as the center's business date. */
export function today(ctx: Ctx, timeZone: string): { at: string; date: string } {
  const now = ctx.deps.clock.now();
  return { at: now.toISOString(), date: businessDate(now, timeZone) };
}
