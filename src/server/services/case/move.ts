/**
 * The shape every move on an existing case shares (accept, supplement, refuse, conclude on the
 * spot, and the moves to come): permission anywhere (403 before 404), the case locked for the
 * transaction, the scope and role, the version the client read (409 naming the case), the state folded from the action
 * list, the domain's `transition` (its refusal mapped by the error handler), then the write —
 * all in one transaction.
 *
 * A move may bring follow-ups: actions that belong to it and must never be seen apart from it
 * (starting review opens the first task; completing a task opens the next step's). Each is
 * checked by `transition` with the same actor and written as its own action row (version + 1)
 * and audit row, in the same transaction: no one can act on the case in between.
 *
 * The reply is the case as getCase shows it, built from what the move read and wrote (view.ts)
 * rather than read again: the row locked and read in one statement, the actions with their
 * actors' names, the calendar/settings revision tokens and the notices in another (on PostgreSQL
 * both in one), the item version,
 * calendar and thresholds from memory when their tokens say they are current (caches.ts,
 * calendar/load.ts).
 */
import type { ItemData } from '../../../contracts/catalogue.js';
import type { CaseView } from '../../../contracts/case.js';
import { type ActionBase, type CaseAction, type CaseState, foldCase, transition } from '../../../domain/case/index.js';
import type { WorkCalendar } from '../../../domain/calendar/index.js';
import { notFound } from '../../../domain/errors.js';
import { lockCaseWithActions } from '../../repositories/case-actions-view.js';
import { lockAndFindCase } from '../../repositories/cases.js';
import { calendarAt } from '../calendar/load.js';
import { type Ctx, inTx } from '../context.js';
import { type CasePermission, caseActorFor, caseScope, requireCasePermission, today } from './access.js';
import { caseItemVersion, thresholdsAt } from './caches.js';
import { actionsFromView, readActions } from './get.js';
import { toNoticeView } from './notices.js';
import { caseConflict, type MoveStep, toAction, writeMoves } from './store.js';
import { caseView, type ViewAction } from './view.js';

export interface MoveInput {
  /** the item version's data (material names) and the center's calendar (due dates) */
  item: ItemData;
  cal: WorkCalendar;
  /** the case number (receipt numbers are made from it) */
  caseNo: string;
}

/** The actions that follow a move, from the state after it (see the module comment). */
export type FollowUps = (next: CaseState, base: ActionBase, input: MoveInput) => CaseAction[];

export async function moveCase(
  ctx: Ctx,
  caseId: string,
  version: number,
  perm: CasePermission,
  build: (base: ActionBase, input: MoveInput, state: CaseState) => CaseAction,
  followUps?: FollowUps,
): Promise<CaseView> {
  const actor = requireCasePermission(ctx, perm);
  const moved = await inTx(ctx.deps, async (trx) => {
    // PostgreSQL: the row locked and the actions read in one statement (repositories/case-actions-view.ts)
    const both = ctx.deps.db.dialect === 'postgres' ? await lockCaseWithActions(trx, caseId) : null;
    const row = both ? both.row : await lockAndFindCase(trx, ctx.deps.db.dialect, caseId);
    if (!row) throw notFound('办件', 'Case');
    const caseActor = await caseActorFor(trx, actor, perm, caseScope(row), { itemId: row.item_id, departmentId: row.department_id });
    if (row.version !== version) throw caseConflict(row.case_no);
    const v = await caseItemVersion(trx, row.item_version_id);
    const read = both ? await actionsFromView(trx, row.id, both.view) : await readActions(trx, row.id);
    const cal = await calendarAt(trx, row.center_path, read.calendar);
    const thresholds = await thresholdsAt(trx, row.center_path, read.settings);
    const state = foldCase(v.item, read.actions.map((a) => a.action), cal);
    // read under the lock, the row and its action list agree; if not, refuse rather than guess
    if (state.version !== row.version) throw caseConflict(row.case_no);
    const now = today(ctx, row.time_zone);
    const base: ActionBase = { at: now.at, date: now.date, actorId: caseActor.id, role: caseActor.role };
    const input: MoveInput = { item: v.data, cal, caseNo: row.case_no };
    const action = build(base, input, state);
    const r = transition(state, action, { cal, actor: caseActor });
    if (!r.ok) throw r.error;
    const steps: MoveStep[] = [{ prev: state, next: r.state, action }];
    for (const next of followUps?.(r.state, base, input) ?? []) {
      const current = steps[steps.length - 1].next;
      const f = transition(current, next, { cal, actor: caseActor });
      if (!f.ok) throw f.error;
      steps.push({ prev: current, next: f.state, action: next });
    }
    // read with the actions (repositories/case-actions-view.ts)
    const notices = read.notices;
    const facts = { ...row, item_name: v.name };
    const written = await writeMoves(trx, ctx, { id: row.id, caseNo: row.case_no, version: row.version }, steps, cal, thresholds, {
      notices,
      facts,
      timers: { timeZone: row.time_zone, centerPath: row.center_path, cal, thresholds },
      joint: { coDepartments: row.co_departments, timeZone: row.time_zone, cal },
      bundleRunId: row.bundle_run_id,
      supervision: { row: facts, data: v.data, actions: read.actions.map((a) => ({ seq: a.row.seq, action: a.action })), cal, settingsRevision: read.settings },
    });
    const last = steps[steps.length - 1];
    // the row as the move left it (store.ts projection: what the view reads of it is its version and time)
    const after = { ...row, version: last.next.version, updated_at: last.action.at };
    // the mover's own name, as the users table gives it (the system has none there)
    const actorName = actor.userId === 'system' ? null : actor.displayName;
    const actions: ViewAction[] = [...read.actions, ...written.map((w) => ({ row: w, action: toAction(w), actorName }))];
    return { row: after, version: v, state: last.next, actions, cal, thresholds, notices };
  });
  // as getCase answers it: the reader's permission and role over the case, today's date
  const reader = requireCasePermission(ctx, 'case:read');
  const row = moved.row;
  const caseActor = await caseActorFor(ctx.deps.db.kysely, reader, 'case:read', caseScope(row), { itemId: row.item_id, departmentId: row.department_id });
  const { date } = today(ctx, row.time_zone);
  return caseView({ ...moved, date, notices: moved.notices.map(toNoticeView), caseActor });
}
