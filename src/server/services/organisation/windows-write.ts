import type { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { CreateWindowBody, StateMoveBody, UpdateWindowBody, type Window } from '../../../contracts/organisation.js';
import { conflict, fieldError, invalid, notFound } from '../../../domain/errors.js';
import { duplicate, ruleBroken } from '../../../domain/organisation/errors.js';
import { checkWindowShape, type WindowShape } from '../../../domain/organisation/windows.js';
import { findCenterById } from '../../repositories/centers.js';
import { findDepartmentsByIds } from '../../repositories/departments.js';
import {
  findWindowById,
  insertWindow,
  loadWindowDepartments,
  replaceWindowDepartments,
  updateWindow as updateRow,
} from '../../repositories/windows.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, type Executor, inTx, nowIso } from '../context.js';
import { changes, orDuplicate, parseInput } from './input.js';
import { requireScope, requireSome } from './scope.js';
import { loadWindow } from './windows-read.js';

const duplicateCode = () => duplicate('code', '该中心的窗口编号', 'The window code in this center');

/** Checks the kind rules against the departments named; returns the shape to store. */
async function validShape(db: Executor, centerId: string, w: WindowShape): Promise<WindowShape> {
  const ids = [...(w.departmentId ? [w.departmentId] : []), ...w.servedDepartmentIds, ...w.roster.map((r) => r.departmentId)];
  const rows = await findDepartmentsByIds(db, ids);
  const facts = new Map(rows.map((d) => [d.id, { centerId: d.center_id, active: d.active === 1 }]));
  const { errors, shape } = checkWindowShape(w, centerId, facts);
  if (errors.length) throw invalid(errors);
  return shape;
}

/**
 * Opens a window in a center. Errors: unauthenticated, forbidden (no org:manage over the
 * center), validation (kind rules, departments, centerId), conflict (code taken in the center).
 */
export async function createWindow(ctx: Ctx, input: z.input<typeof CreateWindowBody>): Promise<Window> {
  const actor = requireSome(ctx, 'org:manage');
  const body = parseInput(CreateWindowBody, input);
  const db = ctx.deps.db.kysely;
  const center = await findCenterById(db, body.centerId);
  if (!center) throw invalid([fieldError('centerId', '中心不存在', 'No such center')]);
  requireScope(actor, 'org:manage', { centerPath: center.path });
  if (!center.active) throw invalid([fieldError('centerId', '中心已停用', 'The center is deactivated')]);
  const shape = await validShape(db, center.id, body);

  const id = randomUUID();
  const now = nowIso(ctx.deps);
  return inTx(ctx.deps, async (trx) => {
    await orDuplicate(
      () =>
        insertWindow(trx, {
          id,
          center_id: center.id,
          code: body.code,
          name: body.name,
          kind: shape.kind,
          department_id: shape.departmentId,
          location: body.location,
          active: 1,
          version: 1,
          created_at: now,
          updated_at: now,
        }),
      duplicateCode,
    );
    await replaceWindowDepartments(trx, id, shape.servedDepartmentIds, shape.roster);
    await recordAction(trx, ctx, { entity: 'window', entityId: id, action: 'create', payload: { ...body, ...shape } });
    return loadWindow(trx, id);
  });
}

/**
 * Replaces a window's fields, served departments and roster. Errors: unauthenticated,
 * forbidden, notFound, validation, conflict (stale version; code taken).
 */
export async function updateWindow(ctx: Ctx, id: string, input: z.input<typeof UpdateWindowBody>): Promise<Window> {
  const actor = requireSome(ctx, 'org:manage');
  const body = parseInput(UpdateWindowBody, input);
  const db = ctx.deps.db.kysely;
  const w = await findWindowById(db, id);
  if (!w) throw notFound('窗口', 'Window');
  requireScope(actor, 'org:manage', { centerPath: w.center_path });
  const shape = await validShape(db, w.center_id, body);
  const before = (await loadWindowDepartments(db, [id])).get(id)!;
  const set = { code: body.code, name: body.name, kind: shape.kind, department_id: shape.departmentId, location: body.location };
  return inTx(ctx.deps, async (trx) => {
    const ok = await orDuplicate(() => updateRow(trx, id, body.version, { ...set, updated_at: nowIso(ctx.deps) }), duplicateCode);
    if (!ok) throw conflict('窗口', 'The window');
    await replaceWindowDepartments(trx, id, shape.servedDepartmentIds, shape.roster);
    const diff = changes(
      { ...w, servedDepartmentIds: before.served, roster: before.roster },
      { ...set, servedDepartmentIds: shape.servedDepartmentIds, roster: shape.roster },
    );
    await recordAction(trx, ctx, { entity: 'window', entityId: id, action: 'update', payload: { changes: diff } });
    return loadWindow(trx, id);
  });
}

/**
 * Errors: unauthenticated, forbidden, notFound, unprocessable (center deactivated, on
 * activation), validation (a department it serves was deactivated meanwhile), conflict.
 */
export async function setWindowActive(ctx: Ctx, id: string, active: boolean, input: z.input<typeof StateMoveBody>): Promise<Window> {
  const actor = requireSome(ctx, 'org:manage');
  const { version } = parseInput(StateMoveBody, input);
  const db = ctx.deps.db.kysely;
  const w = await findWindowById(db, id);
  if (!w) throw notFound('窗口', 'Window');
  requireScope(actor, 'org:manage', { centerPath: w.center_path });
  if (active) {
    const c = await findCenterById(db, w.center_id);
    if (!c?.active) throw ruleBroken('所属中心已停用', 'The center is deactivated', 'id');
    // its departments may have been deactivated while the window was closed
    const d = (await loadWindowDepartments(db, [id])).get(id)!;
    await validShape(db, w.center_id, { kind: w.kind as WindowShape['kind'], departmentId: w.department_id, servedDepartmentIds: d.served, roster: d.roster });
  }
  return inTx(ctx.deps, async (trx) => {
    const ok = await updateRow(trx, id, version, { active: active ? 1 : 0, updated_at: nowIso(ctx.deps) });
    if (!ok) throw conflict('窗口', 'The window');
    await recordAction(trx, ctx, { entity: 'window', entityId: id, action: active ? 'activate' : 'deactivate' });
    return loadWindow(trx, id);
  });
}

export const deactivateWindow = (ctx: Ctx, id: string, input: StateMoveBody) => setWindowActive(ctx, id, false, input);
export const activateWindow = (ctx: Ctx, id: string, input: StateMoveBody) => setWindowActive(ctx, id, true, input);
