/**
 * Moves the system makes on a case (timers: a supplement request expired, 容缺 materials overdue
 * or still missing), through the same pieces as a person's move (move.ts): the case locked, its
 * action list folded, the domain's `transition` with the system as the actor, then `writeMove` —
 * the projection under the version check, the action row, the audit row and the move's effects.
 *
 * Unlike `moveCase` it runs in the caller's transaction (the sweeper's, so the timer is marked
 * fired with the move or not at all), takes no client version (it reads the current one under
 * the lock) and may decide not to move: a timer whose rule no longer applies completes as a no-op.
 *
 * The audit row is written with no signed-in actor, so it reads `system` / role `system`
 * (SYSTEM_ACTOR would read as its centerAdmin grant); the action row says actor `system`, role
 * `system`, which the domain's role rules require of these moves.
 */
import type { Transaction } from 'kysely';
import type { ItemData } from '../../../contracts/catalogue.js';
import { type ActionBase, type CaseAction, type CaseState, type LightThresholds, foldCase, transition } from '../../../domain/case/index.js';
import type { WorkCalendar } from '../../../domain/calendar/index.js';
import type { Database } from '../../db/schema.js';
import { type CaseRow, listCaseActions, lockCase } from '../../repositories/cases.js';
import { loadCalendar } from '../calendar/load.js';
import { readData } from '../catalogue/version-row.js';
import type { Ctx, Deps } from '../context.js';
import { lightThresholdsFor } from '../settings/index.js';
import { caseItemOf, getCaseRow, getItemVersion, today } from './access.js';
import { caseConflict, toAction, writeMove } from './store.js';

export const SYSTEM_CASE_ACTOR = { id: 'system', role: 'system' } as const;

/** The context system moves are written under: no signed-in actor (see the module comment). */
export const timerCtx = (deps: Deps): Ctx => ({ deps, actor: null, ip: 'timer' });

/** A case read under its lock, as a move sees it. */
export interface LockedCase {
  row: CaseRow;
  state: CaseState;
  cal: WorkCalendar;
  thresholds: LightThresholds;
  item: ItemData;
  /** now: the instant and the center's business date */
  now: { at: string; date: string };
}

/** Locks the case for the transaction and folds its action list (404 unknown, 409 if they disagree). */
export async function lockedCase(trx: Transaction<Database>, deps: Deps, caseId: string): Promise<LockedCase> {
  await lockCase(trx, deps.db.dialect, caseId);
  const row = await getCaseRow(trx, caseId);
  const cal = await loadCalendar(trx, row.center_path);
  const thresholds = await lightThresholdsFor(trx, row.center_path);
  const v = await getItemVersion(trx, row.item_version_id);
  const state = foldCase(caseItemOf(v), (await listCaseActions(trx, row.id)).map(toAction), cal);
  if (state.version !== row.version) throw caseConflict(row.case_no);
  return { row, state, cal, thresholds, item: readData(v), now: today(timerCtx(deps), row.time_zone) };
}

/** The envelope of a system action now. */
export const systemBase = (c: LockedCase): ActionBase => ({ at: c.now.at, date: c.now.date, actorId: SYSTEM_CASE_ACTOR.id, role: SYSTEM_CASE_ACTOR.role });

/** Writes `action` on the locked case as the system; throws the domain's refusal, like a person's move. */
export async function writeSystemMove(trx: Transaction<Database>, deps: Deps, c: LockedCase, action: CaseAction): Promise<CaseState> {
  const r = transition(c.state, action, { cal: c.cal, actor: SYSTEM_CASE_ACTOR });
  if (!r.ok) throw r.error;
  await writeMove(trx, timerCtx(deps), { id: c.row.id, caseNo: c.row.case_no, version: c.row.version }, c.state, r.state, action, c.cal, c.thresholds);
  return r.state;
}

/**
 * Makes the move `build` returns, as the system, in `trx`; `build` returns null when the rule no
 * longer applies (nothing is written). Returns the state after the move, or null.
 */
export async function systemMove(
  trx: Transaction<Database>,
  deps: Deps,
  caseId: string,
  build: (base: ActionBase, c: LockedCase) => CaseAction | null,
): Promise<CaseState | null> {
  const c = await lockedCase(trx, deps, caseId);
  const action = build(systemBase(c), c);
  return action ? writeSystemMove(trx, deps, c, action) : null;
}
