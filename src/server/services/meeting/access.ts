/**
 * Who reaches a meeting: reading is `case:read` — a grant over the center subtree sees every
 * meeting there (supervisors, center staff), a department's grant those its department is
 * invited to (also from a center below the case's); scheduling, changing and recording are `supervision:manage` over the case's center.
 * Problems of the pure rules (domain/meeting) become AppErrors here.
 */
import { AppError, fieldError, forbidden, invalid, notFound } from '../../../domain/errors.js';
import type { MeetingProblem } from '../../../domain/meeting/index.js';
import { type Actor, can, scopesFor } from '../../../domain/permissions.js';
import { findDepartmentsByIds } from '../../repositories/departments.js';
import { findMeeting, listMeetingDepartments, type MeetingRow, type MeetingScope } from '../../repositories/meetings.js';
import type { Ctx, Executor } from '../context.js';

function signedIn(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('unauthenticated', '请先登录', 'Please log in');
  return ctx.actor;
}

/** case:read anywhere (403 before any input is looked at); where, as scopes. */
export function readScopes(ctx: Ctx): MeetingScope[] {
  const actor = signedIn(ctx);
  if (!can(actor, 'case:read')) throw forbidden();
  return scopesFor(actor, 'case:read')
    .filter((g) => g.centerPath !== null)
    .map((g) => ({ centerPath: g.centerPath!, departmentId: g.departmentId }));
}

/** supervision:manage anywhere (403 before any input is looked at). */
export function requireManager(ctx: Ctx): Actor {
  const actor = signedIn(ctx);
  if (!can(actor, 'supervision:manage')) throw forbidden();
  return actor;
}

/** supervision:manage over the case's center (403: another center's supervisor). */
export function requireManagerOver(actor: Actor, centerPath: string): void {
  if (!can(actor, 'supervision:manage', { centerPath })) throw forbidden();
}

/** The meeting if the reader may see it; 404 otherwise (its existence is not told). */
export async function visibleMeeting(db: Executor, scopes: readonly MeetingScope[], id: string): Promise<MeetingRow> {
  const row = await findMeeting(db, id);
  if (!row) throw notFound('联审会', 'Meeting');
  // center-wide grants over the meeting's center see it; a department's grant, when it is invited
  if (scopes.some((s) => s.departmentId === null && row.center_path.startsWith(s.centerPath))) return row;
  const invited = (await listMeetingDepartments(db, [id])).map((d) => d.department_id);
  if (scopes.some((s) => s.departmentId !== null && invited.includes(s.departmentId))) return row;
  throw notFound('联审会', 'Meeting');
}

/** The meeting for a change (404), with the manager's scope over it checked (403). */
export async function managedMeeting(db: Executor, actor: Actor, id: string): Promise<MeetingRow> {
  const row = await findMeeting(db, id);
  if (!row) throw notFound('联审会', 'Meeting');
  requireManagerOver(actor, row.center_path);
  return row;
}

/** A refusal of the rules: 400 naming the field, or 409 for the meeting's or the case's state. */
export function refused(p: MeetingProblem): AppError {
  return p.code === 'meeting.invalid' && p.field ? invalid([fieldError(p.field, p.zh, p.en)]) : new AppError('invalidState', p.zh, p.en);
}

/**
 * Which departments may be invited to a meeting on a case of `casePath`: active departments of
 * a center on the case center's line — the center itself, those above it, those below it.
 */
export async function invitable(db: Executor, casePath: string, ids: readonly string[]): Promise<(id: string) => boolean> {
  const depts = await findDepartmentsByIds(db, [...ids]);
  const ok = new Set(depts.filter((d) => d.active === 1 && (casePath.startsWith(d.center_path) || d.center_path.startsWith(casePath))).map((d) => d.id));
  return (id) => ok.has(id);
}
