/**
 * What a child case's move does to its bundle run, in the move's transaction (called from
 * case/effects.ts): when the case ends — concluded or delivered approved, or not accepted,
 * withdrawn, terminated, denied — the run is locked and looked at again (domain/bundle/run.ts):
 * a failed child stops the run (the reason recorded); the stage's last child done opens the next
 * stage's child cases (open-child.ts); the last stage done concludes the run. A fee move (assess,
 * pay, cancel, refund) moves the run's version on, so a fee sheet read before it is stale (409 on
 * pay). Any other move that changes neither the status nor the outcome costs nothing here, and a
 * case of no run nothing when the caller read its row (cases.bundle_run_id), else one read.
 *
 * The run row is locked first, so two children of a stage concluded at the same time are seen
 * one after the other: the second sees the first's conclusion (PostgreSQL reads committed rows
 * after the lock; SQLite serialises writers) and opens the next stage exactly once.
 */
import type { Transaction } from 'kysely';
import { nextRunStep, stopReason } from '../../../domain/bundle/run.js';
import type { BundleStageDef } from '../../../domain/bundle/types.js';
import type { CaseAction, CaseState } from '../../../domain/case/index.js';
import type { Database } from '../../db/schema.js';
import { findRunOfCase, listRunCases, lockBundleRun, updateBundleRun } from '../../repositories/bundle-runs.js';
import { conflict } from '../../../domain/errors.js';
import { recordAction } from '../audit/record.js';
import type { Ctx } from '../context.js';
import { getRunRow } from './access.js';
import { childItem, openChildCase } from './open-child.js';

/** Moves that change a child's fees, so the run's fee sheet: they move the run's version on (a sheet read before is stale, 409). */
const FEE_MOVES = new Set<CaseAction['kind']>(['assessFee', 'payFee', 'cancelFee', 'refundFee']);

/** `runId`: the case row's bundle_run_id when the caller read it (null: no run, nothing to do); absent, it is looked up. */
export async function bundleRunEffects(trx: Transaction<Database>, ctx: Ctx, c: { id: string; caseNo: string }, prev: CaseState, next: CaseState, action: CaseAction, runId?: string | null): Promise<void> {
  const feeMove = FEE_MOVES.has(action.kind);
  if (!feeMove && prev.status === next.status && prev.outcome === next.outcome) return;
  if (runId === null) return;
  const link = runId === undefined ? await findRunOfCase(trx, c.id) : { run_id: runId };
  if (!link) return;
  await lockBundleRun(trx, ctx.deps.db.dialect, link.run_id);
  let run = await getRunRow(trx, link.run_id);
  if (feeMove) {
    if (!(await updateBundleRun(trx, run.id, run.version, { updated_at: action.at }))) throw conflict(`一件事办件 ${run.run_no} `, `Bundle run ${run.run_no}`);
    if (prev.status === next.status && prev.outcome === next.outcome) return;
    run = await getRunRow(trx, link.run_id);
  }
  if (run.status !== 'inProgress') return;
  const stages = JSON.parse(run.stages) as BundleStageDef[];
  const children = await listRunCases(trx, run.id);
  // this case's row is written before its effects: its status is the one after the move
  const step = nextRunStep(run.stage, stages.length, children.map((ch) => ({ caseId: ch.case_id, stage: ch.stage, status: ch.status, outcome: ch.outcome })));
  if (step.kind === 'wait') return;
  const at = action.at;
  const update = async (set: Parameters<typeof updateBundleRun>[3]) => {
    if (!(await updateBundleRun(trx, run.id, run.version, set))) throw conflict(`一件事办件 ${run.run_no} `, `Bundle run ${run.run_no}`);
  };
  if (step.kind === 'stop') {
    const ch = children.find((x) => x.case_id === step.caseId)!;
    const [zh, en] = stopReason({ caseNo: ch.case_no, itemName: ch.item_name, status: ch.status, outcome: ch.outcome });
    await update({ status: 'stopped', ended_on: action.date, stop_case_id: ch.case_id, stop_reason: JSON.stringify({ zh, en }), updated_at: at });
    await recordAction(trx, ctx, { entity: 'bundleRun', entityId: run.id, action: 'stop', payload: { runNo: run.run_no, caseId: ch.case_id, caseNo: ch.case_no, status: ch.status, outcome: ch.outcome } });
    return;
  }
  if (step.kind === 'conclude') {
    await update({ status: 'concluded', ended_on: action.date, updated_at: at });
    await recordAction(trx, ctx, { entity: 'bundleRun', entityId: run.id, action: 'conclude', payload: { runNo: run.run_no, stage: run.stage } });
    return;
  }
  // the next stage: every item must still take applications, or the run cannot go on
  const ids = stages[step.stage].itemIds;
  const items = await Promise.all(ids.map((id) => childItem(trx, id)));
  const gone = ids.filter((_, i) => items[i] === null);
  if (gone.length > 0) {
    const reason = { zh: `第 ${step.stage + 1} 阶段的事项已暂停或停止办理，一件事办件终止`, en: `An item of stage ${step.stage + 1} no longer takes applications; the bundle run stopped` };
    await update({ status: 'stopped', ended_on: action.date, stop_case_id: c.id, stop_reason: JSON.stringify(reason), updated_at: at });
    await recordAction(trx, ctx, { entity: 'bundleRun', entityId: run.id, action: 'stop', payload: { runNo: run.run_no, stage: step.stage, itemIds: gone } });
    return;
  }
  await update({ stage: step.stage, updated_at: at });
  await recordAction(trx, ctx, { entity: 'bundleRun', entityId: run.id, action: 'openStage', payload: { runNo: run.run_no, stage: step.stage, after: c.caseNo } });
  for (const [position, it] of items.entries()) await openChildCase(trx, ctx, run, it!, step.stage, position);
}
