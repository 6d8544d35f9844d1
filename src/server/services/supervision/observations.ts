/**
 * Volunteer observation reports (明察暗访, DESIGN §5): a volunteer supervisor files what they saw
 * at a window of their center, with a rating of the five levels; a supervisor of the center (or a
 * center above) handles it with a disposition, once.
 */
import { randomUUID } from 'node:crypto';
import type { FileObservationBody, HandleObservationBody, ObservationList, ObservationQuery, ObservationView } from '../../../contracts/supervision-reports.js';
import { FileObservationBody as FileBody, HandleObservationBody as HandleBody, ObservationQuery as Query } from '../../../contracts/supervision-reports.js';
import { AppError, conflict, fieldError, invalid, notFound } from '../../../domain/errors.js';
import { findObservation, findWindowPlace, handleObservation, insertObservation, listObservations, type ObservationRow } from '../../repositories/supervision-reports.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, inTx, nowIso } from '../context.js';
import { grantsOf, requireOver, requirePermission } from './scope.js';

const view = (r: ObservationRow): ObservationView => ({
  id: r.id, centerId: r.center_id, windowId: r.window_id, windowName: r.window_name, volunteerUserId: r.volunteer_user_id, volunteerName: r.volunteer_name,
  observedAt: r.observed_at, content: r.content, rating: r.rating as ObservationView['rating'], status: r.status as ObservationView['status'],
  handling: r.handling, handledAt: r.handled_at, createdAt: r.created_at, version: r.version,
});

/** Errors: forbidden (no observation:file, or the window outside the volunteer's center), validation (`windowId`, `observedAt` in the future). */
export async function fileObservation(ctx: Ctx, input: FileObservationBody): Promise<ObservationView> {
  const actor = requirePermission(ctx, 'observation:file');
  const b = FileBody.parse(input);
  const at = nowIso(ctx.deps);
  const observedAt = new Date(b.observedAt).toISOString();
  if (observedAt > at) throw invalid([fieldError('observedAt', 'observedAt：观察时间不能晚于现在', 'observedAt: cannot be in the future')]);
  const id = randomUUID();
  await inTx(ctx.deps, async (trx) => {
    const w = await findWindowPlace(trx, b.windowId);
    if (!w || w.active !== 1) throw invalid([fieldError('windowId', 'windowId：窗口不存在', 'windowId: no such window')]);
    requireOver(actor, 'observation:file', w.center_path, null);
    await insertObservation(trx, {
      id, center_id: w.center_id, window_id: w.id, volunteer_user_id: actor.userId, observed_at: observedAt, content: b.content, rating: b.rating,
      status: 'filed', handling: null, handled_by: null, handled_at: null, version: 1, created_at: at, updated_at: at,
    });
    await recordAction(trx, ctx, { entity: 'observationReport', entityId: id, action: 'file', payload: { windowId: w.id, observedAt, rating: b.rating } });
  });
  return view((await findObservation(ctx.deps.db.kysely, id))!);
}

/** The volunteer's own reports. Errors: forbidden (no observation:file). */
export async function myObservations(ctx: Ctx, input: ObservationQuery): Promise<ObservationList> {
  const actor = requirePermission(ctx, 'observation:file');
  const q = Query.parse(input);
  const r = await listObservations(ctx.deps.db.kysely, { volunteerUserId: actor.userId, status: q.status, offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return { items: r.rows.map(view), total: r.total };
}

/** The reports of the supervisor's centers (subtree). Errors: forbidden (no supervision:manage). */
export async function listObservationsFor(ctx: Ctx, input: ObservationQuery): Promise<ObservationList> {
  const actor = requirePermission(ctx, 'supervision:manage');
  const q = Query.parse(input);
  const r = await listObservations(ctx.deps.db.kysely, { grants: grantsOf(actor, 'supervision:manage'), status: q.status, offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return { items: r.rows.map(view), total: r.total };
}

/** Errors: forbidden (no supervision:manage over the report's center), notFound, invalidState (handled already), conflict (stale version). */
export async function handleObservationAs(ctx: Ctx, id: string, input: HandleObservationBody): Promise<ObservationView> {
  const actor = requirePermission(ctx, 'supervision:manage');
  const b = HandleBody.parse(input);
  return inTx(ctx.deps, async (trx) => {
    const r = await findObservation(trx, id);
    if (!r) throw notFound('暗访报告', 'Observation report');
    requireOver(actor, 'supervision:manage', r.center_path, null);
    if (r.version !== b.version) throw conflict('暗访报告', 'The observation report');
    if (r.status !== 'filed') throw new AppError('invalidState', '该暗访报告已处理', 'The observation report was handled already');
    const at = nowIso(ctx.deps);
    if (!(await handleObservation(trx, id, b.version, { handling: b.handling, handled_by: actor.userId, handled_at: at }))) throw conflict('暗访报告', 'The observation report');
    await recordAction(trx, ctx, { entity: 'observationReport', entityId: id, action: 'handle', payload: { handling: b.handling } });
    return view((await findObservation(trx, id))!);
  });
}
