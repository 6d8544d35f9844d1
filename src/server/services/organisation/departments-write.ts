import type { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { CreateDepartmentBody, type Department, StateMoveBody, UpdateDepartmentBody } from '../../../contracts/organisation.js';
import { conflict, fieldError, invalid, notFound } from '../../../domain/errors.js';
import { duplicate, ruleBroken } from '../../../domain/organisation/errors.js';
import { findCenterById } from '../../repositories/centers.js';
import {
  activeWindowsUsingDepartment,
  findDepartmentById,
  insertDepartment,
  updateDepartment as updateRow,
} from '../../repositories/departments.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, type Executor, inTx, nowIso } from '../context.js';
import { changes, orDuplicate, parseInput } from './input.js';
import { requireScope, requireSome } from './scope.js';
import { toDepartment } from './views.js';

const duplicateCode = () => duplicate('code', '该中心的部门编码', 'The department code in this center');

async function detail(db: Executor, id: string): Promise<Department> {
  const d = await findDepartmentById(db, id);
  if (!d) throw notFound('部门', 'Department');
  return toDepartment(d, false);
}

/** The editable columns of a department, from a create or update body. */
function columns(body: z.output<typeof UpdateDepartmentBody> | z.output<typeof CreateDepartmentBody>) {
  return {
    code: body.code,
    name: body.name,
    short_name: body.shortName,
    liaison_name: body.liaisonName,
    liaison_phone: body.liaisonPhone,
    leader_name: body.leaderName,
    leader_phone: body.leaderPhone,
    sort: body.sort,
  };
}

/**
 * Stations a department in a center. Errors: unauthenticated, forbidden (no org:manage over the
 * center), validation (centerId unknown or deactivated, phones), conflict (code taken in the center).
 */
export async function createDepartment(ctx: Ctx, input: z.input<typeof CreateDepartmentBody>): Promise<Department> {
  const actor = requireSome(ctx, 'org:manage');
  const body = parseInput(CreateDepartmentBody, input);
  const center = await findCenterById(ctx.deps.db.kysely, body.centerId);
  if (!center) throw invalid([fieldError('centerId', '中心不存在', 'No such center')]);
  requireScope(actor, 'org:manage', { centerPath: center.path });
  if (!center.active) throw invalid([fieldError('centerId', '中心已停用', 'The center is deactivated')]);

  const id = randomUUID();
  const now = nowIso(ctx.deps);
  return inTx(ctx.deps, async (trx) => {
    await orDuplicate(
      () =>
        insertDepartment(trx, {
          id,
          center_id: center.id,
          ...columns(body),
          active: 1,
          version: 1,
          created_at: now,
          updated_at: now,
        }),
      duplicateCode,
    );
    await recordAction(trx, ctx, { entity: 'department', entityId: id, action: 'create', payload: body });
    return detail(trx, id);
  });
}

/** Errors: unauthenticated, forbidden, notFound, validation, conflict (stale version; code taken). */
export async function updateDepartment(ctx: Ctx, id: string, input: z.input<typeof UpdateDepartmentBody>): Promise<Department> {
  const actor = requireSome(ctx, 'org:manage');
  const body = parseInput(UpdateDepartmentBody, input);
  const d = await findDepartmentById(ctx.deps.db.kysely, id);
  if (!d) throw notFound('部门', 'Department');
  requireScope(actor, 'org:manage', { centerPath: d.center_path, departmentId: d.id });
  const set = columns(body);
  return inTx(ctx.deps, async (trx) => {
    const ok = await orDuplicate(() => updateRow(trx, id, body.version, { ...set, updated_at: nowIso(ctx.deps) }), duplicateCode);
    if (!ok) throw conflict('部门', 'The department');
    await recordAction(trx, ctx, { entity: 'department', entityId: id, action: 'update', payload: { changes: changes(d, set) } });
    return detail(trx, id);
  });
}

/**
 * Deactivation waits until no active window depends on the department (dedicated to it, serving
 * it or with it on the roster): those windows must be changed first.
 * Errors: unauthenticated, forbidden, notFound, unprocessable (windows depend on it; the center
 * is deactivated, on activation), conflict (stale version).
 */
export async function setDepartmentActive(
  ctx: Ctx,
  id: string,
  active: boolean,
  input: z.input<typeof StateMoveBody>,
): Promise<Department> {
  const actor = requireSome(ctx, 'org:manage');
  const { version } = parseInput(StateMoveBody, input);
  const db = ctx.deps.db.kysely;
  const d = await findDepartmentById(db, id);
  if (!d) throw notFound('部门', 'Department');
  requireScope(actor, 'org:manage', { centerPath: d.center_path, departmentId: d.id });
  if (!active) {
    const windows = await activeWindowsUsingDepartment(db, id);
    if (windows.length) {
      throw ruleBroken(
        `以下窗口仍在为该部门服务，请先调整窗口：${windows.join('、')}`,
        `These windows still serve the department; change them first: ${windows.join(', ')}`,
        'id',
      );
    }
  } else {
    const c = await findCenterById(db, d.center_id);
    if (!c?.active) throw ruleBroken('所属中心已停用', 'The center is deactivated', 'id');
  }
  return inTx(ctx.deps, async (trx) => {
    const ok = await updateRow(trx, id, version, { active: active ? 1 : 0, updated_at: nowIso(ctx.deps) });
    if (!ok) throw conflict('部门', 'The department');
    await recordAction(trx, ctx, { entity: 'department', entityId: id, action: active ? 'activate' : 'deactivate' });
    return detail(trx, id);
  });
}

export const deactivateDepartment = (ctx: Ctx, id: string, input: StateMoveBody) => setDepartmentActive(ctx, id, false, input);
export const activateDepartment = (ctx: Ctx, id: string, input: StateMoveBody) => setDepartmentActive(ctx, id, true, input);
