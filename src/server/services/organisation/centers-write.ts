import type { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { type CenterDetail, CreateCenterBody, UpdateCenterBody } from '../../../contracts/organisation.js';
import { conflict, fieldError, forbidden, invalid, notFound, type FieldError } from '../../../domain/errors.js';
import { checkAreaCode } from '../../../domain/organisation/area-code.js';
import {
  type CenterKind,
  checkChildrenFit,
  checkNoCycle,
  checkPlacement,
  checkTimeZone,
  childPath,
} from '../../../domain/organisation/centers.js';
import { duplicate } from '../../../domain/organisation/errors.js';
import type { Actor } from '../../../domain/permissions.js';
import { can } from '../../../domain/permissions.js';
import { type CenterRow, findCenterById, findChildren, insertCenter, lockCenter, moveSubtree, updateCenter as updateCenterRow } from '../../repositories/centers.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, type Executor, inTx, nowIso } from '../context.js';
import { loadCenterDetail } from './centers-read.js';
import { changes, orDuplicate, parseInput } from './input.js';
import { isSystem, requireScope, requireSome } from './scope.js';

const duplicateAreaCode = () => duplicate('areaCode', '行政区划代码', 'The area code');

/** org:manage over the parent; a root (no parent) only for the system actor. */
function requireManageUnder(actor: Actor, parent: CenterRow | null): void {
  if (parent === null ? !isSystem(actor) : !can(actor, 'org:manage', { centerPath: parent.path })) throw forbidden();
}

async function loadParent(db: Executor, parentId: string | null): Promise<CenterRow | null> {
  if (parentId === null) return null;
  const p = await findCenterById(db, parentId);
  if (!p) throw invalid([fieldError('parentId', '上级中心不存在', 'No such parent center')]);
  return p;
}

/** `newParent`: the parent is being chosen now, so it must be active (existing children of a deactivated center stay editable). */
function placementErrors(kind: CenterKind, areaCode: string, timeZone: string, parent: CenterRow | null, newParent: boolean): FieldError[] {
  const errors = [
    ...checkPlacement(kind, (parent?.kind as CenterKind | undefined) ?? null),
    ...checkAreaCode(areaCode, parent?.area_code ?? null),
    ...checkTimeZone(timeZone),
  ];
  if (newParent && parent && !parent.active) errors.push(fieldError('parentId', '上级中心已停用', 'The parent center is deactivated'));
  return errors;
}

/**
 * Creates a center under one the actor administers (a root only for the system actor).
 * Errors: unauthenticated, forbidden, validation (parentId, kind placement, areaCode, timeZone),
 * conflict (areaCode taken, field `areaCode`).
 */
export async function createCenter(ctx: Ctx, input: z.input<typeof CreateCenterBody>): Promise<CenterDetail> {
  const actor = requireSome(ctx, 'org:manage');
  const body = parseInput(CreateCenterBody, input);
  const db = ctx.deps.db.kysely;
  const parent = await loadParent(db, body.parentId);
  requireManageUnder(actor, parent);
  const errors = placementErrors(body.kind, body.areaCode, body.timeZone, parent, true);
  if (errors.length) throw invalid(errors);

  const id = randomUUID();
  const now = nowIso(ctx.deps);
  return inTx(ctx.deps, async (trx) => {
    // the parent's path as of now, not as first read: it may have moved meanwhile
    const lockedParent = parent ? await lockCenter(trx, ctx.deps.db.dialect, parent.id) : null;
    await orDuplicate(
      () =>
        insertCenter(trx, {
          id,
          parent_id: parent?.id ?? null,
          path: childPath(lockedParent?.path ?? null, id),
          name: body.name,
          kind: body.kind,
          area_code: body.areaCode,
          address: body.address,
          phone: body.phone,
          time_zone: body.timeZone,
          active: 1,
          version: 1,
          created_at: now,
          updated_at: now,
        }),
      duplicateAreaCode,
    );
    await recordAction(trx, ctx, { entity: 'center', entityId: id, action: 'create', payload: body });
    return loadCenterDetail(trx, id);
  });
}

/**
 * Updates a center. Moving it (`parentId`), changing its `kind` or `areaCode` also needs
 * org:manage over the current and the new parent, keeps the tree free of cycles and its
 * children placeable. Errors: unauthenticated, forbidden, notFound, validation, conflict (stale
 * version; areaCode taken, field `areaCode`).
 */
export async function updateCenter(ctx: Ctx, id: string, input: z.input<typeof UpdateCenterBody>): Promise<CenterDetail> {
  const actor = requireSome(ctx, 'org:manage');
  const body = parseInput(UpdateCenterBody, input);
  const db = ctx.deps.db.kysely;
  const c = await findCenterById(db, id);
  if (!c) throw notFound('中心', 'Center');
  requireScope(actor, 'org:manage', { centerPath: c.path });

  const moved = body.parentId !== c.parent_id;
  const structural = moved || body.kind !== c.kind || body.areaCode !== c.area_code;
  const parent = moved ? await loadParent(db, body.parentId) : await loadParent(db, c.parent_id);
  if (structural) {
    requireManageUnder(actor, c.parent_id ? ((await findCenterById(db, c.parent_id)) ?? null) : null);
    requireManageUnder(actor, parent);
  }
  const children = await findChildren(db, id);
  const errors: FieldError[] = parent && moved ? checkNoCycle(c.path, parent.path) : [];
  if (errors.length === 0) {
    errors.push(...placementErrors(body.kind, body.areaCode, body.timeZone, parent, moved));
  }
  errors.push(...checkChildrenFit(body.kind, children.map((k) => k.kind as CenterKind)));
  if (children.some((k) => k.area_code.slice(0, 2) !== body.areaCode.slice(0, 2))) {
    errors.push(fieldError('areaCode', '行政区划代码须与下级中心属同一省份', "The area code must be in the same province as the center's children"));
  }
  if (errors.length) throw invalid(dedupe(errors));

  const now = nowIso(ctx.deps);
  const set = {
    parent_id: body.parentId,
    name: body.name,
    kind: body.kind,
    area_code: body.areaCode,
    address: body.address,
    phone: body.phone,
    time_zone: body.timeZone,
  };
  return inTx(ctx.deps, async (trx) => {
    const dialect = ctx.deps.db.dialect;
    // paths as of now (an ancestor may have moved since they were read), locked for the move
    const current = await lockCenter(trx, dialect, id);
    if (!current || current.version !== body.version) throw conflict('中心', 'The center');
    const newParent = moved && parent ? await lockCenter(trx, dialect, parent.id) : undefined;
    if (newParent) {
      const cycle = checkNoCycle(current.path, newParent.path);
      if (cycle.length) throw invalid(cycle);
    }
    const ok = await orDuplicate(() => updateCenterRow(trx, id, body.version, { ...set, updated_at: now }), duplicateAreaCode);
    if (!ok) throw conflict('中心', 'The center');
    if (moved) await moveSubtree(trx, current.path, childPath(newParent?.path ?? null, id));
    await recordAction(trx, ctx, { entity: 'center', entityId: id, action: moved ? 'move' : 'update', payload: { changes: changes(c, set) } });
    return loadCenterDetail(trx, id);
  });
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.field + e.message) ? false : (seen.add(e.field + e.message), true)));
}
