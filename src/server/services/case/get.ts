/**
 * One case as staff see it: its state folded from the action list (never the stored columns),
 * with the item version it was taken in under, its tasks and their clocks, its deadlines, light
 * and the moves the signed-in person may make now (built by view.ts).
 */
import type { CaseView } from '../../../contracts/case.js';
import { foldCase } from '../../../domain/case/index.js';
import { listCaseActionsForView } from '../../repositories/case-actions-view.js';
import { readRevision } from '../../repositories/calendar.js';
import { listNotices } from '../../repositories/notifications.js';
import type { CaseNoticesTable } from '../../db/schema.js';
import { calendarAt } from '../calendar/load.js';
import type { Ctx, Executor } from '../context.js';
import { caseActorFor, caseScope, getCaseRow, requireCasePermission, today } from './access.js';
import { caseItemVersion, thresholdsAt } from './caches.js';
import { toNoticeView } from './notices.js';
import { toAction } from './store.js';
import { caseView, type ViewAction } from './view.js';

/**
 * Errors: forbidden (no case:read, or not over the case's center and department), notFound.
 */
export async function getCase(ctx: Ctx, id: string): Promise<CaseView> {
  const actor = requireCasePermission(ctx, 'case:read');
  const db = ctx.deps.db.kysely;
  const row = await getCaseRow(db, id);
  const caseActor = await caseActorFor(db, actor, 'case:read', caseScope(row), { itemId: row.item_id, departmentId: row.department_id });
  const version = await caseItemVersion(db, row.item_version_id);
  const { actions, calendar, settings, notices } = await readActions(db, row.id);
  const cal = await calendarAt(db, row.center_path, calendar);
  const thresholds = await thresholdsAt(db, row.center_path, settings);
  const state = foldCase(version.item, actions.map((a) => a.action), cal);
  const { date } = today(ctx, row.time_zone);
  return caseView({ row, version, state, actions, cal, thresholds, date, notices: notices.map(toNoticeView), caseActor });
}

/**
 * The case's actions as the domain and the view read them, with the calendar and settings
 * revision tokens and the case's notices read in the same statement (a case always has an
 * action; the tokens and notices are read on their own only if not).
 */
export async function readActions(db: Executor, caseId: string): Promise<ReadActions> {
  return actionsFromView(db, caseId, await listCaseActionsForView(db, caseId));
}

export interface ReadActions {
  actions: ViewAction[];
  calendar: string;
  settings: string;
  notices: CaseNoticesTable[];
}

/** `readActions` from what the statement read (also case/move.ts, which reads it with the case row). */
export async function actionsFromView(db: Executor, caseId: string, view: Awaited<ReturnType<typeof listCaseActionsForView>>): Promise<ReadActions> {
  const { rows, revisions, notices: read } = view;
  const actions = rows.map(({ actor_name, ...row }) => ({ row, action: toAction(row), actorName: actor_name }));
  const notices = read ?? await listNotices(db, caseId);
  if (revisions) return { actions, ...revisions, notices };
  return { actions, calendar: await readRevision(db, 'calendar'), settings: await readRevision(db, 'settings'), notices };
}
