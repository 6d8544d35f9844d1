/**
 * A move the applicant makes on their own case from the online hall (supply, withdraw, ask for a
 * recheck). `moveCase` (case/move.ts) serves staff only — it asks for a staff permission and
 * takes the role from the actor's grants — so this is its applicant twin, made of the same
 * exported pieces: the case locked for the transaction, ownership (404 for anyone else's case),
 * the version the applicant read (409 naming the case), the state folded from the action list,
 * the domain's `transition` with the actor in role `applicant` (its refusal mapped by the error
 * handler), then `writeMove` — the projection, action row, audit row, notices and messages —
 * and `after`, for the hall's own rows, all in one transaction.
 */
import type { Transaction } from 'kysely';
import type { ItemData } from '../../../contracts/catalogue.js';
import type { MyCaseView } from '../../../contracts/hall-cases.js';
import { type ActionBase, type CaseAction, type CaseState, foldCase, transition } from '../../../domain/case/index.js';
import type { WorkCalendar } from '../../../domain/calendar/index.js';
import type { Database } from '../../db/schema.js';
import { type CaseRow, listCaseActions, lockCase } from '../../repositories/cases.js';
import { readData } from '../catalogue/version-row.js';
import { loadCalendar } from '../calendar/load.js';
import { caseItemOf, getItemVersion, today } from '../case/access.js';
import { caseConflict, toAction, writeMove } from '../case/store.js';
import { type Ctx, inTx } from '../context.js';
import { lightThresholdsFor } from '../settings/index.js';
import { ownCase, requireApplicant } from './access.js';
import { myCase } from './case-view.js';

export interface ApplicantMoveInput {
  trx: Transaction<Database>;
  item: ItemData;
  cal: WorkCalendar;
  row: CaseRow;
}

export type AfterMove = (prev: CaseState, next: CaseState, action: CaseAction, input: ApplicantMoveInput) => Promise<void>;

/** Errors: unauthenticated, forbidden (staff), notFound, conflict (stale `version`), the domain's refusal, and `build`'s / `after`'s. */
export async function applicantMove(
  ctx: Ctx,
  caseId: string,
  version: number,
  build: (base: ActionBase, input: ApplicantMoveInput, state: CaseState) => CaseAction | Promise<CaseAction>,
  after?: AfterMove,
): Promise<MyCaseView> {
  const actor = requireApplicant(ctx);
  await inTx(ctx.deps, async (trx) => {
    await lockCase(trx, ctx.deps.db.dialect, caseId);
    const row = await ownCase(trx, actor.userId, caseId);
    if (row.version !== version) throw caseConflict(row.case_no);
    const cal = await loadCalendar(trx, row.center_path);
    const thresholds = await lightThresholdsFor(trx, row.center_path);
    const v = await getItemVersion(trx, row.item_version_id);
    const state = foldCase(caseItemOf(v), (await listCaseActions(trx, row.id)).map(toAction), cal);
    if (state.version !== row.version) throw caseConflict(row.case_no);
    const now = today(ctx, row.time_zone);
    const base: ActionBase = { at: now.at, date: now.date, actorId: actor.userId, role: 'applicant' };
    const input: ApplicantMoveInput = { trx, item: readData(v), cal, row };
    const action = await build(base, input, state);
    const r = transition(state, action, { cal, actor: { id: actor.userId, role: 'applicant' } });
    if (!r.ok) throw r.error;
    await writeMove(trx, ctx, { id: row.id, caseNo: row.case_no, version: row.version }, state, r.state, action, cal, thresholds);
    await after?.(state, r.state, action, input);
  });
  return myCase(ctx, caseId);
}
