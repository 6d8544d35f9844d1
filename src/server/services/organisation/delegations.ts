/**
 * Delegations (授权): which of a department's items its chief rep may decide at the window.
 * Managed by a center admin (subtree) or the department's own leader (delegation:manage over
 * the department); read by anyone with org:read over the department (chief reps included).
 */
import type { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { CreateDelegationBody, type Delegation, type DelegationList, type DelegationListQuery } from '../../../contracts/organisation.js';
import { fieldError, invalid, notFound } from '../../../domain/errors.js';
import { duplicate } from '../../../domain/organisation/errors.js';
import { findDepartmentById } from '../../repositories/departments.js';
import {
  type DelegationView,
  deleteDelegation,
  findDelegationById,
  findDelegationView,
  findItemOwner,
  insertDelegation,
  listDelegations as listRows,
} from '../../repositories/delegations.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, inTx, nowIso } from '../context.js';
import { orDuplicate, parseInput } from './input.js';
import { requireScope, requireSome, visibilityFor } from './scope.js';

function toDelegation(r: DelegationView): Delegation {
  return {
    id: r.id,
    departmentId: r.department_id,
    departmentName: r.department_name,
    itemId: r.item_id,
    itemCode: r.item_code,
    itemName: r.item_name ?? '',
    note: r.note,
    grantedBy: r.granted_by,
    grantedByName: r.granted_by_name,
    createdAt: r.created_at,
  };
}

/** Errors: unauthenticated, forbidden (no org:read over the department), notFound (departmentId). */
export async function listDelegations(ctx: Ctx, query: DelegationListQuery): Promise<DelegationList> {
  const actor = requireSome(ctx, 'org:read');
  const db = ctx.deps.db.kysely;
  if (query.departmentId) {
    const d = await findDepartmentById(db, query.departmentId);
    if (!d) throw notFound('部门', 'Department');
    requireScope(actor, 'org:read', { centerPath: d.center_path, departmentId: d.id });
  }
  const { rows, total } = await listRows(db, {
    visibility: visibilityFor(actor, 'org:read'),
    departmentId: query.departmentId,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map(toDelegation), total };
}

/**
 * Delegates one of the department's items to its chief rep.
 * Errors: unauthenticated, forbidden (no delegation:manage over the department), validation
 * (departmentId unknown or deactivated; itemId unknown or of another department), conflict
 * (already delegated, field `itemId`).
 */
export async function createDelegation(ctx: Ctx, input: z.input<typeof CreateDelegationBody>): Promise<Delegation> {
  const actor = requireSome(ctx, 'delegation:manage');
  const body = parseInput(CreateDelegationBody, input);
  const db = ctx.deps.db.kysely;
  const d = await findDepartmentById(db, body.departmentId);
  if (!d) throw invalid([fieldError('departmentId', '部门不存在', 'No such department')]);
  requireScope(actor, 'delegation:manage', { centerPath: d.center_path, departmentId: d.id });
  if (!d.active) throw invalid([fieldError('departmentId', '部门已停用', 'The department is deactivated')]);
  const item = await findItemOwner(db, body.itemId);
  if (!item) throw invalid([fieldError('itemId', '事项不存在', 'No such item')]);
  if (item.department_id !== d.id) {
    throw invalid([fieldError('itemId', '只能授权本部门的事项', "Only the department's own items can be delegated")]);
  }
  const id = randomUUID();
  return inTx(ctx.deps, async (trx) => {
    await orDuplicate(
      () =>
        insertDelegation(trx, {
          id,
          department_id: d.id,
          item_id: item.id,
          note: body.note,
          granted_by: actor.userId === 'system' ? null : actor.userId,
          created_at: nowIso(ctx.deps),
        }),
      () => duplicate('itemId', '该事项的授权', 'A delegation of this item'),
    );
    await recordAction(trx, ctx, {
      entity: 'delegation',
      entityId: id,
      action: 'create',
      payload: { departmentId: d.id, itemId: item.id, itemCode: item.code, note: body.note },
    });
    const v = await findDelegationView(trx, id);
    return toDelegation(v!);
  });
}

/** Revokes a delegation. Errors: unauthenticated, forbidden, notFound. */
export async function revokeDelegation(ctx: Ctx, id: string): Promise<void> {
  const actor = requireSome(ctx, 'delegation:manage');
  const db = ctx.deps.db.kysely;
  const g = await findDelegationById(db, id);
  if (!g) throw notFound('授权', 'Delegation');
  const d = await findDepartmentById(db, g.department_id);
  requireScope(actor, 'delegation:manage', { centerPath: d!.center_path, departmentId: g.department_id });
  await inTx(ctx.deps, async (trx) => {
    if (!(await deleteDelegation(trx, id))) throw notFound('授权', 'Delegation');
    await recordAction(trx, ctx, {
      entity: 'delegation',
      entityId: id,
      action: 'revoke',
      payload: { departmentId: g.department_id, itemId: g.item_id, note: g.note },
    });
  });
}
