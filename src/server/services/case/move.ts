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
 */
import type { ItemData } from '../../../contracts/catalogue.js';
import type { CaseView } from '../../../contracts/case.js';
import { type ActionBase, type CaseAction, type CaseState, foldCase, transition } from '../../../domain/case/index.js';
import type { WorkCalendar } from '../../../domain/calendar/index.js';
import { listCaseActions, lockCase } from '../../repositories/cases.js';
import { readData } from '../catalogue/version-row.js';
import { loadCalendar } from '../calendar/load.js';
import { lightThresholdsFor } from '../settings/index.js';
import { type Ctx, inTx } from '../context.js';
import { type CasePermission, caseActorFor, caseItemOf, caseScope, getCaseRow, getItemVersion, requireCasePermission, today } from './access.js';
import { getCase } from './get.js';
import { caseConflict, toAction, writeMove } from './store.js';

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
  await inTx(ctx.deps, async (trx) => {
    await lockCase(trx, ctx.deps.db.dialect, caseId);
    const row = await getCaseRow(trx, caseId);
    const caseActor = await caseActorFor(trx, actor, perm, caseScope(row), { itemId: row.item_id, departmentId: row.department_id });
    if (row.version !== version) throw caseConflict(row.case_no);
    const cal = await loadCalendar(trx, row.center_path);
    const thresholds = await lightThresholdsFor(trx, row.center_path);
    const v = await getItemVersion(trx, row.item_version_id);
    const state = foldCase(caseItemOf(v), (await listCaseActions(trx, row.id)).map(toAction), cal);
    // read under the lock, the row and its action list agree; if not, refuse rather than guess
    if (state.version !== row.version) throw caseConflict(row.case_no);
    const now = today(ctx, row.time_zone);
    const base: ActionBase = { at: now.at, date: now.date, actorId: caseActor.id, role: caseActor.role };
    const input: MoveInput = { item: readData(v), cal, caseNo: row.case_no };
    const action = build(base, input, state);
    const r = transition(state, action, { cal, actor: caseActor });
    if (!r.ok) throw r.error;
    await writeMove(trx, ctx, { id: row.id, caseNo: row.case_no, version: row.version }, state, r.state, action, cal, thresholds);
    let current = r.state;
    for (const next of followUps?.(current, base, input) ?? []) {
      const f = transition(current, next, { cal, actor: caseActor });
      if (!f.ok) throw f.error;
      await writeMove(trx, ctx, { id: row.id, caseNo: row.case_no, version: current.version }, current, f.state, next, cal, thresholds);
      current = f.state;
    }
  });
  return getCase(ctx, caseId);
}
